import type { ErrorNode, Operation } from "./model";

/**
 * The innermost error: the one function that picks what a person should read first, for the dashboard row, the
 * completion notice, the browser notification, the error tree (which opens along `path`) and the support report.
 *
 * The rule: from an error, follow the first entry of `details`, or else the `innererror` chain, down to a leaf.
 * An operation whose own error is missing, or is a bare leaf that can only say "a child failed", takes the root cause
 * of its first failed child operation instead (nested children likewise).
 */

interface RootCauseChild {
  /** Index of each child operation from the top operation down, e.g. [1, 0] = first child of the second child. */
  indexPath: number[];
  /** How to name the child that holds the cause: its `name`, else its `id`, else "child operation 2". */
  label: string;
  status: string | null;
}

export interface RootCause {
  code: string | undefined;
  /**
   * The leaf's message. An `innererror` link carries only a code that refines the error it belongs to, so a cause
   * found in that chain keeps the message and target of the error that owns the chain.
   */
  message: string | undefined;
  target: string | undefined;
  /** Ids of the error tree's nodes from its root down to the cause (see the id helpers below); the last is the cause. */
  path: string[];
  /** How many levels below the top error the cause sits (0: the top error is already the leaf). */
  depth: number;
  /** Set when the cause came from a child operation's error. */
  child: RootCauseChild | undefined;
}

/*
 * Error tree node ids, shared with components/error-tree so a path found here names nodes the tree renders.
 * The operation's own error is "e"; its details "e.d0", "e.d1"; its innererror chain "e.i", "e.i.i";
 * a child operation's branch "c0" (nested: "c0.c2"), and that child's error "c0.e".
 */
export const OWN_ERROR_ID = "e";
export const detailNodeId = (parentId: string, index: number): string => `${parentId}.d${index}`;
export const additionalInfoNodeId = (parentId: string, index: number): string => `${parentId}.a${index}`;
export const innerErrorNodeId = (parentId: string): string => `${parentId}.i`;
export const childNodeId = (parentId: string | undefined, index: number): string =>
  parentId === undefined ? `c${index}` : `${parentId}.c${index}`;
export const childErrorNodeId = (childId: string): string => `${childId}.e`;

/** The innermost error under `node`, whose tree id is `rootId`. */
export function innermostError(node: ErrorNode, rootId: string = OWN_ERROR_ID): RootCause {
  const path = [rootId];
  // The deepest node on the way down that says anything: an empty leaf ({}) must not hide its parent's words.
  let best: ErrorNode = node;
  let bestCode = node.code;
  let bestDepth = 0;
  let current = node;
  let id = rootId;
  // A loop, not recursion: normalized JSON cannot cycle, but it can nest deeper than the stack.
  for (;;) {
    const first = current.details[0];
    if (!first) break;
    current = first;
    id = detailNodeId(id, 0);
    path.push(id);
    if (says(first)) {
      best = first;
      bestCode = first.code;
      bestDepth = path.length - 1;
    }
  }
  const pathToBest = path.slice(0, bestDepth + 1);
  // The chain refines the code of the error that owns it, so it is followed from the chosen error only, to its last
  // link that has a code.
  let innerId = pathToBest[pathToBest.length - 1] ?? rootId;
  const chain: string[] = [];
  for (const link of best.innerErrors) {
    innerId = innerErrorNodeId(innerId);
    chain.push(innerId);
    if (link.code !== undefined) {
      bestCode = link.code;
      pathToBest.push(...chain.splice(0));
    }
  }
  return { code: bestCode, message: best.message, target: best.target, path: pathToBest, depth: pathToBest.length - 1, child: undefined };
}

const says = (node: ErrorNode): boolean =>
  Boolean(node.code) || Boolean(node.message) || node.innerErrors.some((link) => link.code !== undefined);

/** What an operation's root cause is read from: its own error and its child operations. */
export interface ErrorHolder {
  error: ErrorNode | undefined;
  children: readonly Operation[];
}

/**
 * The root cause of an operation: its own innermost error, unless that error is missing or is a bare leaf and a child
 * operation failed, in which case the failed child's root cause (its own children likewise). Undefined when there is
 * no error anywhere.
 */
export function rootCauseOf(operation: ErrorHolder): RootCause | undefined {
  return rootCauseBelow(operation, undefined, []);
}

function rootCauseBelow(
  operation: ErrorHolder,
  nodeId: string | undefined,
  indexPath: number[],
): RootCause | undefined {
  const ownId = nodeId === undefined ? OWN_ERROR_ID : childErrorNodeId(nodeId);
  const own = operation.error ? innermostError(operation.error, ownId) : undefined;
  if (own && own.depth > 0) return own;
  // A leaf at the parent ("ChildFailed: One child operation failed.") says less than the child that failed.
  for (const [index, child] of operation.children.entries()) {
    if (!failedChild(child)) continue;
    const childId = childNodeId(nodeId, index);
    const childPath = [...indexPath, index];
    const fromChild = rootCauseBelow(child, childId, childPath);
    if (fromChild) {
      return {
        ...fromChild,
        path: [childId, ...fromChild.path],
        child: fromChild.child ?? { indexPath: childPath, label: childLabel(child, index), status: child.status },
      };
    }
  }
  return own;
}

/**
 * What every view of a failed operation names (the cards, the table, a board, the timeline): its root cause, or
 * nothing while it has not failed. A running operation's error, if Azure sends one, is not yet why it failed.
 */
export function failureCause(operation: (ErrorHolder & Pick<Operation, "category">) | undefined): RootCause | undefined {
  return operation?.category === "failed" ? rootCauseOf(operation) : undefined;
}

/** A child counts when it failed, or carries an error without having succeeded (Canceled with a reason, say). */
export const failedChild = (child: Pick<Operation, "category" | "error">): boolean =>
  child.category === "failed" || (child.error !== undefined && child.category !== "succeeded");

export function childLabel(child: Pick<Operation, "name" | "id">, index: number): string {
  return child.name ?? child.id ?? `child operation ${index + 1}`;
}

/** "PermissionDenied: The identity lacks …" in one line, for notices, notifications and rows. */
export function rootCauseText(cause: Pick<RootCause, "code" | "message">): string {
  const code = cause.code ?? "(no code)";
  return cause.message ? `${code}: ${cause.message}` : code;
}

/** " (in child operation install-github-app)" when the cause is a child operation's, else "". */
export function rootCauseWhere(cause: Pick<RootCause, "child">): string {
  return cause.child ? ` (in child operation ${cause.child.label})` : "";
}

/** The root cause as the dashboard row reads it, for a report: "PermissionDenied: … (in child operation x)". */
export function rootCauseLine(cause: Pick<RootCause, "code" | "message" | "child">): string {
  return `${rootCauseText(cause)}${rootCauseWhere(cause)}`;
}

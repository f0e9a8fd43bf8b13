import type { AdditionalInfo, ErrorNode, Operation } from "@/lib/operations/model";
import {
  additionalInfoNodeId,
  childErrorNodeId,
  childLabel,
  childNodeId,
  detailNodeId,
  failedChild,
  innerErrorNodeId,
  OWN_ERROR_ID,
} from "@/lib/operations/root-cause";

/**
 * The error tree as the tree view shows it: each ARM/Azure Core error node, its `details`, its `additionalInfo` entries
 * and its `innererror` chain become nodes with stable path ids (the ones `root-cause.ts` names, so the tree can open
 * along the root cause's path). A failed child operation is a branch of its own, holding its error and its failed
 * children. Building the whole model is cheap (plain objects); only rendering is lazy.
 */

export type TreeNode =
  | { id: string; kind: "error"; error: ErrorNode; children: TreeNode[] }
  | { id: string; kind: "additionalInfo"; entry: AdditionalInfo; children: TreeNode[] }
  | { id: string; kind: "innerError"; code: string | undefined; rest: { code: string | undefined }[]; children: TreeNode[] }
  | { id: string; kind: "childOperation"; label: string; operation: Operation; children: TreeNode[] };

export function buildTree(error: ErrorNode, id: string = OWN_ERROR_ID): TreeNode {
  const children: TreeNode[] = [
    ...error.details.map((detail, i) => buildTree(detail, detailNodeId(id, i))),
    ...error.additionalInfo.map((entry, i): TreeNode => ({ id: additionalInfoNodeId(id, i), kind: "additionalInfo", entry, children: [] })),
  ];
  const inner = innerChain(error.innerErrors, innerErrorNodeId(id));
  if (inner) children.push(inner);
  return { id, kind: "error", error, children };
}

/** The operation's own error (if any), then a branch for each child operation that failed or holds one that did. */
export function buildRoots(error: ErrorNode | undefined, childOperations: readonly Operation[] = []): TreeNode[] {
  return [...(error ? [buildTree(error)] : []), ...childBranches(childOperations, undefined)];
}

/** Whether there is any error tree to show: the operation's own error, or a child operation that failed. */
export function hasErrorTree(error: ErrorNode | undefined, childOperations: readonly Operation[] = []): boolean {
  return error !== undefined || childBranches(childOperations, undefined).length > 0;
}

function childBranches(operations: readonly Operation[], parentId: string | undefined): TreeNode[] {
  return operations.flatMap((operation, i): TreeNode[] => {
    const id = childNodeId(parentId, i);
    const failedBelow = childBranches(operation.children, id);
    // A child that neither failed nor holds one that did is not part of the error; the child list shows it.
    if (!failedChild(operation) && failedBelow.length === 0) return [];
    const own = operation.error ? [buildTree(operation.error, childErrorNodeId(id))] : [];
    return [{ id, kind: "childOperation", label: childLabel(operation, i), operation, children: [...own, ...failedBelow] }];
  });
}

/** The branches to open so that the node at the end of `path` shows: every node on the way, not the node itself. */
export function openAlong(path: readonly string[]): Set<string> {
  return new Set(path.slice(0, -1));
}

/** The chain is stored flat (outermost first); on screen each link nests in the one before, as in the wire format. */
function innerChain(chain: readonly { code: string | undefined }[], id: string): TreeNode | undefined {
  const [first, ...rest] = chain;
  if (!first) return undefined;
  const next = innerChain(rest, `${id}.i`);
  return { id, kind: "innerError", code: first.code, rest, children: next ? [next] : [] };
}

export interface VisibleNode {
  node: TreeNode;
  level: number;
  parentId: string | undefined;
  /** 1-based position among its siblings, and their count (aria-posinset / aria-setsize). */
  posinset: number;
  setsize: number;
}

/** Nodes a person can reach by arrow keys: the roots and every child of an expanded node, in document order. */
export function visibleNodes(roots: readonly TreeNode[], expanded: ReadonlySet<string>): VisibleNode[] {
  const out: VisibleNode[] = [];
  // Iterative walk: a deeply nested tree must not overflow the stack.
  const stack: VisibleNode[] = roots
    .map((node, i) => ({ node, level: 1, parentId: undefined, posinset: i + 1, setsize: roots.length }))
    .reverse();
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current) break;
    out.push(current);
    if (expanded.has(current.node.id)) {
      for (let i = current.node.children.length - 1; i >= 0; i--) {
        const child = current.node.children[i];
        if (child) {
          stack.push({
            node: child,
            level: current.level + 1,
            parentId: current.node.id,
            posinset: i + 1,
            setsize: current.node.children.length,
          });
        }
      }
    }
  }
  return out;
}

export function allBranchIds(roots: readonly TreeNode[]): Set<string> {
  const ids = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (node.children.length > 0) {
      ids.add(node.id);
      stack.push(...node.children);
    }
  }
  return ids;
}

/** A node in Azure's own JSON shape, for "copy as JSON". */
export function nodeJson(node: TreeNode): unknown {
  if (node.kind === "childOperation") return node.operation.raw ?? null;
  if (node.kind === "additionalInfo") return { type: node.entry.type, info: node.entry.info };
  if (node.kind === "innerError") return innerJson([{ code: node.code }, ...node.rest]);
  return errorJson(node.error);
}

function errorJson(error: ErrorNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (error.code !== undefined) out.code = error.code;
  if (error.message !== undefined) out.message = error.message;
  if (error.target !== undefined) out.target = error.target;
  if (error.details.length > 0) out.details = error.details.map(errorJson);
  if (error.additionalInfo.length > 0) out.additionalInfo = error.additionalInfo.map((a) => ({ type: a.type, info: a.info }));
  const inner = innerJson(error.innerErrors);
  if (inner !== undefined) out.innererror = inner;
  return out;
}

function innerJson(chain: readonly { code: string | undefined }[]): Record<string, unknown> | undefined {
  let result: Record<string, unknown> | undefined;
  for (let i = chain.length - 1; i >= 0; i--) {
    const link: Record<string, unknown> = { code: chain[i]?.code };
    if (result) link.innererror = result;
    result = link;
  }
  return result;
}

export function countNodes(roots: readonly TreeNode[]): number {
  let n = 0;
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    n++;
    stack.push(...node.children);
  }
  return n;
}

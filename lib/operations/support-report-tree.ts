import type { ErrorNode, Operation } from "./model";
import { redactedJson } from "./redact-secrets";
import {
  additionalInfoNodeId,
  childErrorNodeId,
  childLabel,
  childNodeId,
  detailNodeId,
  failedChild,
  innerErrorNodeId,
  OWN_ERROR_ID,
} from "./root-cause";
import { clip, cleanLine, cleanLines } from "./support-report-text-bounds";

/**
 * The error tree as indented text lines for a support report: each error's code and message, then its target,
 * additionalInfo (type and compact JSON) and innererror chain, then its details one level deeper; a failed child
 * operation as a branch holding its error, as the page's tree shows it. Bounded: a 10,000-node tree gives a few
 * hundred lines, ending in "… N more" lines that say what was left out.
 */

const TREE_LIMITS = {
  /** Error nodes written in all (the operation's own tree, failed children, a read error's tree share it). */
  nodes: 150,
  /** Levels of details below the top error. */
  depth: 16,
  /** Characters of the tree text in all. */
  chars: 40_000,
  additionalInfoPerNode: 10,
  innerErrorLinks: 16,
  message: 1_000,
  code: 200,
  target: 400,
  additionalInfoJson: 500,
} as const;

const INDENT = "  ";
export const ROOT_CAUSE_MARK = "  ← root cause";

export interface TreeBudget {
  nodes: number;
  chars: number;
}

export const newTreeBudget = (): TreeBudget => ({ nodes: TREE_LIMITS.nodes, chars: TREE_LIMITS.chars });

/** Lines of one error tree; `rootCauseId` marks the node the root cause names (its id from root-cause.ts). */
export function errorTreeLines(
  error: ErrorNode,
  options: { rootId?: string; level?: number; rootCauseId?: string | undefined; budget: TreeBudget },
): string[] {
  const lines: string[] = [];
  writeError(lines, error, options.rootId ?? OWN_ERROR_ID, options.level ?? 0, 0, options.rootCauseId, options.budget);
  return lines;
}

function writeError(
  out: string[],
  node: ErrorNode,
  id: string,
  level: number,
  depth: number,
  causeId: string | undefined,
  budget: TreeBudget,
): void {
  const pad = INDENT.repeat(level);
  const [first = "", ...rest] = node.message === undefined ? [] : cleanLines(node.message, TREE_LIMITS.message);
  const code = node.code === undefined ? "(no code)" : cleanLine(node.code, TREE_LIMITS.code);
  const head = node.message === undefined ? code : `${code}: ${first}`;
  push(out, budget, `${pad}- ${head}${id === causeId ? ROOT_CAUSE_MARK : ""}`);
  budget.nodes--;
  for (const line of rest) push(out, budget, `${pad}  ${line}`);
  if (node.target !== undefined) push(out, budget, `${pad}  target: ${cleanLine(node.target, TREE_LIMITS.target)}`);

  for (const [i, entry] of node.additionalInfo.slice(0, TREE_LIMITS.additionalInfoPerNode).entries()) {
    const type = entry.type === undefined ? "(no type)" : cleanLine(entry.type, TREE_LIMITS.code);
    const json = clip(redactedJson(entry.info), TREE_LIMITS.additionalInfoJson);
    const mark = additionalInfoNodeId(id, i) === causeId ? ROOT_CAUSE_MARK : "";
    push(out, budget, `${pad}  additionalInfo ${type}: ${json}${mark}`);
  }
  const moreInfo = node.additionalInfo.length - TREE_LIMITS.additionalInfoPerNode;
  if (moreInfo > 0) push(out, budget, `${pad}  … ${moreInfo} more additionalInfo ${moreInfo === 1 ? "entry" : "entries"}`);

  let innerId = id;
  for (const [i, link] of node.innerErrors.slice(0, TREE_LIMITS.innerErrorLinks).entries()) {
    innerId = innerErrorNodeId(innerId);
    const linkCode = link.code === undefined ? "(no code)" : cleanLine(link.code, TREE_LIMITS.code);
    push(out, budget, `${pad}  ${INDENT.repeat(i)}innererror: ${linkCode}${innerId === causeId ? ROOT_CAUSE_MARK : ""}`);
  }
  const moreLinks = node.innerErrors.length - TREE_LIMITS.innerErrorLinks;
  if (moreLinks > 0) push(out, budget, `${pad}  … ${moreLinks} more innererror ${moreLinks === 1 ? "link" : "links"}`);

  if (node.details.length === 0) return;
  if (depth >= TREE_LIMITS.depth) {
    const below = countErrors(node.details);
    push(out, budget, `${pad}  … ${below} more ${below === 1 ? "error" : "errors"} below (deeper than ${TREE_LIMITS.depth} levels)`);
    return;
  }
  for (const [i, detail] of node.details.entries()) {
    if (spent(budget)) {
      const left = countErrors(node.details.slice(i));
      push(out, budget, `${pad}${INDENT}- … ${left} more ${left === 1 ? "error" : "errors"} (the report's size limit)`, true);
      return;
    }
    writeError(out, detail, detailNodeId(id, i), level + 1, depth + 1, causeId, budget);
  }
}

/**
 * The failed child operations as branches (a child that neither failed nor holds one that did is left out, as on the
 * page): "child operation {name} ({status})", its error tree, then its failed children.
 */
export function failedChildLines(
  children: readonly Operation[],
  options: { parentId?: string | undefined; level?: number; rootCauseId?: string | undefined; budget: TreeBudget },
): string[] {
  const out: string[] = [];
  writeChildren(out, children, options.parentId, options.level ?? 0, options.rootCauseId, options.budget, 0);
  return out;
}

function writeChildren(
  out: string[],
  children: readonly Operation[],
  parentId: string | undefined,
  level: number,
  causeId: string | undefined,
  budget: TreeBudget,
  depth: number,
): void {
  const pad = INDENT.repeat(level);
  for (const [i, child] of children.entries()) {
    if (!failedChild(child) && !holdsFailure(child.children)) continue;
    if (spent(budget) || depth >= TREE_LIMITS.depth) {
      push(out, budget, `${pad}- … more failed child operations (the report's size limit)`, true);
      return;
    }
    const id = childNodeId(parentId, i);
    const status = child.status === null ? "no status" : cleanLine(child.status, TREE_LIMITS.code);
    push(out, budget, `${pad}- child operation ${cleanLine(childLabel(child, i), TREE_LIMITS.target)} (${status})`);
    if (child.error) writeError(out, child.error, childErrorNodeId(id), level + 1, depth + 1, causeId, budget);
    writeChildren(out, child.children, id, level + 1, causeId, budget, depth + 1);
  }
}

/** Whether any operation below failed (iterative: children nest without a limit the stack knows). */
function holdsFailure(children: readonly Operation[]): boolean {
  const stack = [...children];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (failedChild(next)) return true;
    stack.push(...next.children);
  }
  return false;
}

/** Error nodes in these subtrees, counted without recursion. */
function countErrors(nodes: readonly ErrorNode[]): number {
  const stack = [...nodes];
  let count = 0;
  for (let next = stack.pop(); next; next = stack.pop()) {
    count++;
    stack.push(...next.details);
  }
  return count;
}

const spent = (budget: TreeBudget): boolean => budget.nodes <= 0 || budget.chars <= 0;

/** A line counts against the size budget; a closing "… more" line is always written. */
function push(out: string[], budget: TreeBudget, line: string, closing = false): void {
  if (!closing && budget.chars <= 0) return;
  out.push(line);
  budget.chars -= line.length + 1;
}

import { CATEGORY_LABELS, elapsedMs, formatDuration, formatPercent } from "./format";
import type { Operation } from "./model";
import { childLabel, rootCauseOf, rootCauseText } from "./root-cause";
import { cleanLine, iso } from "./support-report-text-bounds";

/** Child operations in brief, one line each, nested: name, status, progress, times, and a failed one's root cause. */

const MAX_LINES = 60;
const MAX_DEPTH = 8;

export function childLines(children: readonly Operation[], now: number): string[] {
  const out: string[] = [];
  const left = write(out, children, 0, now);
  if (left > 0) out.push(`… ${left} more child ${left === 1 ? "operation" : "operations"}`);
  return out;
}

/** Writes what fits; returns how many operations were left out. */
function write(out: string[], children: readonly Operation[], level: number, now: number): number {
  let left = 0;
  for (const [i, child] of children.entries()) {
    if (out.length >= MAX_LINES || level >= MAX_DEPTH) {
      left += 1 + count(child.children);
      continue;
    }
    out.push(`${"  ".repeat(level)}- ${line(child, i, now)}`);
    left += write(out, child.children, level + 1, now);
  }
  return left;
}

function line(child: Operation, index: number, now: number): string {
  const parts = [
    cleanLine(childLabel(child, index), 200),
    `${child.status === null ? "(no status)" : cleanLine(child.status, 100)} (${CATEGORY_LABELS[child.category]})`,
  ];
  if (child.percentComplete !== undefined) parts.push(formatPercent(child.percentComplete));
  if (child.startTime !== undefined) {
    const elapsed = elapsedMs(child.startTime, child.endTime, now) ?? 0;
    parts.push(`${iso(child.startTime)} → ${iso(child.endTime)} (${formatDuration(elapsed)})`);
  }
  const cause = rootCauseOf(child);
  if (cause) parts.push(`root cause ${cleanLine(rootCauseText(cause), 300)}`);
  return parts.join(" · ");
}

function count(children: readonly Operation[]): number {
  const stack = [...children];
  let n = 0;
  for (let next = stack.pop(); next; next = stack.pop()) {
    n++;
    stack.push(...next.children);
  }
  return n;
}

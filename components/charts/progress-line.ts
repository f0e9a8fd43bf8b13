import { isTerminal, type Operation } from "@/lib/operations/model";
import type { PollRecord } from "@/lib/polling/poll-record";

/**
 * The progress chart's line on the operation's own clock, not opwatch's. A read of a running operation is placed when
 * it was read (the best clock there is for it), never before the operation's start; a finished operation's line ends
 * at its end time with the percent it ended at, and the reads after its end (all saying the same) add nothing.
 */

export interface LinePoint {
  at: number;
  percent: number;
  /** The operation's end: the point of a finished operation's final percent. */
  end?: true;
}

type Clock = Pick<Operation, "category" | "startTime" | "endTime">;

const endedBy = (read: PollRecord): boolean => read.outcome === "status" && read.category !== undefined && isTerminal(read.category);

/** When the operation ended, if it has: its own endTime, else (Azure sent none) the first read that found it ended. */
function endOf(reads: readonly PollRecord[], operation: Clock | undefined): number | undefined {
  if (!operation || !isTerminal(operation.category)) return undefined;
  return operation.endTime ?? reads.find(endedBy)?.at;
}

/** `reads`: oldest first (stored and live, each once); `operation`: the operation as last read. */
export function progressLine(reads: readonly PollRecord[], operation: Clock | undefined): LinePoint[] {
  const end = endOf(reads, operation);
  const start = operation?.startTime ?? Number.NEGATIVE_INFINITY;
  const points: LinePoint[] = [];
  let final: number | undefined;
  for (const read of reads) {
    if (read.outcome !== "status" || read.percentComplete === undefined) continue;
    if (end !== undefined && (read.at >= end || endedBy(read))) final = read.percentComplete;
    else points.push({ at: Math.max(read.at, start), percent: read.percentComplete });
  }
  if (end !== undefined && final !== undefined) points.push({ at: end, percent: final, end: true });
  return points;
}

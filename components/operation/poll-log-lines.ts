import { formatDuration, formatTimestamp, readAnswerText } from "@/lib/operations/format";
import type { PollRecord } from "@/lib/polling/poll-record";

/** One read as the poll log's table shows it: text only, so the table and its tests agree on every cell. */
export interface PollLogLine {
  id: string;
  at: number;
  time: string;
  /** "200", "429 TooManyRequests", "no response (NetworkError)". */
  status: string;
  failed: boolean;
  latency: string;
  retryAfter: string;
  requestId: string | undefined;
  clientRequestId: string | undefined;
  next: string;
}

const NONE = "—";

export function pollLogLine(record: PollRecord): PollLogLine {
  return {
    id: `${record.at}|${record.requestId ?? ""}`,
    at: record.at,
    time: formatTimestamp(record.at),
    status: readAnswerText(record),
    failed: record.outcome === "readError",
    latency: record.latencyMs === undefined ? NONE : `${Math.round(record.latencyMs)} ms`,
    retryAfter: record.retryAfterMs === undefined ? NONE : formatDuration(record.retryAfterMs),
    requestId: record.requestId,
    clientRequestId: record.clientRequestId,
    next: record.next?.reason ?? NONE,
  };
}

/** Newest first: the log is read from its latest line. */
export function pollLogLines(reads: readonly PollRecord[], limit: number): PollLogLine[] {
  return reads.slice(-limit).reverse().map(pollLogLine);
}

import type { FetchResult } from "@/lib/operations/fetch-operation";
import type { StatusCategory } from "@/lib/operations/model";

/** One read as the polling rules see it: when it came back, and what it said. */
export interface PollRecord {
  at: number; // epoch ms the response or failure arrived
  outcome: "status" | "readError";
  category?: StatusCategory; // outcome "status"
  percentComplete?: number; // outcome "status", when known
  httpStatus?: number; // outcome "readError": 0 = network/timeout/malformed body, else the HTTP status
  retryAfterMs?: number; // Retry-After of that response, in ms from `at` (already parsed and clamped)
}

export function toPollRecord(r: FetchResult): PollRecord {
  if (r.outcome === "status") {
    const record: PollRecord = { at: r.response.at, outcome: "status", category: r.operation.category };
    if (r.operation.percentComplete !== undefined) record.percentComplete = r.operation.percentComplete;
    if (r.response.retryAfterMs !== undefined) record.retryAfterMs = r.response.retryAfterMs;
    return record;
  }
  const record: PollRecord = { at: r.error.at, outcome: "readError", httpStatus: r.error.httpStatus };
  if (r.error.retryAfterMs !== undefined) record.retryAfterMs = r.error.retryAfterMs;
  return record;
}

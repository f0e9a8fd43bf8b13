import type { FetchResult, ResponseInfo } from "@/lib/operations/fetch-operation";
import type { StatusCategory } from "@/lib/operations/model";
import { clampRetryAfterMs } from "./retry-after";

/**
 * One read as the polling rules see it: when it came back, and what it said. The same record is the read's line in
 * the poll log and a support report, so it also keeps what a person quotes to Azure (ids, latency, the error code).
 */
export interface PollRecord {
  at: number; // epoch ms the response or failure arrived
  outcome: "status" | "readError";
  category?: StatusCategory; // outcome "status"
  percentComplete?: number; // outcome "status", when known
  /**
   * outcome "status": Azure's status verbatim and the operation's own times, when sent. With the category and percent
   * they are the operation as last known, which a reload shows at once from the stored log, and the chart's clock.
   */
  status?: string;
  startTime?: number;
  endTime?: number;
  /** outcome "readError": 0 = network/timeout/malformed body, else the HTTP status; outcome "status": only when not 200. */
  httpStatus?: number;
  retryAfterMs?: number; // Retry-After of that response, in ms from `at`, clamped as polling honours it (retry-after.ts)
  /** From sending to having the body; absent when nothing came back. */
  latencyMs?: number;
  requestId?: string;
  correlationId?: string;
  clientRequestId?: string;
  /** outcome "readError": Azure's error code, else a name for the failure. */
  errorCode?: string;
  /**
   * Why the next read is when it is, as the scheduler said once this read was learnt (fleet-text.ts's sentence). Set
   * by the polling tab for the poll log; the policy never reads it.
   */
  next?: NextReadNote;
}

export interface NextReadNote {
  /** When the next read could be, as then known; undefined once polling stopped. */
  at: number | undefined;
  /** The sentence (fleet-text.ts's `nextReadSentence`) as it read then: relative times cannot be rebuilt later. */
  reason: string;
}

export function toPollRecord(r: FetchResult): PollRecord {
  if (r.outcome === "status") {
    const record: PollRecord = { at: r.response.at, outcome: "status", category: r.operation.category };
    const { status, percentComplete, startTime, endTime } = r.operation;
    if (status !== null) record.status = status;
    if (percentComplete !== undefined) record.percentComplete = percentComplete;
    if (startTime !== undefined) record.startTime = startTime;
    if (endTime !== undefined) record.endTime = endTime;
    if (r.response.retryAfterMs !== undefined) record.retryAfterMs = clampRetryAfterMs(r.response.retryAfterMs);
    if (r.response.httpStatus !== 200) record.httpStatus = r.response.httpStatus;
    return withResponse(record, r.response);
  }
  const record: PollRecord = { at: r.error.at, outcome: "readError", httpStatus: r.error.httpStatus, errorCode: r.error.code };
  if (r.error.retryAfterMs !== undefined) record.retryAfterMs = clampRetryAfterMs(r.error.retryAfterMs);
  return withResponse(record, r.response);
}

/** Only what was sent: the record crosses tabs and is stored, so absent ids take no room. */
function withResponse(record: PollRecord, response: ResponseInfo | undefined): PollRecord {
  if (!response) return record;
  record.latencyMs = response.latencyMs;
  if (response.requestId !== undefined) record.requestId = response.requestId;
  if (response.correlationId !== undefined) record.correlationId = response.correlationId;
  if (response.clientRequestId !== undefined) record.clientRequestId = response.clientRequestId;
  return record;
}

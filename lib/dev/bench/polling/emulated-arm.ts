import { ARM_SUBSCRIPTION_READS, TokenBucket, type BucketSpec } from "@/lib/azure/token-bucket";
import type { FetchResult } from "@/lib/operations/fetch-operation";
import type { Operation, StatusCategory } from "@/lib/operations/model";
import type { PollRecord } from "@/lib/polling/poll-record";
import { takeArmRead } from "../../simulator/arm-read-verdict";

/**
 * ARM as the fleet bench sees it (`npm run bench:polling`, fleet-replay.ts): one subscription's read bucket in front of
 * the simulated operations, and the answers turned into what `fetchOperation` returns. ARM's verdict on each read is
 * the simulator's own (simulator/arm-read-verdict.ts).
 */

export type ArmVerdict = { allowed: true; remainingReads: number } | { allowed: false; remainingReads: number; retryAfterMs: number };

export class EmulatedArmReads {
  private readonly bucket: TokenBucket;

  constructor(now: number, spec: BucketSpec = ARM_SUBSCRIPTION_READS) {
    this.bucket = new TokenBucket(spec, now);
  }

  read(at: number): ArmVerdict {
    const verdict = takeArmRead([this.bucket], at);
    const remainingReads = verdict.remaining[0] ?? 0;
    return verdict.allowed ? { allowed: true, remainingReads } : { allowed: false, remainingReads, retryAfterMs: verdict.retryAfterSeconds * 1000 };
  }
}

/** One answer as the poller receives it: the read's PollRecord (`at` = when the reply arrived) and ARM's headers. */
export interface BenchAnswer {
  record: PollRecord;
  /** ARM's remaining-reads header; undefined for a network failure (no response at all). */
  remainingReads: number | undefined;
  /** Refused by ARM's bucket (as opposed to the operation's own read-error episodes). */
  armThrottled: boolean;
}

const STATUS_TEXT: Record<StatusCategory, string> = {
  notStarted: "NotStarted",
  running: "InProgress",
  succeeded: "Succeeded",
  failed: "Failed",
  canceled: "Canceled",
  unknown: "Unknown",
};

/** What `fetchOperation` would have returned for this answer, for an operation that started at `startedAt`. */
export function fetchResultOf(answer: BenchAnswer, startedAt: number): FetchResult {
  const { record, remainingReads } = answer;
  const response = {
    httpStatus: record.outcome === "status" ? 200 : (record.httpStatus ?? 0),
    at: record.at,
    errorCode: undefined,
    requestId: undefined,
    correlationId: undefined,
    clientRequestId: undefined,
    latencyMs: 0,
    retryAfterMs: record.retryAfterMs,
    remainingReads,
    body: {},
  };
  if (record.outcome === "status") {
    const category = record.category ?? "unknown";
    const operation: Operation = {
      kind: "devops",
      name: undefined,
      id: undefined,
      status: STATUS_TEXT[category],
      category,
      percentComplete: record.percentComplete,
      startTime: startedAt,
      endTime: undefined,
      error: undefined,
      children: [],
      resourceId: undefined,
      properties: undefined,
      issues: [],
      raw: {},
    };
    return { outcome: "status", operation, response };
  }
  const httpStatus = record.httpStatus ?? 0;
  const noResponse = httpStatus === 0; // the corpus's network failures: nothing came back
  // Azure's codes for these statuses; the scheduler reads only status and Retry-After (throttle-signal.ts).
  const code = httpStatus === 429 ? "TooManyRequests" : noResponse ? "NetworkError" : httpStatus === 503 ? "ServiceUnavailable" : "InternalServerError";
  return {
    outcome: "readError",
    error: {
      httpStatus,
      responseStatus: noResponse ? undefined : httpStatus,
      code,
      message: answer.armThrottled ? "Number of 'read' requests for subscription exceeded." : "simulated read error",
      retryAfterMs: record.retryAfterMs,
      requestId: undefined,
      correlationId: undefined,
      clientRequestId: undefined,
      errorTree: undefined,
      signInNeeded: false,
      at: record.at,
    },
    response: noResponse ? undefined : { ...response, errorCode: code },
  };
}

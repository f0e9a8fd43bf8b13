import { ARM_SUBSCRIPTION_READS, TokenBucket, type BucketSpec } from "@/lib/azure/token-bucket";
import type { FetchResult } from "@/lib/operations/fetch-operation";
import type { StatusCategory } from "@/lib/operations/model";
import type { PollRecord } from "@/lib/polling/poll-record";
import { takeArmRead } from "../../simulator/arm-read-verdict";
import { readErrorResult, responseInfo } from "../../test-support/fetch-results";
import { sampleOperation } from "../../test-support/operation-fixtures";

/**
 * ARM as the fleet bench sees it (`npm run bench:polling`, fleet-replay.ts): one subscription's read bucket in front of
 * the simulated operations, and the answers turned into what `fetchOperation` returns. ARM's verdict on each read is
 * the simulator's own (simulator/arm-read-verdict.ts).
 */

type ArmVerdict = { allowed: true; remainingReads: number } | { allowed: false; remainingReads: number; retryAfterMs: number };

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
  const { at, retryAfterMs } = record;
  if (record.outcome === "status") {
    const category = record.category ?? "unknown";
    const operation = sampleOperation({ name: undefined, status: STATUS_TEXT[category], category, percentComplete: record.percentComplete, startTime: startedAt });
    return { outcome: "status", operation, response: responseInfo(at, { retryAfterMs, remainingReads }) };
  }
  const httpStatus = record.httpStatus ?? 0;
  const noResponse = httpStatus === 0; // the corpus's network failures: nothing came back
  // Azure's codes for these statuses; the scheduler reads only status and Retry-After (throttle-signal.ts).
  const code = httpStatus === 429 ? "TooManyRequests" : noResponse ? "NetworkError" : httpStatus === 503 ? "ServiceUnavailable" : "InternalServerError";
  const failed = readErrorResult(at, httpStatus, retryAfterMs, {
    responseStatus: noResponse ? undefined : httpStatus,
    code,
    message: answer.armThrottled ? "Number of 'read' requests for subscription exceeded." : "simulated read error",
  });
  return noResponse ? failed : { ...failed, response: responseInfo(at, { httpStatus, errorCode: code, retryAfterMs, remainingReads }) };
}

import type { TokenBucket } from "@/lib/azure/token-bucket";

/**
 * ARM's verdict on one read, the one rule that both the simulator (read-throttle.ts) and the polling bench's emulated
 * ARM (bench/polling/emulated-arm.ts) follow: the read takes one token from each of its buckets, or, when any of them
 * lacks a whole token, is refused with `Retry-After` in whole seconds and spends nothing, so a client that waits that
 * long finds its token. Every answer says how many whole tokens each bucket has left after it.
 */

/**
 * A bucket that never refills has no honest Retry-After; an hour keeps the header a finite number, already far past
 * the longest wait ARM's guidance names (10 minutes).
 */
const MAX_RETRY_AFTER_SECONDS = 3600;

export type ArmReadVerdict =
  | { allowed: true; remaining: number[] }
  | { allowed: false; remaining: number[]; retryAfterSeconds: number };

/** `remaining` follows the order of `buckets`. */
export function takeArmRead(buckets: readonly TokenBucket[], at: number): ArmReadVerdict {
  const waitMs = Math.max(0, ...buckets.map((bucket) => bucket.msUntilToken(at)));
  if (waitMs === 0) for (const bucket of buckets) bucket.take(at);
  const remaining = buckets.map((bucket) => Math.floor(bucket.available(at)));
  return waitMs === 0 ? { allowed: true, remaining } : { allowed: false, remaining, retryAfterSeconds: retryAfterSeconds(waitMs) };
}

/** Whole seconds until a token, rounded up: a client that waits exactly that long finds one. */
const retryAfterSeconds = (waitMs: number) => Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(waitMs / 1000)));

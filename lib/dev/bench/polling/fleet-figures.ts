import type { BucketSpec } from "@/lib/azure/token-bucket";
import type { FleetOperationResult, FleetRun } from "./fleet-replay";
import { percentile } from "./stats";

/** What the fleet bench prints of a replay (fleet-replay.ts): reads in windows, budget excess, detection delays. */

/** The most reads sent in any window of `windowMs` (sliding, not aligned to whole seconds). */
export function maxReadsInWindow(sendTimes: readonly number[], windowMs: number): number {
  let most = 0;
  let from = 0;
  for (let to = 0; to < sendTimes.length; to++) {
    while ((sendTimes[from] ?? 0) <= (sendTimes[to] ?? 0) - windowMs) from++;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

/**
 * How far the reads went over a token bucket of `spec` (starting full) in the worst window: over every stretch of
 * reads from the i-th to the j-th, (j - i + 1) - capacity - refill × (t_j - t_i). At most 0 means within budget.
 */
export function budgetExcess(sendTimes: readonly number[], spec: BucketSpec): number {
  let worst = Number.NEGATIVE_INFINITY;
  let lowest = Number.POSITIVE_INFINITY; // min over i <= j of i - refill × t_i
  sendTimes.forEach((t, j) => {
    const level = j - (spec.refillPerSecond * t) / 1000;
    lowest = Math.min(lowest, level);
    worst = Math.max(worst, level - lowest + 1 - spec.capacity);
  });
  return worst;
}

export interface FleetSummary {
  reads: number;
  armThrottled: number;
  own429s: number;
  earlyReads: number;
  /** Reads per second from the first read to the last. */
  meanPerSecond: number;
  /** The most reads per second over any 1-s and any 10-s window. */
  max1sPerSecond: number;
  max10sPerSecond: number;
  /** From an operation's start to its first status (how long a newly watched row shows nothing), p95. */
  firstStatusP95Ms: number;
  detectP50Ms: number;
  detectP95Ms: number;
  undetected: number;
}

export const detectionDelays = (operations: readonly FleetOperationResult[]): number[] =>
  operations.flatMap((o) => (o.detectionDelayMs === undefined ? [] : [o.detectionDelayMs]));

export function summarizeFleet(run: FleetRun): FleetSummary {
  const { operations, sendTimes } = run;
  const delays = detectionDelays(operations);
  const spanMs = (sendTimes.at(-1) ?? 0) - (sendTimes[0] ?? 0);
  const total = (pick: (o: FleetOperationResult) => number) => operations.reduce((s, o) => s + pick(o), 0);
  return {
    reads: sendTimes.length,
    armThrottled: total((o) => o.armThrottled),
    own429s: total((o) => o.own429s),
    earlyReads: total((o) => o.earlyReads),
    meanPerSecond: spanMs > 0 ? sendTimes.length / (spanMs / 1000) : sendTimes.length,
    max1sPerSecond: maxReadsInWindow(sendTimes, 1_000),
    max10sPerSecond: maxReadsInWindow(sendTimes, 10_000) / 10,
    firstStatusP95Ms: percentile(
      operations.flatMap((o) => (o.firstStatusWaitMs === undefined ? [] : [o.firstStatusWaitMs])),
      0.95,
    ),
    detectP50Ms: percentile(delays, 0.5),
    detectP95Ms: percentile(delays, 0.95),
    undetected: operations.length - delays.length,
  };
}

/**
 * How long after `from` the scheduler's allowed rate for the subscription was last above `base`, looking no further
 * than `to` (0 if it was never above it then): the time it took to be back at or below its base for good.
 */
export function msToBase(rates: readonly (readonly [at: number, perSecond: number])[], base: number, from: number, to: number): number {
  let current = rates.filter(([at]) => at < from).at(-1)?.[1] ?? base;
  let backAt = current > base ? undefined : from;
  for (const [at, perSecond] of rates) {
    if (at < from || at >= to) continue;
    if (perSecond <= base && current > base) backAt = at;
    if (perSecond > base) backAt = undefined;
    current = perSecond;
  }
  return (backAt ?? to) - from;
}

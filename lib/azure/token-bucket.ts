/**
 * A token bucket on a clock the caller passes in: how ARM throttles reads (per subscription and principal, per region),
 * and therefore also how opwatch spends its own read budget, and how the simulator and `npm run bench:polling`
 * emulate ARM. Pure apart from its own state, so fake time in tests and simulated time in the bench behave as real time.
 */

export interface BucketSpec {
  /** The most tokens the bucket holds (the burst). */
  capacity: number;
  /** Tokens added per second, up to `capacity`. */
  refillPerSecond: number;
}

/** ARM's documented read bucket per subscription and principal ("Understand how Azure Resource Manager throttles requests"). */
export const ARM_SUBSCRIPTION_READS: BucketSpec = { capacity: 250, refillPerSecond: 25 };
/** Across all principals of a subscription ARM allows 15 times that. */
export const ARM_GLOBAL_READS_FACTOR = 15;

/**
 * The share of that bucket one browser of opwatch takes by default, per subscription (and per DevCenter endpoint; the
 * variables in lib/config/schema.ts change it): 5 reads/s is a fifth of ARM's refill, so the person's portal, CLI and
 * pipelines keep four fifths; a burst of 10 (4% of the bucket) shows a dashboard's first rows at once without draining
 * what the others need. DevCenter publishes no data-plane limit; the same numbers keep it as gentle.
 */
export const DEFAULT_READ_BUDGET: BucketSpec = { capacity: 10, refillPerSecond: 5 };

export class TokenBucket {
  private tokens: number;
  private at: number;
  private refillPerSecond: number;

  constructor(
    readonly spec: BucketSpec,
    now: number,
  ) {
    this.tokens = spec.capacity;
    this.at = now;
    this.refillPerSecond = spec.refillPerSecond;
  }

  /** Refills at another rate from `now` on (what was refilled until now stays). */
  setRefill(perSecond: number, now: number): void {
    this.available(now);
    this.refillPerSecond = perSecond;
  }

  /** Lets go of tokens above `most` (a burst saved at a rate that no longer holds). */
  keepAtMost(most: number, now: number): void {
    this.tokens = Math.min(most, this.available(now));
  }

  /** Tokens left at `now` (fractional while refilling). A clock that goes back refills nothing and loses nothing. */
  available(now: number): number {
    if (now > this.at) {
      this.tokens = Math.min(this.spec.capacity, this.tokens + ((now - this.at) / 1000) * this.refillPerSecond);
      this.at = now;
    }
    return this.tokens;
  }

  /** Takes one token if a whole one is there. */
  take(now: number): boolean {
    if (this.available(now) < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until a whole token is there (0 if one is now); Infinity for a bucket that never refills. */
  msUntilToken(now: number): number {
    const missing = 1 - this.available(now);
    if (missing <= 0) return 0;
    return this.refillPerSecond > 0 ? Math.ceil((missing / this.refillPerSecond) * 1000) : Number.POSITIVE_INFINITY;
  }
}

import { ARM_SUBSCRIPTION_READS, TokenBucket, type BucketSpec } from "@/lib/azure/token-bucket";

/**
 * One scope's share of reads: our own token bucket, slowed while Azure reports few reads left for it (the person's
 * portal, CLI and pipelines draw on the same remainder), and paused while Azure asked the whole scope to wait.
 */

/** Below this many reads left (half of ARM's bucket), the scope slows in proportion: others are drawing on it hard. */
const LOW_REMAINING_READS = ARM_SUBSCRIPTION_READS.capacity / 2;
/** Never slower than this share of the budget: reads must go on, or a paused dashboard would look finished. */
const MIN_STRETCH = 0.1;

export type PauseCause = "throttled" | "unavailable";

export interface ScopePause {
  until: number;
  cause: PauseCause;
  /** The HTTP status that asked for it. */
  httpStatus: number;
}

export class ScopeBudget {
  private readonly bucket: TokenBucket;
  private stretch = 1;
  private lastTakeAt = Number.NEGATIVE_INFINITY;
  /** What Azure last said was left, for the screen. */
  remainingReads: number | undefined;
  pause: ScopePause | undefined;

  constructor(
    readonly spec: BucketSpec,
    now: number,
  ) {
    this.bucket = new TokenBucket(spec, now);
  }

  /** Reads per second allowed now (the budget, slowed by a low remainder). */
  ratePerSecond(): number {
    return this.spec.refillPerSecond * this.stretch;
  }

  pausedAt(now: number): ScopePause | undefined {
    return this.pause !== undefined && this.pause.until > now ? this.pause : undefined;
  }

  /** A later pause wins; an earlier one never shortens what Azure already asked for. */
  pauseUntil(pause: ScopePause): void {
    if (this.pause === undefined || pause.until > this.pause.until) this.pause = pause;
  }

  reportRemaining(remaining: number | undefined): void {
    if (remaining === undefined || !Number.isFinite(remaining) || remaining < 0) return;
    this.remainingReads = remaining;
    this.stretch = Math.min(1, Math.max(MIN_STRETCH, remaining / LOW_REMAINING_READS));
  }

  /** When a read could start, ignoring pauses: a token must be there and, while slowed, the reads spaced out. */
  readyAt(now: number): number {
    const token = now + this.bucket.msUntilToken(now);
    const spaced = this.stretch < 1 ? this.lastTakeAt + 1000 / this.ratePerSecond() : Number.NEGATIVE_INFINITY;
    return Math.max(token, spaced);
  }

  tryTake(now: number): boolean {
    if (this.pausedAt(now) !== undefined || this.readyAt(now) > now) return false;
    if (!this.bucket.take(now)) return false;
    this.lastTakeAt = now;
    return true;
  }

  /**
   * A background read (a discovery sweep's list) leaves a token in the bucket, so a watched read that falls due just
   * after it still goes at once; a bucket of one has none to spare.
   */
  backgroundReadyAt(now: number): number {
    const reserve = Math.min(1, this.spec.capacity - 1);
    const missing = 1 + reserve - this.bucket.available(now);
    const token = missing <= 0 ? now : now + Math.ceil((missing / this.spec.refillPerSecond) * 1000);
    return Math.max(token, this.readyAt(now));
  }

  tryTakeBackground(now: number): boolean {
    return this.backgroundReadyAt(now) <= now && this.tryTake(now);
  }
}

import type { HeadroomSettings } from "@/lib/config/headroom-settings";
import { TokenBucket, type BucketSpec } from "@/lib/azure/token-bucket";
import { Headroom } from "./headroom";
import type { ReadSignals } from "./throttle-signal";

/**
 * One scope's share of reads: our own token bucket at the configured base, faster while Azure reports its bucket well
 * filled and slower while it reports few reads left (the person's portal, CLI and pipelines draw on the same
 * remainder; headroom.ts has the rule), and paused while Azure asked the whole scope to wait.
 */

export type PauseCause = "throttled" | "unavailable";

export interface ScopePause {
  until: number;
  cause: PauseCause;
  /** The HTTP status that asked for it. */
  httpStatus: number;
}

export class ScopeBudget {
  private readonly bucket: TokenBucket;
  private readonly headroom: Headroom;
  private lastTakeAt = Number.NEGATIVE_INFINITY;
  private tunedAbove = false;
  /** What Azure last said was left, for the screen. */
  remainingReads: number | undefined;
  pause: ScopePause | undefined;

  constructor(
    readonly spec: BucketSpec,
    now: number,
    headroom?: HeadroomSettings,
  ) {
    this.bucket = new TokenBucket(spec, now);
    this.headroom = new Headroom(spec.refillPerSecond, headroom);
  }

  /** Reads per second allowed now: the budget, raised by headroom or slowed by a low remainder. */
  ratePerSecond(now: number): number {
    return this.headroom.ratePerSecond(now);
  }

  pausedAt(now: number): ScopePause | undefined {
    return this.pause !== undefined && this.pause.until > now ? this.pause : undefined;
  }

  /** A later pause wins; an earlier one never shortens what Azure already asked for. */
  pauseUntil(pause: ScopePause): void {
    if (this.pause === undefined || pause.until > this.pause.until) this.pause = pause;
  }

  /** What an answer said of Azure's bucket for this scope (ARM's remainder, or a DevCenter window). */
  report({ remainingReads, rateWindow }: Pick<ReadSignals, "remainingReads" | "rateWindow">, now: number): void {
    const shown = rateWindow?.remaining ?? remainingReads;
    if (shown !== undefined && Number.isFinite(shown) && shown >= 0) this.remainingReads = shown;
    this.headroom.observeArm(remainingReads, now);
    this.headroom.observeWindow(rateWindow, now);
  }

  /**
   * When a read could start, ignoring pauses: a token must be there and, while faster or slower than the budget, the
   * reads spaced evenly at that rate (so the ceiling holds over every second, with no burst on top).
   */
  readyAt(now: number): number {
    const rate = this.tune(now);
    const token = now + this.bucket.msUntilToken(now);
    const spaced = rate === this.spec.refillPerSecond ? Number.NEGATIVE_INFINITY : this.lastTakeAt + 1000 / rate;
    return Math.max(token, spaced);
  }

  tryTake(now: number): boolean {
    if (this.pausedAt(now) !== undefined) return false;
    if (this.readyAt(now) > now || !this.bucket.take(now)) {
      this.headroom.noteWaiting();
      return false;
    }
    this.lastTakeAt = now;
    this.headroom.noteRead(now);
    return true;
  }

  /**
   * Our bucket refills at the rate allowed now, never below the base (spacing slows it further). What it saved up while
   * reading faster is let go on falling back: spent at once, it would be a burst just when others need the bucket.
   */
  private tune(now: number): number {
    const rate = this.ratePerSecond(now);
    const base = this.spec.refillPerSecond;
    if (rate <= base && this.tunedAbove) this.bucket.keepAtMost(0, now);
    this.tunedAbove = rate > base;
    this.bucket.setRefill(Math.max(rate, base), now);
    return rate;
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

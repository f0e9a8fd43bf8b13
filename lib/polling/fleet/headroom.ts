import type { HeadroomSettings } from "@/lib/config/headroom-settings";
import type { RateWindow } from "@/lib/azure/ratelimit-headers";
import { ARM_SUBSCRIPTION_READS } from "@/lib/azure/token-bucket";

/**
 * How fast one scope may read, from what Azure says is left of the bucket opwatch shares with the person's portal, CLI
 * and pipelines. Pure, on the clock passed in (lib/README.md explains the rule):
 * - well filled (at least HIGH_FILL) and steady, while reads wait for the budget: the rate rises additively above the
 *   base, RISE_PER_SECOND each second, up to the ceiling (a share of Azure's own rate);
 * - below HIGH_FILL, or the remainder lower than our own reads and the refill explain (someone else is drawing, and
 *   the bucket drains): back to the base at once, and no rise again until HOLD_MS after that was last seen;
 * - below LOW_FILL: slower than the base in proportion, never under MIN_STRETCH of it (reads must go on);
 * - nothing heard for STALE_MS: the base, as without the headers.
 */

/** At or above this share of the bucket left, nobody else needs it now. */
const HIGH_FILL = 0.8;
/** Below this share left, others draw on it hard: slow down in proportion. */
const LOW_FILL = 0.5;
const MIN_STRETCH = 0.1;
/**
 * Others' draw is judged over the answers of the last TREND_MS, once they span MIN_TREND_MS: more than FALL_SHARE of
 * the bucket missing from what our own reads and the refill explain is someone else reading.
 */
const TREND_MS = 1_000;
const MIN_TREND_MS = 250;
const FALL_SHARE = 0.02;
const HOLD_MS = 2_000;
/** Reads per second added per second of a full, steady bucket: from 5/s to 12.5/s in under 4 s. */
const RISE_PER_SECOND = 2;
/** Longer without a word from Azure and the headroom is old news. */
const STALE_MS = 5_000;
/** A gap between answers longer than this counts only this much towards the rise. */
const MAX_RISE_STEP_MS = 1_000;

/** A DevCenter window of unknown length is taken as a minute, the length its answers name. */
const DEFAULT_WINDOW_MS = 60_000;

interface Reading {
  /** 0 to 1: how much of what Azure allows is left. */
  fill: number;
  /** Azure's own sustained rate for this scope, reads per second. */
  azurePerSecond: number;
  /** Reads left, the most there can be, and how fast they come back (0 within a window). */
  left: number;
  capacity: number;
  refillPerSecond: number;
}

export class Headroom {
  private extra = 0;
  private stretch = 1;
  private azurePerSecond = 0;
  private heardAt = Number.NEGATIVE_INFINITY;
  private fellAt = Number.NEGATIVE_INFINITY;
  private recent: { at: number; left: number }[] = [];
  /** When our own reads of this scope were sent, over the last TREND_MS. */
  private ours: number[] = [];
  private waited = false;
  /** The largest count a DevCenter window was seen to allow (its remainder + 1 on a fresh window), when not named. */
  private windowCount = 0;

  constructor(
    private readonly base: number,
    private readonly settings: HeadroomSettings | undefined,
  ) {}

  /** Reads per second the scope may spend now. */
  ratePerSecond(now: number): number {
    if (this.stretch < 1) return this.base * this.stretch;
    return now - this.heardAt > STALE_MS ? this.base : this.base + this.extra;
  }

  /** One of our reads was sent: its share of the remainder's fall is ours, not someone else's. */
  noteRead(now: number): void {
    this.ours.push(now);
  }

  /** Reads waited for the budget since the last answer: the rate may rise only when it is used. */
  noteWaiting(): void {
    this.waited = true;
  }

  /**
   * ARM's `x-ms-ratelimit-remaining-subscription-reads`. A value beyond ARM's bucket is not the bucket this rule
   * knows: the base holds (without slowing) until a known value comes.
   */
  observeArm(remaining: number | undefined, now: number): void {
    if (remaining === undefined || !Number.isFinite(remaining) || remaining < 0) return;
    if (remaining > ARM_SUBSCRIPTION_READS.capacity) {
      this.forget();
      return;
    }
    const { capacity, refillPerSecond } = ARM_SUBSCRIPTION_READS;
    this.observe({ fill: remaining / capacity, azurePerSecond: refillPerSecond, left: remaining, capacity, refillPerSecond }, now);
  }

  /**
   * A DevCenter endpoint's window (`X-Rate-Limit-*`). The reads left are weighed against the share of the window still
   * to come, so a window spent evenly reads as full and one drained early (someone else's burst) as low.
   */
  observeWindow(window: RateWindow | undefined, now: number): void {
    if (window === undefined || !Number.isFinite(window.remaining) || window.remaining < 0) return;
    if (window.count !== undefined) this.windowCount = window.count;
    else this.windowCount = Math.max(this.windowCount, window.remaining + 1);
    const count = this.windowCount;
    const windowMs = window.windowMs ?? DEFAULT_WINDOW_MS;
    if (!Number.isFinite(count) || count <= 0 || window.remaining > count || !(windowMs > 0)) {
      this.forget();
      return;
    }
    const ahead = window.resetAt === undefined ? 1 : Math.min(1, Math.max(0, (window.resetAt - now) / windowMs));
    const fill = ahead === 0 ? 1 : Math.min(1, window.remaining / (count * ahead));
    this.observe({ fill, azurePerSecond: (count * 1000) / windowMs, left: window.remaining, capacity: count, refillPerSecond: 0 }, now);
  }

  private observe(reading: Reading, now: number): void {
    const { fill, azurePerSecond } = reading;
    const stale = now - this.heardAt > STALE_MS;
    if (stale) this.extra = 0;
    const step = stale ? 0 : Math.min(MAX_RISE_STEP_MS, Math.max(0, now - this.heardAt));
    this.recent = this.recent.filter((r) => r.at > now - TREND_MS && r.at <= now);
    this.ours = this.ours.filter((at) => at > now - TREND_MS - MAX_RISE_STEP_MS && at <= now);
    const missing = this.missingReads(reading, this.ratePerSecond(now), now);
    this.recent.push({ at: now, left: reading.left });
    this.azurePerSecond = azurePerSecond;
    this.heardAt = now;
    this.stretch = Math.min(1, Math.max(MIN_STRETCH, fill / LOW_FILL));
    const waited = this.waited;
    this.waited = false;

    const falling = missing >= FALL_SHARE * reading.capacity;
    if (falling) this.fellAt = now;
    if (falling || fill < HIGH_FILL || this.settings?.enabled !== true) {
      this.extra = 0;
    } else if (now - this.fellAt >= HOLD_MS && waited) {
      const room = Math.max(0, this.settings.ceilingShare * this.azurePerSecond - this.base);
      this.extra = Math.min(room, this.extra + (RISE_PER_SECOND * step) / 1000);
    }
  }

  /**
   * The reads missing from the remainder since the oldest answer of the last TREND_MS, beyond what our own reads took
   * and the refill gave back: what others drew faster than the bucket refills. A full bucket wastes its refill, so
   * below its top only a bunch of our latest reads is explained (more than our rate sends, not yet refilled).
   */
  private missingReads({ left, capacity, refillPerSecond }: Reading, rate: number, now: number): number {
    const oldest = this.recent[0];
    if (oldest === undefined || now - oldest.at < MIN_TREND_MS) return 0;
    const ours = this.ours.filter((at) => at > oldest.at).length;
    const latest = Math.max(0, this.ours.filter((at) => at > now - MIN_TREND_MS).length - (rate * MIN_TREND_MS) / 1000);
    const expected = Math.min(capacity - latest, oldest.left + (refillPerSecond * (now - oldest.at)) / 1000 - ours);
    return expected - left;
  }

  /** An answer this rule cannot read: the base, neither above nor below it. */
  private forget(): void {
    this.extra = 0;
    this.stretch = 1;
    this.recent = [];
  }
}

import type { HeadroomSettings } from "@/lib/config/headroom-settings";
import type { RateWindow } from "@/lib/azure/ratelimit-headers";
import { ARM_SUBSCRIPTION_READS } from "@/lib/azure/token-bucket";

/**
 * How fast one scope may read, from what Azure says is left of the bucket opwatch shares with the person's portal, CLI
 * and pipelines. Pure, on the clock passed in (lib/README.md explains the rule):
 * - well filled (at least HIGH_FILL) and steady, while reads wait for the budget: the rate rises additively above the
 *   base, RISE_PER_SECOND each second, up to the ceiling (a share of Azure's own rate);
 * - below HIGH_FILL, or falling by FALL_FILL within TREND_MS (someone else is drawing hard): back to the base at once,
 *   and no rise again until the remainder held for HOLD_MS;
 * - below LOW_FILL: slower than the base in proportion, never under MIN_STRETCH of it (reads must go on);
 * - nothing heard for STALE_MS: the base, as without the headers.
 */

/** At or above this share of the bucket left, nobody else needs it now. */
const HIGH_FILL = 0.8;
/** Below this share left, others draw on it hard: slow down in proportion. */
const LOW_FILL = 0.5;
const MIN_STRETCH = 0.1;
/** A fall of this share of the bucket within TREND_MS is another client's burst (our own reads alone cannot cause it). */
const FALL_FILL = 0.04;
const TREND_MS = 1_000;
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
}

export class Headroom {
  private extra = 0;
  private stretch = 1;
  private azurePerSecond = 0;
  private heardAt = Number.NEGATIVE_INFINITY;
  private fellAt = Number.NEGATIVE_INFINITY;
  private recent: { at: number; fill: number }[] = [];
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
    this.observe({ fill: remaining / ARM_SUBSCRIPTION_READS.capacity, azurePerSecond: ARM_SUBSCRIPTION_READS.refillPerSecond }, now);
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
    this.observe({ fill, azurePerSecond: (count * 1000) / windowMs }, now);
  }

  private observe({ fill, azurePerSecond }: Reading, now: number): void {
    const stale = now - this.heardAt > STALE_MS;
    if (stale) this.extra = 0;
    const step = stale ? 0 : Math.min(MAX_RISE_STEP_MS, Math.max(0, now - this.heardAt));
    this.recent = this.recent.filter((r) => r.at > now - TREND_MS && r.at <= now);
    const peak = Math.max(fill, ...this.recent.map((r) => r.fill));
    this.recent.push({ at: now, fill });
    this.azurePerSecond = azurePerSecond;
    this.heardAt = now;
    this.stretch = Math.min(1, Math.max(MIN_STRETCH, fill / LOW_FILL));
    const waited = this.waited;
    this.waited = false;

    const falling = peak - fill >= FALL_FILL;
    if (falling) this.fellAt = now;
    if (falling || fill < HIGH_FILL || this.settings?.enabled !== true) {
      this.extra = 0;
    } else if (now - this.fellAt >= HOLD_MS && waited) {
      const room = Math.max(0, this.settings.ceilingShare * this.azurePerSecond - this.base);
      this.extra = Math.min(room, this.extra + (RISE_PER_SECOND * step) / 1000);
    }
  }

  /** An answer this rule cannot read: the base, neither above nor below it. */
  private forget(): void {
    this.extra = 0;
    this.stretch = 1;
    this.recent = [];
  }
}

/**
 * DevCenter's per-minute limit on its data plane, as its answers show it (`X-Rate-Limit-Limit: 1m`): a count per
 * caller per clock minute. Pure, with the time passed in. A refused read spends nothing.
 */
export interface MinuteVerdict {
  allowed: boolean;
  remaining: number;
  resetAt: number;
}

const WINDOW_MS = 60_000;

export class MinuteLimit {
  private readonly spent = new Map<string, { window: number; count: number }>();

  constructor(
    readonly perMinute: number,
    private readonly maxCallers = 10_000,
  ) {}

  take(caller: string, now: number): MinuteVerdict {
    const window = Math.floor(now / WINDOW_MS);
    const resetAt = (window + 1) * WINDOW_MS;
    const key = caller.toLowerCase();
    let entry = this.spent.get(key);
    if (entry?.window !== window) {
      if (this.spent.size >= this.maxCallers) this.forgetBefore(window);
      entry = { window, count: 0 };
      this.spent.set(key, entry);
    }
    if (entry.count >= this.perMinute) return { allowed: false, remaining: 0, resetAt };
    entry.count += 1;
    return { allowed: true, remaining: this.perMinute - entry.count, resetAt };
  }

  private forgetBefore(window: number): void {
    for (const [key, entry] of this.spent) if (entry.window < window) this.spent.delete(key);
    // Still full within one minute: the oldest caller goes (it comes back with a fresh count).
    const oldest = this.spent.keys().next().value;
    if (this.spent.size >= this.maxCallers && oldest !== undefined) this.spent.delete(oldest);
  }
}

/** The headers every DevCenter answer carries after authentication. */
export function minuteLimitHeaders(verdict: MinuteVerdict): Record<string, string> {
  return {
    "x-rate-limit-limit": "1m",
    "x-rate-limit-remaining": String(verdict.remaining),
    "x-rate-limit-reset": new Date(verdict.resetAt).toISOString(),
  };
}

/** Whole seconds to the window's end, at least 1. */
export const secondsToReset = (verdict: MinuteVerdict, now: number): number => Math.max(1, Math.ceil((verdict.resetAt - now) / 1000));

import type { Page } from "@playwright/test";

/** The page's long tasks (main-thread tasks over 50 ms, PerformanceObserver "longtask") during `ms`, in ms each. */
export function observeLongTasks(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(
    (windowMs) =>
      new Promise<number[]>((resolve) => {
        const durations: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) durations.push(entry.duration);
        });
        observer.observe({ type: "longtask" });
        setTimeout(() => {
          for (const entry of observer.takeRecords()) durations.push(entry.duration);
          observer.disconnect();
          resolve(durations);
        }, windowMs);
      }),
    ms,
  );
}

export interface LongTaskStats {
  count: number;
  totalMs: number;
  /** The part of each task beyond 50 ms, summed: how long input could not be answered (as in Total Blocking Time). */
  blockingMs: number;
  maxMs: number;
  /** Nearest-rank 95th percentile; 0 without long tasks. */
  p95Ms: number;
  over50: number;
  over100: number;
  over200: number;
}

export function longTaskStats(durations: readonly number[]): LongTaskStats {
  const sorted = [...durations].sort((a, b) => a - b);
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    totalMs: sum(sorted),
    blockingMs: sum(sorted.map((d) => Math.max(0, d - 50))),
    maxMs: sorted.at(-1) ?? 0,
    p95Ms: sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? 0,
    over50: sorted.filter((d) => d > 50).length,
    over100: sorted.filter((d) => d > 100).length,
    over200: sorted.filter((d) => d > 200).length,
  };
}

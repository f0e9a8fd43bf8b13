/**
 * When an operation will finish, from the rate of its percentComplete over recent polls. No estimate unless progress
 * actually moved: a flat or falling percent says nothing about the finish.
 */
export interface ProgressPoint {
  at: number;
  percent: number;
}

const WINDOW = 10;
const MAX_HORIZON_MS = 30 * 24 * 3_600_000;

export function estimateFinish(points: readonly ProgressPoint[]): number | undefined {
  const recent = points.slice(-WINDOW);
  const first = recent[0];
  const last = recent.at(-1);
  if (!first || !last || last.at <= first.at || last.percent >= 100) return undefined;
  const rate = (last.percent - first.percent) / (last.at - first.at);
  if (!(rate > 0)) return undefined;
  const remaining = (100 - last.percent) / rate;
  return remaining > MAX_HORIZON_MS ? undefined : Math.round(last.at + remaining);
}

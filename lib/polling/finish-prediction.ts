import type { PollRecord } from "./poll-record";

/**
 * When an operation's percentComplete will reach 100, from the polls it has had. The one estimate: the schedule lands
 * its next read just after it, and the operation page shows it, so the two never disagree.
 *
 * A least-squares line over recent points (recent rate matters more than the average), started at the end of any
 * plateau such as a queue. Only a positive rate counts: a stalled, falling or missing percent predicts nothing.
 * Already at 100 and still running, the operation is overdue since it first got there.
 */

/** How far back the fit looks, as a share of the age. */
const FIT_WINDOW_FRACTION = 0.5;
const FIT_MIN_WINDOW_MS = 10_000;
const FIT_MAX_POINTS = 8;

interface Point {
  t: number;
  p: number;
}

const finite = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n);

const percentPoints = (history: readonly PollRecord[]): Point[] => {
  const points: Point[] = [];
  for (const r of history) {
    if (r.outcome === "status" && finite(r.percentComplete) && finite(r.at)) {
      points.push({ t: r.at, p: Math.min(100, Math.max(0, r.percentComplete)) });
    }
  }
  return points;
};

/** Least-squares slope in percent per ms, or undefined when the points do not define a rising line. */
const slope = (points: readonly Point[]): number | undefined => {
  const n = points.length;
  if (n < 2) return undefined;
  let st = 0;
  let sp = 0;
  for (const { t, p } of points) {
    st += t;
    sp += p;
  }
  const mt = st / n;
  const mp = sp / n;
  let num = 0;
  let den = 0;
  for (const { t, p } of points) {
    num += (t - mt) * (p - mp);
    den += (t - mt) ** 2;
  }
  if (!(den > 0)) return undefined;
  const s = num / den;
  return s > 0 && Number.isFinite(s) ? s : undefined;
};

/** Epoch ms at which the percent is predicted to reach 100, or undefined when it cannot be told. */
export function predictFinish(history: readonly PollRecord[], ageMs: number): number | undefined {
  const points = percentPoints(history);
  const last = points.at(-1);
  if (!last) return undefined;
  if (last.p >= 100) {
    let first = last;
    for (let i = points.length - 1; i >= 0; i--) {
      const pt = points[i];
      if (!pt || pt.p < 100) break;
      first = pt;
    }
    return first.t;
  }
  const window = Math.max(FIT_MIN_WINDOW_MS, FIT_WINDOW_FRACTION * (finite(ageMs) ? ageMs : 0));
  let recent = points.filter((pt) => pt.t >= last.t - window).slice(-FIT_MAX_POINTS);
  if (recent.length < 2) recent = points.slice(-2);
  const floor = recent[0]?.p;
  const rise = recent.findIndex((pt) => pt.p !== floor);
  if (rise > 1) recent = recent.slice(rise - 1);
  const rate = slope(recent);
  if (rate === undefined) return undefined;
  const finish = last.t + (100 - last.p) / rate;
  return Number.isFinite(finish) ? Math.round(finish) : undefined;
}

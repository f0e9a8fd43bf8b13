import { isTerminal, type StatusCategory } from "./model";
import { clampRetryAfterMs, RETRY_AFTER_MAX_MS } from "./retry-after";

/**
 * When to ask Azure again about one operation. Pure: the clock and the jitter source come in `ctx`, so React
 * Query (`refetchInterval`, `refetchOnWindowFocus`), the unit tests and `npm run bench:polling` run the same code.
 *
 * Why the rules are what they are:
 * - Terminal states never change again, so polling after one is pure waste. 400/401/403/404 do not get better by
 *   repeating the same request: 400 means the address itself was refused (a bad parameter, a DevCenter host off the
 *   proxy's allow-list, an api-version Azure does not serve), 401 needs a new token (the UI renews it and starts over), 403 needs someone to
 *   grant access, and 404 means a wrong id or a status Azure has already dropped (it keeps them at least a day).
 * - `Retry-After` is a promise to the server, and the one rule that is never bent: no poll before it allows.
 *   It is a floor, not a schedule: when our own rule says "later" (an old operation), we wait longer, because
 *   a 3-hour job with `Retry-After: 10` would otherwise cost ~1,000 requests. Values are clamped to
 *   [1 s, 10 min] so a typo cannot make a hot loop or freeze a watched operation.
 * - Without it, how long an operation has already run is the best cheap predictor of how long it still has to
 *   go: durations span seconds to hours, roughly evenly on a log scale, so the chance of ending in the next
 *   second falls with age. The first minutes are cheap to watch closely and most short operations end there
 *   while a person is looking: 1 s at first, at most 5 s until 4 minutes (so those are seen within ~5 s;
 *   polling faster would buy little, slower would be noticed). Later, requests matter more than seconds and the
 *   interval climbs to 60 s, ARM guidance's cadence: a slow deployment costs ~60 requests an hour, not 1,800.
 * - `percentComplete`, when it moves, beats age: a least-squares line over the recent points (from the end of
 *   any plateau, such as a queue) predicts when it reaches 100, and the next poll lands just after that. While
 *   the finish is far the interval may stretch to half the predicted remaining time (at most the age and 60 s,
 *   so a failure part way is still seen within a minute). Only a positive rate counts: a stalled, falling or
 *   missing percent falls back to age. Past the predicted finish (non-linear progress, finalising steps after
 *   100%) the operation is overdue: every 5 s, slowing as the overdue time grows.
 * - A failed read (network, 429, 5xx, malformed body) says nothing about the operation, only about the path to
 *   it: keep polling, `Retry-After` first, else exponential backoff, never faster than the normal cadence, with
 *   ±20% jitter so many tabs that failed together do not retry together.
 * - Delays are measured from `ctx.now` (the poll may be decided late, e.g. after the tab was hidden) and capped at
 *   10 minutes, so a clock jump cannot park an operation forever.
 */

export interface PollRecord {
  at: number; // epoch ms the response or failure arrived
  outcome: "status" | "readError";
  category?: StatusCategory; // outcome "status"
  percentComplete?: number; // outcome "status", when known
  httpStatus?: number; // outcome "readError": 0 = network/timeout/malformed body, else the HTTP status
  retryAfterMs?: number; // Retry-After of that response, in ms from `at` (already parsed and clamped)
}

export interface PollContext {
  now: number;
  startedAt: number; // the operation's startTime if known, else when watching began
  history: readonly PollRecord[]; // oldest first; callers keep at most the last 100
  random?: () => number; // jitter source in [0,1), default Math.random
}

export type PollDecision =
  | { poll: false; reason: string } // terminal, or 400/401/403/404: stop
  | { poll: true; delayMs: number; notBefore: number; reason: string }; // notBefore = earliest allowed time (Retry-After)

export const POLLING_LIMITS = {
  minIntervalMs: 1_000,
  maxIntervalMs: 60_000,
  maxDelayMs: RETRY_AFTER_MAX_MS,
  backoffBaseMs: 2_000,
  jitter: 0.2,
} as const;

/**
 * Age rule. For the first four minutes, when most short operations end and someone is usually looking: 1 s at
 * first, +0.4 s per second of age, at most 5 s, so anything that ends then is seen within ~5 s. Polling faster
 * would not make that noticeably better; polling slower would. After that, seconds of delay matter less than
 * requests, and the interval climbs to the 60 s cap within a minute.
 */
const YOUNG_FRACTION = 0.4;
const YOUNG_MAX_INTERVAL_MS = 5_000;
const YOUNG_UNTIL_MS = 240_000;
const AGE_FRACTION_AFTER_YOUNG = 1;
/** How far back the percent fit looks, as a share of the age (recent rate matters more than the average). */
const FIT_WINDOW_FRACTION = 0.5;
const FIT_MIN_WINDOW_MS = 10_000;
const FIT_MAX_POINTS = 8;
/** Land this long after the predicted finish: percent is often rounded down, so 100 shows up a little late. */
const FINISH_MARGIN_MS = 1_000;
/** When the finish is far, wait up to this share of the predicted remaining time (never more than the age). */
const FAR_FRACTION = 0.5;
/** Once overdue, wait this share of the overdue time, from the young rule's 5 s up to the age rule. */
const OVERDUE_FRACTION = 0.05;

const STOP_REASONS: ReadonlyMap<number, string> = new Map([
  [400, "request refused: the operation's address is not valid here"],
  [401, "sign-in needed"],
  [403, "access denied"],
  [404, "not found: wrong id, or the status has expired (Azure keeps it at least a day)"],
]);

const finite = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n);
const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

/** A value the caller may not have clamped (or may be garbage): out of range is clamped, non-numbers ignored. */
const usableRetryAfter = (ms: number | undefined): number | undefined => (finite(ms) ? clampRetryAfterMs(ms) : undefined);

const ageInterval = (ageMs: number): number =>
  clamp(
    Math.min(YOUNG_MAX_INTERVAL_MS, POLLING_LIMITS.minIntervalMs + YOUNG_FRACTION * Math.max(0, ageMs)) +
      AGE_FRACTION_AFTER_YOUNG * Math.max(0, ageMs - YOUNG_UNTIL_MS),
    POLLING_LIMITS.minIntervalMs,
    POLLING_LIMITS.maxIntervalMs,
  );

interface Point {
  t: number;
  p: number;
}

const percentPoints = (history: readonly PollRecord[]): Point[] => {
  const points: Point[] = [];
  for (const r of history) {
    if (r.outcome === "status" && finite(r.percentComplete) && finite(r.at)) {
      points.push({ t: r.at, p: clamp(r.percentComplete, 0, 100) });
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

/** When the percent is predicted to reach 100 (epoch ms), or undefined when it cannot be told. */
const predictFinish = (history: readonly PollRecord[], ageMs: number): number | undefined => {
  const points = percentPoints(history);
  const last = points.at(-1);
  if (!last) return undefined;
  if (last.p >= 100) {
    // Already at 100 and still running: overdue since it first got there.
    let first = last;
    for (let i = points.length - 1; i >= 0; i--) {
      const pt = points[i];
      if (!pt || pt.p < 100) break;
      first = pt;
    }
    return first.t;
  }
  const window = Math.max(FIT_MIN_WINDOW_MS, FIT_WINDOW_FRACTION * ageMs);
  let recent = points.filter((pt) => pt.t >= last.t - window).slice(-FIT_MAX_POINTS);
  if (recent.length < 2) recent = points.slice(-2);
  // A plateau before the rise (queued, or stalled) would drag the line flat: start from its last point.
  const floor = recent[0]?.p;
  const rise = recent.findIndex((pt) => pt.p !== floor);
  if (rise > 1) recent = recent.slice(rise - 1);
  const rate = slope(recent);
  if (rate === undefined) return undefined;
  const finish = last.t + (100 - last.p) / rate;
  return Number.isFinite(finish) ? finish : undefined;
};

/** Interval after the last successful read: age rule, tightened by the percent prediction. */
const regularInterval = (history: readonly PollRecord[], lastAt: number, startedAt: number): { ms: number; reason: string } => {
  const age = lastAt - startedAt;
  const base = ageInterval(age);
  const finish = predictFinish(history, age);
  if (finish === undefined) return { ms: base, reason: "adaptive: age" };
  const remaining = finish - lastAt;
  if (remaining > 0) {
    const toFinish = remaining + FINISH_MARGIN_MS;
    if (toFinish <= base) return { ms: Math.max(POLLING_LIMITS.minIntervalMs, toFinish), reason: "adaptive: predicted finish" };
    const far = Math.min(FAR_FRACTION * remaining, age, POLLING_LIMITS.maxIntervalMs);
    return { ms: Math.max(base, far), reason: "adaptive: predicted finish far" };
  }
  return {
    ms: clamp(OVERDUE_FRACTION * -remaining, Math.min(YOUNG_MAX_INTERVAL_MS, base), base),
    reason: "adaptive: past predicted finish",
  };
};

const consecutiveReadErrors = (history: readonly PollRecord[]): number => {
  let n = 0;
  for (let i = history.length - 1; i >= 0 && history[i]?.outcome === "readError"; i--) n++;
  return n;
};

const lastStatus = (history: readonly PollRecord[]): PollRecord | undefined => {
  for (let i = history.length - 1; i >= 0; i--) {
    const r = history[i];
    if (r?.outcome === "status") return r;
  }
  return undefined;
};

export function decideNextPoll(ctx: PollContext): PollDecision {
  const history: readonly PollRecord[] = Array.isArray(ctx.history) ? ctx.history : [];
  const last = history.at(-1);
  const now = finite(ctx.now) ? ctx.now : finite(last?.at) ? last.at : 0;
  if (!last) return { poll: true, delayMs: 0, notBefore: now, reason: "first poll" };

  const status = lastStatus(history);
  if (status?.category !== undefined && isTerminal(status.category)) {
    return { poll: false, reason: `operation ${status.category}` };
  }
  if (last.outcome === "readError") {
    const stop = finite(last.httpStatus) ? STOP_REASONS.get(last.httpStatus) : undefined;
    if (stop !== undefined) return { poll: false, reason: stop };
  }

  const lastAt = finite(last.at) ? last.at : now;
  const startedAt = finite(ctx.startedAt) ? ctx.startedAt : (history.find((r) => finite(r.at))?.at ?? lastAt);
  const retryAfter = usableRetryAfter(last.retryAfterMs);
  const notBefore = lastAt + (retryAfter ?? 0);

  let intervalMs: number;
  let reason: string;
  if (last.outcome === "readError") {
    const errors = consecutiveReadErrors(history);
    const backoff = POLLING_LIMITS.backoffBaseMs * 2 ** Math.min(errors - 1, 30);
    const regular = regularInterval(history, lastAt, startedAt).ms;
    const random = typeof ctx.random === "function" ? ctx.random : Math.random;
    const r = random();
    const jitter = 1 + POLLING_LIMITS.jitter * (2 * (finite(r) ? clamp(r, 0, 1) : 0.5) - 1);
    intervalMs = Math.min(POLLING_LIMITS.maxIntervalMs, Math.max(backoff, regular) * jitter);
    reason = `backoff after ${errors} read error${errors === 1 ? "" : "s"}`;
  } else {
    ({ ms: intervalMs, reason } = regularInterval(history, lastAt, startedAt));
    if (retryAfter !== undefined && retryAfter >= intervalMs) reason = "retry-after";
  }

  const target = Math.max(notBefore, lastAt + intervalMs);
  const delayMs = clamp(target - now, 0, POLLING_LIMITS.maxDelayMs);
  return { poll: true, delayMs, notBefore, reason };
}

/**
 * For `refetchOnWindowFocus` and other "poll now?" moments: only while polling continues, and never before
 * `Retry-After` allows.
 */
export function mayPollNow(ctx: PollContext): boolean {
  const decision = decideNextPoll(ctx);
  return decision.poll && ctx.now >= decision.notBefore;
}

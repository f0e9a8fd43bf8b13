import { isTerminal } from "@/lib/operations/model";
import { predictFinish } from "./finish-prediction";
import type { PollRecord } from "./poll-record";
import type { PolicyReason } from "./read-reasons";
import { clampRetryAfterMs, RETRY_AFTER_MAX_MS } from "./retry-after";
import { stopReasonAfterReadError, type StopReason } from "./stop-reasons";

/**
 * When to ask Azure again about one operation. Pure (clock and jitter come in `ctx`), so the fleet scheduler, the unit tests
 * and `npm run bench:polling` run the same code. Why the rules are what they are:
 * - Terminal states and 400/401/403/404 stop polling: repeating the request cannot change them.
 * - `Retry-After` is a floor that is never bent, clamped to [1 s, 10 min]; when our own rule says later, we wait longer.
 * - Age predicts the remaining time best when nothing else does: every 6 s for the first minute, then a climb of 1 s
 *   per second to 50 s. Each level is the delay it is there to deliver (see the age rule below).
 * - A moving percentComplete beats age: the next read lands just after the predicted finish (finish-prediction.ts).
 *   At 100 % and still running the end is near: back to the young 6 s, slower only as the wait drags on.
 * - A failed read says nothing about the operation: back off exponentially from 2 s (or the age rule's interval if
 *   longer) with ±20% jitter, Retry-After first.
 * - While a person has the operation's page open and visible, the caller caps our own timing (`maxIntervalMs`, 5 s):
 *   someone is waiting on that one screen. Retry-After, the read-error back-off and paused scopes still come first.
 * - Delays count from `ctx.now` and are capped at 10 minutes, so a clock jump cannot park an operation forever.
 *
 * The levels are sized with `npm run bench:polling` (corpus: lib/dev/bench/polling/corpus.ts): it prints our polls as
 * a share of the Azure SDK's against the target share, and the detection delays they buy. Its median delay is
 * fragile (about half the ends are seen within the young interval and few more soon after), so it moves from seed to
 * seed: judge a change of levels on several seeds and a larger corpus (`--seed`, `--size`).
 */

export interface PollContext {
  now: number;
  startedAt: number; // the operation's startTime if known, else when watching began
  history: readonly PollRecord[]; // oldest first; callers keep at most the last 200 (snapshot.ts)
  random?: () => number; // jitter source in [0,1), default Math.random
  /**
   * The longest wait our own timing may choose (an open page: 5 s). Retry-After and the back-off after read errors
   * still apply on top: it shortens the age and percent rules, never a wait Azure asked for.
   */
  maxIntervalMs?: number;
}

export type PollDecision =
  | { poll: false; stop: StopReason } // terminal, or 400/401/403/404
  | { poll: true; delayMs: number; notBefore: number; reason: PolicyReason }; // notBefore = earliest allowed time (Retry-After)

export const POLLING_LIMITS = {
  minIntervalMs: 1_000,
  maxIntervalMs: 60_000,
  maxDelayMs: RETRY_AFTER_MAX_MS,
  backoffBaseMs: 2_000,
  jitter: 0.2,
} as const;

/**
 * Age rule. Operation lengths spread evenly on a log scale, so the chance of ending in the next second is about
 * 1/(age·ln(longest/shortest)): highest while young. The aims are shares of operations seen within a delay (half
 * within a few seconds, 95 % within ~45 s); for such an aim a poll is worth most where that chance is highest, and
 * the interval that serves it is the delay itself, not a share of the age. So two levels: 6 s for the first minute
 * (the median lands near it), then a one-minute climb to 50 s (at 50 s one end in ten is seen after more than 45 s,
 * at ARM's 60 s one in four). A longer young window or a lower old level buys delay with polls at about the same
 * rate, so a shorter median and a shorter p95 together cost more polls than the target share allows.
 */
const YOUNG_INTERVAL_MS = 6_000;
const YOUNG_UNTIL_MS = 60_000;
const CLIMB_PER_MS_OF_AGE = 1;
const OLD_INTERVAL_MS = 50_000;
/** Land this long after the predicted finish: percent is often rounded down, so 100 shows up a little late. */
const FINISH_MARGIN_MS = 1_000;
/** When the finish is far, wait up to this share of the predicted remaining time (never more than the age). */
const FAR_FRACTION = 0.5;
/**
 * Once overdue (at 100 % and still running, or past the predicted finish), wait this share of the overdue time, from
 * the young interval up to the age rule: 6 s for the first five minutes overdue. The end is near then, so a poll
 * buys more short delays there than anywhere else.
 */
const OVERDUE_FRACTION = 0.02;

const finite = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n);
const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

/** A value the caller may not have clamped (or may be garbage): out of range is clamped, non-numbers ignored. */
const usableRetryAfter = (ms: number | undefined): number | undefined => (finite(ms) ? clampRetryAfterMs(ms) : undefined);

const ageInterval = (ageMs: number): number =>
  clamp(
    ageMs < YOUNG_UNTIL_MS ? YOUNG_INTERVAL_MS : Math.min(OLD_INTERVAL_MS, YOUNG_INTERVAL_MS + CLIMB_PER_MS_OF_AGE * (ageMs - YOUNG_UNTIL_MS)),
    POLLING_LIMITS.minIntervalMs,
    POLLING_LIMITS.maxIntervalMs,
  );

interface Interval {
  ms: number;
  reason: PolicyReason;
}

/** Interval after the last successful read: age rule, tightened by the percent prediction. */
const regularInterval = (history: readonly PollRecord[], lastAt: number, startedAt: number): Interval => {
  const age = lastAt - startedAt;
  const base = ageInterval(age);
  const finish = predictFinish(history, age);
  if (finish === undefined) return { ms: base, reason: { kind: "age" } };
  const remaining = finish - lastAt;
  if (remaining > 0) {
    const toFinish = remaining + FINISH_MARGIN_MS;
    if (toFinish <= base) return { ms: Math.max(POLLING_LIMITS.minIntervalMs, toFinish), reason: { kind: "predictedFinish" } };
    const far = Math.min(FAR_FRACTION * remaining, age, POLLING_LIMITS.maxIntervalMs);
    return { ms: Math.max(base, far), reason: { kind: "predictedFinishFar" } };
  }
  return {
    ms: clamp(OVERDUE_FRACTION * -remaining, Math.min(YOUNG_INTERVAL_MS, base), base),
    reason: { kind: "pastPredictedFinish" },
  };
};

/** The caller's cap on our own timing (an open page); a cap that is not a positive number is ignored. */
const capped = (interval: Interval, maxMs: number | undefined): Interval => {
  if (!finite(maxMs) || maxMs <= 0 || maxMs >= interval.ms) return interval;
  const ms = Math.max(POLLING_LIMITS.minIntervalMs, maxMs);
  return { ms, reason: { kind: "openPage", maxIntervalMs: ms } };
};

/** How many of the last reads failed, in a row. */
export const consecutiveReadErrors = (history: readonly PollRecord[]): number => {
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
  if (!last) return { poll: true, delayMs: 0, notBefore: now, reason: { kind: "firstRead" } };

  const status = lastStatus(history);
  if (status?.category !== undefined && isTerminal(status.category)) {
    return { poll: false, stop: { kind: "ended", category: status.category } };
  }
  if (last.outcome === "readError") {
    const stop = finite(last.httpStatus) ? stopReasonAfterReadError(last.httpStatus) : undefined;
    if (stop !== undefined) return { poll: false, stop };
  }

  const lastAt = finite(last.at) ? last.at : now;
  const startedAt = finite(ctx.startedAt) ? ctx.startedAt : (history.find((r) => finite(r.at))?.at ?? lastAt);
  const retryAfter = usableRetryAfter(last.retryAfterMs);
  const notBefore = lastAt + (retryAfter ?? 0);

  const regular = capped(regularInterval(history, lastAt, startedAt), ctx.maxIntervalMs);
  let intervalMs: number;
  let reason: PolicyReason;
  if (last.outcome === "readError") {
    const errors = consecutiveReadErrors(history);
    const backoff = POLLING_LIMITS.backoffBaseMs * 2 ** Math.min(errors - 1, 30);
    const random = typeof ctx.random === "function" ? ctx.random : Math.random;
    const r = random();
    const jitter = 1 + POLLING_LIMITS.jitter * (2 * (finite(r) ? clamp(r, 0, 1) : 0.5) - 1);
    intervalMs = Math.min(POLLING_LIMITS.maxIntervalMs, Math.max(backoff, regular.ms) * jitter);
    reason = { kind: "backoff", readErrors: errors };
  } else {
    ({ ms: intervalMs, reason } = regular);
    if (retryAfter !== undefined && retryAfter >= intervalMs) reason = { kind: "retryAfter" };
  }

  const target = Math.max(notBefore, lastAt + intervalMs);
  const delayMs = clamp(target - now, 0, POLLING_LIMITS.maxDelayMs);
  return { poll: true, delayMs, notBefore, reason };
}


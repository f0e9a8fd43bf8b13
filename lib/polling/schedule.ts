import { predictFinish } from "./finish-prediction";
import { decideNextPoll, type PollDecision } from "./policy";
import { seededRandom } from "./seeded-random";
import type { OperationSnapshot } from "./snapshot";

/**
 * The policy's decision for a snapshot, taken once per snapshot as of the moment its last response arrived, with
 * jitter seeded by that moment: the fleet scheduler (fleet/), every view and every render agree on one due time.
 */

export type PollSchedule =
  | {
      decision: Extract<PollDecision, { poll: true }>;
      /** When the next poll is due (epoch ms). */
      dueAt: number;
      /** Never poll before this (Retry-After). */
      notBefore: number;
    }
  /** Polling has stopped. */
  | { decision: Extract<PollDecision, { poll: false }>; dueAt: undefined; notBefore: undefined };

/** Per snapshot, per cap on our own timing (0: none): the open page's schedule and everyone else's differ. */
const schedules = new WeakMap<OperationSnapshot, Map<number, PollSchedule>>();
const finishes = new WeakMap<OperationSnapshot, number | undefined>();

/** The moment a snapshot's decision is taken as of (its last response), and the operation's start. */
function decisionTimes(snapshot: OperationSnapshot): { decidedAt: number; startedAt: number } {
  return {
    decidedAt: snapshot.history.at(-1)?.at ?? snapshot.watchStartedAt,
    startedAt: snapshot.operation?.startTime ?? snapshot.watchStartedAt,
  };
}

/** `maxIntervalMs`: the cap an open page puts on our own timing (policy.ts); Retry-After is never shortened by it. */
export function pollSchedule(snapshot: OperationSnapshot, maxIntervalMs = 0): PollSchedule {
  let perCap = schedules.get(snapshot);
  const cached = perCap?.get(maxIntervalMs);
  if (cached) return cached;
  const { decidedAt, startedAt } = decisionTimes(snapshot);
  const decision = decideNextPoll({
    now: decidedAt,
    startedAt,
    history: snapshot.history,
    random: seededRandom(decidedAt),
    ...(maxIntervalMs > 0 ? { maxIntervalMs } : {}),
  });
  const schedule: PollSchedule = decision.poll
    ? { decision, dueAt: decidedAt + decision.delayMs, notBefore: decision.notBefore }
    : { decision, dueAt: undefined, notBefore: undefined };
  if (!perCap) {
    perCap = new Map();
    schedules.set(snapshot, perCap);
  }
  perCap.set(maxIntervalMs, schedule);
  return schedule;
}

/**
 * When the percent is predicted to reach 100, from the same inputs the schedule's decision used: the screen shows the
 * estimate the next read was timed by. Computed on demand (the open page, the scheduler's priorities), once per snapshot.
 */
export function predictedFinishOf(snapshot: OperationSnapshot): number | undefined {
  if (finishes.has(snapshot)) return finishes.get(snapshot);
  const { decidedAt, startedAt } = decisionTimes(snapshot);
  const finish = predictFinish(snapshot.history, decidedAt - startedAt);
  finishes.set(snapshot, finish);
  return finish;
}

import type { Query } from "@tanstack/react-query";
import { predictFinish } from "./finish-prediction";
import { decideNextPoll, type PollDecision } from "./policy";
import { seededRandom } from "./seeded-random";
import type { OperationSnapshot } from "./snapshot";

/**
 * The policy's decision for a snapshot, and the React Query predicates that carry it out (`refetchInterval`, and
 * the focus, reconnect and mount triggers). The decision is taken once per snapshot, as of the moment its last
 * response arrived, with jitter seeded by that moment: every view, render and timer agrees on one due time.
 */

export interface PollSchedule {
  decision: PollDecision;
  /** When the next poll is due (epoch ms); undefined when polling has stopped. */
  dueAt: number | undefined;
  /** Never poll before this (Retry-After). */
  notBefore: number | undefined;
}

const schedules = new WeakMap<OperationSnapshot, PollSchedule>();

/** The moment a snapshot's decision is taken as of (its last response), and the operation's start. */
function decisionTimes(snapshot: OperationSnapshot): { decidedAt: number; startedAt: number } {
  return {
    decidedAt: snapshot.history.at(-1)?.at ?? snapshot.watchStartedAt,
    startedAt: snapshot.operation?.startTime ?? snapshot.watchStartedAt,
  };
}

export function pollSchedule(snapshot: OperationSnapshot): PollSchedule {
  const cached = schedules.get(snapshot);
  if (cached) return cached;
  const { decidedAt, startedAt } = decisionTimes(snapshot);
  const decision = decideNextPoll({ now: decidedAt, startedAt, history: snapshot.history, random: seededRandom(decidedAt) });
  const schedule: PollSchedule = decision.poll
    ? { decision, dueAt: decidedAt + decision.delayMs, notBefore: decision.notBefore }
    : { decision, dueAt: undefined, notBefore: undefined };
  schedules.set(snapshot, schedule);
  return schedule;
}

/**
 * When the percent is predicted to reach 100, from the same inputs the schedule's decision used: the screen shows the
 * estimate the next read was timed by. Computed on demand (one open operation page), not for every poll.
 */
export function predictedFinishOf(snapshot: OperationSnapshot): number | undefined {
  const { decidedAt, startedAt } = decisionTimes(snapshot);
  return predictFinish(snapshot.history, decidedAt - startedAt);
}

/** Timers shorter than this are rounded up, so an overdue poll never spins a timer. */
const MIN_TIMER_MS = 100;

type SnapshotQuery = Pick<Query<OperationSnapshot>, "state">;

/** refetchInterval: the time left until the policy's due time, or false when polling has stopped. */
export function refetchIntervalFor(query: SnapshotQuery, now: number = Date.now()): number | false {
  const data = query.state.data;
  // While a read is in flight the next decision is not known yet; the result re-arms the timer.
  if (!data || query.state.fetchStatus === "fetching") return false;
  const { dueAt } = pollSchedule(data);
  if (dueAt === undefined) return false;
  return Math.max(MIN_TIMER_MS, Math.ceil(dueAt - now));
}

/** Back to the tab (or the network): poll at once if still running, but never before Retry-After allowed. */
export function shouldPollOnReturn(query: SnapshotQuery, now: number = Date.now()): boolean {
  const data = query.state.data;
  if (!data) return true;
  const { decision, notBefore } = pollSchedule(data);
  return decision.poll && now >= (notBefore ?? 0);
}

/** A new view of an already-watched operation does not poll early: it waits for the due time like the others. */
export function shouldPollOnMount(query: SnapshotQuery, now: number = Date.now()): boolean {
  const data = query.state.data;
  if (!data) return true;
  const { dueAt } = pollSchedule(data);
  return dueAt !== undefined && now >= dueAt;
}

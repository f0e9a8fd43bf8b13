import type { ReadReason } from "../read-reasons";
import { pollSchedule } from "../schedule";
import type { StopReason } from "../stop-reasons";
import type { FleetEntry } from "./fleet-scheduler";

/**
 * When one operation's next read is due by its own policy, before the scheduler adds scope pauses and budgets. Where
 * the person's attention changes the timing, it is here: a read asked for is due at once, and an open page (visible:
 * a hidden tab declares its page "onScreen") is read at least every OPEN_PAGE_MAX_INTERVAL_MS. Neither ever moves a
 * read before Retry-After: `notBefore` is kept, and the scheduler takes the latest of all that holds a read back.
 */

/** Someone is looking at this one operation: a few seconds' delay is all they should see. */
export const OPEN_PAGE_MAX_INTERVAL_MS = 5_000;

interface ReadTiming {
  dueAt: number;
  /** Never read before this (Retry-After, or one remembered from an earlier page). */
  notBefore: number;
  reason: ReadReason;
}

/**
 * The time and reason of an entry's next read, or the stop reason. A first read is due since the scheduler first saw
 * the operation: due "now" at every plan, it would queue behind every overdue read for ever.
 */
export function timingOf(entry: FleetEntry, firstSeen: number, now: number): ReadTiming | { stopped: StopReason } {
  const { snapshot } = entry;
  if (snapshot === undefined) return { dueAt: firstSeen, notBefore: entry.rememberedNotBefore ?? 0, reason: { kind: "firstRead" } };
  const schedule = pollSchedule(snapshot, entry.interest === "open" ? OPEN_PAGE_MAX_INTERVAL_MS : 0);
  if (schedule.dueAt !== undefined) {
    return { dueAt: entry.requested ? now : schedule.dueAt, notBefore: schedule.notBefore, reason: schedule.decision.reason };
  }
  if (!entry.requested) return { stopped: schedule.decision.stop };
  // Asked for after polling stopped (a retry after fixing access): still never before the last Retry-After.
  const last = snapshot.history.at(-1);
  return { dueAt: now, notBefore: last ? last.at + (last.retryAfterMs ?? 0) : 0, reason: { kind: "requested" } };
}

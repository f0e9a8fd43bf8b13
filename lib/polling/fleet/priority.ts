import { predictedFinishOf } from "../schedule";
import type { OperationSnapshot } from "../snapshot";

/**
 * Which due read goes first when a scope's budget cannot serve them all: what the person is looking at, then first reads
 * and what is about to end (a row with no status yet, and the end they wait for), then young operations (most short
 * ones end in their first minutes), then the rest. Within a tier, the read overdue longest goes first, so every
 * operation gets its turn.
 */

/**
 * How a tab uses an operation: its page is open and visible (read at least every 5 s: read-timing.ts), its row is on
 * screen (or its page is open in a hidden tab), or it is only watched.
 */
export type Interest = "open" | "onScreen" | "watched";
export const INTEREST_ORDER: readonly Interest[] = ["open", "onScreen", "watched"];

export type Tier = 0 | 1 | 2 | 3;

/** A predicted finish this close (or already passed) counts as near. */
const NEAR_FINISH_MS = 30_000;
/**
 * Young for priority: the first four minutes, when most short operations end and a person is most likely waiting.
 * Wider than the policy's one-minute young window on purpose: with it, the fleet part of `npm run bench:polling` (one
 * subscription's budget shared by many operations) sees the slowest ends sooner.
 */
const YOUNG_MS = 240_000;

export function tierOf(interest: Interest, snapshot: OperationSnapshot | undefined, now: number): Tier {
  if (interest !== "watched") return 0;
  // Never read: its row shows nothing yet, the least a person can know of it.
  if (snapshot === undefined) return 1;
  const finish = predictedFinishOf(snapshot);
  if (finish !== undefined && finish - now <= NEAR_FINISH_MS) return 1;
  const startedAt = snapshot.operation?.startTime ?? snapshot.watchStartedAt;
  return now - startedAt < YOUNG_MS ? 2 : 3;
}

/** The stronger of two interests (several tabs may use one operation). */
export const strongerInterest = (a: Interest, b: Interest): Interest =>
  INTEREST_ORDER.indexOf(a) <= INTEREST_ORDER.indexOf(b) ? a : b;

import type { ReadError } from "@/lib/operations/fetch-operation";
import { isTerminal, type StatusCategory } from "@/lib/operations/model";
import { pollSchedule } from "./schedule";
import type { OperationSnapshot } from "./snapshot";
import type { StopReason } from "./stop-reasons";

/**
 * What a row is, as a person should read it: an operation's own state, not read yet, or one opwatch has given up
 * reading (a 404, a host off the allow-list, a refused account: the policy stopped polling after a failed read).
 * The last case must look dead, not alive: its last status, if any, may be long out of date.
 */
export type RowState = StatusCategory | "pending" | "unreadable";

export interface Unreadable {
  /** Why the policy stopped polling (its words: `stopReasonText`). */
  stop: StopReason;
  error: ReadError;
}

/** Set when polling stopped after a failed read; an operation already at its end is never unreadable. */
export function unreadableOf(snapshot: OperationSnapshot | undefined): Unreadable | undefined {
  const error = snapshot?.lastReadError;
  if (!snapshot || !error) return undefined;
  const category = snapshot.operation?.category;
  if (category !== undefined && isTerminal(category)) return undefined;
  const { decision } = pollSchedule(snapshot);
  return decision.poll ? undefined : { stop: decision.stop, error };
}

export function rowStateOf(snapshot: OperationSnapshot | undefined): RowState {
  if (unreadableOf(snapshot)) return "unreadable";
  return snapshot?.operation?.category ?? "pending";
}

/** Failed operations and rows that cannot be read: what the header counts and the list puts first. */
export const needsAttention = (state: RowState): boolean => state === "unreadable" || state === "failed";

/** "Cannot be read · NotFound": the badge's words (a sign-in problem is named as one, since signing in fixes it). */
export function unreadableLabel(unreadable: Pick<Unreadable, "error">): string {
  return unreadable.error.signInNeeded ? "Sign-in needed" : `Cannot be read · ${unreadable.error.code}`;
}

import type { ReadError } from "@/lib/operations/fetch-operation";
import { consecutiveReadErrors } from "./policy";
import { unreadableOf } from "./read-state";
import type { OperationSnapshot } from "./snapshot";

/**
 * How a failed read is shown, decided once for every view. A passing failure (Azure throttled the read, or one of the
 * failures that clear by themselves: no answer or no readable one, a timeout, a 5xx) is said in one quiet line where
 * the next read is explained: the next read is likely to work, and the last status still holds. A read that keeps
 * failing (KEEPS_FAILING_AFTER in a row), or fails in a way asking again cannot mend (polling stopped, a sign-in, any
 * other 4xx), is shown in full, with Azure's error: that is what a person must act on.
 */

export const KEEPS_FAILING_AFTER = 3;

/** 0: no answer, a timeout or an answer opwatch could not read (see `ReadError.httpStatus`). */
const PASSING_STATUSES: ReadonlySet<number> = new Set([0, 408, 429, 500, 502, 503, 504]);

export interface ReadTrouble {
  kind: "passing" | "lasting";
  error: ReadError;
}

/** The last read's failure and how to show it; undefined when the last read worked (or there was none). */
export function readTroubleOf(snapshot: OperationSnapshot | undefined): ReadTrouble | undefined {
  const error = snapshot?.lastReadError;
  if (!snapshot || !error) return undefined;
  const passing =
    PASSING_STATUSES.has(error.httpStatus) &&
    !error.signInNeeded &&
    unreadableOf(snapshot) === undefined &&
    consecutiveReadErrors(snapshot.history) < KEEPS_FAILING_AFTER;
  return { kind: passing ? "passing" : "lasting", error };
}

import type { OperationKind } from "@/lib/azure/operation-ref";
import type { ReadReason } from "../read-reasons";
import type { StopReason } from "../stop-reasons";
import type { PauseCause } from "./scope-budget";

/**
 * What the scheduler tells the screen (and, from the polling tab, the other tabs): plain data, so it crosses a
 * BroadcastChannel as is. Times are epoch ms; views turn them into "in 12 s" with their own clock.
 */

export interface ScopeStatus {
  id: string;
  kind: OperationKind;
  name: string;
  /** The configured budget, and what it is now (higher on idle capacity, lower while Azure reports few reads left). */
  budgetPerSecond: number;
  ratePerSecond: number;
  remainingReads: number | undefined;
  pause: { until: number; cause: PauseCause; httpStatus: number } | undefined;
  /** Reads that are due but wait for this scope's budget or pause. */
  waiting: number;
}

/** What decides when an operation's next read is, with what a sentence about it needs. */
export type NextReadCause =
  | { cause: "reading" } // a read is in flight
  | { cause: "stopped"; stop: StopReason } // the policy stopped polling
  | { cause: "retryAfter" } // the operation's own Retry-After
  | { cause: "scopePaused" } // Azure paused the whole scope
  | { cause: "allPaused"; code: string } // opwatch's server asked this browser to slow down (its error code)
  | { cause: "budget"; ahead: number } // due, waiting for the scope's budget behind this many reads
  | { cause: "busy"; inFlight: number } // due, waiting for one of this many reads in flight to end
  | { cause: "openFirst" } // due, waiting for the first read of an operation a person has just opened
  | { cause: "scheduled"; reason: ReadReason }; // the schedule's own timing

/** What holds back any read of an operation, even one the person asks for: only these, never the schedule or budget. */
export interface ReadHold {
  until: number;
  cause: "retryAfter" | "scopePaused" | "allPaused";
}

export type NextRead = NextReadCause & {
  /** When the read can happen, as far as known now; undefined while reading or stopped. */
  at: number | undefined;
  /** The scope it belongs to, for sentences that name it. */
  scopeId: string;
  /** Until when no read may start at all (a "Refresh now" must wait for it), when that is later than now. */
  hold?: ReadHold | undefined;
};

export interface FleetStatus {
  at: number;
  allPaused: { until: number; httpStatus: number; code: string } | undefined;
  scopes: ScopeStatus[];
  /** Only for operations someone is looking at (the open page, rows on screen) or asked to read. */
  next: Record<string, NextRead>;
}

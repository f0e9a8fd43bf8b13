import type { OperationKind } from "@/lib/azure/operation-ref";
import type { PauseCause } from "./scope-budget";

/**
 * What the scheduler tells the screen (and, from the polling tab, the other tabs): plain data, so it crosses a
 * BroadcastChannel as is. Times are epoch ms; views turn them into "in 12 s" with their own clock.
 */

export interface ScopeStatus {
  id: string;
  kind: OperationKind;
  name: string;
  /** The configured budget, and what it is now (lower while Azure reports few reads left). */
  budgetPerSecond: number;
  ratePerSecond: number;
  remainingReads: number | undefined;
  pause: { until: number; cause: PauseCause; httpStatus: number } | undefined;
  /** Reads that are due but wait for this scope's budget or pause. */
  waiting: number;
}

type NextReadCause =
  | "reading" // a read is in flight
  | "stopped" // the policy stopped polling (detail: its reason)
  | "retryAfter" // the operation's own Retry-After
  | "scopePaused" // Azure paused the whole scope
  | "allPaused" // opwatch's server asked this browser to slow down
  | "budget" // due, waiting for the scope's budget (detail: how many go first)
  | "busy" // due, waiting for one of the reads in flight to end
  | "scheduled"; // the policy's own timing (detail: its reason)

/** What holds back any read of an operation, even one the person asks for: only these, never the schedule or budget. */
export interface ReadHold {
  until: number;
  cause: "retryAfter" | "scopePaused" | "allPaused";
}

export interface NextRead {
  /** When the read can happen, as far as known now; undefined while reading or stopped. */
  at: number | undefined;
  cause: NextReadCause;
  detail: string;
  /** The scope it belongs to, for sentences that name it. */
  scopeId: string;
  /**
   * Until when no read may start at all (a "Refresh now" must wait for it), when that is later than now. Optional: a
   * polling tab of an older opwatch does not send it.
   */
  hold?: ReadHold | undefined;
}

export interface FleetStatus {
  at: number;
  allPaused: { until: number; httpStatus: number; code: string } | undefined;
  scopes: ScopeStatus[];
  /** Only for operations someone is looking at (the open page, rows on screen) or asked to read. */
  next: Record<string, NextRead>;
}

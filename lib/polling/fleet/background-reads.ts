import type { FleetStatus } from "./fleet-status";
import { endpointScope, type ReadScope } from "./read-scope";
import type { ScopeBudget } from "./scope-budget";

/**
 * Reads below every watched or shown one (a discovery sweep's list reads), planned by the fleet scheduler after the
 * others have taken what they need. One starts only when no read of its endpoint's scope is due and waiting, leaves
 * that scope a token and the browser a connection for them, and waits out every pause; its answer pauses the scope
 * as a status read's does (FleetScheduler.finishedBackground).
 */

export interface BackgroundEntry {
  key: string;
  endpointHost: string;
  /** The earliest it may start (the sweep's pacing and cadence). */
  at: number;
}

export interface BackgroundContext {
  budgetOf: (scope: ReadScope) => ScopeBudget;
  /** Keys of every read in flight, the scheduler's own set: a started background read is added. */
  inFlight: Set<string>;
  maxInFlight: number;
  /** Due reads of each scope that the plan could not start. */
  ahead: ReadonlyMap<string, number>;
  /** The scopes the status reports: a background read's scope is one, so its pause is told. */
  used: Set<string>;
  allPaused: FleetStatus["allPaused"];
}

export function planBackground(
  background: readonly BackgroundEntry[],
  context: BackgroundContext,
  now: number,
): { start: BackgroundEntry[]; wakeAt: number } {
  const { inFlight, maxInFlight, ahead, used, allPaused } = context;
  const start: BackgroundEntry[] = [];
  let wakeAt = Number.POSITIVE_INFINITY;
  for (const entry of background) {
    const scope = endpointScope(entry.endpointHost);
    const budget = context.budgetOf(scope);
    used.add(scope.id);
    if (inFlight.has(entry.key)) continue;
    const at = Math.max(entry.at, budget.pausedAt(now)?.until ?? 0, allPaused?.until ?? 0);
    if (at > now) {
      wakeAt = Math.min(wakeAt, at);
      continue;
    }
    // Behind due reads of its scope, or short of a spare connection: the plan after those reads start or end.
    if ((ahead.get(scope.id) ?? 0) > 0 || inFlight.size + 1 >= maxInFlight) continue;
    if (budget.tryTakeBackground(now)) {
      start.push(entry);
      inFlight.add(entry.key);
    } else {
      wakeAt = Math.min(wakeAt, budget.backgroundReadyAt(now));
    }
  }
  return { start, wakeAt };
}

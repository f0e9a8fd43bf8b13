import type { OperationKind, OperationRef } from "@/lib/azure/operation-ref";
import type { BucketSpec } from "@/lib/azure/token-bucket";
import type { HeadroomSettings } from "@/lib/config/headroom-settings";
import type { OperationSnapshot } from "../snapshot";
import type { ReadReason } from "../read-reasons";
import { planBackground, type BackgroundEntry } from "./background-reads";
import type { FleetStatus, NextRead, NextReadCause, ReadHold, ScopeStatus } from "./fleet-status";
import { tierOf, type Interest, type Tier } from "./priority";
import { endpointScope, readScopeOf, type ReadScope } from "./read-scope";
import { timingOf } from "./read-timing";
import { ScopeBudget } from "./scope-budget";
import { readSignalsOf, type ReadSignals } from "./throttle-signal";

/**
 * The one scheduler of a browser's reads, above the per-operation policy. The policy says when each operation should
 * be read (and never before its Retry-After); this decides which due reads start now within each scope's budget, in
 * priority order, and pauses a scope (or every scope) when a read says so. Time comes in as arguments: the browser
 * runner, the unit tests and the fleet benchmark drive the same code.
 */

export interface FleetEntry {
  key: string;
  ref: OperationRef;
  interest: Interest;
  snapshot: OperationSnapshot | undefined;
  /** Retry-After remembered from an earlier page, for an operation this page has not read yet. */
  rememberedNotBefore?: number | undefined;
  /** The person asked for a read now: due at once and first in line, though still never before Retry-After. */
  requested?: boolean | undefined;
}

export interface FleetPlan {
  /** Reads to start now; their budget is already spent. */
  start: FleetEntry[];
  /** Background reads to start now, budget spent too. */
  startBackground: BackgroundEntry[];
  /** When planning again may start a read (undefined: only a finished read or a change can). */
  wakeAt: number | undefined;
  status: FleetStatus;
}

/** Each kind's base budget per scope, and whether (and how far) a scope may read above it (headroom.ts); none: never. */
export type ReadBudgets = Record<OperationKind, BucketSpec> & { headroom?: HeadroomSettings | undefined };

/** Browsers open about six connections per host; more reads in flight would only queue inside the browser. */
const MAX_READS_IN_FLIGHT = 6;

/**
 * The first read of an operation a person has just opened has the browser, the server and the budget to itself for
 * up to this long: until then nothing is on their screen, and every read beside it slows it down.
 */
export const OPEN_FIRST_ALONE_MS = 1_000;

/** A page opened on an operation this browser has not read yet: what the person waits for. */
const isFirstOpen = (entry: FleetEntry): boolean => entry.interest === "open" && entry.snapshot === undefined;

interface Due {
  entry: FleetEntry;
  scope: ReadScope;
  budget: ScopeBudget;
  tier: Tier;
  dueAt: number;
}

/** What keeps a read from starting before a time: the schedule, or one of the holds. */
type Blocker = "scheduled" | ReadHold["cause"];

/** The latest of what holds back even a requested read, if it lasts beyond now. */
function holdOf(blocks: readonly (readonly [number, Blocker])[], now: number): ReadHold | undefined {
  let hold: ReadHold | undefined;
  for (const [until, cause] of blocks) {
    if (until > now && until > (hold?.until ?? 0) && cause !== "scheduled") hold = { until, cause };
  }
  return hold;
}

/** The blocker that decides, with what its sentence needs. */
function causeOf(blocker: Blocker, reason: ReadReason, allPaused: FleetStatus["allPaused"]): NextReadCause {
  switch (blocker) {
    case "scheduled":
      return { cause: blocker, reason };
    case "allPaused":
      return { cause: blocker, code: allPaused?.code ?? "" };
    case "retryAfter":
    case "scopePaused":
      return { cause: blocker };
  }
}

export class FleetScheduler {
  private readonly scopes = new Map<string, { scope: ReadScope; budget: ScopeBudget }>();
  private readonly inFlight = new Set<string>();
  private readonly firstSeen = new Map<string, number>();
  private allPaused: FleetStatus["allPaused"];
  /** The first read of an opened operation in flight, and until when it has the reads to itself. */
  private alone: { key: string; until: number } | undefined;

  constructor(
    private readonly budgets: ReadBudgets,
    private readonly maxInFlight = MAX_READS_IN_FLIGHT,
  ) {}

  plan(entries: readonly FleetEntry[], now: number, background: readonly BackgroundEntry[] = []): FleetPlan {
    const next: Record<string, NextRead> = {};
    // Only what is shown is explained (and built): most entries are merely watched, and a plan runs after every read.
    const shown = (entry: FleetEntry): boolean => entry.interest !== "watched" || entry.requested === true;
    const waiting = new Map<string, number>();
    const used = new Set<string>();
    const allPaused = this.allPaused !== undefined && this.allPaused.until > now ? this.allPaused : undefined;
    let wakeAt = Number.POSITIVE_INFINITY;
    const due: Due[] = [];

    for (const entry of entries) {
      const { scope, budget } = this.scopeOf(readScopeOf(entry.ref), now);
      if (this.inFlight.has(entry.key)) {
        used.add(scope.id);
        if (shown(entry)) next[entry.key] = { at: undefined, cause: "reading", scopeId: scope.id };
        continue;
      }
      const timing = timingOf(entry, this.firstSeenAt(entry.key, now), now);
      if ("stopped" in timing) {
        if (shown(entry)) next[entry.key] = { at: undefined, cause: "stopped", stop: timing.stopped, scopeId: scope.id };
        continue;
      }
      // Only scopes with reads still to make are reported: once all their operations ended there is nothing to say.
      used.add(scope.id);
      const { at, blocker, hold } = this.heldUntil(timing, budget, allPaused, now);
      if (at > now) {
        if (blocker !== "scheduled") waiting.set(scope.id, (waiting.get(scope.id) ?? 0) + 1);
        wakeAt = Math.min(wakeAt, at);
        if (shown(entry)) next[entry.key] = { ...causeOf(blocker, timing.reason, allPaused), at, scopeId: scope.id, hold };
        continue;
      }
      due.push({ entry, scope, budget, tier: entry.requested ? 0 : tierOf(entry.interest, entry.snapshot, now), dueAt: timing.dueAt });
    }

    if (this.firstSeen.size > entries.length) {
      const current = new Set(entries.map((e) => e.key));
      for (const key of this.firstSeen.keys()) if (!current.has(key)) this.firstSeen.delete(key);
    }
    due.sort((a, b) => a.tier - b.tier || Number(isFirstOpen(b.entry)) - Number(isFirstOpen(a.entry)) || a.dueAt - b.dueAt);
    if (this.alone && !(this.inFlight.has(this.alone.key) && now < this.alone.until)) this.alone = undefined;
    const start: FleetEntry[] = [];
    const ahead = new Map<string, number>();
    for (const { entry, scope, budget } of due) {
      const position = ahead.get(scope.id) ?? 0;
      const held = this.alone !== undefined && entry.interest !== "open";
      // The page a person opened does not queue behind other operations' reads; it still takes its scope's budget.
      const busy = this.inFlight.size + start.length >= this.maxInFlight && entry.interest !== "open";
      if (!held && !busy && budget.tryTake(now)) {
        start.push(entry);
        if (isFirstOpen(entry)) this.alone ??= { key: entry.key, until: now + OPEN_FIRST_ALONE_MS };
        continue;
      }
      ahead.set(scope.id, position + 1);
      waiting.set(scope.id, (waiting.get(scope.id) ?? 0) + 1);
      if (held) {
        // Its end plans again, or the timer at the end of its time alone.
        if (shown(entry)) next[entry.key] = { at: undefined, cause: "openFirst", scopeId: scope.id };
      } else if (busy) {
        // A read ending plans again; no timer is needed for this one.
        if (shown(entry)) next[entry.key] = { at: undefined, cause: "busy", inFlight: this.inFlight.size + start.length, scopeId: scope.id };
      } else {
        const readyAt = budget.readyAt(now);
        wakeAt = Math.min(wakeAt, readyAt);
        if (shown(entry)) next[entry.key] = { at: readyAt, cause: "budget", ahead: position, scopeId: scope.id };
      }
    }
    for (const entry of start) this.inFlight.add(entry.key);
    const budgetOf = (scope: ReadScope) => this.scopeOf(scope, now).budget;
    // While an opened operation's first read is alone, no connection is spare for reads below the others.
    const maxInFlight = this.alone ? 0 : this.maxInFlight;
    const below = planBackground(background, { budgetOf, inFlight: this.inFlight, maxInFlight, ahead, used, allPaused }, now);
    if (this.alone) wakeAt = Math.min(wakeAt, this.alone.until);

    return {
      start,
      startBackground: below.start,
      wakeAt: Number.isFinite(Math.min(wakeAt, below.wakeAt)) ? Math.min(wakeAt, below.wakeAt) : undefined,
      status: { at: now, allPaused, scopes: this.scopeStatuses(used, waiting, now), next },
    };
  }

  /**
   * The first cause to lift last is the one that decides, and the one a person is told about. When the schedule only
   * waits as long as Retry-After does (a backoff pushed to it), it is Retry-After that decides.
   */
  private heldUntil(
    timing: { dueAt: number; notBefore: number; reason: ReadReason },
    budget: ScopeBudget,
    allPaused: FleetStatus["allPaused"],
    now: number,
  ): { at: number; blocker: Blocker; hold: ReadHold | undefined } {
    const paused = budget.pausedAt(now);
    const blocks: [number, Blocker][] = [
      [timing.dueAt, "scheduled"],
      [timing.notBefore, "retryAfter"],
      [paused?.until ?? 0, "scopePaused"],
      [allPaused?.until ?? 0, "allPaused"],
    ];
    const [at, blocker] = blocks.reduce((a, b) => (b[0] > a[0] || (b[0] === a[0] && a[1] === "scheduled") ? b : a));
    return { at, blocker, hold: holdOf(blocks.slice(1), now) };
  }

  /**
   * What the next read of an operation just read waits for, as planning would say now, before the budget queue (a
   * read due at once is "scheduled" now): the poll log's reason, taken once the read's answer has been learnt.
   */
  nextAfterRead(entry: FleetEntry, now: number): NextRead {
    const { scope, budget } = this.scopeOf(readScopeOf(entry.ref), now);
    const timing = timingOf(entry, now, now);
    if ("stopped" in timing) return { at: undefined, cause: "stopped", stop: timing.stopped, scopeId: scope.id };
    const allPaused = this.allPaused !== undefined && this.allPaused.until > now ? this.allPaused : undefined;
    const { at, blocker, hold } = this.heldUntil(timing, budget, allPaused, now);
    return { ...causeOf(blocker, timing.reason, allPaused), at: Math.max(at, now), scopeId: scope.id, hold };
  }

  private firstSeenAt(key: string, now: number): number {
    const seen = this.firstSeen.get(key);
    if (seen !== undefined) return seen;
    this.firstSeen.set(key, now);
    return now;
  }

  /** A read ended (or was abandoned: no snapshot). Its answer may pause or slow its scope, or every scope. */
  finished(entry: Pick<FleetEntry, "key" | "ref">, snapshot: OperationSnapshot | undefined, now: number): void {
    this.inFlight.delete(entry.key);
    if (snapshot === undefined) return;
    this.firstSeen.delete(entry.key);
    this.learn(entry.ref, snapshot, now);
  }

  /** A background read ended; `signals` is what its answer said about its scope (none when it was abandoned). */
  finishedBackground(entry: Pick<BackgroundEntry, "key" | "endpointHost">, signals: ReadSignals | undefined, now: number): void {
    this.inFlight.delete(entry.key);
    if (signals) this.learnSignals(endpointScope(entry.endpointHost), signals, now);
  }

  /** Takes in what a read said about its scope (a tab that starts polling learns this way from reads made before). */
  learn(ref: OperationRef, snapshot: OperationSnapshot, now: number): void {
    this.learnSignals(readScopeOf(ref), readSignalsOf(snapshot), now);
  }

  private learnSignals(scope: ReadScope, signals: ReadSignals, now: number): void {
    const { throttle } = signals;
    const { budget } = this.scopeOf(scope, now);
    budget.report(signals, now);
    if (throttle.pause === "scope") {
      budget.pauseUntil({ until: throttle.until, cause: throttle.httpStatus === 429 ? "throttled" : "unavailable", httpStatus: throttle.httpStatus });
    } else if (throttle.pause === "all" && (this.allPaused === undefined || throttle.until > this.allPaused.until)) {
      this.allPaused = { until: throttle.until, httpStatus: throttle.httpStatus, code: throttle.code };
    }
  }

  private scopeOf(scope: ReadScope, now: number): { scope: ReadScope; budget: ScopeBudget } {
    let found = this.scopes.get(scope.id);
    if (!found) {
      found = { scope, budget: new ScopeBudget(this.budgets[scope.kind], now, this.budgets.headroom) };
      this.scopes.set(scope.id, found);
    }
    return found;
  }

  private scopeStatuses(used: ReadonlySet<string>, waiting: ReadonlyMap<string, number>, now: number): ScopeStatus[] {
    const statuses: ScopeStatus[] = [];
    for (const id of used) {
      const found = this.scopes.get(id);
      if (!found) continue;
      const { scope, budget } = found;
      const pause = budget.pausedAt(now);
      statuses.push({
        id,
        kind: scope.kind,
        name: scope.name,
        budgetPerSecond: budget.spec.refillPerSecond,
        ratePerSecond: budget.ratePerSecond(now),
        remainingReads: budget.remainingReads,
        pause: pause && { until: pause.until, cause: pause.cause, httpStatus: pause.httpStatus },
        waiting: waiting.get(id) ?? 0,
      });
    }
    return statuses;
  }
}

import type { OperationRef } from "@/lib/azure/operation-ref";
import type { EndpointDiscovery } from "@/lib/discovery/discovery-types";
import type { NotBeforeMemory } from "../not-before-memory";
import type { PollRecord } from "../poll-record";
import { pollSchedule } from "../schedule";
import { withNextRead, type OperationSnapshot } from "../snapshot";
import type { BackgroundEntry } from "./background-reads";
import { FleetScheduler, type FleetEntry, type ReadBudgets } from "./fleet-scheduler";
import type { FleetStatus } from "./fleet-status";
import { nextReadSentence } from "./fleet-text";
import { mergeInterest, type MergedItem } from "./merge-interest";
import { readScopeOf } from "./read-scope";
import { SweepReads, type SweepDeps } from "./sweep-reads";
import type { ReadSignals } from "./throttle-signal";
import type { InterestItem } from "./tab-messages";

/**
 * The polling tab's reads: every tab's interest merged, the scheduler planned on one timer (and again after every
 * read and every change), each read made, learnt from, annotated with why the next is when it is, and handed on.
 */

export interface ReadDeps {
  budgets: ReadBudgets;
  /** Reads one operation and folds the result into its snapshot; undefined when the read was cancelled. */
  read: (ref: OperationRef) => Promise<OperationSnapshot | undefined>;
  snapshotOf: (key: string) => OperationSnapshot | undefined;
  /** Puts in place of what `read` stored the same snapshot, its last read now saying why the next is when it is. */
  annotate: (key: string, snapshot: OperationSnapshot) => void;
  /** Keeps each read's record (the poll log). Only the polling tab reads, so every read is recorded once. */
  record?: ((key: string, record: PollRecord) => void) | undefined;
  memory: NotBeforeMemory | undefined;
  /** Discovery's sweeps; undefined: this page sweeps nothing (the benches). */
  sweeps?: SweepDeps | undefined;
  now: () => number;
}

/** What every tab (this one and the others) uses and asked to read. */
export interface EveryTabInterest {
  /** Each tab's interest, this tab's first; merged again only after `interestChanged`. */
  lists: () => Iterable<readonly InterestItem[]>;
  requestedKeys: () => Iterable<string>;
  isRequested: (key: string) => boolean;
  /** The read asked for has started. */
  clearRequest: (key: string) => void;
  /** Drops the tabs not heard from for a while, before each plan. */
  forgetSilent: (now: number) => void;
  /** The endpoints some visible tab wants swept. */
  sweepHosts: () => Iterable<string>;
  /** The endpoints asked to be swept sooner since the last plan. */
  takeSweepRequests: () => Iterable<string>;
}

export interface ReadLoopDeps extends ReadDeps {
  interest: EveryTabInterest;
  /** A read's annotated result, for the other tabs. */
  share: (key: string, snapshot: OperationSnapshot) => void;
  /** The status of every plan. */
  publish: (status: FleetStatus) => void;
  /** What an endpoint's sweeps found, after every change. */
  shareDiscovery: (discovery: EndpointDiscovery) => void;
}

/** A timer is never armed for less than this, so an overdue read cannot spin the loop. */
export const MIN_TIMER_MS = 20;

export class ReadLoop {
  private readonly scheduler: FleetScheduler;
  private readonly sweeps: SweepReads | undefined;
  /** Built again only when some interest changed: ticks come with every read, and the merge is most of a tick's work. */
  private merged: readonly MergedItem[] | undefined;
  private active = false;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private tickQueued = false;

  constructor(private readonly deps: ReadLoopDeps) {
    this.scheduler = new FleetScheduler(deps.budgets);
    this.sweeps = deps.sweeps && new SweepReads(deps.sweeps, deps.shareDiscovery, deps.now);
  }

  get polling(): boolean {
    return this.active;
  }

  /** Starts or ends this tab's polling. */
  setPolling(polling: boolean): void {
    this.active = polling;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!polling) {
      this.sweeps?.clear();
      return;
    }
    // Pauses Azure asked for before this tab polled are in the results it was sent: learn them first.
    const now = this.deps.now();
    for (const entry of this.entries(now)) if (entry.snapshot) this.scheduler.learn(entry.ref, entry.snapshot, now);
    // The open page, first in line, need not wait for a timer once this tab is elected.
    this.tickNow();
  }

  /** Some tab's interest changed: the next plan merges again. */
  interestChanged(): void {
    this.merged = undefined;
  }

  /** Plans again soon, once whatever changed has settled in this turn of the event loop. */
  queueTick(): void {
    if (this.tickQueued || !this.active) return;
    this.tickQueued = true;
    setTimeout(() => {
      this.tickQueued = false;
      this.tick();
    }, 0);
  }

  /** Plans now, in this turn: for what a person waits on. */
  tickNow(): void {
    this.tick();
  }

  /** No more plans; reads in flight still end, and are still recorded and shared. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private tick(): void {
    if (!this.active || this.stopped) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const now = this.deps.now();
    const plan = this.scheduler.plan(this.entries(now), now, this.backgroundEntries(now));
    for (const entry of plan.start) {
      this.deps.interest.clearRequest(entry.key);
      void this.read(entry);
    }
    for (const entry of plan.startBackground) void this.readBackground(entry, now);
    this.deps.publish(plan.status);
    if (plan.wakeAt !== undefined) {
      this.timer = setTimeout(
        () => {
          this.tick();
        },
        Math.max(MIN_TIMER_MS, plan.wakeAt - now),
      );
    }
  }

  private entries(now: number): FleetEntry[] {
    const { interest, snapshotOf, memory } = this.deps;
    interest.forgetSilent(now);
    const requested = new Set(interest.requestedKeys());
    this.merged ??= mergeInterest(interest.lists());
    return this.merged.map(({ key, ref, interest: strongest }) => {
      const snapshot = snapshotOf(key);
      return {
        key,
        ref,
        interest: strongest,
        snapshot,
        rememberedNotBefore: snapshot === undefined ? memory?.get(key, now) : undefined,
        requested: requested.has(key),
      };
    });
  }

  private backgroundEntries(now: number): BackgroundEntry[] {
    if (!this.sweeps) return [];
    const { interest } = this.deps;
    this.sweeps.sync(interest.sweepHosts(), interest.takeSweepRequests(), now);
    return this.sweeps.entries(now);
  }

  private async readBackground(entry: BackgroundEntry, now: number): Promise<void> {
    let signals: ReadSignals | undefined;
    try {
      signals = await this.sweeps?.read(entry, now);
    } catch {
      signals = undefined; // a bug in a sweep must not keep its read in flight for ever
    }
    this.scheduler.finishedBackground(entry, signals, this.deps.now());
    this.queueTick();
  }

  private async read(entry: FleetEntry): Promise<void> {
    let snapshot: OperationSnapshot | undefined;
    try {
      snapshot = await this.deps.read(entry.ref);
    } catch {
      snapshot = undefined; // cancelled: nothing was learnt
    }
    const now = this.deps.now();
    this.scheduler.finished(entry, snapshot, now);
    if (snapshot) {
      snapshot = this.withReason(entry, snapshot, now);
      this.deps.memory?.remember(entry.key, pollSchedule(snapshot).notBefore, now);
      const record = snapshot.history.at(-1);
      if (record) this.deps.record?.(entry.key, record);
      this.deps.share(entry.key, snapshot);
    }
    this.queueTick();
  }

  /** The read's record says why the next read is when it is, once the scheduler has learnt what the read said. */
  private withReason(entry: FleetEntry, snapshot: OperationSnapshot, now: number): OperationSnapshot {
    const requested = this.deps.interest.isRequested(entry.key);
    const next = this.scheduler.nextAfterRead({ ...entry, snapshot, requested }, now);
    const annotated = withNextRead(snapshot, { at: next.at, reason: nextReadSentence(next, { scopes: [readScopeOf(entry.ref)] }, now) });
    this.deps.annotate(entry.key, annotated);
    return annotated;
  }
}

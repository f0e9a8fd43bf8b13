import { refKey, type OperationRef } from "@/lib/azure/operation-ref";
import type { NotBeforeMemory } from "../not-before-memory";
import type { PollRecord } from "../poll-record";
import { pollSchedule } from "../schedule";
import { withNextRead, type OperationSnapshot } from "../snapshot";
import { FleetScheduler, type FleetEntry, type ReadBudgets } from "./fleet-scheduler";
import type { FleetStatus } from "./fleet-status";
import { nextReadSentence } from "./fleet-text";
import { strongerInterest, type Interest } from "./priority";
import { readScopeOf } from "./read-scope";
import { readTabMessage, type InterestItem, type TabMessage } from "./tab-messages";

/**
 * Carries out the fleet scheduler in a browser tab. Every tab keeps its own interest (the watched operations, the
 * open page, the rows on screen, reads asked for); the tab elected to poll merges every tab's interest, runs the
 * scheduler on one timer, reads, and sends each result and its status to the other tabs, whose caches take them in.
 */

export interface TabChannel {
  postMessage: (message: TabMessage) => void;
  onMessage: (listener: (data: unknown) => void) => void;
  close: () => void;
}

export interface FleetRunnerDeps {
  budgets: ReadBudgets;
  tabId: string;
  /** Reads one operation and folds the result into its snapshot; undefined when the read was cancelled. */
  read: (ref: OperationRef) => Promise<OperationSnapshot | undefined>;
  snapshotOf: (key: string) => OperationSnapshot | undefined;
  /** Takes in a result another tab read (only for operations this tab uses). */
  receive: (key: string, snapshot: OperationSnapshot) => void;
  /** Puts in place of what `read` stored the same snapshot, its last read now saying why the next is when it is. */
  annotate: (key: string, snapshot: OperationSnapshot) => void;
  /** Keeps each read's record (the poll log). Only the polling tab reads, so every read is recorded once. */
  record?: ((key: string, record: PollRecord) => void) | undefined;
  memory: NotBeforeMemory | undefined;
  /** Undefined: this tab works alone. */
  channel: TabChannel | undefined;
  /** Starts the poller election (poller-election.ts); returns the undo. */
  elect: (onChange: (polling: boolean) => void) => () => void;
  now: () => number;
}

type FleetRole = "polling" | "following" | "idle";

export interface FleetView {
  role: FleetRole;
  status: FleetStatus | undefined;
}

/** A tab not heard from for this long is gone (it says "alive" every ALIVE_MS). */
const ALIVE_MS = 10_000;
const FORGET_TAB_MS = 3 * ALIVE_MS;
/** Status reaches the screen and the other tabs at most this often: it changes with every read. */
const STATUS_EVERY_MS = 500;
/** Interest changes (rows scrolling past) are sent once they settle. */
const INTEREST_SETTLE_MS = 200;
/** A timer is never armed for less than this, so an overdue read cannot spin the loop. */
const MIN_TIMER_MS = 20;

interface RemoteTab {
  seen: number;
  items: InterestItem[];
  requested: string[];
}

export class FleetRunner {
  private readonly scheduler: FleetScheduler;
  private readonly watched = new Map<string, OperationRef>();
  private readonly declared = new Map<string, { ref: OperationRef; interests: Interest[] }>();
  private readonly requested = new Set<string>();
  private readonly remote = new Map<string, RemoteTab>();
  private merged: readonly { key: string; ref: OperationRef; interest: Interest }[] | undefined;
  private readonly listeners = new Set<() => void>();
  private view: FleetView = { role: "idle", status: undefined };
  private polling = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private tickQueued = false;
  private statusTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingStatus: FleetStatus | undefined;
  private interestTimer: ReturnType<typeof setTimeout> | undefined;
  private aliveTimer: ReturnType<typeof setInterval> | undefined;
  private stopElection: (() => void) | undefined;
  private stopped = false;

  constructor(private readonly deps: FleetRunnerDeps) {
    this.scheduler = new FleetScheduler(deps.budgets);
  }

  start(): void {
    this.deps.channel?.onMessage((data) => {
      const message = readTabMessage(data);
      if (message) this.onMessage(message);
    });
    if (this.deps.channel) {
      this.aliveTimer = setInterval(() => {
        this.post({ type: "alive", tab: this.deps.tabId });
      }, ALIVE_MS);
    }
    this.stopElection = this.deps.elect((polling) => {
      this.setPolling(polling);
    });
    this.sendInterest();
  }

  stop(): void {
    this.stopped = true;
    this.stopElection?.();
    for (const timer of [this.timer, this.statusTimer, this.interestTimer]) clearTimeout(timer);
    clearInterval(this.aliveTimer);
    this.post({ type: "bye", tab: this.deps.tabId });
    this.deps.channel?.close();
    this.listeners.clear();
  }

  // ---- this tab's interest -------------------------------------------------------------------------------------

  setWatched(refs: readonly OperationRef[]): void {
    this.watched.clear();
    for (const ref of refs) this.watched.set(refKey(ref), ref);
    this.interestChanged();
  }

  /** This tab shows the operation (its page, its row on screen, or a shared board of it) until the returned undo runs. */
  declare(ref: OperationRef, interest: Interest): () => void {
    const key = refKey(ref);
    const found = this.declared.get(key) ?? { ref, interests: [] };
    found.interests.push(interest);
    this.declared.set(key, found);
    this.interestChanged();
    return () => {
      const index = found.interests.indexOf(interest);
      if (index >= 0) found.interests.splice(index, 1);
      if (found.interests.length === 0) this.declared.delete(key);
      this.interestChanged();
    };
  }

  /** Read now, as soon as the scheduler allows (never before Retry-After). */
  requestRead(ref: OperationRef): void {
    const key = refKey(ref);
    if (!this.watched.has(key) && !this.declared.has(key)) return;
    this.requested.add(key);
    this.interestChanged();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getView = (): FleetView => this.view;

  private localItems(): InterestItem[] {
    const items = new Map<string, InterestItem>();
    for (const [key, ref] of this.watched) items.set(key, { ref, interest: "watched" });
    for (const [key, { ref, interests }] of this.declared) {
      const strongest = interests.reduce<Interest>(strongerInterest, items.get(key)?.interest ?? "watched");
      items.set(key, { ref, interest: strongest });
    }
    return [...items.values()];
  }

  private interestChanged(): void {
    this.merged = undefined;
    if (this.polling) this.queueTick();
    else this.sendInterestSoon();
  }

  private sendInterestSoon(): void {
    if (this.interestTimer !== undefined) return;
    this.interestTimer = setTimeout(() => {
      this.interestTimer = undefined;
      this.sendInterest();
    }, INTEREST_SETTLE_MS);
  }

  private sendInterest(): void {
    if (this.polling || this.stopped) return;
    this.post({ type: "interest", tab: this.deps.tabId, items: this.localItems(), requested: [...this.requested] });
    // The polling tab has them now; it clears each as the read starts.
    this.requested.clear();
  }

  // ---- the other tabs -------------------------------------------------------------------------------------------

  private post(message: TabMessage): void {
    try {
      this.deps.channel?.postMessage(message);
    } catch {
      // A closed channel or an uncloneable value: the other tabs poll for themselves once this one is gone.
    }
  }

  private onMessage(message: TabMessage): void {
    const now = this.deps.now();
    switch (message.type) {
      case "interest": {
        const before = this.remote.get(message.tab);
        // A tab sends a request once: those still waiting for their read (say, for Retry-After) are kept.
        const used = new Set(message.items.map((item) => refKey(item.ref)));
        const requested = [...new Set([...(before?.requested ?? []), ...message.requested])].filter((key) => used.has(key));
        this.remote.set(message.tab, { seen: now, items: message.items, requested });
        this.merged = undefined;
        if (this.polling) {
          this.shareKnown(message.items, before);
          this.queueTick();
        }
        return;
      }
      case "alive": {
        const tab = this.remote.get(message.tab);
        if (tab) tab.seen = now;
        else if (this.polling) this.post({ type: "leader", tab: this.deps.tabId }); // a tab we lost: ask again
        return;
      }
      case "bye":
        this.forgetTab(message.tab);
        return;
      case "leader":
        if (!this.polling) this.sendInterest();
        return;
      case "result":
        if (this.usesLocally(message.key)) this.deps.receive(message.key, message.snapshot);
        return;
      case "status":
        if (!this.polling) this.publish({ role: "following", status: message.status });
        return;
    }
  }

  /** A tab that newly uses operations gets what this tab already knows of them at once, instead of waiting for reads. */
  private shareKnown(items: readonly InterestItem[], before: RemoteTab | undefined): void {
    const had = new Set(before?.items.map((item) => refKey(item.ref)));
    for (const item of items) {
      const key = refKey(item.ref);
      const snapshot = had.has(key) ? undefined : this.deps.snapshotOf(key);
      if (snapshot) this.post({ type: "result", key, snapshot });
    }
  }

  private usesLocally(key: string): boolean {
    return this.watched.has(key) || this.declared.has(key);
  }

  // ---- polling ---------------------------------------------------------------------------------------------------

  private setPolling(polling: boolean): void {
    if (this.stopped) return;
    this.polling = polling;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!polling) {
      this.publish({ role: this.deps.channel ? "following" : "idle", status: this.view.status });
      this.sendInterest();
      return;
    }
    this.post({ type: "leader", tab: this.deps.tabId });
    // Pauses Azure asked for before this tab polled are in the results it was sent: learn them first.
    const now = this.deps.now();
    for (const entry of this.entries(now)) if (entry.snapshot) this.scheduler.learn(entry.ref, entry.snapshot, now);
    this.queueTick();
  }

  private queueTick(): void {
    if (this.tickQueued || !this.polling) return;
    this.tickQueued = true;
    setTimeout(() => {
      this.tickQueued = false;
      this.tick();
    }, 0);
  }

  /**
   * Every tab's interest merged by key, built again only when some interest changed: ticks come with every read, and
   * with 500 operations the merge (a key per ref of every tab) is most of a tick's work.
   */
  private mergedInterest(): readonly { key: string; ref: OperationRef; interest: Interest }[] {
    if (this.merged) return this.merged;
    const merged = new Map<string, { key: string; ref: OperationRef; interest: Interest }>();
    const add = ({ ref, interest }: InterestItem) => {
      const key = refKey(ref);
      const found = merged.get(key);
      if (found) found.interest = strongerInterest(found.interest, interest);
      else merged.set(key, { key, ref, interest });
    };
    for (const item of this.localItems()) add(item);
    for (const tab of this.remote.values()) for (const item of tab.items) add(item);
    this.merged = [...merged.values()];
    return this.merged;
  }

  private entries(now: number): FleetEntry[] {
    for (const [tab, { seen }] of this.remote) {
      if (now - seen > FORGET_TAB_MS) this.forgetTab(tab);
    }
    const requested = new Set(this.requested);
    for (const tab of this.remote.values()) for (const key of tab.requested) requested.add(key);
    return this.mergedInterest().map(({ key, ref, interest }) => {
      const snapshot = this.deps.snapshotOf(key);
      return {
        key,
        ref,
        interest,
        snapshot,
        rememberedNotBefore: snapshot === undefined ? this.deps.memory?.get(key, now) : undefined,
        requested: requested.has(key),
      };
    });
  }

  private forgetTab(tab: string): void {
    if (this.remote.delete(tab)) this.merged = undefined;
  }

  private tick(): void {
    if (!this.polling || this.stopped) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const now = this.deps.now();
    const plan = this.scheduler.plan(this.entries(now), now);
    for (const entry of plan.start) {
      this.clearRequest(entry.key);
      void this.read(entry);
    }
    this.publish({ role: "polling", status: plan.status });
    if (plan.wakeAt !== undefined) {
      this.timer = setTimeout(
        () => {
          this.tick();
        },
        Math.max(MIN_TIMER_MS, plan.wakeAt - now),
      );
    }
  }

  private clearRequest(key: string): void {
    this.requested.delete(key);
    for (const tab of this.remote.values()) {
      const index = tab.requested.indexOf(key);
      if (index >= 0) tab.requested.splice(index, 1);
    }
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
      this.post({ type: "result", key: entry.key, snapshot });
    }
    this.queueTick();
  }

  /** The read's record says why the next read is when it is, once the scheduler has learnt what the read said. */
  private withReason(entry: FleetEntry, snapshot: OperationSnapshot, now: number): OperationSnapshot {
    const requested = this.requested.has(entry.key) || [...this.remote.values()].some((tab) => tab.requested.includes(entry.key));
    const next = this.scheduler.nextAfterRead({ ...entry, snapshot, requested }, now);
    const annotated = withNextRead(snapshot, { at: next.at, reason: nextReadSentence(next, { scopes: [readScopeOf(entry.ref)] }, now) });
    this.deps.annotate(entry.key, annotated);
    return annotated;
  }

  // ---- what the screen shows ----------------------------------------------------------------------------------------

  /** The role at once; the status at most every STATUS_EVERY_MS (and to the other tabs as well when polling). */
  private publish(view: FleetView): void {
    if (view.role !== this.view.role) {
      this.view = view;
      this.notify();
      return;
    }
    this.pendingStatus = view.status;
    if (this.statusTimer !== undefined) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = undefined;
      this.view = { role: this.view.role, status: this.pendingStatus };
      if (this.view.role === "polling" && this.pendingStatus) this.post({ type: "status", status: this.pendingStatus });
      this.notify();
    }, STATUS_EVERY_MS);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

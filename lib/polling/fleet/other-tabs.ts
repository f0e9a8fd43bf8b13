import { refKey } from "@/lib/azure/operation-ref";
import type { EndpointDiscovery } from "@/lib/discovery/discovery-types";
import type { OperationSnapshot } from "../snapshot";
import type { FleetStatus } from "./fleet-status";
import { readTabMessage, type InterestItem, type TabMessage } from "./tab-messages";

/**
 * The tab protocol as one tab speaks it (tab-messages.ts says what crosses): it says it is alive and says bye, keeps
 * what every other tab uses and asked to read, and forgets a tab that fell silent, since a crashed tab sends no bye.
 * What a message means for this tab's reads is the runner's to decide (`TabEvents`).
 */

export interface TabChannel {
  postMessage: (message: TabMessage) => void;
  onMessage: (listener: (data: unknown) => void) => void;
  close: () => void;
}

/** What the other tabs said that concerns more than the protocol. */
export interface TabEvents {
  /** What the other tabs use changed: a tab's interest came, or a tab was forgotten. */
  othersChanged: () => void;
  /** A tab sent its interest (told after `othersChanged`). */
  interestArrived: () => void;
  /** Another tab polls from now on. */
  leaderArrived: () => void;
  resultArrived: (key: string, snapshot: OperationSnapshot) => void;
  statusArrived: (status: FleetStatus) => void;
  discoveryArrived: (discovery: EndpointDiscovery) => void;
}

export interface OtherTabsDeps {
  /** Undefined: this tab works alone. */
  channel: TabChannel | undefined;
  tabId: string;
  now: () => number;
  /** Whether this tab polls: only the polling tab answers a tab it lost and shares what it knows. */
  polling: () => boolean;
  snapshotOf: (key: string) => OperationSnapshot | undefined;
  /** What the polling tab's sweeps of an endpoint found so far. */
  discoveryOf: (endpointHost: string) => EndpointDiscovery | undefined;
  events: TabEvents;
}

/** A tab not heard from for this long is gone (it says "alive" every ALIVE_MS). */
const ALIVE_MS = 10_000;
const FORGET_TAB_MS = 3 * ALIVE_MS;

interface RemoteTab {
  seen: number;
  items: InterestItem[];
  requested: string[];
  sweeps: string[];
  /** Sooner sweeps asked for and not yet handed to the sweeps. */
  sweepSoon: string[];
}

export class OtherTabs {
  private readonly remote = new Map<string, RemoteTab>();
  private aliveTimer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly deps: OtherTabsDeps) {}

  /** Whether other tabs can hear this one at all. */
  get connected(): boolean {
    return this.deps.channel !== undefined;
  }

  start(): void {
    const { channel, tabId } = this.deps;
    if (!channel) return;
    channel.onMessage((data) => {
      const message = readTabMessage(data);
      if (message) this.onMessage(message);
    });
    this.aliveTimer = setInterval(() => {
      this.post({ type: "alive", tab: tabId });
    }, ALIVE_MS);
  }

  stop(): void {
    clearInterval(this.aliveTimer);
    this.post({ type: "bye", tab: this.deps.tabId });
    this.deps.channel?.close();
  }

  post(message: TabMessage): void {
    try {
      this.deps.channel?.postMessage(message);
    } catch {
      // A closed channel or an uncloneable value: the other tabs poll for themselves once this one is gone.
    }
  }

  /** Each other tab's interest, in the order the tabs were first heard from. */
  interests(): (readonly InterestItem[])[] {
    return [...this.remote.values()].map((tab) => tab.items);
  }

  requestedKeys(): string[] {
    return [...this.remote.values()].flatMap((tab) => tab.requested);
  }

  isRequested(key: string): boolean {
    return [...this.remote.values()].some((tab) => tab.requested.includes(key));
  }

  /** The read asked for has started: no tab waits for it any more. */
  clearRequest(key: string): void {
    for (const tab of this.remote.values()) {
      const index = tab.requested.indexOf(key);
      if (index >= 0) tab.requested.splice(index, 1);
    }
  }

  /** The endpoints some other tab wants swept. */
  sweepHosts(): string[] {
    return [...new Set([...this.remote.values()].flatMap((tab) => tab.sweeps))];
  }

  takeSweepRequests(): string[] {
    const hosts = [...this.remote.values()].flatMap((tab) => tab.sweepSoon.splice(0));
    return [...new Set(hosts)];
  }

  forgetSilent(now: number): void {
    for (const [tab, { seen }] of this.remote) {
      if (now - seen > FORGET_TAB_MS) this.forget(tab);
    }
  }

  private forget(tab: string): void {
    if (this.remote.delete(tab)) this.deps.events.othersChanged();
  }

  private onMessage(message: TabMessage): void {
    const { events, tabId } = this.deps;
    const now = this.deps.now();
    switch (message.type) {
      case "interest": {
        const before = this.remote.get(message.tab);
        // A tab sends a request once: those still waiting for their read (say, for Retry-After) are kept.
        const used = new Set(message.items.map((item) => refKey(item.ref)));
        const requested = [...new Set([...(before?.requested ?? []), ...message.requested])].filter((key) => used.has(key));
        const sweepSoon = [...new Set([...(before?.sweepSoon ?? []), ...message.sweepSoon])];
        this.remote.set(message.tab, { seen: now, items: message.items, requested, sweeps: message.sweeps, sweepSoon });
        events.othersChanged();
        if (this.deps.polling()) {
          this.shareKnown(message.items, before);
          this.shareDiscoveries(message.sweeps, before);
        }
        events.interestArrived();
        return;
      }
      case "alive": {
        const tab = this.remote.get(message.tab);
        if (tab) tab.seen = now;
        else if (this.deps.polling()) this.post({ type: "leader", tab: tabId }); // a tab we lost: ask again
        return;
      }
      case "bye":
        this.forget(message.tab);
        return;
      case "leader":
        events.leaderArrived();
        return;
      case "result":
        events.resultArrived(message.key, message.snapshot);
        return;
      case "status":
        events.statusArrived(message.status);
        return;
      case "discovery":
        events.discoveryArrived(message.discovery);
        return;
    }
  }

  /** A tab that newly wants an endpoint swept gets what the sweeps found so far, without waiting for the next read. */
  private shareDiscoveries(sweeps: readonly string[], before: RemoteTab | undefined): void {
    for (const host of sweeps) {
      const discovery = before?.sweeps.includes(host) ? undefined : this.deps.discoveryOf(host);
      if (discovery) this.post({ type: "discovery", discovery });
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
}

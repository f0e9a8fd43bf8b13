import type { OperationRef } from "@/lib/azure/operation-ref";
import type { EndpointDiscovery } from "@/lib/discovery/discovery-types";
import type { OperationSnapshot } from "../snapshot";
import { DiscoveryViews } from "./discovery-views";
import { FleetViewPublisher, type FleetView } from "./fleet-view";
import { LocalInterest } from "./local-interest";
import { OtherTabs, type TabChannel } from "./other-tabs";
import type { Interest } from "./priority";
import { ReadLoop, type EveryTabInterest, type ReadDeps } from "./read-loop";

/**
 * Carries out the fleet scheduler in a browser tab. Every tab keeps its own interest (local-interest.ts); the tab
 * elected to poll merges every tab's interest and reads (read-loop.ts); the tabs tell each other their interest, the
 * results and the status (other-tabs.ts); and the status reaches the screen at a pace a person can read (fleet-view.ts).
 */

export interface FleetRunnerDeps extends ReadDeps {
  tabId: string;
  /** Takes in a result another tab read (only for operations this tab uses). */
  receive: (key: string, snapshot: OperationSnapshot) => void;
  /** Undefined: this tab works alone. */
  channel: TabChannel | undefined;
  /** Starts the poller election (poller-election.ts); returns the undo. */
  elect: (onChange: (polling: boolean) => void) => () => void;
}

export class FleetRunner {
  private readonly view: FleetViewPublisher;
  private readonly tabs: OtherTabs;
  private readonly local: LocalInterest;
  private readonly loop: ReadLoop;
  private readonly discoveries = new DiscoveryViews();
  private stopElection: (() => void) | undefined;
  private stopped = false;

  constructor(private readonly deps: FleetRunnerDeps) {
    const { tabId } = deps;
    this.view = new FleetViewPublisher((status) => {
      this.tabs.post({ type: "status", status });
    });
    this.tabs = new OtherTabs({
      channel: deps.channel,
      tabId,
      now: deps.now,
      polling: () => this.loop.polling,
      snapshotOf: deps.snapshotOf,
      discoveryOf: (endpointHost) => this.discoveries.get(endpointHost),
      events: {
        othersChanged: () => {
          this.loop.interestChanged();
        },
        interestArrived: () => {
          // Tabs send their interest once it settles, or at once when a person waits on it: plan it now.
          this.loop.tickNow();
        },
        leaderArrived: () => {
          this.local.send();
        },
        resultArrived: (key, snapshot) => {
          if (this.local.uses(key)) deps.receive(key, snapshot);
        },
        statusArrived: (status) => {
          if (!this.loop.polling) this.view.publish({ role: "following", status });
        },
        discoveryArrived: (discovery) => {
          if (!this.loop.polling) this.discoveries.set(discovery);
        },
      },
    });
    this.local = new LocalInterest({
      changed: (urgent) => {
        this.loop.interestChanged();
        // What a person waits on (the page they opened) is planned, or sent to the polling tab, in this very turn.
        if (this.loop.polling) {
          if (urgent) this.loop.tickNow();
          else this.loop.queueTick();
        } else if (urgent) this.local.send();
        else this.local.sendSoon();
      },
      canSend: () => !this.loop.polling && !this.stopped,
      send: (interest) => {
        this.tabs.post({ type: "interest", tab: tabId, ...interest });
      },
    });
    this.loop = new ReadLoop({
      ...deps,
      interest: this.everyTab(),
      share: (key, snapshot) => {
        this.tabs.post({ type: "result", key, snapshot });
      },
      publish: (status) => {
        this.view.publish({ role: "polling", status });
      },
      shareDiscovery: (discovery) => {
        this.discoveries.set(discovery);
        this.tabs.post({ type: "discovery", discovery });
      },
    });
  }

  start(): void {
    this.tabs.start();
    this.stopElection = this.deps.elect((polling) => {
      this.setPolling(polling);
    });
    this.local.send();
  }

  stop(): void {
    this.stopped = true;
    this.stopElection?.();
    this.loop.stop();
    this.local.stop();
    this.tabs.stop();
    this.view.stop();
  }

  setWatched(refs: readonly OperationRef[]): void {
    this.local.setWatched(refs);
  }

  /** This tab shows the operation (its page, its row on screen, or a shared board of it) until the returned undo runs. */
  declare(ref: OperationRef, interest: Interest): () => void {
    return this.local.declare(ref, interest);
  }

  /** Read now, as soon as the scheduler allows (never before Retry-After). */
  requestRead(ref: OperationRef): void {
    this.local.request(ref);
  }

  /** While a visible page of this tab wants the endpoint's dev boxes swept, until the returned undo runs. */
  declareSweep(endpointHost: string): () => void {
    return this.local.declareSweep(endpointHost);
  }

  /** Sweep the endpoint again as soon as its pacing allows. */
  requestSweep(endpointHost: string): void {
    this.local.requestSweep(endpointHost);
  }

  /** Whether this tab makes the reads (and so runs what follows from them once, such as auto-watch). */
  get polling(): boolean {
    return this.loop.polling;
  }

  readonly discoveryOf = (endpointHost: string): EndpointDiscovery | undefined => this.discoveries.get(endpointHost);

  readonly subscribeDiscovery = (listener: () => void): (() => void) => this.discoveries.subscribe(listener);

  readonly subscribe = (listener: () => void): (() => void) => this.view.subscribe(listener);

  readonly getView = (): FleetView => this.view.getView();

  private setPolling(polling: boolean): void {
    if (this.stopped) return;
    if (!polling) {
      this.loop.setPolling(false);
      this.view.publish({ role: this.tabs.connected ? "following" : "idle", status: this.view.getView().status });
      this.local.send();
      return;
    }
    this.tabs.post({ type: "leader", tab: this.deps.tabId });
    this.loop.setPolling(true);
  }

  /** This tab's interest and the other tabs', as the read loop plans them. */
  private everyTab(): EveryTabInterest {
    return {
      lists: () => [this.local.items(), ...this.tabs.interests()],
      requestedKeys: () => [...this.local.requestedKeys(), ...this.tabs.requestedKeys()],
      isRequested: (key) => this.local.isRequested(key) || this.tabs.isRequested(key),
      clearRequest: (key) => {
        this.local.clearRequest(key);
        this.tabs.clearRequest(key);
      },
      forgetSilent: (now) => {
        this.tabs.forgetSilent(now);
      },
      sweepHosts: () => [...this.local.sweepHosts(), ...this.tabs.sweepHosts()],
      takeSweepRequests: () => [...this.local.takeSweepRequests(), ...this.tabs.takeSweepRequests()],
    };
  }
}

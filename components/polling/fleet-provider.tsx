"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { useAccountId } from "@/lib/auth/use-account-id";
import { useGetAccessToken } from "@/lib/auth/use-get-access-token";
import { refKey, type OperationRef } from "@/lib/azure/operation-ref";
import { usePublicConfig } from "@/lib/config/public-config";
import { EndpointSweep } from "@/lib/discovery/sweep";
import { browserPollLog } from "@/lib/poll-log/browser-poll-log";
import { FleetRunner } from "@/lib/polling/fleet/fleet-runner";
import type { FleetView } from "@/lib/polling/fleet/fleet-view";
import type { Interest } from "@/lib/polling/fleet/priority";
import { browserElectionEnvironment } from "@/lib/polling/fleet/poller-election";
import { browserNotBeforeMemory } from "@/lib/polling/not-before-memory";
import { useWatchList } from "@/lib/watch-list/use-watch-list";
import { DiscoverySweeps } from "./discovery-sweeps";
import { browserChannel, fleetRunnerDeps } from "./fleet-deps";

/**
 * The one fleet runner of this tab (lib/polling/fleet): it reads the watched operations and what the views say they
 * show, and decides every read. Views reach it through the hooks below, never directly.
 */

const FleetContext = createContext<FleetRunner | undefined>(undefined);

export function FleetProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { readBudgets, discovery } = usePublicConfig();
  const signedIn = useAccountId();
  const accountId = signedIn ?? "signed-out";
  const getAccessToken = useGetAccessToken();
  const tokenRef = useRef(getAccessToken);
  useEffect(() => {
    tokenRef.current = getAccessToken;
  }, [getAccessToken]);

  const [runner, setRunner] = useState<FleetRunner>();
  useEffect(() => {
    const created = new FleetRunner(
      fleetRunnerDeps({
        queryClient,
        getAccessToken: () => tokenRef.current,
        budgets: readBudgets,
        discovery,
        createSweep: (endpointHost, settings, now) => new EndpointSweep(endpointHost, settings, now),
        accountId,
        memory: browserNotBeforeMemory(),
        pollLog: browserPollLog(signedIn),
        openChannel: browserChannel(),
        election: browserElectionEnvironment(),
        tabId: crypto.randomUUID(),
        now: () => Date.now(),
      }),
    );
    created.start();
    // The runner is an outside system made for this account and budget; the views need it once it runs.
    setRunner(created);
    return () => {
      created.stop();
    };
  }, [queryClient, readBudgets, discovery, accountId, signedIn]);

  const { state } = useWatchList();
  useEffect(() => {
    runner?.setWatched(state.items.map((item) => item.ref));
  }, [runner, state.items]);

  return (
    <FleetContext.Provider value={runner}>
      <DiscoverySweeps />
      {children}
    </FleetContext.Provider>
  );
}

/** The runner itself, for the hooks of components/polling only: views use the hooks. */
export function useFleetRunner(): FleetRunner | undefined {
  return useContext(FleetContext);
}

const idleView: FleetView = { role: "idle", status: undefined };
const noSubscription = () => () => undefined;

/** What the scheduler says now (roles, paused scopes, why the next reads are when they are). */
export function useFleetView(): FleetView {
  const runner = useContext(FleetContext);
  return useSyncExternalStore(
    runner?.subscribe ?? noSubscription,
    runner?.getView ?? (() => idleView),
    () => idleView,
  );
}

/**
 * The scheduler's view as of this render, without subscribing: for the 500 rows, which re-render on their own clock
 * while on screen, and must not all re-render with every status.
 */
export function useFleetViewAtRender(): FleetView {
  return useContext(FleetContext)?.getView() ?? idleView;
}

/** Tells the scheduler this view shows the operation (its page, or its row on screen), which puts it first in line. */
export function useReadInterest(ref: OperationRef, interest: Interest | undefined): void {
  const runner = useContext(FleetContext);
  const key = refKey(ref);
  const latest = useRef(ref);
  useEffect(() => {
    latest.current = ref;
  }, [ref]);
  useEffect(() => {
    if (!runner || !interest) return;
    return runner.declare(latest.current, interest);
  }, [runner, key, interest]);
}

/** "Read now", through the scheduler: as soon as the budget allows, and never before Retry-After. */
export function useRequestRead(): (ref: OperationRef) => void {
  const runner = useContext(FleetContext);
  return (ref) => {
    runner?.requestRead(ref);
  };
}

"use client";

import { useCallback, useEffect, useMemo, useSyncExternalStore } from "react";
import type { EndpointDiscovery } from "@/lib/discovery/discovery-types";
import { useFleetRunner } from "./fleet-provider";
import { usePageVisible } from "./use-page-visible";

/**
 * Discovery's results for the views. Sweeps cost list reads of the person's DevCenter budget, so they run only while
 * a page that wants them is visible: a hidden tab stops asking, and the polling tab drops an endpoint no tab asks for.
 */

const noSubscription = () => () => undefined;

/** Nothing swept yet (or no polling tab): what a view shows before the first answer. */
const notYetSwept = (endpointHost: string): EndpointDiscovery => ({
  endpointHost,
  sweptAt: undefined,
  sweeping: false,
  nextSweepAt: undefined,
  devBoxes: [],
  operations: [],
  problem: undefined,
});

/** What the sweeps of an endpoint found; while mounted and the page visible, this tab asks for them. */
export function useEndpointDiscovery(endpointHost: string): EndpointDiscovery {
  const host = endpointHost.toLowerCase();
  const runner = useFleetRunner();
  const visible = usePageVisible();
  useEffect(() => {
    if (!runner || !visible) return;
    return runner.declareSweep(host);
  }, [runner, host, visible]);
  const empty = useMemo(() => notYetSwept(host), [host]);
  const found = useSyncExternalStore(
    runner?.subscribeDiscovery ?? noSubscription,
    () => runner?.discoveryOf(host),
    () => undefined,
  );
  return found ?? empty;
}

/** "Look again": the endpoint is swept as soon as its pacing allows (it must be one this tab asks for). */
export function useRequestSweep(): (endpointHost: string) => void {
  const runner = useFleetRunner();
  return useCallback(
    (endpointHost) => {
      runner?.requestSweep(endpointHost.toLowerCase());
    },
    [runner],
  );
}

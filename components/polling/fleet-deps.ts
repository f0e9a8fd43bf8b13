import type { QueryClient } from "@tanstack/react-query";
import type { GetAccessToken } from "@/lib/auth/use-get-access-token";
import { fetchList } from "@/lib/discovery/fetch-list";
import type { SweepSettings } from "@/lib/discovery/sweep";
import type { PollLogWriter } from "@/lib/poll-log/poll-log-writer";
import type { NotBeforeMemory } from "@/lib/polling/not-before-memory";
import type { FleetRunnerDeps } from "@/lib/polling/fleet/fleet-runner";
import type { ReadBudgets } from "@/lib/polling/fleet/fleet-scheduler";
import type { SweepDeps } from "@/lib/polling/fleet/sweep-reads";
import type { TabChannel } from "@/lib/polling/fleet/other-tabs";
import { electPoller, type ElectionEnvironment } from "@/lib/polling/fleet/poller-election";
import { meetingName } from "@/lib/polling/fleet/meeting-name";
import { isNewerSnapshot, type OperationSnapshot } from "@/lib/polling/snapshot";
import { operationKeys } from "@/lib/query/keys";
import { operationQueryOptions } from "@/lib/query/operation-options";

/**
 * The fleet runner's ties to this app: reads go through React Query (so every view sees them), results from other
 * tabs land in the same cache, and tabs meet on a channel and a lock named after the account (meeting-name.ts).
 */

export interface FleetWiring {
  queryClient: QueryClient;
  /** Read at each read, so a renewed function (a new MSAL instance or config) is picked up. */
  getAccessToken: () => GetAccessToken;
  budgets: ReadBudgets;
  /** Discovery's sweep interval and list reads per endpoint, and its sweeps (lib/discovery/sweep.ts). */
  discovery: SweepSettings;
  createSweep: SweepDeps["createSweep"];
  accountId: string;
  memory: NotBeforeMemory | undefined;
  /** This account's stored poll log; undefined: reads are not kept (signed out, or no IndexedDB). */
  pollLog?: Pick<PollLogWriter, "append"> | undefined;
  /** Undefined: no BroadcastChannel, so this tab polls for itself. */
  openChannel: ((name: string) => TabChannel) | undefined;
  election: ElectionEnvironment;
  tabId: string;
  now: () => number;
}

export function fleetRunnerDeps(wiring: FleetWiring): FleetRunnerDeps {
  const { queryClient } = wiring;
  const name = meetingName(wiring.accountId);
  const channel = wiring.openChannel?.(name);
  // Without a channel the other tabs could not get this tab's results: each polls alone, so the lock is not used.
  const election: ElectionEnvironment = channel ? wiring.election : { ...wiring.election, locks: undefined };
  return {
    budgets: wiring.budgets,
    tabId: wiring.tabId,
    read: (ref) => queryClient.query(operationQueryOptions(ref, wiring.getAccessToken())),
    snapshotOf: (key) => queryClient.getQueryData<OperationSnapshot>(operationKeys.byKey(key)),
    receive: (key, snapshot) => {
      const queryKey = operationKeys.byKey(key);
      if (isNewerSnapshot(snapshot, queryClient.getQueryData<OperationSnapshot>(queryKey))) queryClient.setQueryData(queryKey, snapshot);
    },
    annotate: (key, snapshot) => {
      const queryKey = operationKeys.byKey(key);
      const current = queryClient.getQueryData<OperationSnapshot>(queryKey);
      if (!current || !isNewerSnapshot(current, snapshot)) queryClient.setQueryData(queryKey, snapshot);
    },
    record: wiring.pollLog && ((key, record) => {
      wiring.pollLog?.append(key, record);
    }),
    memory: wiring.memory,
    sweeps: {
      settings: wiring.discovery,
      createSweep: wiring.createSweep,
      fetchList: (request) => fetchList(request, wiring.getAccessToken()),
    },
    channel,
    elect: (onChange) => electPoller(name, election, onChange),
    now: wiring.now,
  };
}

/** A BroadcastChannel as the runner uses it, or undefined where the browser has none. */
export function browserChannel(): ((name: string) => TabChannel) | undefined {
  if (typeof BroadcastChannel === "undefined") return undefined;
  return (name) => {
    const channel = new BroadcastChannel(name);
    return {
      postMessage: (message) => {
        channel.postMessage(message);
      },
      onMessage: (listener) => {
        channel.addEventListener("message", (event: MessageEvent<unknown>) => {
          listener(event.data);
        });
      },
      close: () => {
        channel.close();
      },
    };
  };
}

import type { DevcenterRef } from "@/lib/azure/operation-ref";

/**
 * What a sweep of one DevCenter endpoint found, as the screen shows it. Values Azure sends that opwatch does not know
 * (a new kind, state or status) are kept verbatim.
 */

export interface DiscoveredDevBox {
  endpointHost: string;
  projectName: string;
  name: string;
  poolName: string | undefined;
  /** Verbatim, e.g. "Succeeded", "Creating", or a value opwatch does not know. */
  provisioningState: string;
  actionState: string | undefined;
  powerState: string | undefined;
  /** Creating, Provisioning, Deleting, Updating, Starting or Stopping: running work seen only on the dev box. */
  transitional: boolean;
  /** ms since the epoch, when Azure said. */
  createdTime: number | undefined;
  /** The dev box's own `error`, as Azure sent it (an ErrorDetail-like object), for the error tree. */
  error: unknown;
}

/** Where a discovered operation is listed: still running first, then failures of the last day, then the rest, folded. */
export type DiscoveredGroup = "active" | "failed" | "done";

export interface DiscoveredOperation {
  /** The operation as opwatch watches it: the Operation Statuses URL with the list entry's operationId. */
  ref: DevcenterRef;
  /** refKey(ref), the watch list's key. */
  key: string;
  projectName: string;
  devBoxName: string;
  /** Verbatim: Start, Stop, Restart, Repair, RestoreSnapshot, CaptureSnapshot, or a kind opwatch does not know. */
  kind: string;
  /** Verbatim: NotStarted, Running, Succeeded, Failed, Canceled, or a status opwatch does not know. */
  status: string;
  group: DiscoveredGroup;
  createdByObjectId: string | undefined;
  startTime: number | undefined;
  endTime: number | undefined;
  error: unknown;
}

/** Why an endpoint's lists could not be read, each with what the person can do about it. */
export type EndpointProblem =
  /** The proxy refused the endpoint (not in DEVCENTER_ALLOWED_HOSTS, or not a valid host). */
  | { kind: "refused"; httpStatus: number; code: string; message: string }
  /** The person may not read this dev center's lists (403). */
  | { kind: "forbidden"; httpStatus: number; code: string; message: string }
  /** A token could not be had without the person (sign in again), or Azure said 401. */
  | { kind: "signIn"; message: string }
  /** 429 (or 503 with Retry-After): the endpoint is paused until `until`. */
  | { kind: "throttled"; httpStatus: number; until: number }
  /** Anything else: unreachable, 5xx, an unreadable answer. Sweeps go on. */
  | { kind: "failed"; httpStatus: number; code: string; message: string };

export interface EndpointDiscovery {
  endpointHost: string;
  /** When the last complete sweep ended (ms); undefined until the first has. */
  sweptAt: number | undefined;
  /** A sweep is under way. */
  sweeping: boolean;
  /** When the next sweep is due (ms), if one is planned. */
  nextSweepAt: number | undefined;
  devBoxes: DiscoveredDevBox[];
  /** Ordered: active (NotStarted, Running, unknown non-terminal), failed in the last 24 h, then succeeded or canceled in the last 24 h. */
  operations: DiscoveredOperation[];
  /** The last sweep's trouble, if any; lists already read stay shown. */
  problem: EndpointProblem | undefined;
}

import { isRecord } from "@/lib/azure/wire-reader";
import { validateRef, type OperationRef } from "@/lib/azure/operation-ref";
import { checkParam } from "@/lib/azure/params";
import type { EndpointDiscovery } from "@/lib/discovery/discovery-types";
import type { OperationSnapshot } from "../snapshot";
import { readDiscovery } from "./discovery-check";
import type { FleetStatus } from "./fleet-status";
import { INTEREST_ORDER, type Interest } from "./priority";
import { readStatus } from "./status-check";

/**
 * What the tabs of one browser tell each other about reads. Only refs, results and the scheduler's status cross:
 * never a token (each tab's MSAL keeps its own). A message is checked before use, since another tab may run an
 * older or newer opwatch after a deploy; the channel's name carries the protocol version (meeting-name.ts), so a
 * change that breaks the shape gets a new version there instead of a misread.
 */

export interface InterestItem {
  ref: OperationRef;
  interest: Interest;
}

/**
 * A tab's whole interest: the operations it uses and the reads asked for by key; the endpoints whose dev boxes a
 * visible page of it wants swept, and those asked to be swept sooner.
 */
export interface TabInterest {
  items: InterestItem[];
  requested: string[];
  sweeps: string[];
  sweepSoon: string[];
}

export type TabMessage =
  /** Sent when it changes, and when a new polling tab asks. */
  | ({ type: "interest"; tab: string } & TabInterest)
  /** Still here: the polling tab forgets tabs it has not heard from for a while (a crashed tab sends no "bye"). */
  | { type: "alive"; tab: string }
  | { type: "bye"; tab: string }
  /** The sender polls from now on; every tab answers with its interest. */
  | { type: "leader"; tab: string }
  /** A read's result, folded into the sender's snapshot. */
  | { type: "result"; key: string; snapshot: OperationSnapshot }
  | { type: "status"; status: FleetStatus }
  /** What the sweeps of an endpoint found, from the polling tab. */
  | { type: "discovery"; discovery: EndpointDiscovery };

const isString = (value: unknown): value is string => typeof value === "string" && value.length > 0 && value.length <= 2000;
const isInterest = (value: unknown): value is Interest => typeof value === "string" && (INTEREST_ORDER as readonly string[]).includes(value);
const MAX_ITEMS = 5000;
const MAX_ENDPOINTS = 100;

const readStrings = (value: unknown, max: number): string[] | undefined =>
  Array.isArray(value) ? value.filter(isString).slice(0, max) : undefined;

/** Endpoint hosts, each as the parameter rule keeps it (lower case); others are dropped. */
function readHosts(value: unknown): string[] | undefined {
  return readStrings(value, MAX_ENDPOINTS)?.flatMap((host) => {
    const checked = checkParam("endpointHost", host);
    return checked.ok ? [checked.value] : [];
  });
}

function readItems(value: unknown): InterestItem[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_ITEMS) return undefined;
  const items: InterestItem[] = [];
  for (const item of value) {
    if (!isRecord(item) || !isInterest(item.interest)) continue;
    const ref = validateRef(item.ref);
    if (ref.ok) items.push({ ref: ref.value, interest: item.interest });
  }
  return items;
}

/** Enough of a snapshot to fold and show: the views read it defensively, as they read Azure's bodies. */
function isSnapshot(value: unknown): value is OperationSnapshot {
  return (
    isRecord(value) &&
    Array.isArray(value.history) &&
    value.history.every((r) => isRecord(r) && typeof r.at === "number" && (r.outcome === "status" || r.outcome === "readError")) &&
    typeof value.watchStartedAt === "number" &&
    (value.operation === undefined || isRecord(value.operation))
  );
}

/** The message, if it is one; anything else (another version, a bug) is ignored. */
export function readTabMessage(data: unknown): TabMessage | undefined {
  if (!isRecord(data)) return undefined;
  switch (data.type) {
    case "interest": {
      const items = readItems(data.items);
      const requested = readStrings(data.requested, MAX_ITEMS);
      // Absent: none (a tab that shows no endpoint need not say so).
      const sweeps = readHosts(data.sweeps ?? []);
      const sweepSoon = readHosts(data.sweepSoon ?? []);
      if (!isString(data.tab) || !items || !requested || !sweeps || !sweepSoon) return undefined;
      return { type: "interest", tab: data.tab, items, requested, sweeps, sweepSoon };
    }
    case "alive":
    case "bye":
    case "leader":
      return isString(data.tab) ? { type: data.type, tab: data.tab } : undefined;
    case "result":
      return isString(data.key) && isSnapshot(data.snapshot) ? { type: "result", key: data.key, snapshot: data.snapshot } : undefined;
    case "status": {
      const status = readStatus(data.status);
      return status ? { type: "status", status } : undefined;
    }
    case "discovery": {
      const discovery = readDiscovery(data.discovery);
      return discovery ? { type: "discovery", discovery } : undefined;
    }
    default:
      return undefined;
  }
}

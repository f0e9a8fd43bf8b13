import { isRecord } from "@/lib/azure/wire-reader";
import { validateRef, type OperationRef } from "@/lib/azure/operation-ref";
import type { OperationSnapshot } from "../snapshot";
import type { FleetStatus } from "./fleet-status";
import { INTEREST_ORDER, type Interest } from "./priority";
import { readStatus } from "./status-check";

/**
 * What the tabs of one browser tell each other about reads. Only refs, results and the scheduler's status cross:
 * never a token (each tab's MSAL keeps its own). A message is checked before use, since another tab may run an
 * older or newer opwatch after a deploy; the channel's name carries the protocol version, so a change that breaks
 * the shape gets a new name instead of a misread.
 */

export const PROTOCOL = "opwatch.fleet.v3";

export interface InterestItem {
  ref: OperationRef;
  interest: Interest;
}

export type TabMessage =
  /** A tab's whole interest (sent when it changes, and when a new polling tab asks). */
  | { type: "interest"; tab: string; items: InterestItem[]; requested: string[] }
  /** Still here: the polling tab forgets tabs it has not heard from for a while (a crashed tab sends no "bye"). */
  | { type: "alive"; tab: string }
  | { type: "bye"; tab: string }
  /** The sender polls from now on; every tab answers with its interest. */
  | { type: "leader"; tab: string }
  /** A read's result, folded into the sender's snapshot. */
  | { type: "result"; key: string; snapshot: OperationSnapshot }
  | { type: "status"; status: FleetStatus };

const isString = (value: unknown): value is string => typeof value === "string" && value.length > 0 && value.length <= 2000;
const isInterest = (value: unknown): value is Interest => typeof value === "string" && (INTEREST_ORDER as readonly string[]).includes(value);
const MAX_ITEMS = 5000;

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
      const requested = Array.isArray(data.requested) ? data.requested.filter(isString).slice(0, MAX_ITEMS) : undefined;
      return isString(data.tab) && items && requested ? { type: "interest", tab: data.tab, items, requested } : undefined;
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
    default:
      return undefined;
  }
}

import type { DevcenterRef } from "@/lib/azure/operation-ref";
import { refKey } from "@/lib/azure/operation-ref";
import { checkParam } from "@/lib/azure/params";
import { isTerminal } from "@/lib/operations/model";
import { statusCategory } from "@/lib/operations/normalize";
import type { DiscoveredGroup, DiscoveredOperation } from "./discovery-types";
import type { ListedOperation } from "./list-readers";

/** Finished operations stay listed this long after they ended (or started, when Azure gave no end). */
export const RECENT_MS = 24 * 3_600_000;

/** One dev box's operations list, as last read in full. */
export interface BoxOperations {
  projectName: string;
  devBoxName: string;
  operations: readonly ListedOperation[];
}

const GROUP_RANK: Record<DiscoveredGroup, number> = { active: 0, failed: 1, done: 2 };

/** Where an operation is listed at `now`, or undefined when it ended too long ago (or when, Azure did not say). */
function groupOf(operation: ListedOperation, now: number): DiscoveredGroup | undefined {
  const category = statusCategory(operation.status);
  if (!isTerminal(category)) return "active";
  const at = operation.endTime ?? operation.startTime;
  if (at === undefined || now - at > RECENT_MS) return undefined;
  return category === "failed" ? "failed" : "done";
}

/** The time an entry is ordered by, newest first; an active one not started yet counts as the newest. */
function sortTime(operation: DiscoveredOperation): number {
  const at = operation.group === "active" ? operation.startTime : (operation.endTime ?? operation.startTime);
  return at ?? Number.POSITIVE_INFINITY;
}

/**
 * The discovered operations of an endpoint as the view lists them: active first (newest start first), then failures
 * of the last day, then what succeeded or was canceled in the last day (newest end first); older ones are dropped.
 * An entry whose operationId could not name an Operation Statuses URL is skipped, and an operation listed twice is
 * shown once.
 */
export function discoveredOperations(endpointHost: string, boxes: Iterable<BoxOperations>, now: number): DiscoveredOperation[] {
  const found = new Map<string, DiscoveredOperation>();
  for (const box of boxes) {
    for (const listed of box.operations) {
      const group = groupOf(listed, now);
      const operationId = checkParam("operationId", listed.operationId);
      if (group === undefined || !operationId.ok) continue;
      const ref: DevcenterRef = { kind: "devcenter", endpointHost, projectName: box.projectName, operationId: operationId.value };
      const key = refKey(ref);
      if (found.has(key)) continue;
      found.set(key, {
        ref,
        key,
        projectName: box.projectName,
        devBoxName: box.devBoxName,
        kind: listed.kind,
        status: listed.status,
        group,
        createdByObjectId: listed.createdByObjectId,
        startTime: listed.startTime,
        endTime: listed.endTime,
        error: listed.error,
      });
    }
  }
  return [...found.values()].sort(
    (a, b) => GROUP_RANK[a.group] - GROUP_RANK[b.group] || sortTime(b) - sortTime(a) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

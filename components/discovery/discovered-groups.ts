import type { DiscoveredDevBox, DiscoveredOperation, EndpointDiscovery } from "@/lib/discovery/discovery-types";
import { middleTruncate } from "@/lib/operations/display-name";

/** What one endpoint's section lists, in the sweep's order within each part. */
export interface DiscoveredParts {
  /** Dev boxes being created, deleted, started...: running work seen only on the dev box. */
  busyDevBoxes: DiscoveredDevBox[];
  active: DiscoveredOperation[];
  failed: DiscoveredOperation[];
  /** Succeeded or canceled in the last 24 h: folded. */
  done: DiscoveredOperation[];
}

export function discoveredParts(discovery: Pick<EndpointDiscovery, "devBoxes" | "operations">): DiscoveredParts {
  return {
    busyDevBoxes: discovery.devBoxes.filter((box) => box.transitional),
    active: discovery.operations.filter((op) => op.group === "active"),
    failed: discovery.operations.filter((op) => op.group === "failed"),
    done: discovery.operations.filter((op) => op.group === "done"),
  };
}

/** The active operations not on the watch list yet: what "Watch all running" adds. */
export function activeNotWatched(active: readonly DiscoveredOperation[], watchedKeys: ReadonlySet<string>): DiscoveredOperation[] {
  return active.filter((op) => !watchedKeys.has(op.key));
}

/** Who started an operation: "you", or the object id shortened (the whole of it for a tooltip). */
export function whoStarted(createdByObjectId: string | undefined, myObjectId: string | undefined): { text: string; full: string | undefined } {
  if (createdByObjectId === undefined || createdByObjectId === "") return { text: "—", full: undefined };
  if (createdByObjectId.toLowerCase() === myObjectId?.toLowerCase()) return { text: "you", full: createdByObjectId };
  return { text: middleTruncate(createdByObjectId, 11), full: createdByObjectId };
}

/** "being created", "being deleted": the words for a dev box's transitional state, else none. */
export function devBoxStateWords(provisioningState: string): string | undefined {
  switch (provisioningState.toLowerCase()) {
    case "creating":
    case "provisioning":
      return "being created";
    case "deleting":
      return "being deleted";
    case "updating":
      return "being updated";
    case "starting":
      return "starting";
    case "stopping":
      return "stopping";
    default:
      return undefined;
  }
}

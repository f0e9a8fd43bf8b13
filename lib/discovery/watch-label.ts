import type { DiscoveredOperation } from "./discovery-types";

/**
 * The label a discovered operation is watched under, whether a person clicked Watch or auto-watch added it: its
 * status URL names neither the dev box nor what was done to it, which is what the person recognises.
 */
export const watchLabelOf = (operation: Pick<DiscoveredOperation, "kind" | "devBoxName">): string => `${operation.kind} on ${operation.devBoxName}`;

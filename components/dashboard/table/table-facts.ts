import { shortScopeName, displayName, labelOf, operationIdOf, resourceName } from "@/lib/operations/display-name";
import { elapsedMs } from "@/lib/operations/format";
import { rowStateOf, type RowState } from "@/lib/polling/read-state";
import type { OperationSnapshot } from "@/lib/polling/snapshot";
import type { WatchItem } from "@/lib/watch-list/watch-list";
import type { OperationRef } from "@/lib/azure/operation-ref";

/** What the table sorts and filters one operation by, read from its item and its last snapshot. */
export interface RowFacts {
  key: string;
  item: WatchItem;
  state: RowState;
  name: string;
  /** Everything the free-text filter searches, lower case. */
  text: string;
  /** What the scope column sorts by: "rg sub", "project host". */
  scope: string;
  percent: number | undefined;
  startTime: number | undefined;
  endTime: number | undefined;
  durationMs: number | undefined;
  lastReadAt: number | undefined;
}

export interface Scope {
  /** The resource group, or the project: what tells operations of one rollout apart. */
  main: string;
  /** The subscription (shortened), or the endpoint (its short host). */
  within: string;
  /** Both, whole, for the cell's title. */
  full: string;
}

/** Where an operation lives: resource group in a subscription, or project on an endpoint. */
export function scopeOf(ref: OperationRef): Scope {
  if (ref.kind === "devops") {
    return {
      main: ref.resourceGroupName,
      within: shortScopeName(ref.kind, ref.subscriptionId),
      full: `Subscription ${ref.subscriptionId}, resource group ${ref.resourceGroupName}`,
    };
  }
  return { main: ref.projectName, within: shortScopeName(ref.kind, ref.endpointHost), full: `Endpoint ${ref.endpointHost}, project ${ref.projectName}` };
}

// Items are immutable (an edit makes a new one), so each one's text is built once, not at every order computation.
const texts = new WeakMap<WatchItem, string>();

/** Every id and name of the item, for the free-text filter. */
function searchableText(item: WatchItem): string {
  let text = texts.get(item);
  if (text === undefined) {
    const ids = Object.values(item.ref).join(" ");
    text = [labelOf(item) ?? "", resourceName(item.ref), operationIdOf(item.ref), ids, scopeOf(item.ref).full].join(" ").toLowerCase();
    texts.set(item, text);
  }
  return text;
}

function scopeText(ref: OperationRef): string {
  const scope = scopeOf(ref);
  return `${scope.main} ${scope.within}`;
}

export function rowFacts(item: WatchItem, key: string, snapshot: OperationSnapshot | undefined, now: number): RowFacts {
  const operation = snapshot?.operation;
  return {
    key,
    item,
    state: rowStateOf(snapshot),
    name: displayName(item),
    text: searchableText(item),
    scope: scopeText(item.ref),
    percent: operation?.percentComplete,
    startTime: operation?.startTime,
    endTime: operation?.endTime,
    durationMs: elapsedMs(operation?.startTime, operation?.endTime, now),
    lastReadAt: snapshot?.history.at(-1)?.at,
  };
}

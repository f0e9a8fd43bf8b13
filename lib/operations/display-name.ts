import type { OperationKind, OperationRef } from "@/lib/azure/operation-ref";

/**
 * The names a person reads for an operation: the resource it belongs to first, the operation's GUID only second and
 * shortened in the middle (its start and end are what people compare). A label the person gave wins over all of it.
 * Pure and string-only, so rows, tab titles, notices and notifications all say the same thing.
 */

/** What carries a name: a watch-list item or just a ref (the `label` is the person's own, if any). */
export interface Nameable {
  ref: OperationRef;
  label?: string | undefined;
}

const ELLIPSIS = "…";
/** A GUID shortened to this keeps 8 characters before and 6 after the ellipsis: enough to tell two apart. */
const SHORT_ID_CHARS = 15;
const DEVCENTER_SUFFIX = ".devcenter.azure.com";
/** DevCenter endpoint hosts begin with the tenant GUID (`{tenant}-{devcenter}.{region}.devcenter.azure.com`). */
const TENANT_PREFIX = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-/i;

/**
 * `id` in at most `max` characters, the middle replaced by "…": "2a7b1c9e…9f3e1d". The head keeps a little more than
 * the tail (4 to 3), since the start is what a person reads first. Ids within `max` come back unchanged.
 */
export function middleTruncate(id: string, max: number = SHORT_ID_CHARS): string {
  const chars = Array.from(id);
  if (chars.length <= max) return id;
  if (max <= 1) return ELLIPSIS;
  const kept = max - 1;
  const tail = Math.floor((kept * 3) / 7);
  const head = kept - tail;
  return `${chars.slice(0, head).join("")}${ELLIPSIS}${tail > 0 ? chars.slice(chars.length - tail).join("") : ""}`;
}

/** What a chart's axis has room for: a name of this many characters. */
export const SHORT_NAME_CHARS = 22;
/** Where a name may be cut so that what is left still reads as words: a space, or a name's own separators. */
const WORD_END = /[\s\-_./:]/;

/**
 * `text` in at most `max` characters, cut where a word or segment ends and ended with "…": "Failed with a three…".
 * Only when no word ends in its second half is a word cut. Texts within `max` come back unchanged.
 */
export function shortenAtWord(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max <= 1) return ELLIPSIS;
  let cut = max - 1;
  for (let i = max - 1; i >= Math.ceil(max / 2); i--) {
    if (WORD_END.test(chars[i] ?? "")) {
      cut = i;
      break;
    }
  }
  let end = cut;
  while (end > 0 && WORD_END.test(chars[end - 1] ?? "")) end--;
  return `${chars.slice(0, end > 0 ? end : cut).join("")}${ELLIPSIS}`;
}

/** "contoso-dc.westus3" from "{tenant-guid}-contoso-dc.westus3.devcenter.azure.com"; other hosts stay as they are. */
export function shortEndpointHost(host: string): string {
  const [name = host, port] = host.split(":");
  let short = name.toLowerCase().endsWith(DEVCENTER_SUFFIX) ? name.slice(0, -DEVCENTER_SUFFIX.length) : name;
  short = short.replace(TENANT_PREFIX, "");
  return port === undefined ? short : `${short}:${port}`;
}

/** A subscription id in a scope's short name keeps this much: "3f9b6…b83", enough to tell a person's few apart. */
const SHORT_SUBSCRIPTION_CHARS = 9;

/**
 * What an operation's reads are counted against, short: "sub 3f9b6…b83" for a subscription id, or the endpoint's short
 * host. The table's scope column and the read-budget notices name it alike.
 */
export function shortScopeName(kind: OperationKind, subscriptionOrHost: string): string {
  return kind === "devops" ? `sub ${middleTruncate(subscriptionOrHost, SHORT_SUBSCRIPTION_CHARS)}` : shortEndpointHost(subscriptionOrHost);
}

/** The operation's own id (operationResultId or operationId). */
export function operationIdOf(ref: OperationRef): string {
  return ref.kind === "devops" ? ref.operationResultId : ref.operationId;
}

/** Where the operation lives: "conn-x in rg-y" or "proj-a on contoso-dc.westus3". */
export function resourceName(ref: OperationRef): string {
  return ref.kind === "devops"
    ? `${ref.securityConnectorName} in ${ref.resourceGroupName}`
    : `${ref.projectName} on ${shortEndpointHost(ref.endpointHost)}`;
}

/** The trimmed label, or undefined when there is none worth showing. */
export function labelOf(item: Nameable): string | undefined {
  const label = item.label?.trim();
  return label === undefined || label === "" ? undefined : label;
}

/** The name a person reads first: their label, else the resource. */
export function displayName(item: Nameable): string {
  return labelOf(item) ?? resourceName(item.ref);
}

/** The operation id, middle-truncated: the secondary line under the name. */
export function shortOperationId(ref: OperationRef, max: number = SHORT_ID_CHARS): string {
  return middleTruncate(operationIdOf(ref), max);
}

/** Name and shortened id in one line, for notices and notifications: "conn-x in rg-y (2a7b1c9e…9f3e1d)". */
export function describeOperation(item: Nameable): string {
  return `${displayName(item)} (${shortOperationId(item.ref)})`;
}

/**
 * For a browser tab title, where about 30 characters show: the label, else the connector or project alone (the
 * resource group and endpoint rarely tell tabs apart), each shortened to `max`.
 */
export function shortDisplayName(item: Nameable, max = 32): string {
  const name = labelOf(item) ?? (item.ref.kind === "devops" ? item.ref.securityConnectorName : item.ref.projectName);
  return middleTruncate(name, max);
}

/**
 * Where only a short name fits (a chart's axis): the display name cut at a word, and the operation id shortened apart
 * from it, since that is what tells two operations of one resource apart.
 */
export function shortName(item: Nameable, max = SHORT_NAME_CHARS): { name: string; id: string } {
  return { name: shortenAtWord(displayName(item), max), id: shortOperationId(item.ref, 9) };
}

/**
 * A browser tab's title: "conn-x 2a7b1…e1d · opwatch", or "My label · opwatch". Without a label the short id is kept,
 * since two operations of one connector or project are otherwise the same tab.
 */
export function tabTitle(item: Nameable, app = "opwatch"): string {
  const name = shortDisplayName(item);
  return labelOf(item) === undefined ? `${name} ${shortOperationId(item.ref, 9)} · ${app}` : `${name} · ${app}`;
}

/** The full, untruncated identity for a tooltip or copy: name, resource and id. */
export function fullDescription(item: Nameable): string {
  const label = labelOf(item);
  const resource = resourceName(item.ref);
  const where = item.ref.kind === "devcenter" ? `${item.ref.projectName} on ${item.ref.endpointHost}` : resource;
  return `${label === undefined ? "" : `${label} · `}${where} · ${operationIdOf(item.ref)}`;
}

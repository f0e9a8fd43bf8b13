import { parseAppPath, refKey, validateRef, type OperationRef } from "@/lib/azure/operation-ref";
import { isRecord } from "@/lib/azure/wire-reader";
import type { DemoOperation } from "@/lib/config/public-config";
import type { DiscoveryEndpoint } from "./discovery-endpoint";
import { readEndpoints } from "./endpoint-list";

/**
 * The watch list as stored in localStorage: pure parsing, merging and editing. Storage can hold anything (an old or
 * newer format, another app's data, a hand edit, a truncated write): every readable entry is kept, and whatever was
 * not readable is reported so the caller can set the original aside before writing the cleaned list. The same document
 * keeps the DevCenter endpoints whose dev boxes opwatch looks for (`endpoints`, absent in documents written before).
 */

export const WATCHLIST_KEY = "opwatch.watchlist.v1";
export const WATCHLIST_BACKUP_PREFIX = "opwatch.watchlist.corrupt.";
const WATCHLIST_VERSION = 1;
export const MAX_WATCH_ITEMS = 1000;
/** Larger than any list of MAX_WATCH_ITEMS real entries; beyond it the data is not ours or has been tampered with. */
export const MAX_STORED_CHARS = 1_000_000;
export const MAX_LABEL_CHARS = 200;

export interface WatchItem {
  ref: OperationRef;
  addedAt: number;
  label?: string;
}

export type StoredWatchList =
  /** Nothing stored yet: the list has never been used (seed it). */
  | { status: "absent"; items: []; endpoints: [] }
  | { status: "ok"; items: WatchItem[]; endpoints: DiscoveryEndpoint[] }
  /** Readable entries are in `items` and `endpoints`; `problem` says in words what was wrong. The original must be set aside. */
  | { status: "damaged"; items: WatchItem[]; endpoints: DiscoveryEndpoint[]; problem: string };


export function parseStoredWatchList(raw: string | null): StoredWatchList {
  if (raw === null) return { status: "absent", items: [], endpoints: [] };
  if (raw.length > MAX_STORED_CHARS) {
    return { status: "damaged", items: [], endpoints: [], problem: `it is ${raw.length} characters long, more than a watch list can be` };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { status: "damaged", items: [], endpoints: [], problem: "it is not valid JSON" };
  }
  if (!isRecord(json) || json.version !== WATCHLIST_VERSION || !Array.isArray(json.items)) {
    const version = isRecord(json) && "version" in json ? String(json.version) : undefined;
    return {
      status: "damaged",
      items: [],
      endpoints: [],
      problem:
        version !== undefined && version !== String(WATCHLIST_VERSION)
          ? `it has version ${version.slice(0, 20)}, and this opwatch reads version ${WATCHLIST_VERSION}`
          : `it is not an opwatch watch list ({"version":${WATCHLIST_VERSION},"items":[...]})`,
    };
  }

  const items: WatchItem[] = [];
  let unreadable = 0;
  for (const entry of json.items as unknown[]) {
    const item = readItem(entry);
    if (item) items.push(item);
    else unreadable++;
  }
  const merged = mergeWatchItems(items);
  const problems: string[] = [];
  if (unreadable > 0) problems.push(`${unreadable} ${unreadable === 1 ? "entry was" : "entries were"} unreadable`);
  if (merged.length > MAX_WATCH_ITEMS) {
    problems.push(`it held ${merged.length} operations; the first ${MAX_WATCH_ITEMS} were kept`);
  }
  const { endpoints, unreadable: badEndpoints, overLimit } = readEndpoints(json.endpoints);
  if (badEndpoints > 0) problems.push(`${badEndpoints} ${badEndpoints === 1 ? "endpoint was" : "endpoints were"} unreadable`);
  if (overLimit > 0) problems.push(`${overLimit} endpoints past the first ${endpoints.length} were dropped`);
  const kept = merged.slice(0, MAX_WATCH_ITEMS);
  return problems.length > 0 ? { status: "damaged", items: kept, endpoints, problem: problems.join("; ") } : { status: "ok", items: kept, endpoints };
}

function readItem(entry: unknown): WatchItem | undefined {
  if (!isRecord(entry)) return undefined;
  const { addedAt, label } = entry;
  if (typeof addedAt !== "number" || !(addedAt >= 0) || !Number.isFinite(addedAt)) return undefined;
  if (label !== undefined && (typeof label !== "string" || label.length > MAX_LABEL_CHARS)) return undefined;
  const ref = validateRef(entry.ref);
  if (!ref.ok) return undefined;
  const item: WatchItem = { ref: ref.value, addedAt };
  if (label !== undefined && label.trim() !== "") item.label = label;
  return item;
}

/** Version 1 still: `endpoints` is an added field, and a document without it reads as no endpoints. */
export function serializeWatchList(items: readonly WatchItem[], endpoints: readonly DiscoveryEndpoint[] = []): string {
  return JSON.stringify({ version: WATCHLIST_VERSION, items, endpoints });
}

/** Keeps the first occurrence of each operation (by refKey), with the earliest addedAt and any label seen. */
export function mergeWatchItems(items: readonly WatchItem[]): WatchItem[] {
  const byKey = new Map<string, WatchItem>();
  for (const item of items) {
    const key = refKey(item.ref);
    const existing = byKey.get(key);
    if (!existing) {
      byKey.set(key, item);
      continue;
    }
    const merged: WatchItem = { ref: existing.ref, addedAt: Math.min(existing.addedAt, item.addedAt) };
    const label = existing.label ?? item.label;
    if (label !== undefined) merged.label = label;
    byKey.set(key, merged);
  }
  return [...byKey.values()];
}

export function hasWatchItem(items: readonly WatchItem[], ref: OperationRef): boolean {
  const key = refKey(ref);
  return items.some((item) => refKey(item.ref) === key);
}

/** Newest first on screen is the caller's choice; storage keeps insertion order. */
export function addWatchItem(items: readonly WatchItem[], ref: OperationRef, addedAt: number, label?: string): WatchItem[] {
  if (hasWatchItem(items, ref)) return [...items];
  const item: WatchItem = { ref, addedAt };
  if (label !== undefined && label.trim() !== "") item.label = label.slice(0, MAX_LABEL_CHARS);
  return [...items, item];
}

export function removeWatchItems(items: readonly WatchItem[], keys: ReadonlySet<string>): WatchItem[] {
  return items.filter((item) => !keys.has(refKey(item.ref)));
}

/** What a removal took out, with each item's place in storage order, so an undo can put it back where it was. */
export interface Removal {
  removed: readonly { item: WatchItem; index: number }[];
}

export function takeWatchItems(items: readonly WatchItem[], keys: ReadonlySet<string>): { items: WatchItem[]; removal: Removal } {
  const removed: { item: WatchItem; index: number }[] = [];
  items.forEach((item, index) => {
    if (keys.has(refKey(item.ref))) removed.push({ item, index });
  });
  return { items: removeWatchItems(items, keys), removal: { removed } };
}

/**
 * Puts removed items back at their old places (labels and addedAt included). Items added again in the meantime are
 * not doubled; when the list changed since, an index past its end puts the item last.
 */
export function restoreWatchItems(items: readonly WatchItem[], removal: Removal): WatchItem[] {
  const next = [...items];
  const present = new Set(items.map((item) => refKey(item.ref)));
  // Ascending: each insert lands where it was, given the ones before it are back in place.
  for (const { item, index } of [...removal.removed].sort((a, b) => a.index - b.index)) {
    const key = refKey(item.ref);
    if (present.has(key)) continue;
    present.add(key);
    next.splice(Math.min(index, next.length), 0, item);
  }
  return next;
}

/** Sets or (with a blank label) clears the label of one operation; other items are left as they are. */
export function setWatchItemLabel(items: readonly WatchItem[], key: string, label: string | undefined): WatchItem[] {
  const trimmed = label?.trim().slice(0, MAX_LABEL_CHARS) ?? "";
  return items.map((item) => {
    if (refKey(item.ref) !== key) return item;
    const next: WatchItem = { ref: item.ref, addedAt: item.addedAt };
    if (trimmed !== "") next.label = trimmed;
    return next;
  });
}

/**
 * A first visit's list: the demo operations of the public config, each under its label (kept as a person's label is).
 * Entries that do not parse are skipped; an operation given twice is watched once, under its first label.
 */
export function seedItems(operations: readonly DemoOperation[], addedAt: number): WatchItem[] {
  let items: WatchItem[] = [];
  for (const { permalink, label } of operations) {
    const parsed = parseAppPath(permalink.trim());
    if (parsed.ok) items = addWatchItem(items, parsed.value, addedAt, label);
  }
  return items;
}

export const backupKey = (at: number): string => `${WATCHLIST_BACKUP_PREFIX}${new Date(at).toISOString()}`;

import { parseEndpointInput } from "@/lib/azure/endpoint-input";
import { checkParam } from "@/lib/azure/params";
import { isRecord } from "@/lib/azure/wire-reader";
import type { DiscoveryEndpoint } from "./discovery-endpoint";

/**
 * The discovery endpoints kept with the watch list: pure reading, adding and editing. As with the watch list, storage
 * can hold anything: every readable entry is kept and the rest counted, so the caller can set the original aside.
 */

/** More than any person's dev centers; beyond it the data is not ours. */
export const MAX_ENDPOINTS = 50;
/** Keys remembered per endpoint as added on their own; older ones are forgotten (the list reaches back 90 days). */
export const MAX_AUTO_WATCHED = 500;

/** The endpoints of a stored document's `endpoints` field (absent in documents written before discovery). */
export function readEndpoints(value: unknown): { endpoints: DiscoveryEndpoint[]; unreadable: number; overLimit: number } {
  if (value === undefined) return { endpoints: [], unreadable: 0, overLimit: 0 };
  if (!Array.isArray(value)) return { endpoints: [], unreadable: 1, overLimit: 0 };
  const endpoints: DiscoveryEndpoint[] = [];
  let unreadable = 0;
  for (const entry of value as unknown[]) {
    const endpoint = readEndpoint(entry);
    if (!endpoint) unreadable++;
    else if (!endpoints.some((e) => e.host === endpoint.host)) endpoints.push(endpoint);
  }
  return { endpoints: endpoints.slice(0, MAX_ENDPOINTS), unreadable, overLimit: Math.max(0, endpoints.length - MAX_ENDPOINTS) };
}

const isTime = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value >= 0;

function readEndpoint(entry: unknown): DiscoveryEndpoint | undefined {
  if (!isRecord(entry) || typeof entry.host !== "string") return undefined;
  const host = checkParam("endpointHost", entry.host);
  const { addedAt, autoWatch, autoWatchSince, autoWatched } = entry;
  if (!host.ok || !isTime(addedAt) || typeof autoWatch !== "boolean") return undefined;
  if (autoWatchSince !== undefined && !isTime(autoWatchSince)) return undefined;
  if (autoWatched !== undefined && !(Array.isArray(autoWatched) && autoWatched.every((k) => typeof k === "string"))) return undefined;
  return {
    host: host.value,
    addedAt,
    autoWatch,
    autoWatchSince,
    autoWatched: (autoWatched ?? []).slice(-MAX_AUTO_WATCHED),
  };
}

/** Adds `host` (a valid, lower-case endpoint host) at the end; a host already listed is left as it is. */
export function addEndpoint(list: readonly DiscoveryEndpoint[], host: string, addedAt: number): DiscoveryEndpoint[] {
  if (list.some((e) => e.host === host) || list.length >= MAX_ENDPOINTS) return [...list];
  return [...list, { host, addedAt, autoWatch: false, autoWatchSince: undefined, autoWatched: [] }];
}

/** What a removal took, with its place, so an undo puts it back as it was (its switch and memory included). */
export interface EndpointRemoval {
  endpoint: DiscoveryEndpoint;
  index: number;
}

export function takeEndpoint(list: readonly DiscoveryEndpoint[], host: string): { list: DiscoveryEndpoint[]; removal: EndpointRemoval | undefined } {
  const index = list.findIndex((e) => e.host === host);
  const endpoint = list[index];
  if (endpoint === undefined) return { list: [...list], removal: undefined };
  return { list: list.filter((_, i) => i !== index), removal: { endpoint, index } };
}

/** Puts a removed endpoint back at its place, unless it was added again meanwhile. */
export function restoreEndpoint(list: readonly DiscoveryEndpoint[], removal: EndpointRemoval): DiscoveryEndpoint[] {
  if (list.some((e) => e.host === removal.endpoint.host)) return [...list];
  const next = [...list];
  next.splice(Math.min(removal.index, next.length), 0, removal.endpoint);
  return next;
}

/** Turning the switch on starts a new "since": operations started before it are the person's to choose. */
export function setEndpointAutoWatch(list: readonly DiscoveryEndpoint[], host: string, on: boolean, now: number): DiscoveryEndpoint[] {
  return list.map((e) => (e.host !== host || e.autoWatch === on ? e : { ...e, autoWatch: on, autoWatchSince: on ? now : e.autoWatchSince }));
}

/** Remembers keys added on their own (newest last), so one the person removes is not added again; bounded. */
export function noteEndpointAutoWatched(list: readonly DiscoveryEndpoint[], host: string, keys: readonly string[]): DiscoveryEndpoint[] {
  return list.map((e) => {
    if (e.host !== host) return e;
    const known = new Set(e.autoWatched);
    const added: string[] = [];
    for (const key of keys) {
      if (known.has(key)) continue;
      known.add(key);
      added.push(key);
    }
    return added.length === 0 ? e : { ...e, autoWatched: [...e.autoWatched, ...added].slice(-MAX_AUTO_WATCHED) };
  });
}

/** A first visit's endpoints: the operator's (OPWATCH_DISCOVERY_ENDPOINTS); a host that does not parse is skipped. */
export function seedEndpoints(hosts: readonly string[] | undefined, addedAt: number): DiscoveryEndpoint[] {
  let list: DiscoveryEndpoint[] = [];
  for (const host of hosts ?? []) {
    const parsed = parseEndpointInput(host);
    if (parsed.ok) list = addEndpoint(list, parsed.value, addedAt);
  }
  return list;
}

/** Why an endpoint not in the list is offered: the operator named it, or the person watches operations there. */
export interface EndpointOffer {
  host: string;
  reason: "configured" | "watched";
}

/**
 * The endpoints offered with one click: the operator's (OPWATCH_DISCOVERY_ENDPOINTS, which only a first visit adds by
 * itself), then those of DevCenter operations already watched, each once, none already in the list.
 */
export function offeredEndpoints(configured: readonly string[], watchedHosts: Iterable<string>, list: readonly DiscoveryEndpoint[]): EndpointOffer[] {
  const seen = new Set(list.map((e) => e.host));
  const offers: EndpointOffer[] = [];
  const offer = (host: string, reason: EndpointOffer["reason"]) => {
    if (seen.has(host)) return;
    seen.add(host);
    offers.push({ host, reason });
  };
  for (const written of configured) {
    const parsed = parseEndpointInput(written);
    if (parsed.ok) offer(parsed.value, "configured");
  }
  for (const host of watchedHosts) offer(host, "watched");
  return offers;
}

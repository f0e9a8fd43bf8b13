import "server-only";
import { createHmac, randomBytes } from "node:crypto";

/**
 * The log line of one proxied request: what happened, never who asked or with what. The token, cookies, the query
 * string (a nextLink's signed parameters) and the client's address are never among the facts; the address is given
 * only to be replaced by a keyed hash whose key is random per process, so one process's lines tell one client's reads
 * apart from another's and no line, nor a log store joined with another, can be turned back into an address.
 */

/** The proxy's routes, one name each: the operation statuses and the discovery lists. */
export type ProxyRouteKind = "devops" | "devcenter" | "discovery-projects" | "discovery-devboxes" | "discovery-operations";

/** What the proxy saw of one request, from which the line, the span and the metrics are written. */
export interface ProxyRequestFacts {
  route: ProxyRouteKind;
  /** The status the client was answered. */
  status: number;
  totalMs: number;
  /** Set once the request got as far as a resolved upstream (after the parameter and allow-list checks). */
  upstreamHost?: string;
  /** Azure's status, when it answered; a timeout or a broken connection has none. */
  upstreamStatus?: number;
  upstreamMs?: number;
  /** The proxy's own error code, when the answer is the proxy's rather than Azure's. */
  refusal?: string;
  azureRequestId?: string;
  clientRequestId?: string;
  retryAfter?: string;
  /** In clear only here: the line holds its hash. */
  clientAddress?: string;
}

/** The fields of the JSON line, beside pino's `level`, `time` and `msg`: the facts, with the address as its hash. */
export type ProxyLogFields = Omit<ProxyRequestFacts, "clientAddress"> & { client?: string };

export const PROXY_LOG_MESSAGE = "proxied request";

/** Header values come from Azure or the proxy; clipped so that an odd one cannot make a line large. */
const MAX_HEADER_VALUE = 128;
const clip = (value: string | undefined) => (value === undefined ? undefined : value.slice(0, MAX_HEADER_VALUE));
/** Tenths of a millisecond: finer is noise. */
const milliseconds = (ms: number) => Math.round(ms * 10) / 10;

export function proxyLogFields(facts: ProxyRequestFacts, hashAddress: (address: string) => string): ProxyLogFields {
  const fields: ProxyLogFields = { route: facts.route, status: facts.status, totalMs: milliseconds(facts.totalMs) };
  if (facts.upstreamHost !== undefined) fields.upstreamHost = facts.upstreamHost;
  if (facts.upstreamStatus !== undefined) fields.upstreamStatus = facts.upstreamStatus;
  if (facts.upstreamMs !== undefined) fields.upstreamMs = milliseconds(facts.upstreamMs);
  if (facts.refusal !== undefined) fields.refusal = facts.refusal;
  const azureRequestId = clip(facts.azureRequestId);
  if (azureRequestId !== undefined) fields.azureRequestId = azureRequestId;
  if (facts.clientRequestId !== undefined) fields.clientRequestId = facts.clientRequestId;
  const retryAfter = clip(facts.retryAfter);
  if (retryAfter !== undefined) fields.retryAfter = retryAfter;
  if (facts.clientAddress !== undefined) fields.client = hashAddress(facts.clientAddress);
  return fields;
}

/** Answers an operator should look at: Azure's throttling and anything in the 5xx range, Azure's or the proxy's. */
export const proxyLogLevel = (facts: ProxyRequestFacts): "info" | "warn" =>
  facts.status >= 500 || facts.status === 429 || facts.upstreamStatus === 429 ? "warn" : "info";

/** 16 bytes of HMAC-SHA-256, base64url: enough to tell clients apart, short in a line. */
export function addressHasher(key: Uint8Array): (address: string) => string {
  return (address) => createHmac("sha256", key).update(address).digest().subarray(0, 16).toString("base64url");
}

const ADDRESS_KEY = Symbol.for("opwatch.addressHashKey");
type KeyHolder = typeof globalThis & { [ADDRESS_KEY]?: Uint8Array };

/**
 * This process's hasher. The key lives on globalThis because Next may bundle a copy of this module per route, and one
 * client must hash alike on every route; it is never written anywhere.
 */
export function processAddressHasher(holder: KeyHolder = globalThis): (address: string) => string {
  holder[ADDRESS_KEY] ??= randomBytes(32);
  return addressHasher(holder[ADDRESS_KEY]);
}

/**
 * ARM's `x-ms-ratelimit-remaining-*` headers: how much of a throttling bucket is left (subscription reads, global
 * reads, tenant reads, writes…). The proxy passes them on and the client reads them with this one rule, so both
 * agree on which headers count.
 */

/**
 * The name rule, for names as node:http and fetch's `Headers` give them (lower-cased). Bounded so that an upstream
 * cannot make the proxy echo an arbitrarily long name.
 */
export const RATELIMIT_REMAINING_HEADER = /^x-ms-ratelimit-remaining-[a-z][a-z-]{0,63}$/;

/** ARM sends two or three of them; more than this is not ARM, and nothing past it is passed on or read. */
export const MAX_RATELIMIT_HEADERS = 8;

/** A count of requests left: a short non-negative integer. A list ("5, 7", from a repeated header) is not one. */
const REMAINING_VALUE = /^\d{1,20}$/;

/**
 * Header entries: fetch's `Headers`, or `Object.entries` of node:http's headers (whose values may be string arrays,
 * which never count).
 */
export type HeaderEntries = Iterable<readonly [string, unknown]>;

/** The ratelimit headers that follow the rule, in the order given, values as sent. */
export function ratelimitRemainingHeaders(headers: HeaderEntries): [name: string, value: string][] {
  const kept: [string, string][] = [];
  for (const [name, value] of headers) {
    if (kept.length === MAX_RATELIMIT_HEADERS) break;
    if (typeof value === "string" && RATELIMIT_REMAINING_HEADER.test(name) && REMAINING_VALUE.test(value)) kept.push([name, value]);
  }
  return kept;
}

/**
 * The reads left before ARM throttles: the smallest of the `…-reads` buckets (subscription, global, tenant), since the
 * emptiest one is the one that answers 429. Undefined when the response carries none.
 */
export function remainingReads(headers: HeaderEntries): number | undefined {
  let smallest: number | undefined;
  for (const [name, value] of ratelimitRemainingHeaders(headers)) {
    if (!name.endsWith("-reads")) continue;
    const remaining = Number(value);
    if (smallest === undefined || remaining < smallest) smallest = remaining;
  }
  return smallest;
}

/**
 * The DevCenter data plane's throttling headers, sent on its answers though undocumented: the window (`1m`), the
 * requests left in it and when it starts again. Each must have its own bounded shape; another value (a repeated
 * header included) stays behind, so the proxy never echoes what it cannot read.
 */
const DEVCENTER_RATE_LIMIT_VALUES: Readonly<Record<string, RegExp>> = {
  /** A window as a period (`1m`, `0.5s`, `12h`) or a count of requests. */
  "x-rate-limit-limit": /^\d{1,20}(\.\d{1,9})?[smhd]?$/,
  "x-rate-limit-remaining": REMAINING_VALUE,
  /** A round-trip date time (`2025-06-01T10:01:00.0000000Z`), an HTTP date, or seconds. */
  "x-rate-limit-reset":
    /^(\d{1,20}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})|[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT)$/,
};

/** DevCenter's `x-rate-limit-*` headers whose values follow their rule, in the order given, values as sent. */
export function devcenterRateLimitHeaders(headers: HeaderEntries): [name: string, value: string][] {
  const kept: [string, string][] = [];
  for (const [name, value] of headers) {
    const rule = Object.hasOwn(DEVCENTER_RATE_LIMIT_VALUES, name) ? DEVCENTER_RATE_LIMIT_VALUES[name] : undefined;
    if (rule !== undefined && typeof value === "string" && rule.test(value)) kept.push([name, value]);
  }
  return kept;
}

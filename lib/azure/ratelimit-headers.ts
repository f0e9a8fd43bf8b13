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

/** What DevCenter's headers say of its window, read for the scheduler's headroom (lib/polling/fleet/headroom.ts). */
export interface RateWindow {
  /** Requests left in this window. */
  remaining: number;
  /** The window's count, when `X-Rate-Limit-Limit` gives one rather than the window's length. */
  count: number | undefined;
  /** The window's length, when `X-Rate-Limit-Limit` names it (`1m`). */
  windowMs: number | undefined;
  /** When the window starts again (epoch ms), when `X-Rate-Limit-Reset` says so. */
  resetAt: number | undefined;
}

const PERIOD_UNIT_MS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Seconds since the epoch, as opposed to seconds from now: any count past 2001 is a date. */
const EPOCH_SECONDS_FROM = 1_000_000_000;

/** The window DevCenter's headers describe, or undefined without a readable `X-Rate-Limit-Remaining`. */
export function devcenterRateWindow(headers: HeaderEntries, now: number): RateWindow | undefined {
  const values = new Map(devcenterRateLimitHeaders(headers));
  const remainingText = values.get("x-rate-limit-remaining");
  if (remainingText === undefined) return undefined;
  const remaining = Number(remainingText);
  if (!Number.isSafeInteger(remaining)) return undefined;
  const limit = values.get("x-rate-limit-limit");
  const unit = limit?.at(-1) ?? "";
  const period = limit !== undefined && Object.hasOwn(PERIOD_UNIT_MS, unit) ? Number(limit.slice(0, -1)) * (PERIOD_UNIT_MS[unit] ?? 0) : undefined;
  const count = limit !== undefined && period === undefined ? Number(limit) : undefined;
  return {
    remaining,
    count: count !== undefined && Number.isSafeInteger(count) && count > 0 ? count : undefined,
    windowMs: period !== undefined && period > 0 ? period : undefined,
    resetAt: resetTime(values.get("x-rate-limit-reset"), now),
  };
}

function resetTime(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) {
    const seconds = Number(value);
    return seconds >= EPOCH_SECONDS_FROM ? seconds * 1000 : now + seconds * 1000;
  }
  const at = Date.parse(value);
  return Number.isFinite(at) ? at : undefined;
}

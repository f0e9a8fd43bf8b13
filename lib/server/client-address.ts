import "server-only";
import { isIPv4, isIPv6 } from "node:net";

/**
 * Whose request this is, for the proxy's per-client limit (lib/server/proxy-limits.ts).
 *
 * Only opwatch's own Node server (scripts/standalone-server.mjs) makes the answer trustworthy: it deletes any incoming
 * SOCKET_ADDRESS_HEADER and sets it from `req.socket.remoteAddress`, so a client cannot choose it.
 *
 * Behind reverse proxies that socket is the nearest proxy's. Each proxy appends the address it saw to
 * `X-Forwarded-For` and keeps whatever the client sent before it, so only the entries the trusted proxies added can be
 * believed: with OPWATCH_TRUSTED_PROXY_HOPS=N the client is the entry N places from the right (the one the outermost
 * proxy added). The leftmost entry, what a client can write itself, is taken only when the list is shorter than N.
 *
 * Under plain `next dev`/`next start` the socket header is missing and Next's own `x-forwarded-for` is used, which Next
 * fills in only when the client sent none: any client can pick its address there.
 */

export const SOCKET_ADDRESS_HEADER = "x-opwatch-socket-address";

/** Every request whose address cannot be read shares this one key (and so one bucket). */
export const UNKNOWN_CLIENT = "unknown";

export function clientAddress(headers: Headers, trustedProxyHops: number): string {
  const socket = normalizeAddress(headers.get(SOCKET_ADDRESS_HEADER));
  if (trustedProxyHops > 0) return normalizeAddress(forwardedHop(headers.get("x-forwarded-for"), trustedProxyHops)) ?? socket ?? UNKNOWN_CLIENT;
  if (headers.has(SOCKET_ADDRESS_HEADER)) return socket ?? UNKNOWN_CLIENT;
  return normalizeAddress(forwardedHop(headers.get("x-forwarded-for"), Number.POSITIVE_INFINITY)) ?? UNKNOWN_CLIENT;
}

/** The X-Forwarded-For entry `hops` places from the right, or the leftmost when there are fewer entries. */
function forwardedHop(value: string | null, hops: number): string | undefined {
  if (value === null) return undefined;
  const entries = value.split(",");
  return entries[Math.max(0, entries.length - hops)];
}

const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
const BRACKETED_IPV6 = /^\[([0-9a-f.]*:[0-9a-f:.]*)\](?::\d{1,5})?$/;
const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/;

/**
 * An address as written by a socket or a proxy, in one form per client: IPv4 with a port (Azure App Service adds one
 * to `X-Forwarded-For`) loses the port, `[v6]:port` its brackets and port, an IPv4-mapped IPv6 address (a dual-stack
 * socket's form) becomes IPv4. Anything that is not an IP address is undefined, so no free text becomes a key.
 */
export function normalizeAddress(raw: string | null | undefined): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const value = raw.trim().toLowerCase();
  if (value.length === 0 || value.length > 64) return undefined;
  const unwrapped = IPV4_WITH_PORT.exec(value)?.[1] ?? BRACKETED_IPV6.exec(value)?.[1] ?? value;
  const address = MAPPED_IPV4.exec(unwrapped)?.[1] ?? unwrapped;
  return isIPv4(address) || isIPv6(address) ? address : undefined;
}

/**
 * The key a client's bucket is kept under: its IPv4 address, or the /64 of its IPv6 address, since one host commonly
 * holds a whole /64 and could otherwise take a fresh bucket per address.
 */
export function clientKey(address: string): string {
  if (!isIPv6(address)) return address;
  const groups = expandIPv6(address);
  return groups === undefined ? address : `${groups.slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, without leading zeros (an embedded IPv4 tail counts as two). */
function expandIPv6(address: string): string[] | undefined {
  const withoutZone = address.split("%", 1)[0] ?? "";
  const [head = "", tail] = withoutZone.split("::");
  const groupsOf = (part: string) => (part === "" ? [] : part.split(":").flatMap((g) => (g.includes(".") ? ["v4", "v4"] : [g])));
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return undefined;
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((g) => (g === "v4" ? g : parseInt(g, 16).toString(16)));
}

import "server-only";
import { devcenterRateLimitHeaders, ratelimitRemainingHeaders } from "@/lib/azure/ratelimit-headers";
import { proxyError } from "./errors";
import type { UpstreamResult } from "./upstream-fetch";

/**
 * What the client gets back for an upstream result: Azure's status and bytes unchanged with the headers a client
 * needs, or the proxy's own error. Everything else from upstream (Set-Cookie, Location, server banners) stays behind.
 *
 * A redirect is answered 502: neither API redirects its status GET, the proxy never follows one (the target could be
 * any host), and passing a 3xx on would let the browser follow it instead.
 */

/** Both APIs answer a few KiB; with OPWATCH_PROXY_MAX_IN_FLIGHT calls buffered at once, this bounds the memory held. */
export const MAX_UPSTREAM_BODY_BYTES = 1024 * 1024;

/**
 * Passed through as sent, as are the `x-ms-ratelimit-remaining-*` and `x-rate-limit-*` headers below. Content-Encoding
 * is not among them: the proxy asks for `identity`, and Next drops a route's Content-Encoding anyway (it owns the
 * response's encoding), so a compressed upstream body would reach the browser as unreadable bytes. It is refused
 * instead (below).
 */
const PASSED_HEADERS = ["content-type", "retry-after", "x-ms-error-code", "x-ms-request-id", "x-ms-correlation-request-id"] as const;

const NULL_BODY_STATUSES = new Set([204, 205]);

export function clientResponse(result: UpstreamResult, upstreamHost: string, timeoutMs: number): Response {
  switch (result.kind) {
    case "timeout":
      return proxyError("UpstreamTimeout", upstreamHost, timeoutMs);
    case "tooLarge":
      return proxyError("UpstreamResponseTooLarge", upstreamHost, MAX_UPSTREAM_BODY_BYTES);
    case "unavailable":
      return proxyError("UpstreamUnavailable", upstreamHost, result.reason);
    case "response":
      break;
  }
  const { status } = result;
  if (status >= 300 && status < 400) {
    return proxyError("UpstreamUnavailable", upstreamHost, `it answered with a redirect (HTTP ${status}), which the proxy does not follow`);
  }
  if (status < 200 || status > 599) {
    return proxyError("UpstreamUnavailable", upstreamHost, `it answered with HTTP status ${status}`);
  }
  const encoding = result.headers["content-encoding"]?.trim().toLowerCase();
  if (encoding && encoding !== "identity" && !NULL_BODY_STATUSES.has(status)) {
    return proxyError("UpstreamUnavailable", upstreamHost, "it answered with a compressed body although the proxy asked for none");
  }
  const headers = new Headers({ "Cache-Control": "no-store" });
  for (const name of PASSED_HEADERS) {
    const value = result.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  // What is left of ARM's throttling buckets; the client reads them by the same rule, so both agree on which count.
  const upstreamHeaders = Object.entries(result.headers);
  for (const [name, value] of ratelimitRemainingHeaders(upstreamHeaders)) headers.set(name, value);
  // DevCenter's per-minute window (status and list reads alike); ARM sends none of these.
  for (const [name, value] of devcenterRateLimitHeaders(upstreamHeaders)) headers.set(name, value);
  // Buffers from node:http sit on a plain ArrayBuffer; the type only says "or SharedArrayBuffer" in general.
  const body = NULL_BODY_STATUSES.has(status) ? null : (result.body as Uint8Array<ArrayBuffer>);
  return new Response(body, { status, headers });
}

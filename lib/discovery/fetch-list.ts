import type { GetAccessToken } from "@/lib/auth/use-get-access-token";
import { discoveryProxyPath, type DiscoveryListRequest } from "@/lib/azure/discovery-lists";
import { devcenterRateWindow, remainingReads, type RateWindow } from "@/lib/azure/ratelimit-headers";
import { parseRetryAfter } from "@/lib/azure/retry-after-header";
import { readErrorResponse } from "@/lib/azure/wire-reader";
import { redactSecrets } from "@/lib/operations/redact-secrets";
import type { ListAnswer } from "./sweep";

/**
 * One list read of a sweep through the proxy (`/api/discovery/...`), with the person's DevCenter token, as a status
 * read is made (lib/operations/fetch-operation.ts): an expired token gets one renewal, and no failure is thrown, only
 * a cancellation. The answer is what the sweep needs; the rest is what the scheduler learns of the endpoint's budget.
 */

export interface ListRead {
  answer: ListAnswer;
  /** When the answer (or the failure) came. */
  at: number;
  /** What the answer said is left of an ARM-style read bucket, when it said. */
  remainingReads: number | undefined;
  /** What the endpoint said of its per-minute window, when it said. */
  rateWindow?: RateWindow | undefined;
}

export interface FetchListOptions {
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 45_000;
const MAX_MESSAGE = 500;

export async function fetchList(request: DiscoveryListRequest, getAccessToken: GetAccessToken, options: FetchListOptions = {}): Promise<ListRead> {
  const now = options.now ?? Date.now;
  const first = await attempt(request, getAccessToken, false, options);
  if (first !== "unauthorized") return first;
  const second = await attempt(request, getAccessToken, true, options);
  if (second !== "unauthorized") return second;
  return failed(now(), 401, "AuthenticationRequired", "Azure refused the access token even after renewing it: sign in again.");
}

async function attempt(
  request: DiscoveryListRequest,
  getAccessToken: GetAccessToken,
  forceRefresh: boolean,
  options: FetchListOptions,
): Promise<ListRead | "unauthorized"> {
  const now = options.now ?? Date.now;
  let token: string;
  try {
    token = await getAccessToken("devcenter", forceRefresh ? { forceRefresh: true } : undefined);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    // As for a status read (lib/auth/auth-errors.ts): "unavailable" is the network; anything else needs the person.
    if (codeOf(error) === "unavailable") return failed(now(), 0, "TokenUnavailable", `no access token: ${safeMessage(error)}`);
    return failed(now(), 401, "SignInNeeded", `sign-in needed: ${safeMessage(error)}`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await (options.fetchImpl ?? fetch)(discoveryProxyPath(request), {
      method: "GET",
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
      cache: "no-store",
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
    });
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const message = timeout.aborted ? `no answer within ${Math.round(timeoutMs / 1000)} s` : "the request did not reach the server (network error)";
    return failed(now(), 0, timeout.aborted ? "Timeout" : "NetworkError", message);
  }
  const at = now();
  if (response.status === 401) return "unauthorized";
  const body = parseJson(text);
  const budget = { remainingReads: remainingReads(response.headers), rateWindow: devcenterRateWindow(response.headers, at) };
  if (response.ok) {
    if (body === undefined) return { ...failed(at, 0, "InvalidResponse", "the list's answer is not JSON"), ...budget };
    return { answer: { ok: true, body: body.value }, at, ...budget };
  }
  const error = body === undefined ? undefined : readErrorResponse(body.value).value;
  const code = error?.code ?? response.headers.get("x-ms-error-code") ?? `Http${response.status}`;
  const message = error?.message ?? `the list's answer was HTTP ${response.status}`;
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), at);
  return { answer: { ok: false, httpStatus: response.status, code: clip(code, 200), message: clip(message, MAX_MESSAGE), retryAfterMs }, at, ...budget };
}

function failed(at: number, httpStatus: number, code: string, message: string): ListRead {
  return { answer: { ok: false, httpStatus, code, message, retryAfterMs: undefined }, at, remainingReads: undefined };
}

function parseJson(text: string): { value: unknown } | undefined {
  if (text.trim() === "") return undefined;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

const clip = (text: string, max: number) => redactSecrets(text).slice(0, max);

const codeOf = (error: unknown): unknown => (typeof error === "object" && error !== null && "code" in error ? error.code : undefined);

/** Token errors promise a safe message (lib/auth/auth-errors.ts); anything else is not repeated. */
function safeMessage(error: unknown): string {
  return error instanceof Error && error.message ? clip(error.message, 300) : "the access token could not be obtained";
}

import type { GetAccessToken } from "@/lib/auth/use-get-access-token";
import { proxyPath, type OperationRef } from "@/lib/azure/operation-ref";
import { remainingReads } from "@/lib/azure/ratelimit-headers";
import { CLIENT_REQUEST_ID_HEADER } from "@/lib/azure/request-ids";
import { httpStatusName } from "./format";
import type { ErrorNode, Operation } from "./model";
import { normalizeErrorBody, normalizeOperation } from "./normalize";
import { redactSecrets } from "./redact-secrets";
// A leaf parser: the header is read once here, and polling keeps the milliseconds.
import { parseRetryAfter } from "@/lib/azure/retry-after-header";

/**
 * One read of an operation's status through the proxy. A failure to read is data, not an exception: the caller keeps
 * the last known status on screen and the polling policy backs off. Only a cancellation by the caller is thrown.
 */

/** What the response said about itself, kept for display (ids a person quotes to Azure support). */
export interface ResponseInfo {
  httpStatus: number;
  at: number;
  errorCode: string | undefined;
  requestId: string | undefined;
  correlationId: string | undefined;
  /** The id the proxy sent Azure with this call (lib/azure/request-ids.ts). */
  clientRequestId: string | undefined;
  /** From sending the request to having its body, in ms (the token is had before). */
  latencyMs: number;
  retryAfterMs: number | undefined;
  /** ARM's reads left before it throttles: the emptiest `x-ms-ratelimit-remaining-*-reads` bucket, if any was sent. */
  remainingReads: number | undefined;
  /** The parsed JSON body, or the first part of a body that was not JSON (as text). */
  body: unknown;
}

export interface ReadError {
  /** As in `PollRecord.httpStatus`: 0 for a network failure, a timeout or a malformed body; else the HTTP status. */
  httpStatus: number;
  /** The HTTP status the response had, when there was one (a malformed 200 has httpStatus 0, responseStatus 200). */
  responseStatus: number | undefined;
  /** Azure's error code, else a name for the HTTP status or the failure. */
  code: string;
  message: string;
  retryAfterMs: number | undefined;
  requestId: string | undefined;
  correlationId: string | undefined;
  clientRequestId: string | undefined;
  errorTree: ErrorNode | undefined;
  /** The token could not be had or was refused even after a refresh: the person must sign in again. */
  signInNeeded: boolean;
  at: number;
}

export type FetchResult =
  | { outcome: "status"; operation: Operation; response: ResponseInfo }
  | { outcome: "readError"; error: ReadError; response: ResponseInfo | undefined };

export interface FetchOperationOptions {
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
  now?: () => number;
  /** Client-side limit per attempt; the proxy has its own upstream timeout (504) well inside it. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 45_000;
/** Enough of a non-JSON body to recognise it (an HTML error page) without keeping megabytes. */
const MAX_TEXT_KEPT = 2_000;

export async function fetchOperation(
  ref: OperationRef,
  getAccessToken: GetAccessToken,
  options: FetchOperationOptions = {},
): Promise<FetchResult> {
  try {
    return await readOnce(ref, getAccessToken, options);
  } catch (error) {
    throwIfCancelled(options.signal, error);
    // A bug here must not become a query error: its timer would then re-fire on stale data at once, forever.
    return readError((options.now ?? Date.now)(), {
      httpStatus: 0,
      responseStatus: undefined,
      code: "ClientError",
      message: `opwatch could not process the response: ${safeMessage(error)}`,
      signInNeeded: false,
      info: undefined,
    });
  }
}

async function readOnce(ref: OperationRef, getAccessToken: GetAccessToken, options: FetchOperationOptions): Promise<FetchResult> {
  const now = options.now ?? Date.now;
  const first = await attempt(ref, getAccessToken, false, options);
  if (first.kind === "result") return first.result;
  const second = await attempt(ref, getAccessToken, true, options);
  if (second.kind === "result") return second.result;
  return readError(now(), {
    httpStatus: 401,
    responseStatus: 401,
    code: "AuthenticationRequired",
    message: "Azure refused the access token even after renewing it: sign in again.",
    signInNeeded: true,
    info: second.info,
  });
}

type Attempt = { kind: "result"; result: FetchResult } | { kind: "unauthorized"; info: ResponseInfo };

async function attempt(
  ref: OperationRef,
  getAccessToken: GetAccessToken,
  forceRefresh: boolean,
  options: FetchOperationOptions,
): Promise<Attempt> {
  const now = options.now ?? Date.now;
  const fetchImpl = options.fetchImpl ?? fetch;
  let token: string;
  try {
    token = await getAccessToken(ref.kind, forceRefresh ? { forceRefresh: true } : undefined);
  } catch (error) {
    throwIfCancelled(options.signal, error);
    // AccessTokenError "unavailable" (lib/auth/auth-errors.ts) is a network problem on the way to the sign-in
    // service: a read failure to retry with backoff. Every other token failure needs the person.
    const transient = tokenErrorCode(error) === "unavailable";
    return result(
      readError(now(), {
        httpStatus: transient ? 0 : 401,
        responseStatus: undefined,
        code: transient ? "TokenUnavailable" : "SignInNeeded",
        message: transient ? `no access token: ${safeMessage(error)}` : `sign-in needed: ${safeMessage(error)}`,
        signInNeeded: !transient,
        info: undefined,
      }),
    );
  }

  options.signal?.throwIfAborted();
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  const sentAt = now();
  try {
    response = await fetchImpl(proxyPath(ref), {
      method: "GET",
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
      cache: "no-store",
      signal,
    });
  } catch (error) {
    throwIfCancelled(options.signal, error);
    const timedOut = timeout.aborted;
    return result(
      readError(now(), {
        httpStatus: 0,
        responseStatus: undefined,
        code: timedOut ? "Timeout" : "NetworkError",
        message: timedOut
          ? `no answer within ${Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s`
          : "the request did not reach the server (network error)",
        signInNeeded: false,
        info: undefined,
      }),
    );
  }

  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throwIfCancelled(options.signal, error);
    text = "";
  }
  const at = now();
  const parsed = parseJson(text);
  const info: ResponseInfo = {
    httpStatus: response.status,
    at,
    errorCode: header(response, "x-ms-error-code"),
    requestId: header(response, "x-ms-request-id"),
    correlationId: header(response, "x-ms-correlation-request-id"),
    clientRequestId: header(response, CLIENT_REQUEST_ID_HEADER),
    latencyMs: Math.max(0, at - sentAt),
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), at),
    remainingReads: remainingReads(response.headers),
    body: parsed.ok ? parsed.value : text.slice(0, MAX_TEXT_KEPT),
  };

  if (response.status === 401) return { kind: "unauthorized", info };

  if (response.ok) {
    if (!parsed.ok || typeof parsed.value !== "object" || parsed.value === null || Array.isArray(parsed.value)) {
      return result(
        readError(at, {
          httpStatus: 0,
          responseStatus: response.status,
          code: "MalformedResponse",
          message: parsed.ok
            ? `the response is JSON but not an operation status object (HTTP ${response.status})`
            : `the response body is not JSON (HTTP ${response.status}${contentTypeNote(response)})`,
          signInNeeded: false,
          info,
        }),
      );
    }
    return result({ outcome: "status", operation: normalizeOperation(ref.kind, parsed.value), response: info });
  }

  const errorTree = parsed.ok ? normalizeErrorBody(parsed.value) : undefined;
  const code = errorTree?.code ?? info.errorCode ?? httpStatusName(response.status) ?? `HTTP${response.status}`;
  const message =
    errorTree?.message ??
    (parsed.ok
      ? `HTTP ${response.status}`
      : `HTTP ${response.status} with a body that is not JSON${contentTypeNote(response)}`);
  return result(
    readError(at, {
      httpStatus: response.status,
      responseStatus: response.status,
      code,
      message,
      errorTree,
      signInNeeded: false,
      info,
    }),
  );
}

const result = (r: FetchResult): Attempt => ({ kind: "result", result: r });

function readError(
  at: number,
  e: Pick<ReadError, "httpStatus" | "responseStatus" | "code" | "message" | "signInNeeded"> & {
    errorTree?: ErrorNode | undefined;
    info: ResponseInfo | undefined;
  },
): FetchResult {
  return {
    outcome: "readError",
    response: e.info,
    error: {
      httpStatus: e.httpStatus,
      responseStatus: e.responseStatus,
      code: e.code,
      message: e.message,
      retryAfterMs: e.info?.retryAfterMs,
      requestId: e.info?.requestId,
      correlationId: e.info?.correlationId,
      clientRequestId: e.info?.clientRequestId,
      errorTree: e.errorTree,
      signInNeeded: e.signInNeeded,
      at,
    },
  };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function header(response: Response, name: string): string | undefined {
  const value = response.headers.get(name);
  return value === null || value === "" ? undefined : value.slice(0, 200);
}

function contentTypeNote(response: Response): string {
  const type = response.headers.get("content-type")?.split(";")[0]?.trim();
  return type ? `, ${type.slice(0, 60)}` : "";
}

/** A cancellation by the caller (React Query unmounting) must propagate, or the cache would record a fake failure. */
function throwIfCancelled(signal: AbortSignal | undefined, error: unknown): void {
  if (signal?.aborted) throw error;
}

function tokenErrorCode(error: unknown): unknown {
  return typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
}

/** Errors from token acquisition promise a safe message; anything else is reduced to its type. */
function safeMessage(error: unknown): string {
  if (error instanceof Error && error.message) return redactSecrets(error.message).slice(0, 300);
  return "the access token could not be obtained";
}

import type { GetAccessToken } from "@/lib/auth/use-get-access-token";
import type { OperationRef } from "@/lib/azure/operation-ref";
import { devcenterRateWindow, remainingReads, type RateWindow } from "@/lib/azure/ratelimit-headers";
import { CLIENT_REQUEST_ID_HEADER } from "@/lib/azure/request-ids";
import { parseRetryAfter } from "@/lib/azure/retry-after-header";
import { classifyAnswer, type Attempt } from "./classify-answer";
import type { ErrorNode, Operation } from "./model";
import { readError, throwIfCancelled } from "./read-error";
import { sendStatusRequest, type Received } from "./send-status-request";
import { redactSecrets } from "./redact-secrets";

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
  /** A DevCenter endpoint's window and what is left of it (`X-Rate-Limit-*`), if it sent `X-Rate-Limit-Remaining`. */
  rateWindow?: RateWindow | undefined;
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

/** An expired token is answered with 401: one renewed token gets a second chance, a second 401 needs the person. */
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

/** One try: the token, the request, what its answer means; a step that fails ends the try with its read error. */
async function attempt(ref: OperationRef, getAccessToken: GetAccessToken, forceRefresh: boolean, options: FetchOperationOptions): Promise<Attempt> {
  const token = await accessToken(ref, getAccessToken, forceRefresh, options);
  if (typeof token !== "string") return { kind: "result", result: token };
  const received = await sendStatusRequest(ref, token, options);
  if ("outcome" in received) return { kind: "result", result: received };
  return classifyAnswer(ref.kind, {
    info: responseInfo(received),
    json: received.body.json,
    mediaType: mediaTypeOf(received.response),
  });
}

/** The token for the operation's API, or the read error that failing to get one means. */
async function accessToken(
  ref: OperationRef,
  getAccessToken: GetAccessToken,
  forceRefresh: boolean,
  options: FetchOperationOptions,
): Promise<string | FetchResult> {
  try {
    return await getAccessToken(ref.kind, forceRefresh ? { forceRefresh: true } : undefined);
  } catch (error) {
    throwIfCancelled(options.signal, error);
    // AccessTokenError "unavailable" (lib/auth/auth-errors.ts) is a network problem on the way to the sign-in
    // service: a read failure to retry with backoff. Every other token failure needs the person.
    const transient = tokenErrorCode(error) === "unavailable";
    return readError((options.now ?? Date.now)(), {
      httpStatus: transient ? 0 : 401,
      responseStatus: undefined,
      code: transient ? "TokenUnavailable" : "SignInNeeded",
      message: transient ? `no access token: ${safeMessage(error)}` : `sign-in needed: ${safeMessage(error)}`,
      signInNeeded: !transient,
      info: undefined,
    });
  }
}

function responseInfo({ response, body, sentAt, at }: Received): ResponseInfo {
  return {
    httpStatus: response.status,
    at,
    errorCode: header(response, "x-ms-error-code"),
    requestId: header(response, "x-ms-request-id"),
    correlationId: header(response, "x-ms-correlation-request-id"),
    clientRequestId: header(response, CLIENT_REQUEST_ID_HEADER),
    latencyMs: Math.max(0, at - sentAt),
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), at),
    remainingReads: remainingReads(response.headers),
    rateWindow: devcenterRateWindow(response.headers, at),
    body: body.json ? body.value : body.text,
  };
}

function header(response: Response, name: string): string | undefined {
  const value = response.headers.get(name);
  return value === null || value === "" ? undefined : value.slice(0, 200);
}

function mediaTypeOf(response: Response): string | undefined {
  const type = response.headers.get("content-type")?.split(";")[0]?.trim();
  return type ? type.slice(0, 60) : undefined;
}

function tokenErrorCode(error: unknown): unknown {
  return typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
}

/** Errors from token acquisition promise a safe message; anything else is reduced to its type. */
function safeMessage(error: unknown): string {
  if (error instanceof Error && error.message) return redactSecrets(error.message).slice(0, 300);
  return "the access token could not be obtained";
}

import { proxyPath, type OperationRef } from "@/lib/azure/operation-ref";
import type { FetchOperationOptions, FetchResult } from "./fetch-operation";
import { readError, throwIfCancelled } from "./read-error";

const DEFAULT_TIMEOUT_MS = 45_000;
/** Enough of a non-JSON body to recognise it (an HTML error page) without keeping megabytes. */
const MAX_TEXT_KEPT = 2_000;

/** A body as kept: its JSON, or the first part of a body that is not JSON. */
type ReceivedBody = { json: true; value: unknown } | { json: false; text: string };

/** An answer of the proxy, whatever its status, with its body read. */
export interface Received {
  response: Response;
  body: ReceivedBody;
  /** When the request left and when its body was in, for the read's latency. */
  sentAt: number;
  at: number;
}

/**
 * Sends the status GET through the proxy with `token` and reads the answer's body, within `options.timeoutMs`. No
 * answer at all is a read error here; what an answer means, whatever its status, is for classifyAnswer.
 */
export async function sendStatusRequest(ref: OperationRef, token: string, options: FetchOperationOptions): Promise<Received | FetchResult> {
  const now = options.now ?? Date.now;
  const fetchImpl = options.fetchImpl ?? fetch;
  options.signal?.throwIfAborted();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
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
    return readError(now(), {
      httpStatus: 0,
      responseStatus: undefined,
      code: timedOut ? "Timeout" : "NetworkError",
      message: timedOut ? `no answer within ${Math.round(timeoutMs / 1000)} s` : "the request did not reach the server (network error)",
      signInNeeded: false,
      info: undefined,
    });
  }
  const text = await readText(response, options.signal);
  return { response, body: keptBody(text), sentAt, at: now() };
}

/** A body cut off on the way reads as empty: the status and headers still say what happened. */
async function readText(response: Response, signal: AbortSignal | undefined): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throwIfCancelled(signal, error);
    return "";
  }
}

function keptBody(text: string): ReceivedBody {
  if (text.trim() !== "") {
    try {
      return { json: true, value: JSON.parse(text) as unknown };
    } catch {
      // Not JSON: kept as text below.
    }
  }
  return { json: false, text: text.slice(0, MAX_TEXT_KEPT) };
}

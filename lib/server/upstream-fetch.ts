import "server-only";
import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";

/**
 * One GET to an upstream that was already validated and allow-listed.
 *
 * node:http rather than fetch: it never follows redirects (there is no option to get wrong), it is not patched by
 * Next's data cache, and with a keep-alive agent it costs a fraction of undici's per-request overhead, which is what
 * keeps the proxy close to a trivial route in the benchmark. The body is collected up to the size limit before
 * anything is answered, so an oversized body becomes a clean 502 rather than a truncated 200; the bodies of these two
 * APIs are a few KiB, so holding one costs less than streaming it through web streams.
 */

export type UpstreamResult =
  | { kind: "response"; status: number; headers: IncomingHttpHeaders; body: Buffer }
  | { kind: "timeout" }
  | { kind: "tooLarge" }
  | { kind: "unavailable"; reason: string };

export interface UpstreamRequest {
  url: URL;
  headers: Readonly<Record<string, string>>;
  timeoutMs: number;
  maxBodyBytes: number;
  /** The client's request signal: when the browser goes away, the upstream call is dropped too. */
  signal?: AbortSignal;
}

export type UpstreamGet = (request: UpstreamRequest) => Promise<UpstreamResult>;

const agentOptions = { keepAlive: true, maxSockets: 256, maxFreeSockets: 64, scheduling: "lifo" } as const;
const httpAgent = new http.Agent(agentOptions);
const httpsAgent = new https.Agent(agentOptions);

export const upstreamGet: UpstreamGet = (request) => attempt(request, true);

/**
 * One try. A kept-alive socket that the upstream closed while it sat idle fails the next request sent on it with
 * ECONNRESET before any answer: that request never reached the upstream, so it is sent once more on a fresh socket
 * (Node's documented pattern for `request.reusedSocket`; safe because the call is a GET).
 */
function attempt({ url, headers, timeoutMs, maxBodyBytes, signal }: UpstreamRequest, mayRetry: boolean): Promise<UpstreamResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: UpstreamResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      resolve(result);
    };
    const onAbort = () => {
      finish({ kind: "unavailable", reason: "the client went away" });
      request.destroy();
    };

    let answered = false;
    const secure = url.protocol === "https:";
    const request = (secure ? https : http).request(
      url,
      { method: "GET", headers, agent: secure ? httpsAgent : httpAgent },
      (response) => {
        answered = true;
        readBody(response, maxBodyBytes, finish);
      },
    );
    // Callbacks above run asynchronously, after this assignment.
    const timer = setTimeout(() => {
      finish({ kind: "timeout" });
      request.destroy();
    }, timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (mayRetry && !settled && !answered && request.reusedSocket && error.code === "ECONNRESET" && signal?.aborted !== true) {
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        resolve(attempt({ url, headers, timeoutMs, maxBodyBytes, signal }, false));
        return;
      }
      finish({ kind: "unavailable", reason: describeNetworkError(error) });
    });
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
    request.end();
  });
}

/** Collects the body up to the limit; over it, the connection is dropped rather than read to the end. */
function readBody(response: IncomingMessage, maxBodyBytes: number, finish: (result: UpstreamResult) => void): void {
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBodyBytes) {
    response.destroy();
    finish({ kind: "tooLarge" });
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  response.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBodyBytes) {
      response.destroy();
      finish({ kind: "tooLarge" });
      return;
    }
    chunks.push(chunk);
  });
  response.on("end", () => {
    finish({
      kind: "response",
      status: response.statusCode ?? 0,
      headers: response.headers,
      body: chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, size),
    });
  });
  response.on("error", () => {
    finish({ kind: "unavailable", reason: "the connection broke while the body was being read" });
  });
  response.on("close", () => {
    if (!response.complete) finish({ kind: "unavailable", reason: "the connection closed before the body was complete" });
  });
}

function describeNetworkError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ECONNREFUSED":
      return "the connection was refused";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "the host name could not be resolved";
    case "ECONNRESET":
    case "EPIPE":
      return "the connection was reset";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "the host is unreachable";
    case "HPE_INVALID_CONSTANT":
    case "HPE_INVALID_STATUS":
    case "HPE_INVALID_HEADER_TOKEN":
      return "the answer was not valid HTTP";
    default:
      return error.code?.startsWith("ERR_TLS") || error.code?.includes("CERT")
        ? `the TLS connection failed (${error.code})`
        : `the request failed${error.code ? ` (${error.code})` : ""}`;
  }
}

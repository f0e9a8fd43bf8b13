import http from "node:http";
import type { FuzzRequest } from "./arbitraries";
import type { Received } from "./answer-check";

/** Bodies are read up to this much: an error in Azure's shape is far smaller, and a page's HTML needs no more. */
const MAX_BODY_BYTES = 64 * 1024;
const MAX_HEADER_BYTES = 1024 * 1024;

export type Sent = Received | { kind: "unsendable"; reason: string };

/**
 * Sends one fuzz request to the app on loopback exactly as generated: the request-target and header values as
 * latin1 bytes, the Host header as generated (Node adds none of its own).
 */
export function sendFuzzRequest(port: number, request: FuzzRequest, agent: http.Agent, timeoutMs: number): Promise<Sent> {
  return new Promise((resolve) => {
    // Node frames a body with Content-Length only for some methods; said here, no method leaves it unframed (which
    // the server would read as the start of a next request on the same connection, answering it to someone else).
    const headers = request.body === undefined ? request.headers : { ...request.headers, "content-length": String(Buffer.byteLength(request.body)) };
    let client: http.ClientRequest;
    try {
      client = http.request({
        host: "127.0.0.1",
        port,
        method: request.method,
        path: request.target,
        headers,
        setHost: false,
        agent,
        // Next's 308 repeats a long path in Location and Refresh: past Node's default 16 KiB, read it all the same.
        maxHeaderSize: MAX_HEADER_BYTES,
      });
    } catch (error) {
      // Node's client refuses some values outright (ERR_UNESCAPED_CHARACTERS, ERR_INVALID_CHAR): nothing was sent.
      resolve({ kind: "unsendable", reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    client.setTimeout(timeoutMs, () => client.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    client.on("error", (error: NodeJS.ErrnoException) => {
      resolve({ kind: "failed", reason: error.code ?? error.message });
    });
    client.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        if (size < MAX_BODY_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      response.on("error", (error) => {
        resolve({ kind: "failed", reason: error.message });
      });
      response.on("end", () => {
        resolve({ kind: "answer", status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") });
      });
    });
    client.end(request.body);
  });
}

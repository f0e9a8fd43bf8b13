import { afterAll, beforeEach } from "vitest";
import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A scripted HTTP server on 127.0.0.1 that records every request it receives, for tests that must prove what a
 * client sent (or that it sent nothing).
 */

interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingHttpHeaders;
}

type ScriptedResponse =
  | {
      status: number;
      headers?: Record<string, string | string[]>;
      /** Sent as given; omitted means an empty body. */
      body?: string | Buffer;
      /** Sent as chunked pieces without Content-Length (each piece written separately). */
      chunks?: (string | Buffer)[];
    }
  /** Accepts the request and never answers (for timeouts). */
  | { hang: true }
  /** Answers headers with a Content-Length, then drops the connection halfway through the body. */
  | { truncate: true; status: number };

type Responder = (request: RecordedRequest) => ScriptedResponse;

export interface RecordingUpstream {
  /** http://127.0.0.1:PORT */
  url: string;
  /** 127.0.0.1:PORT */
  host: string;
  port: number;
  requests: RecordedRequest[];
  /** Replaces the responder for the requests that follow. */
  respondWith(responder: Responder | ScriptedResponse): void;
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_RESPONSE: ScriptedResponse = {
  status: 200,
  headers: { "Content-Type": "application/json" },
  body: '{"status":"Succeeded"}',
};

export async function startRecordingUpstream(): Promise<RecordingUpstream> {
  const requests: RecordedRequest[] = [];
  let responder: Responder = () => DEFAULT_RESPONSE;
  const sockets = new Set<Socket>();

  const server = http.createServer((req, res) => {
    const recorded: RecordedRequest = { method: req.method ?? "", url: req.url ?? "", headers: req.headers };
    requests.push(recorded);
    const scripted = responder(recorded);
    if ("hang" in scripted) return;
    if ("truncate" in scripted) {
      res.writeHead(scripted.status, { "Content-Type": "application/json", "Content-Length": "100" });
      res.write('{"status":');
      setTimeout(() => res.socket?.destroy(), 10);
      return;
    }
    res.writeHead(scripted.status, scripted.headers);
    if (scripted.chunks) {
      for (const chunk of scripted.chunks) res.write(chunk);
      res.end();
    } else {
      res.end(scripted.body ?? "");
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    port,
    requests,
    respondWith(next) {
      responder = typeof next === "function" ? next : () => next;
    },
    reset() {
      requests.length = 0;
      responder = () => DEFAULT_RESPONSE;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      });
    },
  };
}

/**
 * One recording upstream for a test file: started now, emptied before each test, closed after the file. Awaited at
 * the file's top level, so tables of cases can use its address.
 */
export async function recordingUpstreamForFile(): Promise<RecordingUpstream> {
  const upstream = await startRecordingUpstream();
  afterAll(async () => {
    await upstream.close();
  });
  beforeEach(() => {
    upstream.reset();
  });
  return upstream;
}

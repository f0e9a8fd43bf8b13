import http from "node:http";
import { answerOf } from "./answer";
import type { Tally } from "./tally";

/**
 * A prober, not load: one keep-alive connection asks `/api/health` every `everyMs` and waits for each answer (a late
 * one delays the next probe rather than stacking more on the server). It asks whether the server still answers what
 * no limit refuses while the flood runs, so it measures one client's experience, which autocannon's rate-limited
 * connections (their requests sent at each second's start, dropped at the run's end) would blur.
 */
export async function probeHealth(options: { origin: string; seconds: number; everyMs: number; tally: Tally }): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const deadline = Date.now() + options.seconds * 1000;
  try {
    for (let next = Date.now(); next < deadline; next += options.everyMs) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
      options.tally.sent++;
      options.tally.add(await probeOnce(options.origin, agent), Date.now());
    }
  } finally {
    agent.destroy();
  }
}

const PROBE_TIMEOUT_MS = 5_000;

function probeOnce(origin: string, agent: http.Agent): Promise<Parameters<Tally["add"]>[0]> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.get(new URL("/api/health", origin), { agent, timeout: PROBE_TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", (error) => {
        resolve({ kind: "failed", reason: error.message });
      });
      response.on("end", () => {
        resolve(answerOf(response.statusCode ?? 0, Buffer.concat(chunks).toString("utf8"), response.headers, performance.now() - started));
      });
    });
    request.on("timeout", () => request.destroy(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)));
    request.on("error", (error: NodeJS.ErrnoException) => {
      resolve({ kind: "failed", reason: error.code ?? error.message });
    });
  });
}

import http from "node:http";

/** One GET over a given agent, timed from the call to the end of the body; never throws. */

export type TimedAnswer =
  | { kind: "answer"; status: number; errorCode: string | undefined; errorMessage?: string; retryAfter: string | undefined; ms: number }
  | { kind: "failed"; reason: string; ms: number };

export interface TimedGetRequest {
  origin: string;
  path: string;
  headers: Record<string, string>;
  agent: http.Agent;
  timeoutMs: number;
}

export function timedGet({ origin, path, headers, agent, timeoutMs }: TimedGetRequest): Promise<TimedAnswer> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  return new Promise((resolve) => {
    const request = http.get(new URL(path, origin), { headers, agent, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", (error) => {
        resolve({ kind: "failed", reason: error.message, ms: elapsed() });
      });
      response.on("end", () => {
        const status = response.statusCode ?? 0;
        const error = status >= 400 ? azureErrorOf(Buffer.concat(chunks).toString("utf8")) : undefined;
        resolve({
          kind: "answer",
          status,
          errorCode: error?.code,
          ...(error?.message === undefined ? {} : { errorMessage: error.message }),
          retryAfter: response.headers["retry-after"],
          ms: elapsed(),
        });
      });
    });
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", (error: NodeJS.ErrnoException) => {
      resolve({ kind: "failed", reason: error.code ?? error.message, ms: elapsed() });
    });
  });
}

/** `error.code` and `error.message` of an answer in Azure's error shape, or undefined. */
export function azureErrorOf(body: string): { code: string; message: string | undefined } | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } } | null;
    const { code, message } = parsed?.error ?? {};
    return typeof code === "string" ? { code, message: typeof message === "string" ? message : undefined } : undefined;
  } catch {
    return undefined;
  }
}

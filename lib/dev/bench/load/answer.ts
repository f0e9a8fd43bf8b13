import type { IncomingHttpHeaders } from "node:http";

/** What one request of a load run came to: an answer (with Azure's error code and Retry-After, if any) or none. */
export type Answer =
  | { kind: "answer"; status: number; errorCode: string | undefined; errorMessage?: string; retryAfter: string | undefined; ms: number }
  | { kind: "failed"; reason: string };

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

/** A header's value whatever the case the server wrote its name in; the first of repeated ones. */
function headerValue(headers: IncomingHttpHeaders | undefined, name: string): string | undefined {
  const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return Array.isArray(value) ? value[0] : value;
}

/** The answer to a request from its status, body and headers, and how long it took. */
export function answerOf(status: number, body: string, headers: IncomingHttpHeaders | undefined, ms: number): Answer {
  const error = status >= 400 ? azureErrorOf(body) : undefined;
  return {
    kind: "answer",
    status,
    errorCode: error?.code,
    ...(error?.message === undefined ? {} : { errorMessage: error.message }),
    retryAfter: headerValue(headers, "retry-after"),
    ms,
  };
}

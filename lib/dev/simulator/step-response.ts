import type { OperationKind } from "@/lib/azure/operation-ref";
import { fillTemplate, type TemplateTimes } from "./body-template";
import type { Step } from "./scenario-schema";
import { JSON_CONTENT_TYPE, type SimResponse } from "./sim-response";

/**
 * Seconds a running operation asks clients to wait. ARM's guidance is 10 s to 10 min; the simulator's demo operations
 * move within a minute, so it asks for less. A step can override or remove it (`"Retry-After": null`).
 */
const RUNNING_RETRY_AFTER_SECONDS = "5";

const TERMINAL = new Set(["succeeded", "failed", "canceled"]);

/** The response of one scenario step: defaults by what the step sends, then the step's own headers over them. */
export function stepResponse(kind: OperationKind, step: Step, times: TemplateTimes, baseHeaders: Record<string, string>): SimResponse {
  const headers: Record<string, string> = { ...baseHeaders };
  let body: string | undefined;
  if (typeof step.body === "string") {
    body = step.body;
    headers["content-type"] = "text/plain; charset=utf-8";
  } else if (step.body !== undefined) {
    const filled = fillTemplate(step.body, times);
    body = JSON.stringify(filled);
    headers["content-type"] = JSON_CONTENT_TYPE;
    if (isRunning(step.status, filled)) headers["retry-after"] = RUNNING_RETRY_AFTER_SECONDS;
    const code = errorCodeOf(filled);
    if (kind === "devcenter" && step.status >= 400 && code !== undefined) headers["x-ms-error-code"] = code;
  }
  return { status: step.status, headers: mergeHeaders(headers, step.headers), body };
}

/** Step headers win; null removes a default. Names are compared case-insensitively. */
function mergeHeaders(defaults: Record<string, string>, overrides: Record<string, string | null>): Record<string, string> {
  const merged = new Map(Object.entries(defaults));
  for (const [name, value] of Object.entries(overrides)) {
    if (value === null) merged.delete(name.toLowerCase());
    else merged.set(name.toLowerCase(), value);
  }
  return Object.fromEntries(merged);
}

/** A 2xx status body whose `status` is not terminal (a missing or null status counts as still running). */
function isRunning(httpStatus: number, body: unknown): boolean {
  if (httpStatus < 200 || httpStatus > 299 || !isRecord(body)) return false;
  const status = body.status;
  return typeof status !== "string" || !TERMINAL.has(status.toLowerCase());
}

function errorCodeOf(body: unknown): string | undefined {
  if (!isRecord(body) || !isRecord(body.error)) return undefined;
  return typeof body.error.code === "string" ? body.error.code : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

import type { StatusCategory } from "./model";

/** Display text for durations, times and states. Pure: every "now" is passed in so tests and renders agree. */

export const CATEGORY_LABELS: Record<StatusCategory, string> = {
  notStarted: "Not started",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  canceled: "Canceled",
  unknown: "Running (unrecognised status)",
};

/** "45 s", "3 min 05 s", "2 h 07 min", "3 d 4 h": precise enough to read, never more digits than matter. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (totalMinutes < 60) return `${totalMinutes} min ${pad2(seconds)} s`;
  const totalHours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (totalHours < 48) return `${totalHours} h ${pad2(minutes)} min`;
  return `${Math.floor(totalHours / 24)} d ${totalHours % 24} h`;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** Local date and time to the second, in a fixed shape (not locale-dependent, so server and client agree). */
export function formatTimestamp(epochMs: number | undefined): string {
  if (epochMs === undefined || !Number.isFinite(epochMs)) return "—";
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${formatTimeOfDay(epochMs)}`;
}

/** Local time of day to the second ("14:03:07"), the clock part of formatTimestamp. */
export function formatTimeOfDay(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/** "12 s ago" / "in 20 s" relative to now. */
export function formatAgo(epochMs: number, now: number): string {
  return `${formatDuration(now - epochMs)} ago`;
}

export function formatIn(epochMs: number, now: number): string {
  const ms = epochMs - now;
  return ms <= 500 ? "now" : `in ${formatDuration(Math.ceil(ms / 1000) * 1000)}`;
}

/** Elapsed from start to end, or to now while it runs; undefined when the start is unknown. */
export function elapsedMs(startTime: number | undefined, endTime: number | undefined, now: number): number | undefined {
  if (startTime === undefined) return undefined;
  return Math.max(0, (endTime ?? now) - startTime);
}

/** "1 read", "4 reads", "2 need attention": a count and the word that agrees with it. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${String(n)} ${n === 1 ? one : many}`;
}

/** Names for HTTP statuses that Azure answers with, used when the body names no error code. */
const STATUS_NAMES: Record<number, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  408: "RequestTimeout",
  409: "Conflict",
  429: "TooManyRequests",
  500: "InternalServerError",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "GatewayTimeout",
};

export function httpStatusName(status: number): string | undefined {
  return STATUS_NAMES[status];
}

export function formatPercent(percent: number): string {
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}

/** Azure JSON for people: indented, and never a crash on a value JSON cannot hold (a BigInt, a cycle). */
export function formatJson(value: unknown, whenUndefined: string): string {
  if (value === undefined) return whenUndefined;
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return "(this value cannot be shown as JSON)";
  }
}

/**
 * One read's answer as the poll log and the support report write it: the HTTP status (a successful read's record keeps
 * it only when it was not 200), else "no response", with Azure's error code after a failure.
 */
export function readAnswerText(read: { outcome: "status" | "readError"; httpStatus?: number; errorCode?: string }, maxCodeChars = 60): string {
  if (read.outcome === "status") return String(read.httpStatus ?? 200);
  const code = read.errorCode?.slice(0, maxCodeChars);
  if (read.httpStatus === undefined || read.httpStatus === 0) return code ? `no response (${code})` : "no response";
  return code ? `${String(read.httpStatus)} ${code}` : String(read.httpStatus);
}

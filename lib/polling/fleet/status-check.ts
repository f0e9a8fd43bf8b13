import { OPERATION_KINDS } from "@/lib/azure/operation-ref";
import { isRecord } from "@/lib/azure/wire-reader";
import { isReadReason } from "../read-reasons";
import { isStopReason } from "../stop-reasons";
import type { FleetStatus, NextRead, NextReadCause, ReadHold, ScopeStatus } from "./fleet-status";

/**
 * The fleet's status as another tab sent it, checked field by field before the screen puts it into words: a tab of
 * the same protocol may still run other code, and a sentence is chosen by a cause and a reason that must be known.
 */

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isCount = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
const isString = (value: unknown): value is string => typeof value === "string";
const optional = (value: unknown, check: (value: unknown) => boolean): boolean => value === undefined || check(value);

/** What each cause carries: a `satisfies` table, so a cause added to the type must be added here. */
const CAUSE_CHECKS = {
  reading: () => true,
  stopped: (next) => isStopReason(next.stop),
  retryAfter: () => true,
  scopePaused: () => true,
  allPaused: (next) => isString(next.code),
  budget: (next) => isCount(next.ahead),
  busy: (next) => isCount(next.inFlight),
  openFirst: () => true,
  scheduled: (next) => isReadReason(next.reason),
} satisfies Record<NextReadCause["cause"], (next: Record<string, unknown>) => boolean>;

const isCause = (value: unknown): value is NextReadCause["cause"] => isString(value) && Object.hasOwn(CAUSE_CHECKS, value);

const isHold = (value: unknown): value is ReadHold =>
  isRecord(value) && isNumber(value.until) && (value.cause === "retryAfter" || value.cause === "scopePaused" || value.cause === "allPaused");

function isNextRead(value: unknown): value is NextRead {
  return (
    isRecord(value) &&
    isCause(value.cause) &&
    CAUSE_CHECKS[value.cause](value) &&
    optional(value.at, isNumber) &&
    isString(value.scopeId) &&
    optional(value.hold, isHold)
  );
}

const isPause = (value: unknown): value is ScopeStatus["pause"] =>
  isRecord(value) && isNumber(value.until) && (value.cause === "throttled" || value.cause === "unavailable") && isNumber(value.httpStatus);

function isScope(value: unknown): value is ScopeStatus {
  return (
    isRecord(value) &&
    isString(value.id) &&
    (OPERATION_KINDS as readonly unknown[]).includes(value.kind) &&
    isString(value.name) &&
    isNumber(value.budgetPerSecond) &&
    isNumber(value.ratePerSecond) &&
    optional(value.remainingReads, isNumber) &&
    optional(value.pause, isPause) &&
    isCount(value.waiting)
  );
}

const isAllPaused = (value: unknown): value is FleetStatus["allPaused"] =>
  isRecord(value) && isNumber(value.until) && isNumber(value.httpStatus) && isString(value.code);

/** The status, keeping only the scopes and next reads it can show; undefined when it is not one at all. */
export function readStatus(value: unknown): FleetStatus | undefined {
  if (!isRecord(value) || !isNumber(value.at) || !Array.isArray(value.scopes) || !isRecord(value.next)) return undefined;
  if (!optional(value.allPaused, isAllPaused)) return undefined;
  const next: Record<string, NextRead> = {};
  for (const [key, read] of Object.entries(value.next)) if (isNextRead(read)) next[key] = read;
  return { at: value.at, allPaused: value.allPaused as FleetStatus["allPaused"], scopes: value.scopes.filter(isScope), next };
}

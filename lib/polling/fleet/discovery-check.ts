import { refKey, validateRef } from "@/lib/azure/operation-ref";
import { checkParam } from "@/lib/azure/params";
import { isRecord } from "@/lib/azure/wire-reader";
import type { DiscoveredDevBox, DiscoveredOperation, EndpointDiscovery, EndpointProblem } from "@/lib/discovery/discovery-types";

/**
 * An endpoint's discovery as the polling tab sent it, checked before the screen shows it and auto-watch adds from it:
 * another tab may run other code after a deploy. A row that fails is dropped, the rest kept; an operation's ref must
 * pass the parameter rules, since watching it sends it to the proxy.
 */

const isString = (value: unknown): value is string => typeof value === "string" && value.length <= 2000;
const isTime = (value: unknown): value is number | undefined => value === undefined || (typeof value === "number" && Number.isFinite(value));
const isOptionalString = (value: unknown): value is string | undefined => value === undefined || isString(value);
const MAX_ROWS = 5000;
const GROUPS: readonly unknown[] = ["active", "failed", "done"] satisfies DiscoveredOperation["group"][];

function readDevBox(value: unknown): DiscoveredDevBox | undefined {
  if (!isRecord(value)) return undefined;
  const { endpointHost, projectName, name, poolName, provisioningState, actionState, powerState, transitional, createdTime } = value;
  if (!isString(endpointHost) || !isString(projectName) || !isString(name) || !isString(provisioningState)) return undefined;
  if (!isOptionalString(poolName) || !isOptionalString(actionState) || !isOptionalString(powerState)) return undefined;
  if (typeof transitional !== "boolean" || !isTime(createdTime)) return undefined;
  return { endpointHost, projectName, name, poolName, provisioningState, actionState, powerState, transitional, createdTime, error: value.error };
}

function readOperation(value: unknown): DiscoveredOperation | undefined {
  if (!isRecord(value)) return undefined;
  const ref = validateRef(value.ref);
  if (!ref.ok || ref.value.kind !== "devcenter" || value.key !== refKey(ref.value)) return undefined;
  const { projectName, devBoxName, kind, status, group, createdByObjectId, startTime, endTime } = value;
  if (!isString(projectName) || !isString(devBoxName) || !isString(kind) || !isString(status) || !GROUPS.includes(group)) return undefined;
  if (!isOptionalString(createdByObjectId) || !isTime(startTime) || !isTime(endTime)) return undefined;
  return {
    ref: ref.value,
    key: value.key,
    projectName,
    devBoxName,
    kind,
    status,
    group: group as DiscoveredOperation["group"],
    createdByObjectId,
    startTime,
    endTime,
    error: value.error,
  };
}

function readProblem(value: unknown): EndpointProblem | undefined {
  if (!isRecord(value)) return undefined;
  const { kind, httpStatus, code, message, until } = value;
  const status = typeof httpStatus === "number" && Number.isInteger(httpStatus) ? httpStatus : undefined;
  switch (kind) {
    case "refused":
    case "forbidden":
    case "failed":
      return status !== undefined && isString(code) && isString(message) ? { kind, httpStatus: status, code, message } : undefined;
    case "signIn":
      return isString(message) ? { kind, message } : undefined;
    case "throttled":
      return status !== undefined && typeof until === "number" && Number.isFinite(until) ? { kind, httpStatus: status, until } : undefined;
    default:
      return undefined;
  }
}

export function readDiscovery(value: unknown): EndpointDiscovery | undefined {
  if (!isRecord(value) || !isString(value.endpointHost)) return undefined;
  const host = checkParam("endpointHost", value.endpointHost);
  const { sweptAt, sweeping, nextSweepAt, devBoxes, operations, problem } = value;
  if (!host.ok || !isTime(sweptAt) || !isTime(nextSweepAt) || typeof sweeping !== "boolean") return undefined;
  if (!Array.isArray(devBoxes) || !Array.isArray(operations) || devBoxes.length > MAX_ROWS || operations.length > MAX_ROWS) return undefined;
  return {
    endpointHost: host.value,
    sweptAt,
    sweeping,
    nextSweepAt,
    devBoxes: devBoxes.map(readDevBox).filter((box) => box !== undefined),
    operations: operations.map(readOperation).filter((operation) => operation !== undefined),
    problem: problem === undefined ? undefined : readProblem(problem),
  };
}

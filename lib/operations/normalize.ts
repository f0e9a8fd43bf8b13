import type { OperationKind } from "@/lib/azure/operation-ref";
import {
  describeValue,
  formatWireIssue,
  isRecord,
  parseAzureDate,
  readErrorResponse,
  readOperationBody,
  type WireError,
  type WireIssue,
  type WireOperation,
} from "@/lib/azure/wire-reader";
import type { ErrorNode, Operation, StatusCategory } from "./model";

/**
 * Either API's body -> the one Operation model. Never throws: whatever cannot be read becomes an entry in `issues`
 * and the rest of the body is still shown.
 */

/** Statuses that mean "still going" besides Running (devops `status` is a free string). */
const RUNNING_STATUSES = new Set([
  "running",
  "inprogress",
  "accepted",
  "started",
  "canceling",
  "cancelling",
  "creating",
  "updating",
  "deleting",
  "provisioning",
]);

/** Category of a status as Azure sent it, matched case-insensitively; anything unknown is "unknown" (still running). */
export function statusCategory(status: string | null): StatusCategory {
  if (status === null) return "unknown";
  const s = status.trim().toLowerCase();
  if (s === "notstarted") return "notStarted";
  if (s === "succeeded") return "succeeded";
  if (s === "failed") return "failed";
  if (s === "canceled" || s === "cancelled") return "canceled";
  return RUNNING_STATUSES.has(s) ? "running" : "unknown";
}

function toErrorNode(error: WireError): ErrorNode {
  return {
    code: error.code,
    message: error.message,
    target: error.target,
    details: error.details.map(toErrorNode),
    additionalInfo: error.additionalInfo.map((a) => ({ type: a.type, info: a.info })),
    innerErrors: error.innererrors.map((e) => ({ code: e.code })),
  };
}

/** The issues under `operations[index]`, re-rooted there, so each child lists its own problems too. */
function childIssues(issues: readonly WireIssue[], index: number): WireIssue[] {
  return issues
    .filter((i) => i.path[0] === "operations" && i.path[1] === index)
    .map((i) => ({ path: i.path.slice(2), message: i.message }));
}

function build(kind: OperationKind, wire: WireOperation, raw: unknown, issues: readonly WireIssue[]): Operation {
  const category = statusCategory(wire.status);
  const notes: string[] = [];
  if (category === "unknown" && wire.status !== null) {
    notes.push(`status "${wire.status.slice(0, 64)}" is not one opwatch knows; treated as still running`);
  }
  const rawChildren: unknown[] = isRecord(raw) && Array.isArray(raw.operations) ? raw.operations : [];
  return {
    kind,
    name: wire.name,
    id: wire.id,
    status: wire.status,
    category,
    percentComplete: wire.percentComplete,
    startTime: wire.startTime === undefined ? undefined : parseAzureDate(wire.startTime),
    endTime: wire.endTime === undefined ? undefined : parseAzureDate(wire.endTime),
    error: wire.error === undefined ? undefined : toErrorNode(wire.error),
    children: wire.operations.map((child, i) => build(kind, child, rawChildren[i], childIssues(issues, i))),
    resourceId: wire.resourceId,
    properties: wire.properties,
    issues: [...issues.map(formatWireIssue), ...notes],
    raw,
  };
}

/** A devops OperationStatusResult or DevCenter OperationStatus body (already JSON-parsed) as an Operation. */
export function normalizeOperation(kind: OperationKind, body: unknown): Operation {
  try {
    const read = readOperationBody(body);
    return build(kind, read.value, body, read.issues);
  } catch (e) {
    // Only a body that is not plain JSON (a getter that throws, a cycle past the depth cap) gets here.
    return {
      kind,
      name: undefined,
      id: undefined,
      status: null,
      category: "unknown",
      percentComplete: undefined,
      startTime: undefined,
      endTime: undefined,
      error: undefined,
      children: [],
      resourceId: undefined,
      properties: undefined,
      issues: [`the body could not be read (${e instanceof Error ? e.name : describeValue(e)})`],
      raw: body,
    };
  }
}

/** The error of an ErrorResponse body (`{"error":{...}}`, either API), or undefined when it has none. */
export function normalizeErrorBody(body: unknown): ErrorNode | undefined {
  try {
    const read = readErrorResponse(body);
    return read.value === undefined ? undefined : toErrorNode(read.value);
  } catch {
    return undefined;
  }
}

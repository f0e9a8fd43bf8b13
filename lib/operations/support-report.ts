import { API_VERSIONS, PATH_PARAMS, refSegments, upstreamUrl, azureOrigin, type OperationRef } from "@/lib/azure/operation-ref";
import { displayName, labelOf } from "./display-name";
import type { ReadError, ResponseInfo } from "./fetch-operation";
import { CATEGORY_LABELS, elapsedMs, formatDuration, formatPercent, readAnswerText } from "./format";
import type { Operation } from "./model";
import { rootCauseLine, rootCauseOf } from "./root-cause";
import { errorTreeLines, failedChildLines, newTreeBudget } from "./support-report-tree";
import { childLines } from "./support-report-children";
import { cleanLine, iso } from "./support-report-text-bounds";

/**
 * A support report of one operation, for an Azure support ticket or a chat: what it is (every id and the Azure URL of
 * its status GET), where it stands, the root cause first, the error tree, its child operations, and the request ids of
 * the last responses. Pure: built from the ref, the person's label, what opwatch has read and `now`, never from raw
 * headers; every string from outside passes the one sanitizer (redact-secrets.ts) on its way in. Two renderers turn
 * the model into Markdown and plain text (support-report-render.ts).
 */

/** One read as the report quotes it; a polling PollRecord has these fields. */
export interface ReportRead {
  at: number;
  outcome: "status" | "readError";
  httpStatus?: number;
  requestId?: string;
  correlationId?: string;
  clientRequestId?: string;
  errorCode?: string;
}

/** What has been read of the operation; a polling OperationSnapshot fits. */
export interface ReportSources {
  operation: Operation | undefined;
  lastResponse: ResponseInfo | undefined;
  lastReadError: ReadError | undefined;
  /** Oldest first. */
  history: readonly ReportRead[];
}

export interface SupportReportInput {
  ref: OperationRef;
  label: string | undefined;
  snapshot: ReportSources | undefined;
  now: number;
  /** The DevCenter endpoint's origin when it is not https (an allowed http origin); ignored for devops. */
  devcenterOrigin?: string | undefined;
}

/** A value shown as an identifier (code in Markdown) or as prose. */
export interface ReportField {
  name: string;
  value: string;
  kind: "id" | "text";
}

export type ReportSection =
  | { heading: string; kind: "fields"; fields: ReportField[] }
  | { heading: string; kind: "block"; lines: string[] }
  | { heading: string; kind: "table"; columns: string[]; rows: string[][] };

export interface SupportReport {
  title: string;
  generatedAt: string;
  sections: ReportSection[];
}

/** How many of the last reads the request-id table lists. */
const LAST_READS = 5;
const ID_MAX = 200;
const TEXT_MAX = 300;

const API_NAMES = {
  devops: "Microsoft.Security DevOps Operation Results - Get",
  devcenter: "DevCenter Operation Statuses - Get",
} as const;

export function buildSupportReport(input: SupportReportInput): SupportReport {
  const { ref, snapshot } = input;
  const operation = snapshot?.operation;
  const name = cleanLine(displayName({ ref, label: input.label }), TEXT_MAX);
  const sections: ReportSection[] = [operationSection(input), statusSection(operation, input.now)];
  sections.push(...errorSections(operation));
  if (operation && operation.children.length > 0) {
    sections.push({ heading: "Child operations", kind: "block", lines: childLines(operation.children, input.now) });
  }
  if (snapshot?.lastReadError) sections.push(readErrorSection(snapshot.lastReadError));
  sections.push(readsSection(snapshot));
  return { title: `Support report: ${name}`, generatedAt: iso(input.now), sections };
}

function operationSection({ ref, label, snapshot, devcenterOrigin }: SupportReportInput): ReportSection {
  const fields: ReportField[] = [{ name: "Kind", value: `${ref.kind} (${API_NAMES[ref.kind]}, api-version ${API_VERSIONS[ref.kind]})`, kind: "text" }];
  const own = label === undefined ? undefined : labelOf({ ref, label });
  if (own !== undefined) fields.push({ name: "Label", value: cleanLine(own, TEXT_MAX), kind: "text" });
  fields.push({ name: "Name", value: cleanLine(displayName({ ref }), TEXT_MAX), kind: "text" });
  const values = refSegments(ref);
  for (const [i, param] of PATH_PARAMS[ref.kind].entries()) {
    fields.push({ name: param, value: cleanLine(values[i] ?? "", ID_MAX), kind: "id" });
  }
  const operation = snapshot?.operation;
  if (operation?.name !== undefined) fields.push({ name: "name (from the response)", value: cleanLine(operation.name, ID_MAX), kind: "id" });
  if (operation?.id !== undefined) fields.push({ name: "id (from the response)", value: cleanLine(operation.id, 2 * ID_MAX), kind: "id" });
  if (operation?.resourceId !== undefined) fields.push({ name: "resourceId", value: cleanLine(operation.resourceId, 2 * ID_MAX), kind: "id" });
  const origin = ref.kind === "devcenter" && devcenterOrigin !== undefined ? devcenterOrigin : azureOrigin(ref);
  fields.push({ name: "Azure URL", value: `GET ${upstreamUrl(ref, origin).toString()}`, kind: "id" });
  return { heading: "Operation", kind: "fields", fields };
}

function statusSection(operation: Operation | undefined, now: number): ReportSection {
  if (!operation) return { heading: "Status", kind: "fields", fields: [{ name: "Status", value: "not read yet", kind: "text" }] };
  const status = operation.status === null ? "(none sent)" : cleanLine(operation.status, TEXT_MAX);
  const fields: ReportField[] = [
    { name: "Status", value: status, kind: "id" },
    { name: "Category", value: CATEGORY_LABELS[operation.category], kind: "text" },
  ];
  if (operation.percentComplete !== undefined) fields.push({ name: "Progress", value: formatPercent(operation.percentComplete), kind: "text" });
  fields.push({ name: "Started", value: iso(operation.startTime), kind: "text" });
  fields.push({ name: "Ended", value: iso(operation.endTime), kind: "text" });
  const elapsed = elapsedMs(operation.startTime, operation.endTime, now);
  if (elapsed !== undefined) {
    const running = operation.endTime === undefined ? " so far" : "";
    const seconds = elapsed >= 60_000 ? ` (${Math.round(elapsed / 1000)} s)` : "";
    fields.push({ name: "Duration", value: `${formatDuration(elapsed)}${seconds}${running}`, kind: "text" });
  }
  return { heading: "Status", kind: "fields", fields };
}

/** The root cause first (the dashboard's own rule), then the whole tree with the cause marked. */
function errorSections(operation: Operation | undefined): ReportSection[] {
  if (!operation) return [];
  const cause = rootCauseOf(operation);
  if (!cause) return [];
  const budget = newTreeBudget();
  const rootCauseId = cause.path.at(-1);
  const lines = [
    ...(operation.error ? errorTreeLines(operation.error, { rootCauseId, budget }) : []),
    ...failedChildLines(operation.children, { rootCauseId, budget }),
  ];
  return [
    { heading: "Root cause", kind: "block", lines: [cleanLine(rootCauseLine(cause), 2 * TEXT_MAX + 1_000)] },
    { heading: "Error tree", kind: "block", lines },
  ];
}

function readErrorSection(error: ReadError): ReportSection {
  const status = error.responseStatus ?? error.httpStatus;
  const lines = [
    `${cleanLine(error.code, ID_MAX)}: ${cleanLine(error.message, 1_000)}`,
    `  at ${iso(error.at)}, HTTP ${status === 0 ? "— (no response)" : status}`,
  ];
  if (error.errorTree) lines.push(...errorTreeLines(error.errorTree, { level: 1, budget: newTreeBudget() }));
  return { heading: "The latest read failed", kind: "block", lines };
}

function readsSection(snapshot: ReportSources | undefined): ReportSection {
  const reads = (snapshot?.history ?? []).slice(-LAST_READS).reverse();
  const rows = reads.map((read) => [
    iso(read.at),
    cleanLine(readAnswerText(read), ID_MAX),
    idOf(read.requestId),
    idOf(read.correlationId),
    idOf(read.clientRequestId),
  ]);
  return {
    heading: `Request ids of the last responses (newest first)`,
    kind: "table",
    columns: ["Time (UTC)", "HTTP", "x-ms-request-id", "x-ms-correlation-request-id", "x-ms-client-request-id"],
    rows,
  };
}

const idOf = (id: string | undefined): string => (id === undefined ? "—" : cleanLine(id, ID_MAX));

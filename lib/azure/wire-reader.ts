/**
 * Reads the two operation APIs' bodies tolerantly: whatever arrives is accepted, the best reading of every field is
 * kept, and what was wrong is reported. Azure sends statuses, dates and shapes the published specs omit, so a strict
 * schema would hide a real operation behind a validation error.
 */

/** One thing wrong with a body; `path` is where, from the body's root (`["operations", 0, "status"]`). */
export interface WireIssue {
  path: (string | number)[];
  message: string;
}

export interface Read<T> {
  value: T;
  issues: WireIssue[];
}

/** Either error shape (ARM ErrorDetail or Azure Core Error), every field optional. */
export interface WireError {
  code: string | undefined;
  message: string | undefined;
  target: string | undefined;
  details: WireError[];
  additionalInfo: { type: string | undefined; info: unknown }[];
  /** Azure Core's innererror chain, flattened outermost first. */
  innererrors: { code: string | undefined }[];
}

/** Either operation shape; fields the other API has are simply absent. */
export interface WireOperation {
  id: string | undefined;
  name: string | undefined;
  /** Verbatim when a string; null when missing, null or not a string. */
  status: string | null;
  /** A finite number clamped to 0-100. */
  percentComplete: number | undefined;
  /** Verbatim strings that parse as dates (see `parseAzureDate`). */
  startTime: string | undefined;
  endTime: string | undefined;
  error: WireError | undefined;
  /** devops `operations[]`. */
  operations: WireOperation[];
  /** DevCenter only. */
  resourceId: string | undefined;
  properties: unknown;
}

/** Nesting beyond this (of `details`, `innererror` or `operations`) is dropped and reported. */
export const MAX_WIRE_DEPTH = 64;
/** Past this many problems only a count is kept, so a hostile body cannot flood the screen. */
export const MAX_WIRE_ISSUES = 50;

type Path = (string | number)[];

class IssueList {
  readonly issues: WireIssue[] = [];
  private dropped = 0;
  add(path: Path, message: string): void {
    if (this.issues.length < MAX_WIRE_ISSUES) this.issues.push({ path, message });
    else this.dropped++;
  }
  done(): WireIssue[] {
    if (this.dropped > 0) this.issues.push({ path: [], message: `and ${this.dropped} more problems not listed` });
    return this.issues;
  }
}

/** "an array", "null", "a number" ... for messages. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return type === "object" ? "an object" : type === "undefined" ? "nothing" : `a ${type}`;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** JSON-path style: `operations[0].error.details[2].code`. */
function formatWirePath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

export function formatWireIssue(issue: WireIssue): string {
  return issue.path.length === 0 ? issue.message : `${formatWirePath(issue.path)}: ${issue.message}`;
}

function readString(record: Record<string, unknown>, key: string, path: Path, issues: IssueList): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  issues.add([...path, key], `expected a string, got ${describeValue(value)}; ignored`);
  return undefined;
}

function readArray(record: Record<string, unknown>, key: string, path: Path, issues: IssueList): unknown[] {
  const value = record[key];
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  issues.add([...path, key], `expected an array, got ${describeValue(value)}; ignored`);
  return [];
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;

/**
 * Epoch ms of an RFC 3339 / ISO 8601 date-time as Azure writes it, or undefined. Azure times without a zone are UTC
 * (Date.parse would read them as local time), and up to 9 fraction digits occur (.NET writes 7).
 */
export function parseAzureDate(text: string): number | undefined {
  if (text.length > 64) return undefined;
  const m = RFC3339.exec(text.trim());
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? "0");
  const [year, month, day, hour, minute, second] = [n(1), n(2), n(3), n(4), n(5), n(6)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const ms = Number((m[7] ?? "").padEnd(3, "0").slice(0, 3));
  const offsetMinutes = m[9] === undefined ? 0 : (m[9] === "-" ? -1 : 1) * (n(10) * 60 + n(11));
  if (n(10) > 23 || n(11) > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
  return utc - offsetMinutes * 60_000;
}

function readDate(record: Record<string, unknown>, key: string, path: Path, issues: IssueList): string | undefined {
  const text = readString(record, key, path, issues);
  if (text === undefined) return undefined;
  if (parseAzureDate(text) !== undefined) return text;
  issues.add([...path, key], `"${text.slice(0, 64)}" is not a date and time; ignored`);
  return undefined;
}

function readPercent(record: Record<string, unknown>, path: Path, issues: IssueList): number | undefined {
  const value = record.percentComplete;
  const where = [...path, "percentComplete"];
  if (value === undefined || value === null) return undefined;
  let n: number;
  if (typeof value === "number") {
    n = value;
  } else if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
    n = Number(value);
    issues.add(where, `expected a number, got the string "${value.slice(0, 32)}"; read as ${n}`);
  } else {
    issues.add(where, `expected a number, got ${describeValue(value)}; ignored`);
    return undefined;
  }
  if (!Number.isFinite(n)) {
    issues.add(where, `${n} is not a usable percentage; ignored`);
    return undefined;
  }
  if (n < 0 || n > 100) {
    const clamped = n < 0 ? 0 : 100;
    issues.add(where, `${n} is outside 0-100; shown as ${clamped}`);
    return clamped;
  }
  return n;
}

function readStatus(record: Record<string, unknown>, path: Path, issues: IssueList): string | null {
  const value = record.status;
  if (typeof value === "string") return value;
  issues.add(
    [...path, "status"],
    value === undefined ? "missing" : value === null ? "is null" : `expected a string, got ${describeValue(value)}; ignored`,
  );
  return null;
}

function readErrorNode(input: unknown, path: Path, depth: number, issues: IssueList): WireError | undefined {
  if (input === undefined || input === null) return undefined;
  if (!isRecord(input)) {
    issues.add(path, `expected an error object, got ${describeValue(input)}; ignored`);
    return undefined;
  }
  const node: WireError = {
    code: readString(input, "code", path, issues),
    message: readString(input, "message", path, issues),
    target: readString(input, "target", path, issues),
    details: [],
    additionalInfo: [],
    innererrors: readInnerErrors(input.innererror, [...path, "innererror"], issues),
  };
  const details = readArray(input, "details", path, issues);
  if (details.length > 0 && depth >= MAX_WIRE_DEPTH) {
    issues.add([...path, "details"], `nested deeper than ${MAX_WIRE_DEPTH} levels; deeper details dropped`);
  } else {
    details.forEach((d, i) => {
      const child = readErrorNode(d, [...path, "details", i], depth + 1, issues);
      if (child) node.details.push(child);
    });
  }
  readArray(input, "additionalInfo", path, issues).forEach((entry, i) => {
    const where = [...path, "additionalInfo", i];
    if (!isRecord(entry)) {
      issues.add(where, `expected an object with type and info, got ${describeValue(entry)}; ignored`);
      return;
    }
    node.additionalInfo.push({ type: readString(entry, "type", where, issues), info: entry.info });
  });
  return node;
}

function readInnerErrors(input: unknown, path: Path, issues: IssueList): { code: string | undefined }[] {
  const chain: { code: string | undefined }[] = [];
  let current = input;
  let where = path;
  // A loop, not recursion: the chain is a linked list and can be as long as the body allows.
  while (current !== undefined && current !== null) {
    if (!isRecord(current)) {
      issues.add(where, `expected an innererror object, got ${describeValue(current)}; ignored`);
      break;
    }
    if (chain.length >= MAX_WIRE_DEPTH) {
      issues.add(where, `innererror chain longer than ${MAX_WIRE_DEPTH} links; the rest dropped`);
      break;
    }
    chain.push({ code: readString(current, "code", where, issues) });
    current = current.innererror;
    where = [...where, "innererror"];
  }
  return chain;
}

const emptyOperation = (): WireOperation => ({
  id: undefined,
  name: undefined,
  status: null,
  percentComplete: undefined,
  startTime: undefined,
  endTime: undefined,
  error: undefined,
  operations: [],
  resourceId: undefined,
  properties: undefined,
});

function readOperationNode(record: Record<string, unknown>, path: Path, depth: number, issues: IssueList): WireOperation {
  const operation: WireOperation = {
    id: readString(record, "id", path, issues),
    name: readString(record, "name", path, issues),
    status: readStatus(record, path, issues),
    percentComplete: readPercent(record, path, issues),
    startTime: readDate(record, "startTime", path, issues),
    endTime: readDate(record, "endTime", path, issues),
    error: readErrorNode(record.error, [...path, "error"], 1, issues),
    operations: [],
    resourceId: readString(record, "resourceId", path, issues),
    properties: record.properties,
  };
  const children = readArray(record, "operations", path, issues);
  if (children.length > 0 && depth >= MAX_WIRE_DEPTH) {
    issues.add([...path, "operations"], `nested deeper than ${MAX_WIRE_DEPTH} levels; deeper operations dropped`);
  } else {
    children.forEach((c, i) => {
      const where = [...path, "operations", i];
      // Kept as an empty operation so that operations[i] still names the same entry as in the body.
      if (isRecord(c)) operation.operations.push(readOperationNode(c, where, depth + 1, issues));
      else {
        issues.add(where, `expected an operation object, got ${describeValue(c)}`);
        operation.operations.push(emptyOperation());
      }
    });
  }
  return operation;
}

/** Reads a devops OperationStatusResult or a DevCenter OperationStatus; never throws for JSON input. */
export function readOperationBody(body: unknown): Read<WireOperation> {
  const issues = new IssueList();
  if (!isRecord(body)) {
    issues.add([], `the body is not a JSON object (got ${describeValue(body)})`);
    return { value: emptyOperation(), issues: issues.done() };
  }
  return { value: readOperationNode(body, [], 1, issues), issues: issues.done() };
}

/** Reads an ErrorResponse (`{"error":{...}}`) of either API; value is undefined when there is no error object. */
export function readErrorResponse(body: unknown): Read<WireError | undefined> {
  const issues = new IssueList();
  if (!isRecord(body)) {
    issues.add([], `the body is not a JSON object (got ${describeValue(body)})`);
    return { value: undefined, issues: issues.done() };
  }
  if (body.error === undefined || body.error === null) {
    issues.add([], "the body has no error object");
    return { value: undefined, issues: issues.done() };
  }
  const value = readErrorNode(body.error, ["error"], 1, issues);
  return { value, issues: issues.done() };
}

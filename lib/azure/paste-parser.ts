import { foreignArmApi, foreignHostApi } from "./foreign-api";
import { parseAppPath, refFromSegments, trimTrailingSlashes, type OperationRef } from "./operation-ref";
import { fail, ok, validateParam, type ParamName, type Result } from "./params";
import { MAX_LINE_LENGTH, splitPaste, type IgnoredLine, type PastedLine } from "./paste-lines";

/**
 * What people paste to watch operations: URLs from `Azure-AsyncOperation`, `Location` or `Operation-Location` headers
 * (of either API, any api-version or none), whole header blocks, JSON lines, ARM ids without host, opwatch permalinks,
 * one per line (lib/azure/paste-lines.ts splits them). The path decides the kind. The host is taken exactly as written
 * (never normalised by a URL parser), so what the allow-list later sees is what the person pasted.
 */

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const HOST_CHARS = /^[A-Za-z0-9.-]+$/;
const PORT = /^[0-9]{1,5}$/;
const GUIDISH = /^[{(]?[a-z0-9]{8}-(?:[a-z0-9]{4}-){3}[a-z0-9]{12}[})]?$/i;
/** Words, then a URL or path: someone naming the operation the way `label | URL` does. */
const TEXT_BEFORE_URL = /^\S.*?\s+(?:https?:\/\/|\/)\S*$/i;
/** `host/…` or `host:port/…` without a scheme, as some tools copy a URL. */
const HOST_THEN_PATH = /^([A-Za-z0-9.-]+)(:[0-9]*)?\//;

const DEVOPS_SHAPE =
  "/subscriptions/{id}/resourceGroups/{name}/providers/Microsoft.Security/securityConnectors/{name}/devops/default/operationResults/{id}";
const DEVCENTER_SHAPE = "/projects/{projectName}/operationstatuses/{operationId}";

const NEEDED =
  "opwatch needs an operation URL (from an Azure-AsyncOperation, Location or Operation-Location header), an ARM id or an opwatch permalink";
const NOTHING_TO_READ = `nothing to read: ${NEEDED}`;

type Step = { fixed: string } | { param: ParamName };

const DEVOPS_STEPS: Step[] = [
  { fixed: "subscriptions" },
  { param: "subscriptionId" },
  { fixed: "resourceGroups" },
  { param: "resourceGroupName" },
  { fixed: "providers" },
  { fixed: "Microsoft.Security" },
  { fixed: "securityConnectors" },
  { param: "securityConnectorName" },
  { fixed: "devops" },
  { fixed: "default" },
  { fixed: "operationResults" },
  { param: "operationResultId" },
];

const DEVCENTER_STEPS: Step[] = [
  { fixed: "projects" },
  { param: "projectName" },
  { fixed: "operationstatuses" },
  { param: "operationId" },
];

const quote = (s: string, max = 80) => JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);

/** A line that should name an operation, and the operation or why not. */
type ParsedLine = PastedLine & { result: Result<OperationRef, string> };

export interface ParsedPaste {
  lines: ParsedLine[];
  /** Context around the operations (other headers, JSON punctuation); empty when no line names an operation. */
  ignored: IgnoredLine[];
}

/**
 * Reads every line of a paste. When no line looks like an operation, the context lines are returned as failed lines,
 * so the person learns what each one is rather than that nothing happened.
 */
export function parsePaste(text: string): Result<ParsedPaste, string> {
  if (typeof text !== "string") return fail("nothing was pasted");
  const split = splitPaste(text);
  if (!split.ok) return split;
  const { candidates, ignored } = split.value;
  if (candidates.length === 0 && ignored.length === 0) return fail(NOTHING_TO_READ);
  if (candidates.length === 0) {
    const lines = ignored.map(({ lineNumber, text, what }) => ({
      lineNumber,
      text,
      value: text,
      result: fail(`this line is ${what}; ${NEEDED}`),
    }));
    return ok({ lines, ignored: [] });
  }
  return ok({ lines: candidates.map((line) => ({ ...line, result: parseOperationValue(line.value) })), ignored });
}

/** For text that should name exactly one operation: the operation, or precisely what is wrong. */
export function parsePastedOperation(text: string): Result<OperationRef, string> {
  const parsed = parsePaste(text);
  if (!parsed.ok) return parsed;
  const [first, ...more] = parsed.value.lines;
  if (first === undefined) return fail(NOTHING_TO_READ);
  if (more.length > 0) return fail(`the pasted text has ${more.length + 1} lines that each look like an operation: paste one`);
  return first.result;
}

/** One URL, id or link, already taken out of its header, JSON field or quotes. */
function parseOperationValue(input: string): Result<OperationRef, string> {
  if (input.length > MAX_LINE_LENGTH) {
    return fail(`the line is ${input.length} characters long; an operation URL is at most ${MAX_LINE_LENGTH}`);
  }
  if (input === "") return fail(NOTHING_TO_READ);
  if (!startsLikeAddress(input)) {
    return fail(
      TEXT_BEFORE_URL.test(input)
        ? `there are words before the URL in ${quote(input)}; to give the operation a label, write "label | URL"`
        : notAnOperation(input),
    );
  }
  // Only now is a space worth a word of its own: a URL broken by one, or two on a line.
  if (/\s/.test(input)) return fail(`there is a space inside ${quote(input)}; a URL has none: paste one URL per line, each in one piece`);
  if (input.includes("\\")) return fail("the pasted text contains a backslash; a URL uses forward slashes only");

  const scheme = SCHEME.exec(input)?.[1];
  // `localhost:4010/...` is a host and port, not a scheme.
  if (scheme !== undefined && !/^[A-Za-z0-9.-]+:[0-9]+(?:\/|$)/.test(input)) {
    const s = scheme.toLowerCase();
    if (s !== "http" && s !== "https") return fail(`only http and https URLs can be operations, not ${quote(`${s}:`)}`);
    if (!input.slice(scheme.length + 1).startsWith("//")) return fail(`the URL must start with ${s}:// followed by a host`);
    return parseUrl(s, input.slice(scheme.length + 3));
  }
  if (input.startsWith("/")) return parsePath(input, undefined);
  if (/^subscriptions\//i.test(input)) return parsePath(`/${input}`, undefined);
  if (GUIDISH.test(input)) {
    return fail(
      "that is an operation id alone: paste the whole operation URL (from the Azure-AsyncOperation, Location or Operation-Location header) so opwatch knows where the operation lives",
    );
  }
  // `host/path` without a scheme, as some tools copy it: read as https.
  if (isHostThenPath(input)) return parseUrl("https", input);
  return fail(notAnOperation(input));
}

/**
 * Every way of naming an operation starts its first word with a scheme, a path, an ARM id, a host and path, or is an
 * id: text that starts otherwise is not an operation URL, whatever else (spaces, words) it holds.
 */
function startsLikeAddress(input: string): boolean {
  const first = input.split(/\s/, 1)[0] ?? "";
  return SCHEME.test(first) || first.startsWith("/") || /^subscriptions\//i.test(first) || GUIDISH.test(first) || isHostThenPath(first);
}

/** A host needs a dot or a port here, so that `and/or` is not read as host `and`. */
function isHostThenPath(input: string): boolean {
  const match = HOST_THEN_PATH.exec(input);
  return match !== null && ((match[1] ?? "").includes(".") || match[2] !== undefined);
}

/** What no reading of the line can make an operation of: one message, whatever the text holds. */
const notAnOperation = (input: string) =>
  `${quote(input)} is not an operation URL: paste a URL such as https://management.azure.com${DEVOPS_SHAPE} or https://{endpoint}${DEVCENTER_SHAPE}, an ARM id starting with /subscriptions/, or an opwatch permalink /op/...`;

/** `rest` is what follows `scheme://`: authority, then path, query, fragment. */
function parseUrl(scheme: string, rest: string): Result<OperationRef, string> {
  const end = rest.search(/[/?#]/);
  const authority = end === -1 ? rest : rest.slice(0, end);
  const afterAuthority = end === -1 ? "" : rest.slice(end);
  if (authority.includes("@")) {
    return fail("the URL has a user name or password before '@'; an operation URL never has one, and the host must be unambiguous");
  }
  if (authority === "") return fail("the URL has no host");
  if (authority.startsWith("[")) return fail("IP address literals in brackets are not operation hosts; use the endpoint's host name");
  const colon = authority.indexOf(":");
  const host = colon === -1 ? authority : authority.slice(0, colon);
  const port = colon === -1 ? undefined : authority.slice(colon + 1);
  if (!HOST_CHARS.test(host)) {
    return fail(
      `the URL's host ${quote(host)} must be written with ASCII letters, digits, '-' and '.' only (no look-alike characters, no percent-encoding)`,
    );
  }
  if (host.endsWith(".")) return fail(`the URL's host ${quote(host)} ends with a dot; write the host without it`);
  if (port !== undefined && !PORT.test(port)) return fail(`the URL's port ${quote(port)} must be a number from 1 to 65535`);
  const defaultPort = scheme === "https" ? "443" : "80";
  const hostPort = port === undefined || port === defaultPort ? host : `${host}:${port}`;
  const checkedHost = validateParam("endpointHost", hostPort);
  if (!checkedHost.ok) return fail(`the URL's host ${quote(hostPort)}: ${checkedHost.error.message}`);
  const path = afterAuthority.split(/[?#]/, 1)[0] ?? "";
  return parsePath(path === "" ? "/" : path, checkedHost.value);
}

/** An absolute path, from a URL on `host` or pasted alone (host undefined). */
function parsePath(pathWithQuery: string, host: string | undefined): Result<OperationRef, string> {
  const path = pathWithQuery.split(/[?#]/, 1)[0] ?? "";
  const raw = trimTrailingSlashes(path).split("/").slice(1);
  const segments: string[] = [];
  for (const s of raw) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(s);
    } catch {
      return fail(`the path segment ${quote(s)} has a malformed percent-encoding`);
    }
    if (decoded === "." || decoded === "..") return fail("the path contains a '.' or '..' segment; paste the operation URL as Azure gave it");
    segments.push(decoded);
  }
  const first = segments[0]?.toLowerCase();
  const where = host === undefined ? "the path" : `the URL (host ${host})`;

  if (first === "op" || first === "api") {
    const parsed = parseAppPath(path);
    return parsed.ok ? parsed : fail(`the opwatch link is not valid: ${parsed.error.message}`);
  }
  const foreign = foreignArmApi(segments);
  if (foreign !== undefined) return fail(foreign);
  if (first === "subscriptions") {
    const values = matchSteps(segments, DEVOPS_STEPS, "a DevOps operation result", DEVOPS_SHAPE);
    if (!values.ok) return fail(`${where} is not a DevOps operation result: ${values.error}`);
    return fromSegments("devops", values.value);
  }
  if (first === "projects") {
    if (host === undefined) {
      return fail(`a DevCenter path needs its endpoint: paste the whole URL, https://{endpoint}${DEVCENTER_SHAPE}`);
    }
    const values = matchSteps(segments, DEVCENTER_STEPS, "a DevCenter operation status", DEVCENTER_SHAPE);
    if (!values.ok) return fail(`${where} is not a DevCenter operation status: ${values.error}`);
    return fromSegments("devcenter", [host, ...values.value]);
  }
  if (host === undefined) {
    return fail(`the path ${quote(path)} is neither an ARM id (/subscriptions/...) nor an opwatch permalink (/op/...)`);
  }
  const foreignHost = foreignHostApi(host);
  if (foreignHost !== undefined) return fail(foreignHost);
  if (isArmHost(host)) {
    return fail(`the URL's host ${host} is ARM but the path is not a DevOps operation result: expected ${DEVOPS_SHAPE}`);
  }
  if (host.endsWith(".devcenter.azure.com")) {
    return fail(`the URL's host ${host} is a DevCenter endpoint but the path is not an operation status: expected ${DEVCENTER_SHAPE}`);
  }
  return fail(
    `the URL's path ${quote(path)} is not an operation: expected ${DEVOPS_SHAPE} (DevOps), ${DEVCENTER_SHAPE} (DevCenter) or an opwatch permalink /op/...`,
  );
}

function isArmHost(host: string): boolean {
  return /^management\.(azure\.com|usgovcloudapi\.net|chinacloudapi\.cn|microsoftazure\.de)$/.test(host);
}

/** Walks the expected path shape and names the first segment that differs; returns the parameter values in order. */
function matchSteps(segments: readonly string[], steps: readonly Step[], what: string, shape: string): Result<string[], string> {
  const values: string[] = [];
  for (const [i, step] of steps.entries()) {
    const segment = segments[i];
    const expected = "fixed" in step ? step.fixed : `{${step.param}}`;
    if (segment === undefined) {
      return fail(`the path ends where ${quote(expected)} belongs; expected ${shape}`);
    }
    if ("fixed" in step) {
      if (segment.toLowerCase() !== step.fixed.toLowerCase()) {
        return fail(`found ${quote(segment)} where ${quote(step.fixed)} belongs; expected ${shape}`);
      }
    } else {
      const checked = validateParam(step.param, segment);
      if (!checked.ok) return fail(`${checked.error.message} (found ${quote(segment)})`);
      values.push(checked.value);
    }
  }
  if (segments.length > steps.length) {
    return fail(`the path goes on after ${what}'s id with ${quote(segments.slice(steps.length).join("/"))}; expected ${shape}`);
  }
  return ok(values);
}

function fromSegments(kind: "devops" | "devcenter", values: string[]): Result<OperationRef, string> {
  const ref = refFromSegments(kind, values);
  return ref.ok ? ref : fail(ref.error.message);
}

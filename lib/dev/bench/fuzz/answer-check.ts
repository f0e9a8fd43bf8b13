import { discoveryUpstreamPath, type DiscoveryListRequest } from "@/lib/azure/discovery-lists";
import { parseAppPath } from "@/lib/azure/operation-ref";
import { validateParam } from "@/lib/azure/params";
import { azureErrorOf } from "../load/answer";

/**
 * What the fuzzer makes of one answer. Under /api every answer must be a 2xx for a valid route to the simulator, a
 * redirect that stays on our origin (Next's own 308 for doubled slashes and backslashes, before any code of ours
 * runs), or an error in Azure's shape `{"error":{"code":string,"message":string}}` sent as JSON.
 */

export interface SentRequest {
  method: string;
  /** The request-target as sent. */
  target: string;
}

export type Received =
  | { kind: "answer"; status: number; headers: Readonly<Record<string, string | string[] | undefined>>; body: string }
  | { kind: "failed"; reason: string };

export interface CheckContext {
  /** The app's origin, e.g. http://127.0.0.1:41234: where redirects must stay. */
  appOrigin: string;
  /** The simulator's host:port, the one DevCenter endpoint the proxy may call. */
  simulatorHost: string;
}

export const VERDICTS = {
  "ok-2xx": "2xx for a valid route to the simulator or /api/health",
  "azure-error": "error in Azure's shape",
  "redirect-same-origin": "redirect staying on our origin (Next's normalisation)",
  "outside-api": "path resolving outside /api (e.g. /api/../op/…, //api, /api%2f): a page answered, not the proxy",
  "node-parser-refusal": "refused by Node's HTTP parser before Next or our code ran (empty answer, Connection: close)",
  "bad-2xx": "2xx for something that is not a valid route to the simulator",
  "not-azure-shape": "non-2xx answer not in Azure's error shape",
  "redirect-off-origin": "redirect to another origin",
  "no-answer": "no answer at all (connection dropped or timed out)",
} as const;

export type Verdict = keyof typeof VERDICTS;

/** The verdicts that count against the proxy (measure (b)). */
export const FAILING: ReadonlySet<Verdict> = new Set(["bad-2xx", "not-azure-shape", "redirect-off-origin", "no-answer"]);

/** Azure's error shape as the proxy promises it: a JSON object whose `error` has a non-empty code and a message. */
export function isAzureErrorBody(body: string): boolean {
  const error = azureErrorOf(body);
  return error !== undefined && error.code !== "" && error.message !== undefined;
}

const header = (headers: Readonly<Record<string, string | string[] | undefined>>, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
};

/**
 * The path Next routes for a request-target: resolved as the URL standard does (`..` and `%2e%2e` removed, non-ASCII
 * percent-encoded), without query or fragment. A path that starts with `//` stays a path here, as it does for Next.
 */
export function routedPath(target: string): string {
  try {
    return new URL(`http://host${target.startsWith("/") ? "" : "/"}${target}`).pathname;
  } catch {
    return target.split(/[?#]/, 1)[0] ?? "";
  }
}

/** The list an `/api/discovery/...` path names, its parameters valid, or undefined. */
function discoveryListOf(path: string): DiscoveryListRequest | undefined {
  let segments: string[];
  try {
    segments = path.split("/").map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
  const [empty, api, discovery, host = "", ...rest] = segments;
  const endpointHost = validateParam("endpointHost", host);
  if (empty !== "" || api !== "api" || discovery !== "discovery" || !endpointHost.ok) return undefined;
  if (rest.length === 1 && (rest[0] === "projects" || rest[0] === "devboxes")) return { list: rest[0], endpointHost: endpointHost.value };
  const [projects, projectName, devboxes, devBoxName, operations] = rest;
  const project = validateParam("projectName", projectName);
  const box = validateParam("devBoxName", devBoxName);
  if (rest.length !== 5 || projects !== "projects" || devboxes !== "devboxes" || operations !== "operations" || !project.ok || !box.ok) return undefined;
  return { list: "operations", endpointHost: endpointHost.value, projectName: project.value, devBoxName: box.value };
}

/**
 * Whether a discovery list's query may rightly be served: none, or one `nextLink` written as the simulator's origin and
 * the same list's path (any case), then nothing or a query, with no fragment, backslash, whitespace or control
 * character. Looser than the proxy (which also bounds the length and checks api-version), never stricter.
 */
function isValidDiscoveryQuery(target: string, list: DiscoveryListRequest, simulatorHost: string): boolean {
  let query: URLSearchParams;
  try {
    query = new URL(`http://host${target.startsWith("/") ? "" : "/"}${target}`).searchParams;
  } catch {
    return false;
  }
  const names = [...query.keys()];
  if (names.length === 0) return true;
  const link = query.get("nextLink");
  if (names.length !== 1 || link === null) return false;
  const head = `http://${simulatorHost}${discoveryUpstreamPath(list)}`.toLowerCase();
  const rest = link.slice(head.length);
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  return link.toLowerCase().startsWith(head) && (rest === "" || rest.startsWith("?")) && !/[#\\\s\u0000-\u001f\u007f]/.test(link);
}

/**
 * Whether a GET of this path may rightly succeed: /api/health, an operation path the proxy sends to the simulator, or
 * a discovery list on the simulator with an acceptable query.
 */
export function isValidRoute(target: string, simulatorHost: string): boolean {
  const path = routedPath(target);
  if (path === "/api/health") return true;
  const list = discoveryListOf(path);
  if (list !== undefined) return list.endpointHost === simulatorHost.toLowerCase() && isValidDiscoveryQuery(target, list, simulatorHost);
  const ref = parseAppPath(path);
  if (!ref.ok || !path.startsWith("/api/")) return false;
  return ref.value.kind === "devops" || ref.value.endpointHost.toLowerCase() === simulatorHost.toLowerCase();
}

function isUnderApi(target: string): boolean {
  const path = routedPath(target);
  return path === "/api" || path.startsWith("/api/");
}

export function checkAnswer(request: SentRequest, received: Received, context: CheckContext): Verdict {
  if (received.kind === "failed") return "no-answer";
  const { status, headers, body } = received;
  // Node's own refusal of an unparseable request: written straight to the socket, so no Date header and no body.
  if (header(headers, "date") === undefined && body === "" && header(headers, "connection")?.toLowerCase() === "close" && status >= 400) {
    return "node-parser-refusal";
  }
  if (status >= 300 && status < 400) {
    const location = header(headers, "location");
    if (location === undefined) return "not-azure-shape";
    let to: URL;
    try {
      to = new URL(location, context.appOrigin);
    } catch {
      return "redirect-off-origin";
    }
    return to.origin === context.appOrigin ? "redirect-same-origin" : "redirect-off-origin";
  }
  if (!isUnderApi(request.target)) return "outside-api";
  const method = request.method.toUpperCase();
  if (status >= 200 && status < 300) {
    return (method === "GET" || method === "HEAD") && request.method === method && isValidRoute(request.target, context.simulatorHost) ? "ok-2xx" : "bad-2xx";
  }
  const json = /^application\/json\s*(;|$)/i.test(header(headers, "content-type") ?? "");
  // A HEAD answer has no body by definition: its headers are all there is to check.
  if (method === "HEAD") return json ? "azure-error" : "not-azure-shape";
  return json && isAzureErrorBody(body) ? "azure-error" : "not-azure-shape";
}

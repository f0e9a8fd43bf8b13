import "server-only";
import { OPERATION_KINDS, PATH_PARAMS, type OperationKind } from "@/lib/azure/operation-ref";
import { proxyError } from "./errors";

/**
 * The /api paths proxy.ts answers before any route runs, in Azure's error shape. The path is the one Next hands the
 * proxy: still percent-encoded, but already resolved by the URL standard, so a raw or %2e-encoded `..` has been removed
 * before any code of ours sees it, and repeated slashes and backslashes have been answered with Next's own 308. What
 * is left to refuse here:
 * - a segment that is not valid percent-encoded UTF-8 (Next's route matching would answer a plain-text 500);
 * - a segment that decodes to `.` or `..`, should a future Next hand one through unresolved.
 * Everything else (an encoded `/` or `\` inside a segment, a second round of encoding) is for the routes' own
 * parameter rules, which name the parameter and the rule.
 */

/** scripts/standalone-server.mjs repeats this test in plain JavaScript (isApiRequest): change both together. */
export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

const isOperationKind = (value: string | undefined): value is OperationKind => OPERATION_KINDS.some((kind) => kind === value);

/** `/api/discovery/{endpointHost}/projects/{projectName}/devboxes/{devBoxName}/operations`: a parameter at every other segment. */
const DISCOVERY_PARAMS_AT: Readonly<Record<number, string>> = { 2: "endpointHost", 4: "projectName", 6: "devBoxName" };

/**
 * The route parameter a segment fills, so the refusal names it as the route would: `/api/{kind}/{params...}` or a
 * discovery list's.
 */
function parameterAt(segments: readonly string[], index: number): string {
  const kind = segments[1];
  if (segments[0] === "api" && kind === "discovery") {
    return (index === 2 || segments[3] === "projects" ? DISCOVERY_PARAMS_AT[index] : undefined) ?? "path";
  }
  if (segments[0] !== "api" || !isOperationKind(kind) || index < 2) return "path";
  const names: readonly string[] = PATH_PARAMS[kind];
  return names[index - 2] ?? "path";
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The refusal for an /api path (as received, percent-encoded, without the query), or undefined to let it through. */
export function refuseApiPath(pathname: string): Response | undefined {
  const segments = pathname.split("/").slice(1);
  for (const [index, segment] of segments.entries()) {
    const decoded = decodeSegment(segment);
    const parameter = parameterAt(segments, index);
    if (decoded === undefined) {
      return proxyError("InvalidParameter", {
        parameter,
        message: `path segment ${index + 1} ('${segment}') is not valid percent-encoded UTF-8`,
      });
    }
    if (decoded === "." || decoded === "..") {
      return proxyError("InvalidParameter", {
        parameter,
        message: `path segment ${index + 1} is '${decoded}': the proxy takes paths as written and never resolves dot segments`,
      });
    }
  }
  return undefined;
}

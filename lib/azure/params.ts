/**
 * Path parameter rules of both APIs, as their REST specs state them. Every rule also keeps the value a single, inert URL
 * path segment: no `/`, `%`, `?`, `#`, and never `.` or `..`, so a value can be placed in an upstream URL unencoded.
 */

/** A parameter that broke its rule, named as Azure names it. */
export interface ParamIssue {
  parameter: string;
  message: string;
}

export type Result<T, E = ParamIssue> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });

const MAX_PARAM_LENGTH = 260;

/** A segment's length and characters, and the words that describe them to a person. */
interface SegmentRule {
  min: number;
  max: number;
  pattern: RegExp;
  description: string;
}

const segment = (pattern: RegExp, description: string, min: number, max: number): SegmentRule => ({ min, max, pattern, description });

const DEVCENTER_NAME = segment(
  /^[a-zA-Z0-9][a-zA-Z0-9-_.]{2,62}$/,
  "3-63 characters: a letter or digit, then letters, digits, '-', '_' or '.'",
  3,
  63,
);

/**
 * Plain checks rather than a schema library: these rules run in the browser too (permalinks, pasted URLs, the watch
 * list), and zod would be a fifth of the signed-out page's JavaScript.
 */
const SEGMENT_RULES = {
  subscriptionId: segment(/^[A-Za-z0-9-]+$/, "1-64 letters, digits or hyphens (a subscription GUID)", 1, 64),
  resourceGroupName: segment(/^[-\w._()]+$/, "1-90 characters of letters, digits, '-', '_', '.', '(' or ')'", 1, 90),
  securityConnectorName: segment(
    /^[-\w._()]+$/,
    `1-${MAX_PARAM_LENGTH} characters of letters, digits, '-', '_', '.', '(' or ')'`,
    1,
    MAX_PARAM_LENGTH,
  ),
  operationResultId: segment(
    /^[-\w.]+$/,
    `1-${MAX_PARAM_LENGTH} characters of letters, digits, '-', '_' or '.' (a GUID in practice)`,
    1,
    MAX_PARAM_LENGTH,
  ),
  projectName: DEVCENTER_NAME,
  /** Follows the projectName pattern (DevCenter's published rule). */
  devBoxName: DEVCENTER_NAME,
  operationId: segment(
    /^[a-zA-Z0-9]{8}-([a-zA-Z0-9]{4}-){3}[a-zA-Z0-9]{12}$/,
    "36 characters shaped like a GUID (8-4-4-4-12 letters or digits)",
    36,
    36,
  ),
} as const;

export type ParamName = keyof typeof SEGMENT_RULES | "endpointHost";

export const PARAM_NAMES: readonly ParamName[] = [...(Object.keys(SEGMENT_RULES) as (keyof typeof SEGMENT_RULES)[]), "endpointHost"];

/** The value (endpointHost lower-cased), or the rule it breaks ("must be ..."). */
export function checkParam(name: ParamName, value: string): Result<string, string> {
  if (name === "endpointHost") return checkHost(value);
  const rule = SEGMENT_RULES[name];
  if (value.length < rule.min || value.length > rule.max || !rule.pattern.test(value)) return fail(`must be ${rule.description}`);
  if (value.endsWith(".")) return fail("must not end with a period");
  return ok(value);
}

function checkHost(value: string): Result<string, string> {
  if (value.length > 260) return fail("must be at most 260 characters");
  // Checked before lower-casing: toLowerCase maps some non-ASCII look-alikes (U+212A KELVIN SIGN) to ASCII letters.
  if (!/^[A-Za-z0-9.-]+(:[0-9]{1,5})?$/.test(value)) {
    return fail("must be a host name with an optional :port (letters, digits, '-' and '.', no scheme or path)");
  }
  const host = value.toLowerCase();
  if (!isHostSyntaxValid(host)) {
    return fail("must be a host name of dot-separated labels of 1-63 characters, with a port from 1 to 65535 if any");
  }
  // Look-alike (IDN) hosts arrive as punycode; DevCenter and ARM endpoints are plain ASCII names.
  if (/(^|\.)xn--/.test(host)) return fail("must not contain punycode (xn--) labels");
  return ok(host);
}

function isHostSyntaxValid(hostPort: string): boolean {
  const [host = "", port] = hostPort.split(":");
  if (host.length === 0 || host.length > 253) return false;
  if (port !== undefined) {
    const n = Number(port);
    if (!Number.isInteger(n) || n < 1 || n > 65535 || port.startsWith("0")) return false;
  }
  return host.split(".").every((label) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(label));
}

/** Validates one parameter; the message names the parameter and the rule it broke. */
export function validateParam(name: ParamName, value: unknown): Result<string> {
  if (typeof value !== "string") return fail({ parameter: name, message: `${name} is required` });
  const checked = checkParam(name, value);
  return checked.ok ? checked : fail({ parameter: name, message: `${name} ${checked.error}` });
}

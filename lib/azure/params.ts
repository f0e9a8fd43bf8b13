import { z } from "zod";

/**
 * Path parameter rules of both APIs (DESIGN.md, "Wire facts"). Every rule also keeps the value a single, inert URL
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

const segment = (rule: RegExp, description: string, min: number, max: number) =>
  z
    .string()
    .min(min, { message: `must be ${description}` })
    .max(max, { message: `must be ${description}` })
    .regex(rule, { message: `must be ${description}` })
    .refine((v) => !v.endsWith("."), { message: "must not end with a period" });

export const paramSchemas = {
  subscriptionId: segment(/^[A-Za-z0-9-]+$/, "1-64 letters, digits or hyphens (a subscription GUID)", 1, 64),
  resourceGroupName: segment(
    /^[-\w._()]+$/,
    "1-90 characters of letters, digits, '-', '_', '.', '(' or ')'",
    1,
    90,
  ),
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
  projectName: segment(
    /^[a-zA-Z0-9][a-zA-Z0-9-_.]{2,62}$/,
    "3-63 characters: a letter or digit, then letters, digits, '-', '_' or '.'",
    3,
    63,
  ),
  operationId: segment(
    /^[a-zA-Z0-9]{8}-([a-zA-Z0-9]{4}-){3}[a-zA-Z0-9]{12}$/,
    "36 characters shaped like a GUID (8-4-4-4-12 letters or digits)",
    36,
    36,
  ),
  endpointHost: z
    .string()
    .max(260, { message: "must be at most 260 characters" })
    // Checked before lower-casing: toLowerCase maps some non-ASCII look-alikes (U+212A KELVIN SIGN) to ASCII letters.
    .regex(/^[A-Za-z0-9.-]+(:[0-9]{1,5})?$/, {
      message: "must be a host name with an optional :port (letters, digits, '-' and '.', no scheme or path)",
    })
    .transform((v) => v.toLowerCase())
    .pipe(
      z
        .string()
        .refine(isHostSyntaxValid, {
          message: "must be a host name of dot-separated labels of 1-63 characters, with a port from 1 to 65535 if any",
        })
        // Look-alike (IDN) hosts arrive as punycode; DevCenter and ARM endpoints are plain ASCII names.
        .refine((v) => !/(^|\.)xn--/.test(v), { message: "must not contain punycode (xn--) labels" }),
    ),
} as const;

export type ParamName = keyof typeof paramSchemas;

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
  const parsed = paramSchemas[name].safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const first = parsed.error.issues[0]?.message ?? "is not valid";
  return fail({ parameter: name, message: `${name} ${first}` });
}

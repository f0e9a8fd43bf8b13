import "server-only";
import { fail, ok, type Result } from "@/lib/azure/params";
import type { AuthorityMetadata } from "./public-config";

/**
 * AZURE_AUTHORITY_METADATA, read on its own: the authority's OpenID configuration as one JSON object, of which only
 * the fields MSAL reads are kept (a whole discovery document may be pasted). Whether its URLs are on the authority's
 * origin joins two variables, so lib/config/groups.ts checks that. Messages name fields, never values: a value goes in
 * `detail`, which only the server's log shows (lib/config/schema.ts).
 */

const REQUIRED = ["issuer", "authorization_endpoint", "token_endpoint", "jwks_uri"] as const;
const OPTIONAL = ["end_session_endpoint"] as const;
export const METADATA_URL_FIELDS = [...REQUIRED, ...OPTIONAL] as const;
type MetadataField = (typeof METADATA_URL_FIELDS)[number];

export interface MetadataProblem {
  message: string;
  detail?: string;
}

const quoted = (value: string) => JSON.stringify(value.slice(0, 120));

/** "a", "a and b", "a, b and c". */
function listed(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`;
}

function parseJsonObject(raw: string): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
}

/** What is wrong with one field's value as an endpoint MSAL may call, or undefined. */
function urlProblem(field: MetadataField, value: unknown): MetadataProblem | undefined {
  if (typeof value !== "string" || !URL.canParse(value)) {
    return { message: `${field} is not a URL.`, detail: `${field} is ${typeof value === "string" ? quoted(value) : typeof value}.` };
  }
  const url = new URL(value);
  if (url.protocol !== "https:") return { message: `${field} does not start with https://.`, detail: `${field} is ${quoted(value)}.` };
  if (url.username || url.password || url.hash) {
    return { message: `${field} must not contain credentials or a fragment.`, detail: `${field} is ${quoted(value)}.` };
  }
  return undefined;
}

export function parseAuthorityMetadata(raw: string): Result<AuthorityMetadata, MetadataProblem[]> {
  const doc = parseJsonObject(raw);
  if (!doc) return fail([{ message: "is not a JSON object; it must be the authority's OpenID configuration (its /.well-known/openid-configuration document)." }]);
  const missing = REQUIRED.filter((field) => doc[field] === undefined || doc[field] === null);
  if (missing.length > 0) return fail([{ message: `lacks ${listed(missing)}.` }]);
  // A provider may write null for an endpoint it does not have; MSAL then cannot sign out there, as without the field.
  const given = METADATA_URL_FIELDS.filter((field) => doc[field] !== undefined && doc[field] !== null);
  const problems = given.flatMap((field) => urlProblem(field, doc[field]) ?? []);
  if (problems.length > 0) return fail(problems);
  return ok(Object.fromEntries(given.map((field) => [field, doc[field] as string])) as unknown as AuthorityMetadata);
}

/**
 * The page lets MSAL fetch only from the authority's origin (lib/server/content-security-policy.ts), and MSAL trusts an
 * issuer only there: one value-free problem naming every field elsewhere, or undefined.
 */
export function offOriginProblem(metadata: AuthorityMetadata, origin: string): MetadataProblem | undefined {
  const off = METADATA_URL_FIELDS.filter((field) => {
    const value = metadata[field];
    return value !== undefined && new URL(value).origin !== origin;
  });
  if (off.length === 0) return undefined;
  const verb = off.length === 1 ? "is" : "are";
  return {
    message: `${listed(off)} ${verb} not on the origin of AZURE_AUTHORITY (MSAL may call only there).`,
    detail: off.map((field) => `${field} is on ${quoted(new URL(metadata[field] ?? "").origin)}`).join(", ") + `; AZURE_AUTHORITY on ${quoted(origin)}.`,
  };
}

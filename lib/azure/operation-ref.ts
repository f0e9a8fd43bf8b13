import { fail, ok, validateParam, type ParamName, type Result } from "./params";

export type OperationKind = "devops" | "devcenter";
export const OPERATION_KINDS: readonly OperationKind[] = ["devops", "devcenter"];

export const API_VERSIONS: Record<OperationKind, string> = {
  devops: "2024-04-01",
  devcenter: "2025-02-01",
};

export interface DevopsRef {
  kind: "devops";
  subscriptionId: string;
  resourceGroupName: string;
  securityConnectorName: string;
  operationResultId: string;
}

export interface DevcenterRef {
  kind: "devcenter";
  /** Host of the DevCenter endpoint with `:port` if any, lower case. */
  endpointHost: string;
  projectName: string;
  operationId: string;
}

export type OperationRef = DevopsRef | DevcenterRef;

/** Path parameters of each kind, in the order they appear in proxy and permalink paths. */
export const PATH_PARAMS = {
  devops: ["subscriptionId", "resourceGroupName", "securityConnectorName", "operationResultId"],
  devcenter: ["endpointHost", "projectName", "operationId"],
} as const satisfies Record<OperationKind, readonly ParamName[]>;

function isOperationKind(value: unknown): value is OperationKind {
  return value === "devops" || value === "devcenter";
}

/** Builds a validated ref from a kind and its path segments (as they appear in a proxy or permalink path). */
export function refFromSegments(kind: string, segments: readonly string[]): Result<OperationRef> {
  if (!isOperationKind(kind)) {
    return fail({ parameter: "kind", message: `kind must be "devops" or "devcenter", not "${kind.slice(0, 40)}"` });
  }
  const names = PATH_PARAMS[kind];
  if (segments.length !== names.length) {
    return fail({
      parameter: "path",
      message: `a ${kind} operation path has ${names.length} segments (${names.join("/")}), not ${segments.length}`,
    });
  }
  const values: Record<string, string> = {};
  for (const [i, name] of names.entries()) {
    const checked = validateParam(name, segments[i]);
    if (!checked.ok) return checked;
    values[name] = checked.value;
  }
  return ok({ kind, ...values } as unknown as OperationRef);
}

/** A route segment arrives percent-encoded or not depending on the router path; valid values never contain `%` either way. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The operation an `/op/{kind}/{...segments}` route names, from its parameters as the router gives them. */
export function refFromRouteParams(kind: string, segments: readonly string[]): Result<OperationRef> {
  return refFromSegments(decodeSegment(kind), segments.map(decodeSegment));
}

/** Whether `pathname` is an operation page's (`/op/{kind}/{...segments}`) whose parameters name no operation. */
export function isBadPermalinkPath(pathname: string): boolean {
  const [empty, prefix, kind, ...segments] = pathname.split("/");
  if (empty !== "" || prefix !== "op" || kind === undefined || segments.length === 0) return false;
  return !refFromRouteParams(kind, segments).ok;
}

/** Validates an object that claims to be a ref (from storage, a form, a scenario). */
export function validateRef(input: unknown): Result<OperationRef> {
  if (typeof input !== "object" || input === null) return fail({ parameter: "ref", message: "ref must be an object" });
  const record = input as Record<string, unknown>;
  const kind = record.kind;
  if (!isOperationKind(kind)) return fail({ parameter: "kind", message: 'kind must be "devops" or "devcenter"' });
  return refFromSegments(
    kind,
    PATH_PARAMS[kind].map((name) => {
      const value = record[name];
      return typeof value === "string" ? value : "";
    }),
  );
}

export function refSegments(ref: OperationRef): string[] {
  return ref.kind === "devops"
    ? [ref.subscriptionId, ref.resourceGroupName, ref.securityConnectorName, ref.operationResultId]
    : [ref.endpointHost, ref.projectName, ref.operationId];
}

const joinPath = (prefix: string, ref: OperationRef) =>
  `${prefix}/${ref.kind}/${refSegments(ref).map(encodeURIComponent).join("/")}`;

/** `/api/{kind}/...`: the proxy route of this operation. */
export const proxyPath = (ref: OperationRef): string => joinPath("/api", ref);

/** `/op/{kind}/...`: the permalink page of this operation. */
export const permalinkPath = (ref: OperationRef): string => joinPath("/op", ref);

/**
 * A stable identity for dedup and cache keys. Resource group names, GUIDs and hosts are case-insensitive in Azure,
 * so the key is lower case; the ref itself keeps the casing the person gave.
 */
export function refKey(ref: OperationRef): string {
  return [ref.kind, ...refSegments(ref)].join("/").toLowerCase();
}

/** `path` without trailing slashes (a loop: the regex /\/+$/ is quadratic on long runs of slashes). */
export function trimTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47 /* "/" */) end--;
  return path.slice(0, end);
}

/** Parses `/api/{kind}/...` or `/op/{kind}/...` (no query, no host) back into a ref. */
export function parseAppPath(pathname: string): Result<OperationRef> {
  const parts = trimTrailingSlashes(pathname).split("/");
  const [empty, prefix, kind, ...rest] = parts;
  if (empty !== "" || (prefix !== "api" && prefix !== "op") || kind === undefined) {
    return fail({ parameter: "path", message: "an opwatch path starts with /op/{kind}/ or /api/{kind}/" });
  }
  let segments: string[];
  try {
    segments = rest.map((s) => decodeURIComponent(s));
  } catch {
    return fail({ parameter: "path", message: "the path has a malformed percent-encoding" });
  }
  return refFromSegments(kind, segments);
}

/** Azure's public ARM base URL (the proxy's default; sovereign clouds have others). */
export const PUBLIC_ARM_ENDPOINT = "https://management.azure.com";

/** The Azure URL to GET for a devops ref, on the given ARM base URL. */
export function devopsUpstreamUrl(ref: DevopsRef, armEndpoint: string): URL {
  const url = new URL(
    `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroupName}/providers/Microsoft.Security/securityConnectors/${ref.securityConnectorName}/devops/default/operationResults/${ref.operationResultId}`,
    armEndpoint,
  );
  url.searchParams.set("api-version", API_VERSIONS.devops);
  return url;
}

/** The DevCenter URL to GET for a devcenter ref, on an origin the allow-list produced. */
export function devcenterUpstreamUrl(ref: DevcenterRef, origin: string): URL {
  const url = new URL(`/projects/${ref.projectName}/operationstatuses/${ref.operationId}`, origin);
  url.searchParams.set("api-version", API_VERSIONS.devcenter);
  return url;
}

/**
 * The status GET of any ref on `origin` (ARM's base URL for devops, the endpoint's origin for devcenter): the one place
 * a status URL is built. Its query is `api-version` alone.
 */
export function upstreamUrl(ref: OperationRef, origin: string): URL {
  return ref.kind === "devops" ? devopsUpstreamUrl(ref, origin) : devcenterUpstreamUrl(ref, origin);
}

/** Where Azure serves a ref's status by default: public ARM, or the DevCenter endpoint over https. */
export function azureOrigin(ref: OperationRef): string {
  return ref.kind === "devops" ? PUBLIC_ARM_ENDPOINT : `https://${ref.endpointHost}`;
}

/**
 * Names the API that a pasted URL opwatch does not read belongs to. A person who pastes a Microsoft.Compute
 * `Azure-AsyncOperation` URL learns that opwatch does not read Compute operations, not which path segment differs from
 * a DevOps operation result.
 */

export const READABLE_APIS = "Microsoft.Security DevOps operation results and DevCenter operation statuses";

const NOT_READ = `opwatch does not read this API; it reads two: ${READABLE_APIS}`;

const NAMESPACE = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)+$/;
const OPERATION_SEGMENT = /^(?:operations|operationstatuses|operationresults|asyncoperations|operationsstatus)$/i;

const DEVCENTER_ADVICE =
  "for a DevCenter operation, paste the Operation-Location URL of the DevCenter endpoint, https://{endpoint}/projects/{projectName}/operationstatuses/{operationId}";

/**
 * For an ARM path (segments decoded, without the leading empty one) whose resource provider is not Microsoft.Security:
 * what it is, and that opwatch does not read it. Microsoft.Security paths get the parser's precise message instead.
 */
export function foreignArmApi(segments: readonly string[]): string | undefined {
  const namespace = providerNamespace(segments);
  if (namespace === undefined || namespace.toLowerCase() === "microsoft.security") return undefined;
  const isOperation = segments.some((s) => OPERATION_SEGMENT.test(s));
  const what = isOperation ? `a ${namespace} operation (an Azure Resource Manager URL)` : `a ${namespace} resource, not an operation`;
  const advice = namespace.toLowerCase() === "microsoft.devcenter" ? `; ${DEVCENTER_ADVICE}` : "";
  return `this is ${what}: ${NOT_READ}${advice}`;
}

/** `providers/{namespace}` at tenant, subscription or resource-group level. */
function providerNamespace(segments: readonly string[]): string | undefined {
  const at = (i: number) => segments[i]?.toLowerCase();
  let index: number | undefined;
  if (at(0) === "providers") index = 1;
  else if (at(0) === "subscriptions" && at(2) === "providers") index = 3;
  else if (at(0) === "subscriptions" && at(2) === "resourcegroups" && at(4) === "providers") index = 5;
  const namespace = index === undefined ? undefined : segments[index];
  return namespace !== undefined && NAMESPACE.test(namespace) && namespace.length <= 80 ? namespace : undefined;
}

/** Hosts of other Azure and Microsoft APIs that people may have at hand when they look for an operation URL. */
const FOREIGN_HOSTS: readonly { host: RegExp; api: string; advice?: string }[] = [
  {
    host: /^portal\.azure\.com$/,
    api: "the Azure portal",
    advice: "copy the operation URL from the response's Azure-AsyncOperation or Location header instead",
  },
  {
    host: /^(?:dev\.azure\.com|[a-z0-9-]+\.visualstudio\.com)$/,
    api: "Azure DevOps Services",
    advice: "opwatch's DevOps operations are Microsoft Defender for Cloud's DevOps connector results (Microsoft.Security)",
  },
  { host: /^graph\.microsoft\.com$/, api: "Microsoft Graph" },
  { host: /^management\.core\.windows\.net$/, api: "Azure Service Management (classic)" },
  {
    host: /(?:^|\.)(?:cognitiveservices\.azure\.com|openai\.azure\.com|api\.cognitive\.microsoft\.com)$/,
    api: "Azure AI services",
  },
  { host: /\.vault\.azure\.net$/, api: "Azure Key Vault" },
  { host: /\.(?:blob|queue|table|file|dfs)\.core\.windows\.net$/, api: "Azure Storage" },
  { host: /\.azurecr\.io$/, api: "Azure Container Registry" },
];

/** For a host (lower case, maybe with `:port`) of a known API that opwatch does not read. */
export function foreignHostApi(hostPort: string): string | undefined {
  const host = hostPort.split(":")[0] ?? "";
  const known = FOREIGN_HOSTS.find((f) => f.host.test(host));
  if (!known) return undefined;
  return `this is a URL of ${known.api} (${host}): ${NOT_READ}${known.advice ? `; ${known.advice}` : ""}`;
}

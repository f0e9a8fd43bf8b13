import type { DiscoveryList } from "@/lib/azure/discovery-lists";
import type { OperationKind } from "@/lib/azure/operation-ref";
import type { ProxyErrorCode } from "@/lib/server/errors";

/**
 * Path parameters an attacker (or a confused paste) can send to the proxy routes, as the route handler receives them:
 * Next has already percent-decoded each segment once, so `%2F` appears here as `/` and `%252F` as `%2F`. Each must be
 * refused with a 400 and no upstream request. `allowedHost` is the one loopback origin the test allow-list names
 * (`http://{allowedHost}`), next to the default `*.devcenter.azure.com`.
 */

export interface HostileInput {
  name: string;
  kind: OperationKind;
  params: Record<string, string>;
  code: Extract<ProxyErrorCode, "InvalidParameter" | "EndpointNotAllowed">;
}

export const VALID_DEVOPS_PARAMS = {
  subscriptionId: "00000000-0000-0000-0000-000000000000",
  resourceGroupName: "rg-1",
  securityConnectorName: "connector-1",
  operationResultId: "5c7d4e8f-1a2b-4c3d-9e8f-0a1b2c3d4e5f",
} as const;

export const VALID_DEVCENTER_IDS = {
  projectName: "project-1",
  operationId: "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
} as const;

export function hostileInputs(allowedHost: string): HostileInput[] {
  const [, allowedPort = ""] = allowedHost.split(":");
  const devops = (name: string, param: keyof typeof VALID_DEVOPS_PARAMS, value: string): HostileInput => ({
    name,
    kind: "devops",
    params: { ...VALID_DEVOPS_PARAMS, [param]: value },
    code: "InvalidParameter",
  });
  const devcenter = (
    name: string,
    values: Partial<Record<"endpointHost" | "projectName" | "operationId", string>>,
    code: HostileInput["code"] = "InvalidParameter",
  ): HostileInput => ({
    name,
    kind: "devcenter",
    params: { endpointHost: allowedHost, ...VALID_DEVCENTER_IDS, ...values },
    code,
  });
  const host = (name: string, endpointHost: string, code: HostileInput["code"] = "InvalidParameter") =>
    devcenter(name, { endpointHost }, code);

  return [
    // devops: path traversal and encodings
    devops("dot-dot segment", "subscriptionId", ".."),
    devops("single dot segment", "resourceGroupName", "."),
    devops("decoded %2F slash", "securityConnectorName", "a/../../b"),
    devops("double-encoded slash %252F", "resourceGroupName", "rg%2F..%2Fx"),
    devops("double-encoded dots %252e", "operationResultId", "%2e%2e"),
    devops("backslash traversal", "securityConnectorName", "..\\..\\x"),
    devops("query smuggling", "operationResultId", "id?api-version=1999-01-01"),
    devops("fragment smuggling", "operationResultId", "id#x"),
    devops("CRLF header injection", "subscriptionId", "sub\r\nX-Injected: 1"),
    devops("NUL byte", "operationResultId", "id\u0000"),
    devops("at-sign in subscription", "subscriptionId", "x@evil.example"),
    devops("unicode hyphen look-alike", "resourceGroupName", "rg\u20101"),
    devops("fullwidth letters", "securityConnectorName", "\uff43onnector"),
    devops("trailing dot", "resourceGroupName", "rg-1."),
    devops("over-long resource group", "resourceGroupName", "r".repeat(91)),
    devops("over-long operation id", "operationResultId", "o".repeat(5000)),
    devops("empty subscription", "subscriptionId", ""),
    devops("space in value", "subscriptionId", "0000 0000"),
    // devcenter: hosts
    host("userinfo before allowed host", `evil.example@${allowedHost}`),
    host("userinfo after allowed suffix", "x.devcenter.azure.com@evil.example"),
    host("trailing dot on host", "contoso.westus.devcenter.azure.com."),
    host("empty label", "contoso..devcenter.azure.com"),
    host("allowed suffix as prefix", "x.devcenter.azure.com.evil.example", "EndpointNotAllowed"),
    host("suffix without dot boundary", "evildevcenter.azure.com", "EndpointNotAllowed"),
    host("bare wildcard base", "devcenter.azure.com", "EndpointNotAllowed"),
    host("IPv4 loopback without the allowed port", "127.0.0.1", "EndpointNotAllowed"),
    host("IPv4 hex shorthand", `0x7f.1:${allowedPort}`, "EndpointNotAllowed"),
    host("IPv4 integer notation", `2130706433:${allowedPort}`, "EndpointNotAllowed"),
    host("IPv4 short notation", `127.1:${allowedPort}`, "EndpointNotAllowed"),
    host("IPv4 octal notation", `0177.0.0.1:${allowedPort}`, "EndpointNotAllowed"),
    host("IPv6 loopback literal", "[::1]"),
    host("IPv6 loopback bare", "::1"),
    host("cloud metadata IP", "169.254.169.254", "EndpointNotAllowed"),
    host("localhost name for the allowed port", `localhost:${allowedPort}`, "EndpointNotAllowed"),
    host("port not in the list", "contoso.westus.devcenter.azure.com:8443", "EndpointNotAllowed"),
    host("explicit default port", "contoso.westus.devcenter.azure.com:443", "EndpointNotAllowed"),
    host("other port on the allowed IP", "127.0.0.1:1", "EndpointNotAllowed"),
    host("port zero-padded", `127.0.0.1:0${allowedPort}`),
    host("port out of range", "contoso.westus.devcenter.azure.com:65536"),
    host("scheme in host", "https://contoso.westus.devcenter.azure.com"),
    host("path in host (decoded %2F)", "contoso.westus.devcenter.azure.com/evil"),
    host("encoded slash left in host", "contoso.devcenter.azure.com%2F.evil.example"),
    host("double-encoded dot in host", "contoso%252edevcenter.azure.com"),
    host("Cyrillic look-alike letter", "contoso.westus.devc\u0435nter.azure.com"),
    host("fullwidth dot", "contoso\uff0ewestus.devcenter.azure.com"),
    host("punycode label", "xn--contoso-9ya.westus.devcenter.azure.com"),
    host("wildcard as host", "*.devcenter.azure.com"),
    host("over-long host", `${"a".repeat(250)}.devcenter.azure.com`),
    host("backslash in host", "contoso.devcenter.azure.com\\@evil.example"),
    // devcenter: ids
    devcenter("traversal in project", { projectName: "../admin" }),
    devcenter("operation id not a GUID", { operationId: "../../operationstatuses/x" }),
    devcenter("operation id with query", { operationId: "a1b2c3d4-e5f6-7890-abcd-ef1234567890?x=1" }),
  ];
}

/** A hostile request to a discovery route: its parameters as Next hands them, and its query as sent (`?…` or ""). */
export interface DiscoveryHostileInput {
  name: string;
  list: DiscoveryList;
  params: Record<string, string>;
  query: string;
  code: HostileInput["code"];
}

const VALID_DISCOVERY_BOX = { projectName: "project-1", devBoxName: "box-1" } as const;

/**
 * The discovery routes' hostile inputs: every hostile host above on a list, hostile project and dev box names, and
 * queries whose nextLink points anywhere but the same list on the same endpoint. All are refused with a 400.
 */
export function discoveryHostileInputs(allowedHost: string): DiscoveryHostileInput[] {
  const allowed = `http://${allowedHost}`;
  const hosts = hostileInputs(allowedHost)
    .filter((input) => input.kind === "devcenter" && input.params.endpointHost !== allowedHost)
    .map((input, i): DiscoveryHostileInput => ({
      name: `${i % 2 === 0 ? "projects" : "devboxes"}: ${input.name}`,
      list: i % 2 === 0 ? "projects" : "devboxes",
      params: { endpointHost: input.params.endpointHost ?? "" },
      query: "",
      code: input.code,
    }));
  const box = (name: string, values: Partial<Record<keyof typeof VALID_DISCOVERY_BOX, string>>): DiscoveryHostileInput => ({
    name: `operations: ${name}`,
    list: "operations",
    params: { endpointHost: allowedHost, ...VALID_DISCOVERY_BOX, ...values },
    query: "",
    code: "InvalidParameter",
  });
  const query = (name: string, raw: string, list: DiscoveryList = "projects"): DiscoveryHostileInput => ({
    name: `${list} query: ${name}`,
    list,
    params: list === "operations" ? { endpointHost: allowedHost, ...VALID_DISCOVERY_BOX } : { endpointHost: allowedHost },
    query: raw,
    code: "InvalidParameter",
  });
  const link = (name: string, nextLink: string, list: DiscoveryList = "projects") => query(name, `?nextLink=${encodeURIComponent(nextLink)}`, list);
  const boxPath = "/projects/project-1/users/me/devboxes/box-1/operations";
  return [
    ...hosts,
    box("traversal in project", { projectName: "../admin" }),
    box("traversal in dev box", { devBoxName: ".." }),
    box("decoded %2F in dev box", { devBoxName: "box/../../x" }),
    box("double-encoded slash in dev box", { devBoxName: "box%2F..%2Fx" }),
    box("query smuggling in dev box", { devBoxName: "box?api-version=1" }),
    box("fragment in project", { projectName: "project#x" }),
    box("CRLF in dev box", { devBoxName: "box\r\nX: 1" }),
    box("dev box name too short", { devBoxName: "ab" }),
    box("dev box name too long", { devBoxName: "b".repeat(64) }),
    box("dev box name with a trailing dot", { devBoxName: "box-1." }),
    box("dev box name starting with a hyphen", { devBoxName: "-box" }),
    box("fullwidth letters in dev box", { devBoxName: "\uff42ox-1" }),
    link("nextLink to another host", "https://evil.example/projects?$skipToken=1"),
    link("nextLink to the cloud metadata IP", "http://169.254.169.254/projects"),
    link("nextLink to the allowed host on https", `https://${allowedHost}/projects`),
    link("nextLink to the allowed IP in shorthand", `http://127.1:${allowedHost.split(":")[1] ?? ""}/projects`),
    link("nextLink with the allowed host as user", `http://${allowedHost}@evil.example/projects`),
    link("nextLink with user information", `http://user:pw@${allowedHost}/projects`),
    link("nextLink with the allowed host as a prefix", `${allowed}.evil.example/projects`),
    link("nextLink to another list", `${allowed}/users/me/devboxes?$skipToken=1`),
    link("nextLink to another dev box's operations", `${allowed}/projects/project-1/users/me/devboxes/box-2/operations`, "operations"),
    link("nextLink to a status URL", `${allowed}/projects/project-1/operationstatuses/a1b2c3d4-e5f6-7890-abcd-ef1234567890`, "operations"),
    link("nextLink climbing out by dot segments", `${allowed}${boxPath}/../../../../../../projects`, "operations"),
    link("nextLink with encoded dot segments", `${allowed}/x/%2e%2e/projects`),
    link("nextLink with a fragment", `${allowed}/projects?$skipToken=1#frag`),
    link("nextLink with a backslash", `${allowed}\\projects`),
    link("nextLink with CRLF", `${allowed}/projects?$skipToken=1\r\nX-Injected: 1`),
    link("nextLink with javascript:", "javascript:alert(document.cookie)"),
    link("nextLink with file:", "file:///etc/passwd"),
    link("nextLink protocol-relative", `//${allowedHost}/projects`),
    link("nextLink relative", "/projects?$skipToken=1"),
    link("nextLink with another api-version", `${allowed}/projects?api-version=2019-01-01`),
    link("nextLink over 4096 characters", `${allowed}/projects?$skipToken=${"a".repeat(5000)}`),
    link("empty nextLink", ""),
    query("nextLink twice", `?nextLink=${encodeURIComponent(`${allowed}/projects`)}&nextLink=${encodeURIComponent(`${allowed}/projects`)}`),
    query("api-version from the client", "?api-version=2025-02-01"),
    query("unknown parameter", "?$top=1000"),
    query("unknown parameter beside nextLink", `?nextLink=${encodeURIComponent(`${allowed}/projects`)}&$filter=x`),
    query("nextLink in another case", `?NEXTLINK=${encodeURIComponent(`${allowed}/projects`)}`, "devboxes"),
    query("nextLink not encoded", `?nextLink=${allowed}/users/me/devboxes?$skipToken=1&x=2`, "devboxes"),
  ];
}

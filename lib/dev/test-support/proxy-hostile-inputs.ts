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

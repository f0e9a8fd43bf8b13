import { describe, expect, it } from "vitest";
import { validateParam, type ParamName } from "./params";

const accepts: [ParamName, string, string?][] = [
  ["subscriptionId", "0806e1cd-cfda-4ff8-b99c-2b0af42cffd3"],
  ["subscriptionId", "a"],
  ["resourceGroupName", "myRg"],
  ["resourceGroupName", "my-rg_(prod).v2"],
  ["resourceGroupName", "r".repeat(90)],
  ["securityConnectorName", "mySecurityConnectorName"],
  ["operationResultId", "8d4caace-e7b3-4b3e-af99-73f76829ebcf"],
  ["projectName", "myProject"],
  ["projectName", "abc"],
  ["projectName", "a-b_c.d"],
  ["projectName", `a${"b".repeat(62)}`],
  ["operationId", "fa067167-e49d-41bd-8dd8-de719b9de3b3"],
  ["operationId", "FA067167-E49D-41BD-8DD8-DE719B9DE3B3"],
  ["endpointHost", "contoso.westus3.devcenter.azure.com"],
  ["endpointHost", "Contoso.WestUS3.DevCenter.Azure.com", "contoso.westus3.devcenter.azure.com"],
  ["endpointHost", "127.0.0.1:4010"],
  ["endpointHost", "localhost:65535"],
];

const rejects: [ParamName, unknown, RegExp][] = [
  ["subscriptionId", "", /^subscriptionId must be 1-64/],
  ["subscriptionId", "abc/def", /^subscriptionId must be/],
  ["subscriptionId", undefined, /^subscriptionId is required$/],
  ["subscriptionId", 42, /^subscriptionId is required$/],
  ["resourceGroupName", "r".repeat(91), /^resourceGroupName must be 1-90/],
  ["resourceGroupName", "rg.", /^resourceGroupName must not end with a period$/],
  ["resourceGroupName", "..", /^resourceGroupName must not end with a period$/],
  ["resourceGroupName", "my rg", /^resourceGroupName must be/],
  ["resourceGroupName", "rg%2F..", /^resourceGroupName must be/],
  ["resourceGroupName", "rgé", /^resourceGroupName must be/],
  ["securityConnectorName", "a/b", /^securityConnectorName must be/],
  ["securityConnectorName", "a?b", /^securityConnectorName must be/],
  ["operationResultId", ".", /^operationResultId must not end with a period$/],
  ["operationResultId", "a#b", /^operationResultId must be/],
  ["projectName", "ab", /^projectName must be 3-63/],
  ["projectName", "-abc", /^projectName must be/],
  ["projectName", `a${"b".repeat(63)}`, /^projectName must be/],
  ["operationId", "fa067167e49d41bd8dd8de719b9de3b3", /^operationId must be 36 characters/],
  ["operationId", "fa067167-e49d-41bd-8dd8-de719b9de3b", /^operationId must be 36 characters/],
  ["operationId", "fa067167-e49d-41bd-8dd8-de719b9de3b_", /^operationId must be/],
  ["endpointHost", "https://x.devcenter.azure.com", /^endpointHost must be a host name with an optional :port/],
  ["endpointHost", "x.devcenter.azure.com/path", /^endpointHost must be a host name/],
  ["endpointHost", "evil.com@x.devcenter.azure.com", /^endpointHost must be a host name/],
  ["endpointHost", "x.devcenter.azure.com.", /^endpointHost must be a host name of dot-separated labels/],
  ["endpointHost", "x..devcenter.azure.com", /labels/],
  ["endpointHost", "-x.devcenter.azure.com", /labels/],
  ["endpointHost", "x.devcenter.azure.com:0", /port from 1 to 65535/],
  ["endpointHost", "x.devcenter.azure.com:65536", /port from 1 to 65535/],
  ["endpointHost", "x.devcenter.azure.com:0443", /port from 1 to 65535/],
  ["endpointHost", "[::1]:443", /^endpointHost must be a host name/],
  ["endpointHost", "x%2edevcenter.azure.com", /^endpointHost must be a host name/],
  ["endpointHost", "\u212Aontoso.devcenter.azure.com", /^endpointHost must be a host name/],
  ["endpointHost", "ｘ.devcenter.azure.com", /^endpointHost must be a host name/],
  ["endpointHost", `${"a".repeat(64)}.devcenter.azure.com`, /labels/],
  ["endpointHost", "a".repeat(261), /at most 260/],
  ["endpointHost", "xn--80ak6aa92e.devcenter.azure.com", /must not contain punycode/],
  ["endpointHost", "a.XN--p1ai:443", /must not contain punycode/],
];

describe("validateParam", () => {
  it.each(accepts)("%s accepts %j", (name, value, normalized) => {
    expect(validateParam(name, value)).toEqual({ ok: true, value: normalized ?? value });
  });
  it.each(rejects)("%s rejects %j", (name, value, message) => {
    const result = validateParam(name, value);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.parameter).toBe(name);
      expect(result.error.message).toMatch(message);
    }
  });
});

import { describe, expect, it } from "vitest";
import type { OperationRef } from "./operation-ref";
import { parsePastedOperation } from "./paste-parser";
import { DEVOPS_FAILED_REQUEST_URL } from "./seed-examples";

const SUB = "0806e1cd-cfda-4ff8-b99c-2b0af42cffd3";
const OPID = "8d4caace-e7b3-4b3e-af99-73f76829ebcf";
const DC_OP = "fa067167-e49d-41bd-8dd8-de719b9de3b3";
const DEVOPS_PATH = `/subscriptions/${SUB}/resourceGroups/myRg/providers/Microsoft.Security/securityConnectors/mySecurityConnectorName/devops/default/operationResults/${OPID}`;
const DC_HOST = "72f988bf-86f1-41af-91ab-2d7cd011db47-contoso.westus3.devcenter.azure.com";
const DC_PATH = `/projects/myProject/operationstatuses/${DC_OP}`;

const devops: OperationRef = {
  kind: "devops",
  subscriptionId: SUB,
  resourceGroupName: "myRg",
  securityConnectorName: "mySecurityConnectorName",
  operationResultId: OPID,
};
const devcenter = (endpointHost: string): OperationRef => ({
  kind: "devcenter",
  endpointHost,
  projectName: "myProject",
  operationId: DC_OP,
});

const good: [string, string, OperationRef][] = [
  ["the documented devops request URL", DEVOPS_FAILED_REQUEST_URL, devops],
  ["devops without api-version", `https://management.azure.com${DEVOPS_PATH}`, devops],
  ["devops with another api-version", `https://management.azure.com${DEVOPS_PATH}?api-version=2023-09-01-preview`, devops],
  ["devops with a trailing slash", `https://management.azure.com${DEVOPS_PATH}/?api-version=2024-04-01`, devops],
  [
    "devops with lower-case fixed segments",
    `https://management.azure.com/subscriptions/${SUB}/resourcegroups/myRg/providers/microsoft.security/securityconnectors/mySecurityConnectorName/devops/default/operationresults/${OPID}`,
    devops,
  ],
  [
    "devops with upper-case fixed segments",
    `HTTPS://MANAGEMENT.AZURE.COM/SUBSCRIPTIONS/${SUB}/RESOURCEGROUPS/myRg/PROVIDERS/MICROSOFT.SECURITY/SECURITYCONNECTORS/mySecurityConnectorName/DEVOPS/DEFAULT/OPERATIONRESULTS/${OPID}`,
    devops,
  ],
  ["devops ARM id without host", DEVOPS_PATH, devops],
  ["devops ARM id with the api-version of the sample id", `${DEVOPS_PATH}?api-version=2024-04-01`, devops],
  ["devops ARM id without leading slash", DEVOPS_PATH.slice(1), devops],
  ["devops on a sovereign ARM host", `https://management.usgovcloudapi.net${DEVOPS_PATH}`, devops],
  ["devops on the local simulator over http", `http://127.0.0.1:4010${DEVOPS_PATH}?api-version=2024-04-01`, devops],
  ["an Azure-AsyncOperation header line", `Azure-AsyncOperation: https://management.azure.com${DEVOPS_PATH}?api-version=2024-04-01`, devops],
  ["a Location header line, lower case, no space", `location:https://management.azure.com${DEVOPS_PATH}`, devops],
  ["surrounded by quotes and spaces", `  "https://management.azure.com${DEVOPS_PATH}"  `, devops],
  ["surrounded by single quotes and a newline", `'${DEVOPS_PATH}'\n`, devops],
  ["surrounded by angle brackets", `<https://management.azure.com${DEVOPS_PATH}>`, devops],
  ["with a fragment", `https://management.azure.com${DEVOPS_PATH}#x`, devops],
  [
    "a header block with one operation header",
    `HTTP/1.1 202 Accepted\nRetry-After: 10\nAzure-AsyncOperation: https://management.azure.com${DEVOPS_PATH}?api-version=2024-04-01\n`,
    devops,
  ],
  ["the DevCenter sample URL", `https://${DC_HOST}${DC_PATH}?api-version=2025-02-01`, devcenter(DC_HOST)],
  ["DevCenter with operationStatuses casing", `https://${DC_HOST}/projects/myProject/operationStatuses/${DC_OP}`, devcenter(DC_HOST)],
  ["DevCenter with an upper-case host (lower-cased)", `https://${DC_HOST.toUpperCase()}${DC_PATH}`, devcenter(DC_HOST)],
  ["DevCenter with another api-version and trailing slash", `https://${DC_HOST}${DC_PATH}/?api-version=2024-02-01`, devcenter(DC_HOST)],
  ["DevCenter with the default port written out", `https://${DC_HOST}:443${DC_PATH}`, devcenter(DC_HOST)],
  ["DevCenter on another port", `https://${DC_HOST}:8443${DC_PATH}`, devcenter(`${DC_HOST}:8443`)],
  ["DevCenter on the simulator over http", `http://127.0.0.1:4010${DC_PATH}?api-version=2025-02-01`, devcenter("127.0.0.1:4010")],
  ["DevCenter http default port dropped", `http://localhost:80${DC_PATH}`, devcenter("localhost")],
  ["an Operation-Location header line", `Operation-Location: https://${DC_HOST}${DC_PATH}?api-version=2025-02-01`, devcenter(DC_HOST)],
  ["DevCenter without scheme", `${DC_HOST}${DC_PATH}`, devcenter(DC_HOST)],
  ["an opwatch permalink path", `/op/devops/${SUB}/myRg/mySecurityConnectorName/${OPID}`, devops],
  ["an opwatch permalink with origin", `http://localhost:3000/op/devops/${SUB}/myRg/mySecurityConnectorName/${OPID}`, devops],
  ["an opwatch DevCenter permalink", `https://opwatch.example.com/op/devcenter/127.0.0.1%3A4010/myProject/${DC_OP}`, devcenter("127.0.0.1:4010")],
  ["an opwatch permalink with a query", `/op/devcenter/${DC_HOST}/myProject/${DC_OP}?tab=raw`, devcenter(DC_HOST)],
  ["an opwatch proxy path", `/api/devops/${SUB}/myRg/mySecurityConnectorName/${OPID}`, devops],
  ["a JSON line with a trailing comma", `  "Location": "https://management.azure.com${DEVOPS_PATH}?api-version=2024-04-01",`, devops],
  ["a JSON line with the header's casing", `"azure-asyncoperation": "https://${DC_HOST}${DC_PATH}"`, devcenter(DC_HOST)],
  ["a Python dict line", `'Operation-Location': 'https://${DC_HOST}${DC_PATH}',`, devcenter(DC_HOST)],
  ["a JSON id field holding an ARM id", `"id": "${DEVOPS_PATH}?api-version=2024-04-01",`, devops],
  ["a quoted header line", `"Location: https://management.azure.com${DEVOPS_PATH}"`, devops],
  ["a quoted URL in a JSON array", `  "https://management.azure.com${DEVOPS_PATH}",`, devops],
  ["a labelled line (the label is the list's business)", `Onboarding | https://management.azure.com${DEVOPS_PATH}`, devops],
  ["a JSON body around one operation", `{\n  "status": "InProgress",\n  "location": "westus",\n  "Location": "${DEVOPS_PATH}"\n}`, devops],
];

const bad: [string, string, RegExp][] = [
  ["empty", "", /^nothing to read/],
  ["only spaces and quotes", ` "" `, /^nothing to read/],
  ["an ftp URL", `ftp://management.azure.com${DEVOPS_PATH}`, /only http and https URLs can be operations, not "ftp:"/],
  ["a javascript: URL", "javascript:alert(1)", /only http and https/],
  ["http without slashes", `https:management.azure.com${DEVOPS_PATH}`, /must start with https:\/\//],
  [
    "an ARM URL that is not a devops result",
    "https://management.azure.com/providers/Microsoft.Security/operations?api-version=2024-04-01",
    /^the URL's host management\.azure\.com is ARM but the path is not a DevOps operation result: expected \/subscriptions\/\{id\}\/resourceGroups/,
  ],
  [
    "another provider's operation result",
    `https://management.azure.com/subscriptions/${SUB}/providers/Microsoft.Compute/locations/westus/operations/${OPID}`,
    /^this is a Microsoft\.Compute operation \(an Azure Resource Manager URL\): opwatch does not read this API; it reads two: Microsoft\.Security DevOps operation results and DevCenter operation statuses$/,
  ],
  [
    "devops path missing the operation id",
    `https://management.azure.com${DEVOPS_PATH.slice(0, DEVOPS_PATH.lastIndexOf("/"))}`,
    /the path ends where "\{operationResultId\}" belongs/,
  ],
  ["devops path with extra segments", `${DEVOPS_PATH}/more`, /goes on after a DevOps operation result's id with "more"/],
  [
    "devops path with a bad resource group name",
    DEVOPS_PATH.replace("myRg", "my%20Rg"),
    /resourceGroupName must be 1-90 characters .* \(found "my Rg"\)/,
  ],
  ["a DevCenter path without host", DC_PATH, /a DevCenter path needs its endpoint/],
  [
    "DevCenter host, wrong path",
    `https://${DC_HOST}/projects/myProject/environments/dev`,
    /found "environments" where "operationstatuses" belongs/,
  ],
  [
    "DevCenter host, unrelated path",
    `https://${DC_HOST}/devboxes`,
    /is a DevCenter endpoint but the path is not an operation status: expected \/projects\/\{projectName\}\/operationstatuses\/\{operationId\}/,
  ],
  ["DevCenter bad operation id", `https://${DC_HOST}/projects/myProject/operationstatuses/not-a-guid`, /operationId must be 36 characters/],
  ["DevCenter bad project name", `https://${DC_HOST}/projects/p/operationstatuses/${DC_OP}`, /projectName must be 3-63 characters/],
  ["userinfo before the host", `https://${DC_HOST}@evil.example${DC_PATH}`, /user name or password before '@'/],
  ["userinfo with password", `https://user:pass@${DC_HOST}${DC_PATH}`, /user name or password/],
  ["a percent-encoded host", `https://x%2edevcenter.azure.com${DC_PATH}`, /must be written with ASCII letters/],
  ["a unicode look-alike host", `https://x.devcenter.azure.ｃｏｍ${DC_PATH}`, /must be written with ASCII letters/],
  ["an ideographic full stop in the host", `https://x.devcenter.azure。com${DC_PATH}`, /must be written with ASCII letters/],
  ["a trailing dot on the host", `https://${DC_HOST}.${DC_PATH}`, /ends with a dot/],
  ["an empty label in the host", `https://x..devcenter.azure.com${DC_PATH}`, /host name of dot-separated labels/],
  ["a punycode host", `https://xn--80ak6aa92e.devcenter.azure.com${DC_PATH}`, /must not contain punycode/],
  ["an IPv6 literal", `https://[::1]${DC_PATH}`, /IP address literals/],
  ["a bad port", `https://${DC_HOST}:99999${DC_PATH}`, /port from 1 to 65535/],
  ["a non-numeric port", `https://${DC_HOST}:abc${DC_PATH}`, /port "abc" must be a number/],
  ["a dot-dot segment", `https://${DC_HOST}/projects/../projects/myProject/operationstatuses/${DC_OP}`, /'\.' or '\.\.' segment/],
  ["an encoded dot-dot segment", `https://${DC_HOST}/x/%2e%2E${DC_PATH}`, /'\.' or '\.\.' segment/],
  ["an encoded slash in a parameter", `https://${DC_HOST}/projects/my%2FProject/operationstatuses/${DC_OP}`, /projectName must be/],
  ["a malformed percent-encoding", `https://${DC_HOST}/projects/my%zzProject/operationstatuses/${DC_OP}`, /malformed percent-encoding/],
  ["a backslash", `https://${DC_HOST}\\projects\\myProject`, /backslash/],
  ["an operation id alone", OPID, /is an operation id alone/],
  ["random words", "please watch my operation", /^"please watch my operation" is not an operation URL: paste a URL such as/],
  ["words, as \"lol\" is a word", "hello world asdf", /^"hello world asdf" is not an operation URL: paste a URL such as/],
  ["a word with a slash", "and/or", /^"and\/or" is not an operation URL/],
  ["a URL broken by a space", `https://management.azure.com/subscriptions/${SUB}/resource Groups/rg`, /^there is a space inside "https:\/\/management.*; a URL has none/],
  ["two URLs on one line", `${DEVOPS_PATH} ${DEVOPS_PATH}`, /^there is a space inside .*paste one URL per line/],
  ["an id, then words", `${OPID} is the one`, /^there is a space inside/],
  ["words before a URL", `my deploy https://management.azure.com${DEVOPS_PATH}`, /words before the URL .* write "label \| URL"/],
  ["random token", "lol", /^"lol" is not an operation URL: paste a URL such as/],
  ["an unrelated path", "/dashboard", /neither an ARM id .* nor an opwatch permalink/],
  ["an unrelated https URL", "https://example.com/index.html", /the URL's path "\/index\.html" is not an operation/],
  ["a permalink of an unknown kind", `/op/compute/${SUB}/x`, /kind must be "devops" or "devcenter"/],
  ["a permalink with too few segments", `/op/devops/${SUB}/myRg`, /has 4 segments/],
  ["two URLs on two lines", `${DEVOPS_PATH}\n${DEVOPS_PATH}`, /has 2 lines that each look like an operation: paste one/],
  ["two operation headers", `Location: ${DEVOPS_PATH}\nAzure-AsyncOperation: ${DEVOPS_PATH}`, /has 2 lines that each look/],
  [
    "a resource-group level Compute resource",
    `https://management.azure.com/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1`,
    /^this is a Microsoft\.Compute resource, not an operation: opwatch does not read this API/,
  ],
  [
    "a Microsoft.DevCenter ARM operation",
    `https://management.azure.com/subscriptions/${SUB}/providers/Microsoft.DevCenter/locations/westus3/operationStatuses/${OPID}?api-version=2024-02-01`,
    /^this is a Microsoft\.DevCenter operation .*; for a DevCenter operation, paste the Operation-Location URL of the DevCenter endpoint/,
  ],
  ["a tenant-level provider operation", "/providers/Microsoft.Resources/operations/x", /^this is a Microsoft\.Resources operation/],
  [
    "an Azure DevOps Services URL",
    "https://dev.azure.com/contoso/_apis/operations/8d4caace-e7b3-4b3e-af99-73f76829ebcf",
    /^this is a URL of Azure DevOps Services \(dev\.azure\.com\): opwatch does not read this API; .*Microsoft\.Security/,
  ],
  [
    "an Azure AI services Operation-Location",
    "Operation-Location: https://contoso.cognitiveservices.azure.com/documentintelligence/documentModels/prebuilt-read/analyzeResults/1",
    /^this is a URL of Azure AI services/,
  ],
  ["an Azure portal link", "https://portal.azure.com/#@contoso.onmicrosoft.com/resource/subscriptions/x", /^this is a URL of the Azure portal .*response's Azure-AsyncOperation or Location header/],
  ["a Location header holding a region", "Location: westus", /"westus" is not an operation URL/],
  ["only an HTTP status line", "HTTP/1.1 202 Accepted", /^this line is an HTTP status line; opwatch needs an operation URL/],
  ["only another header", "Retry-After: 10", /^this line is a Retry-After header; opwatch needs an operation URL/],
  ["far too long", `https://${DC_HOST}/${"a".repeat(5000)}`, /characters long/],
  ["a URL without host", `https:///projects/myProject/operationstatuses/${DC_OP}`, /has no host/],
];

describe("parsePastedOperation accepts", () => {
  it.each(good)("%s", (_name, text, expected) => {
    expect(parsePastedOperation(text)).toEqual({ ok: true, value: expected });
  });
});

describe("parsePastedOperation rejects with a precise message", () => {
  it.each(bad)("%s", (_name, text, message) => {
    const result = parsePastedOperation(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
  it("has at least 40 table cases", () => {
    expect(good.length + bad.length).toBeGreaterThanOrEqual(40);
  });
});

import { describe, expect, it } from "vitest";
import { parseEndpointInput } from "./endpoint-input";

const HOST = "72f988bf-86f1-41af-91ab-2d7cd011db47-contoso-dc.westus3.devcenter.azure.com";

describe("parseEndpointInput", () => {
  it.each([
    [HOST, HOST],
    [`  ${HOST.toUpperCase()}  `, HOST],
    [`https://${HOST}/`, HOST],
    [`https://${HOST}/projects/proj-a/operationstatuses/0b1c2d3e-0000-4000-8000-000000000001?api-version=2025-02-01`, HOST],
    [`${HOST}/projects`, HOST],
    ["http://127.0.0.1:4110/projects", "127.0.0.1:4110"],
    ["localhost:4110", "localhost:4110"],
  ])("reduces %s to its host", (text, host) => {
    expect(parseEndpointInput(text)).toEqual({ ok: true, value: host });
  });

  it.each([
    ["", /Enter the dev center's endpoint/],
    ["ftp://x.devcenter.azure.com", /https:\/\/ URL, not ftp:/],
    ["https://user:pw@x.devcenter.azure.com", /no user name or password/],
    ["https://", /not a URL that can be read/],
    ["bad host!", /must be a host name/],
    ["xn--80ak6aa92e.devcenter.azure.com", /punycode/],
    ["a.devcenter.azure.com:99999", /port from 1 to 65535/],
  ])("refuses %j, saying why", (text, why) => {
    const parsed = parseEndpointInput(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(why);
  });
});

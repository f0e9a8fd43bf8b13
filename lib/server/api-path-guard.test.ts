import { describe, expect, it } from "vitest";
import { expectAzureError } from "@/lib/dev/test-support/expect-azure-error";
import { isApiPath, refuseApiPath } from "./api-path-guard";

const DEVOPS = "/api/devops/00000000-0000-0000-0000-000000000000/rg-1/connector-1/5c7d4e8f-1a2b-4c3d-9e8f-0a1b2c3d4e5f";
const DEVCENTER = "/api/devcenter/127.0.0.1:4110/project-1/a1b2c3d4-e5f6-7890-abcd-ef1234567890";
const DISCOVERY = [
  "/api/discovery/127.0.0.1:4110/projects",
  "/api/discovery/127.0.0.1:4110/devboxes",
  "/api/discovery/127.0.0.1:4110/projects/project-1/devboxes/box-1/operations",
];

async function refusal(pathname: string): Promise<string> {
  const response = refuseApiPath(pathname);
  expect(response, pathname).toBeDefined();
  return expectAzureError(response ?? new Response(), 400, "InvalidParameter");
}

describe("isApiPath", () => {
  it.each([
    ["/api", true],
    ["/api/", true],
    ["/api/health", true],
    ["/apis", false],
    ["/api-docs", false],
    ["/", false],
    ["/op/devops/a/b/c/d", false],
  ])("%s → %s", (pathname, expected) => {
    expect(isApiPath(pathname)).toBe(expected);
  });
});

describe("refuseApiPath", () => {
  it.each([DEVOPS, DEVCENTER, ...DISCOVERY, "/api/health", "/api", "/api/nothing/here", "/api/devops/a%2Fb/c/d/e", "/api/devops/%2e%2e%2e/c/d/e"])(
    "lets %s through to the routes (their own rules answer what is wrong with it)",
    (pathname) => {
      expect(refuseApiPath(pathname)).toBeUndefined();
    },
  );

  it.each([
    ["truncated sequence", "/api/devops/%E0%A4%A/rg-1/connector-1/x", "subscriptionId"],
    ["not hex", "/api/devcenter/127.0.0.1:4110/project-1/%ZZ", "operationId"],
    ["lone percent", "/api/devops/s/rg%/c/i", "resourceGroupName"],
    ["overlong UTF-8 for '/'", "/api/devops/s/rg/%C0%AF/i", "securityConnectorName"],
    ["UTF-16 surrogate half", "/api/devcenter/%ED%A0%80/p/o", "endpointHost"],
    ["outside a proxy route", "/api/%FF", "path"],
    ["past the route's parameters", `${DEVOPS}/%E0`, "path"],
    ["discovery endpoint", "/api/discovery/%ZZ/projects", "endpointHost"],
    ["discovery project", "/api/discovery/h/projects/%E0%A4%A/devboxes/b/operations", "projectName"],
    ["discovery dev box", "/api/discovery/h/projects/p/devboxes/%C0%AF/operations", "devBoxName"],
    ["discovery list name", "/api/discovery/h/%FF", "path"],
  ])("broken percent-encoding (%s) is a 400 naming the parameter", async (_name, pathname, parameter) => {
    const message = await refusal(pathname);
    expect(message).toContain(`'${parameter}'`);
    expect(message).toContain("not valid percent-encoded UTF-8");
  });

  it.each([
    ["raw ..", "/api/devops/s/../c/i"],
    ["raw .", "/api/devops/s/./c/i"],
    ["encoded ..", "/api/devops/s/%2e%2e/c/i"],
    ["mixed-case encoded ..", "/api/devcenter/h/%2E%2e/o"],
    ["half-encoded ..", "/api/devops/s/.%2E/c/i"],
    ["encoded .", "/api/%2e"],
  ])("a dot segment (%s) is refused, never resolved", async (_name, pathname) => {
    expect(await refusal(pathname)).toContain("never resolves dot segments");
  });

  it("a hostile segment is clipped in the message", async () => {
    const message = await refusal(`/api/devops/${"%41".repeat(2000)}%E0/r/c/i`);
    expect(message.length).toBeLessThan(250);
  });
});

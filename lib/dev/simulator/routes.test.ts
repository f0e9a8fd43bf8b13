import { describe, expect, it } from "vitest";
import { matchAzureRoute, matchControlRoute, matchDevCenterListRoute } from "./routes";

const DEVOPS = "/subscriptions/s-1/resourceGroups/rg(1)/providers/Microsoft.Security/securityConnectors/sc/devops/default/operationResults/op";

describe("matchAzureRoute", () => {
  it.each([
    [DEVOPS, { kind: "devops", subscriptionId: "s-1", resourceGroupName: "rg(1)", securityConnectorName: "sc", operationResultId: "op" }],
    [`${DEVOPS.toUpperCase()}/`, { kind: "devops", subscriptionId: "S-1", resourceGroupName: "RG(1)", securityConnectorName: "SC", operationResultId: "OP" }],
    ["/projects/p%2Dx/operationStatuses/id", { kind: "devcenter", projectName: "p-x", operationId: "id" }],
    ["/PROJECTS/p/OPERATIONSTATUSES/id/", { kind: "devcenter", projectName: "p", operationId: "id" }],
  ])("matches %s", (path, route) => {
    expect(matchAzureRoute(path)).toEqual(route);
  });

  it.each([
    "/projects/p/operationstatuses",
    "/projects/p/operationstatuses/id/extra",
    "/projects/p/operationstatuses/%E0%A4%A",
    "/projects//operationstatuses/id",
    DEVOPS.replace("/devops/default/", "/devops/other/"),
    DEVOPS.replace("Microsoft.Security", "Microsoft.Compute"),
    `/x${DEVOPS}`,
    "/",
  ])("does not match %s", (path) => {
    expect(matchAzureRoute(path)).toBeUndefined();
  });
});

describe("matchControlRoute", () => {
  it("names the control API's paths and nothing else", () => {
    expect(matchControlRoute("/_sim/operations")).toEqual({ name: "operations" });
    expect(matchControlRoute("/_sim/operations/")).toEqual({ name: "operations" });
    expect(matchControlRoute("/_sim/operations/abc")).toEqual({ name: "operation", id: "abc" });
    expect(matchControlRoute("/_sim/operations/abc/requests")).toEqual({ name: "requests", id: "abc" });
    expect(matchControlRoute("/_sim/operations/abc/other")).toBeUndefined();
    expect(matchControlRoute("/_sim/devboxes/")).toEqual({ name: "devboxes" });
    expect(matchControlRoute("/_sim/devboxes/p%2D1/box-1/operations")).toEqual({ name: "devboxOperations", projectName: "p-1", devBoxName: "box-1" });
    expect(matchControlRoute("/_sim/devboxes/p-1/box-1")).toBeUndefined();
    expect(matchControlRoute("/_sim/devboxes//box-1/operations")).toBeUndefined();
    expect(matchControlRoute("/_sim/devboxes/%E0%A4%A/box-1/operations")).toBeUndefined();
    expect(matchControlRoute("/_sim/discovery/faults")).toEqual({ name: "discoveryFaults" });
    expect(matchControlRoute("/_sim/discovery")).toBeUndefined();
    expect(matchControlRoute("/_sim")).toBeUndefined();
    expect(matchControlRoute("/sim/operations")).toBeUndefined();
  });
});

describe("matchDevCenterListRoute", () => {
  it.each([
    ["/projects", { list: "projects" }],
    ["/Projects/", { list: "projects" }],
    ["/users/me/devboxes", { list: "devboxes" }],
    ["/projects/p%2D1/Users/Me/DevBoxes", { list: "devboxes", projectName: "p-1" }],
    ["/projects/p-1/users/me/devboxes/box-1/operations/", { list: "operations", projectName: "p-1", devBoxName: "box-1" }],
  ])("matches %s", (path, route) => {
    expect(matchDevCenterListRoute(path)).toEqual(route);
  });

  it.each(["/users/someone/devboxes", "/projects/p/users/me/devboxes/b", "/projects/p/users/me/devboxes/b/operations/x", "/projects//users/me/devboxes"])(
    "does not match %s",
    (path) => {
      expect(matchDevCenterListRoute(path)).toBeUndefined();
    },
  );
});

import { describe, expect, it } from "vitest";
import { isBadPermalinkPath, refFromRouteParams } from "./operation-ref";

const ID = "de000001-0000-4000-8000-000000000001";

describe("an operation page's route", () => {
  it("reads its parameters percent-encoded or not, as the router gives them", () => {
    const expected = { kind: "devcenter", endpointHost: "127.0.0.1:4010", projectName: "demo-project", operationId: ID };
    expect(refFromRouteParams("devcenter", ["127.0.0.1%3A4010", "demo-project", ID])).toEqual({ ok: true, value: expected });
    expect(refFromRouteParams("devcenter", ["127.0.0.1:4010", "demo-project", ID])).toEqual({ ok: true, value: expected });
    expect(refFromRouteParams("devops", ["not-a-guid"])).toMatchObject({ ok: false, error: { parameter: "path" } });
  });

  it.each([
    ["/op/devops/not-a-guid", true],
    ["/op/devcenter/example.devcenter.azure.com/proj/not-a-guid", true],
    ["/op/nope/a/b/c", true],
    [`/op/devops/sub/rg/conn/${ID}`, false],
    [`/op/devcenter/127.0.0.1%3A4010/demo-project/${ID}`, false],
    // Not an operation page's path at all: the router's own not-found answers those.
    ["/op/devops", false],
    ["/board", false],
    ["/", false],
  ])("%s names no operation: %s", (path, bad) => {
    expect(isBadPermalinkPath(path)).toBe(bad);
  });
});

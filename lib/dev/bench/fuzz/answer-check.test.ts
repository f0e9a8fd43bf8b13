import { describe, expect, it } from "vitest";
import { checkAnswer, isAzureErrorBody, isValidRoute, routedPath, type Received } from "./answer-check";

const context = { appOrigin: "http://127.0.0.1:5000", simulatorHost: "127.0.0.1:4010" };
const json = { "content-type": "application/json; charset=utf-8", date: "Sat, 28 Nov 2026 20:00:00 GMT" };
const azureError = '{"error":{"code":"InvalidParameter","message":"The parameter is invalid."}}';
const answer = (status: number, headers: Record<string, string>, body = ""): Received => ({ kind: "answer", status, headers, body });
const devops = "/api/devops/00000000-0000-0000-0000-000000000001/rg/conn/00000000-0000-0000-0000-000000000002";
const devcenter = "/api/devcenter/127.0.0.1:4010/project-1/0444e02f-afdd-4aee-9108-0a8ca8aefa1f";

describe("isAzureErrorBody", () => {
  it("takes {error:{code,message}} with extra fields, and nothing else", () => {
    expect(isAzureErrorBody(azureError)).toBe(true);
    expect(isAzureErrorBody('{"error":{"code":"X","message":"m","details":[]},"other":1}')).toBe(true);
    for (const body of ["", "null", "[]", '{"error":"x"}', '{"error":{"code":"","message":"m"}}', '{"error":{"code":"X"}}', '{"error":{"code":1,"message":"m"}}', "<html>"]) {
      expect(isAzureErrorBody(body)).toBe(false);
    }
  });
});

describe("routedPath", () => {
  it("resolves dot segments, encoded or not, keeps a leading // and drops the query and fragment", () => {
    expect(routedPath("/api/%2e%2e/op/x?y=1")).toBe("/op/x");
    expect(routedPath("/api/devops/../health#x")).toBe("/api/health");
    expect(routedPath("//api/health")).toBe("//api/health");
    expect(routedPath("/api/é")).toBe("/api/%C3%A9");
  });
});

describe("isValidRoute", () => {
  it("is true for /api/health, any devops operation path and DevCenter paths on the simulator only", () => {
    expect(isValidRoute("/api/health?x=1", context.simulatorHost)).toBe(true);
    expect(isValidRoute(devops, context.simulatorHost)).toBe(true);
    expect(isValidRoute(devcenter.replace(":", "%3A"), context.simulatorHost)).toBe(true);
    expect(isValidRoute(devcenter.replace("127.0.0.1:4010", "evil.com"), context.simulatorHost)).toBe(false);
    expect(isValidRoute("/api/devops/a", context.simulatorHost)).toBe(false);
    expect(isValidRoute(`/op${devops.slice(4)}`, context.simulatorHost)).toBe(false);
  });
});

describe("isValidRoute for discovery lists", () => {
  const base = "/api/discovery/127.0.0.1:4010";
  const operations = `${base}/projects/project-1/devboxes/box-1/operations`;
  const link = (value: string) => `?nextLink=${encodeURIComponent(value)}`;

  it("is true for the three lists on the simulator, first page or the same list's nextLink", () => {
    expect(isValidRoute(`${base}/projects`, context.simulatorHost)).toBe(true);
    expect(isValidRoute(`${base}/devboxes`, context.simulatorHost)).toBe(true);
    expect(isValidRoute(operations, context.simulatorHost)).toBe(true);
    expect(isValidRoute(`${base}/projects${link("http://127.0.0.1:4010/projects?$skipToken=1")}`, context.simulatorHost)).toBe(true);
    const lowered = "http://127.0.0.1:4010/projects/project-1/users/me/devboxes/BOX-1/operations";
    expect(isValidRoute(`${operations}${link(lowered)}`, context.simulatorHost)).toBe(true);
  });

  it.each([
    ["another endpoint", "/api/discovery/evil.com/projects"],
    ["a bad dev box name", `${base}/projects/project-1/devboxes/../operations`],
    ["an unknown list", `${base}/pools`],
    ["an unknown parameter", `${base}/projects?top=1`],
    ["two nextLinks", `${base}/projects${link("http://127.0.0.1:4010/projects")}&nextLink=x`],
    ["a nextLink off the simulator", `${base}/projects${link("http://evil.com/projects")}`],
    ["a nextLink to another list", `${base}/projects${link("http://127.0.0.1:4010/users/me/devboxes")}`],
    ["a nextLink with a longer path", `${base}/projects${link("http://127.0.0.1:4010/projects/x")}`],
    ["a nextLink with a fragment", `${base}/projects${link("http://127.0.0.1:4010/projects?a#b")}`],
    ["a nextLink with a backslash", `${base}/projects${link("http://127.0.0.1:4010/projects?a\\b")}`],
  ])("is false for %s", (_name, target) => {
    expect(isValidRoute(target, context.simulatorHost)).toBe(false);
  });
});

describe("checkAnswer", () => {
  it("accepts a 2xx only for GET or HEAD of a valid route", () => {
    expect(checkAnswer({ method: "GET", target: devops }, answer(200, json, "{}"), context)).toBe("ok-2xx");
    expect(checkAnswer({ method: "POST", target: devops }, answer(200, json, "{}"), context)).toBe("bad-2xx");
    expect(checkAnswer({ method: "GET", target: "/api/devops/x" }, answer(200, { date: "d" }, "{}"), context)).toBe("bad-2xx");
  });

  it("takes errors in Azure's shape sent as JSON, and HEAD errors by their content type alone", () => {
    expect(checkAnswer({ method: "GET", target: "/api/x" }, answer(404, json, azureError), context)).toBe("azure-error");
    expect(checkAnswer({ method: "HEAD", target: "/api/x" }, answer(405, json), context)).toBe("azure-error");
    expect(checkAnswer({ method: "GET", target: "/api/x" }, answer(404, { ...json, "content-type": "text/plain" }, azureError), context)).toBe("not-azure-shape");
    expect(checkAnswer({ method: "SEARCH", target: "/api/x" }, answer(400, { date: "d" }), context)).toBe("not-azure-shape");
    expect(checkAnswer({ method: "GET", target: "/api/x" }, answer(500, { date: "d", "content-type": "text/plain" }, "Internal Server Error"), context)).toBe(
      "not-azure-shape",
    );
  });

  it("tells redirects that stay on our origin from those that leave it", () => {
    const redirect = (location: string) => answer(308, { date: "d", location });
    expect(checkAnswer({ method: "GET", target: "//api/health" }, redirect("/api/health"), context)).toBe("redirect-same-origin");
    expect(checkAnswer({ method: "GET", target: "//api/health" }, redirect("http://127.0.0.1:5000/api/health"), context)).toBe("redirect-same-origin");
    expect(checkAnswer({ method: "GET", target: "//evil.com/api" }, redirect("//evil.com/api"), context)).toBe("redirect-off-origin");
    expect(checkAnswer({ method: "GET", target: "/api/x" }, redirect("http://evil.com/api/x"), context)).toBe("redirect-off-origin");
    expect(checkAnswer({ method: "GET", target: "/api/x" }, answer(308, { date: "d" }), context)).toBe("not-azure-shape");
  });

  it("sets apart Node's parser refusals, paths that resolve outside /api, and requests never answered", () => {
    expect(checkAnswer({ method: "GET", target: "/api/é" }, answer(400, { connection: "close" }), context)).toBe("node-parser-refusal");
    expect(checkAnswer({ method: "GET", target: "/api/%2e%2e/op/x" }, answer(200, { ...json, "content-type": "text/html" }, "<html>"), context)).toBe(
      "outside-api",
    );
    expect(checkAnswer({ method: "GET", target: "/api/x" }, { kind: "failed", reason: "ECONNRESET" }, context)).toBe("no-answer");
  });
});

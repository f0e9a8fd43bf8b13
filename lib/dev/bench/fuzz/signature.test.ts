import { describe, expect, it } from "vitest";
import type { FuzzRequest } from "./arbitraries";
import { addToGroup, answerSignature, type Group } from "./signature";

const request = (method: string, target: string): FuzzRequest => ({ method, target, headers: {}, body: undefined });
const answer = (status: number, headers: Record<string, string> = {}) => ({ kind: "answer" as const, status, headers, body: "" });

describe("answerSignature", () => {
  it("names the status, the media type without parameters, Next's prefetch skip and the method", () => {
    expect(answerSignature(request("GET", "/"), answer(400, { "content-type": "application/json; charset=utf-8" }))).toBe("400 application/json to GET");
    expect(answerSignature(request("SEARCH", "/"), answer(400))).toBe("400 no content-type to SEARCH");
    expect(answerSignature(request("GET", "/"), answer(200, { "x-middleware-skip": "1" }))).toBe("200 no content-type x-middleware-skip to GET");
    expect(answerSignature(request("GET", "/"), { kind: "failed", reason: "ECONNRESET" })).toBe("failed: ECONNRESET");
  });
});

describe("addToGroup", () => {
  it("counts each signature and keeps its shortest request as the example", () => {
    const groups = new Map<string, Group>();
    addToGroup(groups, request("GET", "/api/long/path"), answer(404));
    addToGroup(groups, request("GET", "/api/x"), answer(404));
    addToGroup(groups, request("GET", "/api/longer/path"), answer(404));
    addToGroup(groups, request("POST", "/api/x"), answer(405));
    expect(groups.get("404 no content-type to GET")).toMatchObject({ count: 3, example: { request: { target: "/api/x" } } });
    expect(groups.get("405 no content-type to POST")?.count).toBe(1);
  });
});

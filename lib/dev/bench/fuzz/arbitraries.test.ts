import { validateHeaderName, validateHeaderValue } from "node:http";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzRequest, latin1, toWire } from "./arbitraries";

const context = {
  appHost: "127.0.0.1:5000",
  simulatorHost: "127.0.0.1:4010",
  seededPaths: ["/api/devops/00000000-0000-0000-0000-000000000001/rg/conn/00000000-0000-0000-0000-000000000002"],
  authorization: "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
};

describe("toWire and latin1", () => {
  it("send UTF-8 as its raw bytes, percent-encoding in a path what Node would refuse to send", () => {
    expect(toWire("é")).toBe("\u00c3\u00a9");
    expect(toWire("a b\n")).toBe("a%20b%0A");
    expect(latin1("Bearer é\r\n")).toBe("Bearer \u00c3\u00a9");
  });
});

describe("fuzzRequest", () => {
  it("only makes requests Node's client sends as generated (a target of bytes 0x21-0xFF, valid header values)", () => {
    fc.assert(
      fc.property(fuzzRequest(context), (request) => {
        expect(request.target).toMatch(/^\/[\u0021-\u00ff]*$/);
        for (const [name, value] of Object.entries(request.headers)) {
          validateHeaderName(name);
          for (const one of Array.isArray(value) ? value : [value]) validateHeaderValue(name, one);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("is the same requests for the same seed", () => {
    const run = () => fc.sample(fuzzRequest(context), { seed: 42, numRuns: 50 });
    expect(run()).toEqual(run());
  });

  it("mixes valid reads, the status and discovery routes and other /api paths", () => {
    const targets = fc.sample(fuzzRequest(context), { seed: 7, numRuns: 2_000 }).map((r) => r.target);
    expect(targets.filter((t) => t === context.seededPaths[0]).length).toBeGreaterThan(20);
    expect(targets.some((t) => t.startsWith("/api/devcenter/"))).toBe(true);
    expect(targets.some((t) => t.startsWith("/api/devops/"))).toBe(true);
    expect(targets.some((t) => t.startsWith(`/api/discovery/${context.simulatorHost}/projects?nextLink=`))).toBe(true);
    expect(targets.some((t) => /^\/api\/discovery\/[^/]+\/projects\/[^/]+\/devboxes\/[^/]+\/operations/.test(t))).toBe(true);
    expect(targets.some((t) => t.includes(".."))).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { addressHasher, processAddressHasher, proxyLogFields, proxyLogLevel, type ProxyRequestFacts } from "./proxy-log-line";

const FACTS: ProxyRequestFacts = {
  route: "devops",
  status: 429,
  totalMs: 12.345,
  upstreamHost: "management.azure.com",
  upstreamStatus: 429,
  upstreamMs: 10.04,
  azureRequestId: "4b1e8f7a-0000-4000-8000-000000000001",
  clientRequestId: "9d2c0e4f-0000-4000-8000-000000000002",
  retryAfter: "17",
  clientAddress: "203.0.113.9",
};

describe("proxyLogFields", () => {
  it("writes every fact an operator needs, times in tenths of a millisecond, the address as its hash", () => {
    expect(proxyLogFields(FACTS, (address) => `hash(${address.length})`)).toEqual({
      route: "devops",
      status: 429,
      totalMs: 12.3,
      upstreamHost: "management.azure.com",
      upstreamStatus: 429,
      upstreamMs: 10,
      azureRequestId: "4b1e8f7a-0000-4000-8000-000000000001",
      clientRequestId: "9d2c0e4f-0000-4000-8000-000000000002",
      retryAfter: "17",
      client: "hash(11)",
    });
  });

  it("leaves out what a refused request never learned, and names the refusal", () => {
    expect(proxyLogFields({ route: "discovery-projects", status: 400, totalMs: 0.04, refusal: "EndpointNotAllowed" }, () => "x")).toEqual({
      route: "discovery-projects",
      status: 400,
      totalMs: 0,
      refusal: "EndpointNotAllowed",
    });
  });

  it("never writes the address in clear", () => {
    const line = JSON.stringify(proxyLogFields(FACTS, processAddressHasher({} as typeof globalThis)));
    expect(line).not.toContain("203.0.113.9");
  });

  it("clips header values, so an odd one cannot make a line large", () => {
    const fields = proxyLogFields({ ...FACTS, azureRequestId: "a".repeat(1000), retryAfter: "9".repeat(1000) }, () => "x");
    expect(fields.azureRequestId).toHaveLength(128);
    expect(fields.retryAfter).toHaveLength(128);
  });
});

describe("the address hash", () => {
  it("is the same for one address within a process and differs between addresses", () => {
    const holder = {} as typeof globalThis;
    const hash = processAddressHasher(holder);
    expect(processAddressHasher(holder)("203.0.113.9")).toBe(hash("203.0.113.9"));
    expect(hash("203.0.113.9")).not.toBe(hash("203.0.113.10"));
    expect(hash("203.0.113.9")).toMatch(/^[\w-]{22}$/);
  });

  it("has a random key per process, so a hash cannot be looked up in a table of addresses", () => {
    const one = processAddressHasher({} as typeof globalThis);
    const other = processAddressHasher({} as typeof globalThis);
    expect(one("203.0.113.9")).not.toBe(other("203.0.113.9"));
    // Under a known key the hash is a plain HMAC: a fixed key gives a fixed hash, which the random key prevents.
    expect(addressHasher(new Uint8Array(32))("203.0.113.9")).toBe(addressHasher(new Uint8Array(32))("203.0.113.9"));
  });
});

describe("proxyLogLevel", () => {
  it("warns on Azure's throttling and on 5xx, informs otherwise", () => {
    expect(proxyLogLevel(FACTS)).toBe("warn");
    expect(proxyLogLevel({ route: "devcenter", status: 502, totalMs: 1, refusal: "UpstreamUnavailable" })).toBe("warn");
    expect(proxyLogLevel({ route: "devcenter", status: 200, totalMs: 1, upstreamStatus: 200 })).toBe("info");
    expect(proxyLogLevel({ route: "devcenter", status: 401, totalMs: 1, upstreamStatus: 401 })).toBe("info");
  });
});

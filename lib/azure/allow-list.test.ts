import { describe, expect, it } from "vitest";
import { isLoopbackHost, matchAllowList, parseAllowEntry, parseAllowList } from "./allow-list";

describe("DEVCENTER_ALLOWED_HOSTS entries", () => {
  it.each([
    ["*.devcenter.azure.com", { scheme: "https", host: "*.devcenter.azure.com", port: undefined }],
    ["https://devcenter.example.com:8443", { scheme: "https", host: "devcenter.example.com", port: "8443" }],
    ["http://127.0.0.1:4010", { scheme: "http", host: "127.0.0.1", port: "4010" }],
    ["http://127.44.0.9:4010", { scheme: "http", host: "127.44.0.9", port: "4010" }],
    ["HTTP://LocalHost:4010/", { scheme: "http", host: "localhost", port: "4010" }],
    ["http://[::1]:4010", { scheme: "http", host: "[::1]", port: "4010" }],
  ])("accepts %s", (entry, rule) => {
    expect(parseAllowEntry(entry)).toEqual({ ok: true, value: rule });
  });

  it.each([
    "http://devcenter.example.com",
    "http://10.0.0.5:4010",
    "http://192.168.1.2",
    "http://[::2]:4010",
    "http://localhost.example.com:4010",
    "http://sub.localhost:4010",
    "http://128.0.0.1",
  ])("refuses plain http to the non-loopback %s", (entry) => {
    expect(parseAllowEntry(entry)).toEqual({ ok: false, error: "plainHttpNotLoopback" });
  });

  it.each(["ftp://x", "http://0x7f.1:4010", "https://a.example/path", "https://u:p@a.example", "*.", "localhost", "a_b.example"])(
    "refuses %s as neither a host pattern nor an origin",
    (entry) => {
      expect(parseAllowEntry(entry)).toEqual({ ok: false, error: "notHostOrOrigin" });
    },
  );

  it("names a bad entry of a list by its position, not its value", () => {
    const result = parseAllowList("*.devcenter.azure.com, http://secret-host.example");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^DEVCENTER_ALLOWED_HOSTS entry 2 is a plain http:\/\/ origin/);
    expect(!result.ok && result.error).not.toContain("secret-host");
  });

  it("matches an allowed loopback origin on its exact host and port only", () => {
    const rules = parseAllowList("http://127.0.0.1:4010");
    if (!rules.ok) throw new Error(rules.error);
    expect(matchAllowList("127.0.0.1:4010", rules.value)).toBe("http://127.0.0.1:4010");
    expect(matchAllowList("127.0.0.1:4011", rules.value)).toBeUndefined();
    expect(matchAllowList("localhost:4010", rules.value)).toBeUndefined();
  });
});

describe("isLoopbackHost", () => {
  it.each(["localhost", "LOCALHOST", "127.0.0.1", "127.255.255.254", "[::1]"])("%s is loopback", (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(["localhost.", "sub.localhost", "127.0.0.1.example.com", "128.0.0.1", "0.0.0.0", "[::]", "::1", "10.0.0.1", "example.com"])(
    "%s is not",
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );
});

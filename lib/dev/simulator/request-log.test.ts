import { describe, expect, it } from "vitest";
import { redactHeaders, toLogEntry } from "./request-log";

describe("redactHeaders", () => {
  it("keeps the authorization scheme and cookie names, never a value", () => {
    const out = redactHeaders({
      authorization: "Bearer eyJ.secret-token.sig",
      "proxy-authorization": "Basic c2VjcmV0OnNlY3JldA==",
      "x-ms-authorization-auxiliary": "Bearer aux-secret-1, Bearer aux-secret-2",
      cookie: "session=secret-session; theme=dark-secret;  msal.cache=secret-cache",
      "set-cookie": ["sid=secret-sid; Path=/; HttpOnly", "other=secret-other; Expires=Wed, 21 Oct 2026 07:28:00 GMT"],
      "x-ms-client-request-id": "c-1",
    });
    expect(out).toEqual({
      authorization: "Bearer <redacted>",
      "proxy-authorization": "Basic <redacted>",
      "x-ms-authorization-auxiliary": "Bearer <redacted>",
      cookie: "session=<redacted>; theme=<redacted>; msal.cache=<redacted>",
      "set-cookie": "sid=<redacted>, other=<redacted>",
      "x-ms-client-request-id": "c-1",
    });
    expect(JSON.stringify(out)).not.toMatch(/secret|eyJ|dark|c2Vj/);
  });

  it.each([
    ["a cookie without a name", "just-a-secret", "<redacted>"],
    ["a name that is not a token", "we ird=secret; ok=secret", "<redacted>; ok=<redacted>"],
    ["an over-long name", `${"n".repeat(65)}=secret`, "<redacted>"],
    ["an empty value", "a=", "a=<redacted>"],
    ["stray separators", ";; a=secret ;", "a=<redacted>"],
  ])("redacts %s whole", (_name, cookie, expected) => {
    expect(redactHeaders({ cookie }).cookie).toBe(expected);
  });

  it.each(["secret", "Bearer", "", "=secret", "a-very-long-scheme-name-x secret"])("redacts the authorization value %j whole: no scheme with credentials after it", (authorization) => {
    expect(redactHeaders({ authorization }).authorization).toBe("<redacted>");
  });

  it("writes the bearer scheme one way, other schemes as sent", () => {
    expect(redactHeaders({ authorization: "bEaReR x" }).authorization).toBe("Bearer <redacted>");
    expect(redactHeaders({ authorization: "PoP x" }).authorization).toBe("PoP <redacted>");
  });

  it("keeps other headers as received, lists joined, and takes no prototype names for redactors", () => {
    const out = redactHeaders({ accept: "application/json", "x-list": ["a", "b"], constructor: "x", ["__proto__"]: "y", tostring: "z" });
    expect(Object.entries(out)).toEqual([
      ["accept", "application/json"],
      ["x-list", "a, b"],
      ["constructor", "x"],
      ["__proto__", "y"],
      ["tostring", "z"],
    ]);
  });
});

describe("toLogEntry", () => {
  it("stores the redacted headers only", () => {
    const entry = toLogEntry({
      at: 0,
      method: "GET",
      url: new URL("http://sim/x?api-version=1"),
      headers: { cookie: "session=secret", authorization: "Bearer secret" },
      token: { present: true, valid: null },
      status: 200,
    });
    expect(entry.headers).toEqual({ cookie: "session=<redacted>", authorization: "Bearer <redacted>" });
    expect(JSON.stringify(entry)).not.toContain("secret");
  });
});

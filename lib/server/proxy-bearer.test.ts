import { describe, expect, it } from "vitest";
import { bearerAuthorization, isJwtShaped } from "./proxy-bearer";

const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const jwt = (header: unknown, payload: unknown = { sub: "x" }, signature = "c2lnbmF0dXJl") => `${b64(header)}.${b64(payload)}.${signature}`;

describe("isJwtShaped", () => {
  it.each([
    ["an RS256 access token", jwt({ alg: "RS256", typ: "JWT", kid: "k1" })],
    ["an unsigned token with a placeholder signature", jwt({ alg: "none" }, {}, "unsigned")],
    ["a payload that is not JSON (only the header is read)", `${b64({ alg: "RS256" })}.bm90IGpzb24.c2ln`],
  ])("accepts %s", (_name, token) => {
    expect(isJwtShaped(token)).toBe(true);
  });

  it.each([
    ["an opaque token", "EwBwA8l6BAAU"],
    ["two segments", `${b64({ alg: "RS256" })}.${b64({})}`],
    ["five segments (JWE)", `${b64({ alg: "RSA-OAEP", enc: "A256GCM" })}.a.b.c.d`],
    ["an empty signature", `${b64({ alg: "none" })}.${b64({})}.`],
    ["padding", `${b64({ alg: "RS256" })}=.e30.c2ln`],
    ["standard base64 characters", `${b64({ alg: "RS256" })}.e3+.c2/n`],
    ["a segment of impossible length", `${b64({ alg: "RS256" })}.e30.c2lnb`],
    ["a header that is not JSON", jwt("not json")],
    ["a header that is a string", jwt('"RS256"')],
    ["a header that is an array", jwt(["alg"])],
    ["a header that is null", jwt(null)],
    ["a header without alg", jwt({ typ: "JWT" })],
    ["an empty alg", jwt({ alg: "" })],
    ["a numeric alg", jwt({ alg: 256 })],
  ])("refuses %s", (_name, token) => {
    expect(isJwtShaped(token)).toBe(false);
  });
});

describe("bearerAuthorization", () => {
  const request = (authorization: string) => new Request("http://localhost/api/x", { headers: { authorization } });

  it("forwards a JWT-shaped bearer with the scheme normalised", () => {
    const token = jwt({ alg: "RS256" });
    expect(bearerAuthorization(request(`bearer   ${token}`))).toEqual({ ok: true, value: `Bearer ${token}` });
  });

  it("says why a bearer is refused without echoing it", () => {
    const result = bearerAuthorization(request("Bearer secret-opaque-token"));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain("secret-opaque-token");
    expect(!result.ok && result.error).toContain("JSON Web Token");
  });
});

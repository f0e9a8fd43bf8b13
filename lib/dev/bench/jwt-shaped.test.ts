import { describe, expect, it } from "vitest";
import { jwtShapedBearer } from "./jwt-shaped";

describe("jwtShapedBearer", () => {
  it("is three base64url segments whose first is a JSON header with alg, and carries the audience", () => {
    const value = jwtShapedBearer("https://management.azure.com");
    const match = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(value);
    expect(match).not.toBeNull();
    const decode = (segment: string | undefined) => JSON.parse(Buffer.from(segment ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
    expect(decode(match?.[1])).toMatchObject({ alg: "RS256", typ: "JWT" });
    const payload = decode(match?.[2]);
    expect(payload).toMatchObject({ aud: "https://management.azure.com", sub: "bench-user" });
    expect(Number(payload.exp)).toBeGreaterThan(Date.now() / 1000);
  });
});

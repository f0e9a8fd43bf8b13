import { describe, expect, it } from "vitest";
import { redactedJson, redactSecrets } from "./redact-secrets";

const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tIn0.c2lnbmF0dXJlLXNlY3JldA";

describe("redactSecrets", () => {
  it("removes a JWT anywhere, also glued to other text or cut to two parts", () => {
    expect(redactSecrets(`token ${JWT} expired`)).toBe("token [redacted] expired");
    expect(redactSecrets(`x${JWT}.tail`)).toBe("x[redacted]");
    expect(redactSecrets("cut eyJhbGciOi.eyJhdWQ")).toBe("cut [redacted]");
  });

  it("removes Bearer values, repeated schemes included", () => {
    expect(redactSecrets("sent Bearer abc.def-123 to ARM")).toBe("sent Bearer [redacted] to ARM");
    expect(redactSecrets("Bearer Bearer s3cr3t")).not.toContain("s3cr3t");
    expect(redactSecrets("bearer%20s3cr3t")).not.toContain("s3cr3t");
  });

  it("removes the rest of an Authorization, Cookie or Set-Cookie line, as text or as a JSON key", () => {
    expect(redactSecrets("Authorization: Basic dXNlcjpwYXNz\nnext line")).toBe("Authorization: [redacted]\nnext line");
    expect(redactSecrets("cookie: session=abc; other=def")).toBe("cookie: [redacted]");
    expect(redactSecrets("Set-Cookie: id=xyz; HttpOnly")).toBe("Set-Cookie: [redacted]");
    expect(redactSecrets('{"Authorization":"SharedKey acct:sig"}')).not.toContain("acct:sig");
    expect(redactSecrets('{"note":"\\"Authorization\\": \\"s3cr3t\\""}')).not.toContain("s3cr3t");
  });

  it("removes SAS signatures and OAuth values from query strings", () => {
    expect(redactSecrets("https://a.blob.core.windows.net/c?sv=2022&sig=AbC%2Fd%3D&se=x")).toBe(
      "https://a.blob.core.windows.net/c?sv=2022&sig=[redacted]&se=x",
    );
    expect(redactSecrets("cb?access_token=xyz&state=1")).toBe("cb?access_token=[redacted]&state=1");
  });

  it("leaves ordinary Azure text alone, whatever its script", () => {
    for (const text of [
      "AuthorizationFailed: The client does not have authorization to perform action 'Microsoft.Security/read'.",
      "権限がありません：プロジェクト 'レガシー' 🚫",
      "ההרשאה נדחתה עבור הפרויקט",
      "eyJ alone is not a token; neither is a.b.c",
    ]) {
      expect(redactSecrets(text)).toBe(text);
    }
  });

  it("gets through hostile text (each pattern is linear; a quadratic one would hit the test's timeout)", () => {
    const hostile = "eyJ".repeat(100_000) + ".x " + "Bearer ".repeat(50_000) + "Authorization".repeat(20_000);
    const out = redactSecrets(hostile);
    expect(out.startsWith("[redacted] Bearer [redacted]")).toBe(true);
  });
});

describe("redactedJson", () => {
  it("hides values under secret keys and secrets inside values", () => {
    const json = redactedJson({ region: "westeurope", accessToken: "abc", nested: { password: "pw", note: `Bearer ${JWT}` } });
    expect(json).toBe('{"region":"westeurope","accessToken":"[redacted]","nested":{"password":"[redacted]","note":"Bearer [redacted]"}}');
  });

  it("never throws", () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(redactedJson(cycle)).toBe("(this value cannot be shown as JSON)");
    expect(redactedJson(undefined)).toBe("(no value)");
  });
});

import { describe, expect, it } from "vitest";
import { PROXY_OVERLOADED, PROXY_RATE_LIMITED, PROXY_SLOW_DOWN_CODES } from "@/lib/azure/proxy-refusals";
import { readConfig } from "@/lib/config/read-config";
import { PROXY_ERROR_CODES, proxyError, proxyErrorStatus, type ProxyErrorCode } from "./errors";

const EXPECTED_STATUS: Record<ProxyErrorCode, number> = {
  InvalidParameter: 400,
  EndpointNotAllowed: 400,
  AuthenticationRequired: 401,
  UpstreamTimeout: 504,
  UpstreamUnavailable: 502,
  UpstreamResponseTooLarge: 502,
  ProxyMisconfigured: 500,
  MethodNotAllowed: 405,
  NotFound: 404,
  ProxyRateLimited: 429,
  ProxyOverloaded: 503,
};

describe("proxy error module", () => {
  it("owns exactly the codes of the contract, each with its status", () => {
    expect([...PROXY_ERROR_CODES].sort()).toEqual(Object.keys(EXPECTED_STATUS).sort());
    for (const code of PROXY_ERROR_CODES) expect(proxyErrorStatus(code), code).toBe(EXPECTED_STATUS[code]);
  });

  it("builds Azure's ErrorResponse with no-store and x-ms-error-code", async () => {
    const response = proxyError("UpstreamTimeout", "management.azure.com", 30000);
    expect(response.status).toBe(504);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-ms-error-code")).toBe("UpstreamTimeout");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.json()).toEqual({
      error: {
        code: "UpstreamTimeout",
        message: "The upstream management.azure.com did not answer within 30000 ms (PROXY_TIMEOUT_MS).",
      },
    });
  });

  it("names the parameter and rule in InvalidParameter", async () => {
    const response = proxyError("InvalidParameter", { parameter: "projectName", message: "projectName must be 3-63 characters" });
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toBe("The parameter 'projectName' is invalid: projectName must be 3-63 characters.");
  });

  it("clips echoed input so a hostile value cannot inflate the body", async () => {
    const response = proxyError("EndpointNotAllowed", "a".repeat(10_000));
    expect((await response.text()).length).toBeLessThan(400);
  });

  it("answers the slow-downs the browser obeys with the browser's own codes", () => {
    expect(PROXY_ERROR_CODES.filter((code) => PROXY_SLOW_DOWN_CODES.has(code)).sort()).toEqual([PROXY_OVERLOADED, PROXY_RATE_LIMITED].sort());
  });

  it.each([
    [PROXY_RATE_LIMITED, 429],
    [PROXY_OVERLOADED, 503],
  ] as const)("%s carries Retry-After in whole seconds, at least 1", async (code, status) => {
    for (const [seconds, header] of [
      [0, "1"],
      [0.2, "1"],
      [1, "1"],
      [2.01, "3"],
      [Number.NaN, "1"],
    ] as const) {
      const response = proxyError(code, seconds);
      expect(response.status).toBe(status);
      expect(response.headers.get("retry-after"), String(seconds)).toBe(header);
      expect(response.headers.get("x-ms-error-code")).toBe(code);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe(code);
      expect(body.error.message).toContain(`${header} s`);
    }
  });

  it("ProxyMisconfigured names each bad variable but never its value", async () => {
    const config = readConfig({ NODE_ENV: "test", AZURE_ARM_ENDPOINT: "http://leaky-arm.example", PROXY_TIMEOUT_MS: "leaky-timeout" });
    if (config.proxy.ok) throw new Error("expected problems");
    const text = await proxyError("ProxyMisconfigured", config.proxy.error).text();
    expect(text).toContain("AZURE_ARM_ENDPOINT");
    expect(text).toContain("PROXY_TIMEOUT_MS");
    expect(text).not.toMatch(/leaky/);
  });

  it("tells the client what to do next on 401 and 405", () => {
    expect(proxyError("AuthenticationRequired", "no Authorization header was sent").headers.get("www-authenticate")).toBe("Bearer");
    expect(proxyError("MethodNotAllowed", "POST").headers.get("allow")).toBe("GET");
  });
});

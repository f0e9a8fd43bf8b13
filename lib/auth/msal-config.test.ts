import { BrowserCacheLocation, ProtocolMode } from "@azure/msal-browser";
import { describe, expect, it } from "vitest";
import { localSigninMetadata } from "@/lib/dev/local-app-env";
import { buildMsalConfiguration } from "./msal-config";
import { samplePublicConfig } from "@/lib/dev/test-support/public-config";

const base = samplePublicConfig;

describe("buildMsalConfiguration", () => {
  it("uses session storage and Entra ID mode, returning to the app's root by default", () => {
    const config = buildMsalConfiguration(base, "https://opwatch.example.com");
    expect(config.cache?.cacheLocation).toBe(BrowserCacheLocation.SessionStorage);
    expect(config.system?.protocolMode).toBe(ProtocolMode.AAD);
    expect(config.auth).toMatchObject({ redirectUri: "https://opwatch.example.com/", postLogoutRedirectUri: "https://opwatch.example.com/" });
  });

  it("switches to OIDC mode with known authorities for the local sign-in server", () => {
    const config = buildMsalConfiguration(
      { ...base, protocol: "OIDC", authority: "https://localhost:4443", knownAuthorities: ["localhost:4443"], redirectUri: "http://localhost:3000/" },
      "http://localhost:3000",
    );
    expect(config.system?.protocolMode).toBe(ProtocolMode.OIDC);
    expect(config.auth).toMatchObject({ authority: "https://localhost:4443", knownAuthorities: ["localhost:4443"], redirectUri: "http://localhost:3000/" });
  });

  it("hands MSAL the authority's endpoints as the JSON string it parses, when the server has them", () => {
    const metadata = localSigninMetadata("https://localhost:4443");
    const config = buildMsalConfiguration({ ...base, protocol: "OIDC", authority: "https://localhost:4443", authorityMetadata: metadata }, "http://localhost:3000");
    expect(JSON.parse(config.auth.authorityMetadata ?? "")).toEqual(metadata);
    expect(buildMsalConfiguration(base, "https://opwatch.example.com").auth).not.toHaveProperty("authorityMetadata");
  });
});

import { describe, expect, it } from "vitest";
import { LOCAL_SIGNIN_ROUTES, localAppEnv, localSigninMetadata, withGivenSettings } from "./local-app-env";

const local = localAppEnv({ appOrigin: "http://localhost:3000", simulatorOrigin: "http://127.0.0.1:4010", issuer: "https://localhost:4443" });

describe("localAppEnv", () => {
  it("hands the app the local sign-in server's endpoints, so MSAL fetches no discovery document", () => {
    expect(JSON.parse(local.AZURE_AUTHORITY_METADATA ?? "")).toEqual({
      issuer: "https://localhost:4443",
      authorization_endpoint: "https://localhost:4443/auth",
      token_endpoint: "https://localhost:4443/token",
      end_session_endpoint: "https://localhost:4443/session/end",
      jwks_uri: "https://localhost:4443/jwks",
    });
    expect(local).toMatchObject({ AZURE_AUTHORITY: "https://localhost:4443", AZURE_AUTH_PROTOCOL: "OIDC", AZURE_KNOWN_AUTHORITIES: "localhost:4443" });
  });

  it("builds every endpoint from the issuer's origin and the server's stated routes", () => {
    const metadata = localSigninMetadata("https://localhost:4543/");
    expect(metadata.issuer).toBe("https://localhost:4543");
    expect(metadata.token_endpoint).toBe(`https://localhost:4543${LOCAL_SIGNIN_ROUTES.token}`);
  });
});

describe("withGivenSettings", () => {
  it("lets the person's settings win", () => {
    expect(withGivenSettings(local, { PROXY_TIMEOUT_MS: "5000", AZURE_CLIENT_ID: "mine" })).toMatchObject({
      PROXY_TIMEOUT_MS: "5000",
      AZURE_CLIENT_ID: "mine",
      AZURE_AUTHORITY_METADATA: local.AZURE_AUTHORITY_METADATA,
    });
  });

  it.each<Record<string, string>>([{ AZURE_AUTHORITY: "https://login.microsoftonline.com/contoso.example" }, { AZURE_AUTH_PROTOCOL: "AAD" }])(
    "leaves out what describes the local sign-in server when the person names another authority (%o)",
    (given) => {
      const merged = withGivenSettings(local, given);
      expect(merged).not.toHaveProperty("AZURE_AUTHORITY_METADATA");
      expect(merged).not.toHaveProperty("AZURE_KNOWN_AUTHORITIES");
      expect(merged).toMatchObject({ ...given, AZURE_ARM_ENDPOINT: "http://127.0.0.1:4010" });
    },
  );

  it("keeps what the person gives for those too", () => {
    const given = { AZURE_AUTHORITY: "https://id.example.com", AZURE_AUTH_PROTOCOL: "OIDC", AZURE_KNOWN_AUTHORITIES: "id.example.com" };
    expect(withGivenSettings(local, given)).toMatchObject(given);
  });
});

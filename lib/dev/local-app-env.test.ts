import { describe, expect, it } from "vitest";
import { readConfig } from "@/lib/config/read-config";
import { LOCAL_SIGNIN_ROUTES, localAppEnv, localSigninMetadata, simulatorOrigins, withGivenSettings } from "./local-app-env";

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

  it("hands the app the demo's operations with their labels, commas and all, as the configuration reads them", () => {
    const demoOperations = [
      { permalink: "/op/devops/sub-1/rg-1/conn-1/op-1", label: "Nested operations: Succeeded, Failed and InProgress" },
      { permalink: "/op/devcenter/127.0.0.1%3A4010/proj-1/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", label: "DevCenter 503 once" },
    ];
    const env = localAppEnv({ appOrigin: "http://localhost:3000", simulatorOrigin: "http://127.0.0.1:4010", issuer: "https://localhost:4443", demoOperations });
    const config = readConfig({ NODE_ENV: "test", ...env }).public;
    expect(config.ok && config.value.demoOperations).toEqual(demoOperations);
    expect(local.OPWATCH_DEMO_OPERATIONS).toBe("");
  });

  it("lets the DevCenter proxy call the simulator under either loopback name, and nothing else", () => {
    expect(local.DEVCENTER_ALLOWED_HOSTS).toBe("http://localhost:4010,http://127.0.0.1:4010");
    expect(local.AZURE_ARM_ENDPOINT).toBe("http://127.0.0.1:4010");
    expect(local.OPWATCH_DISCOVERY_ENDPOINTS).toBe("127.0.0.1:4010");
    expect(simulatorOrigins("http://localhost:4110/")).toEqual(["http://localhost:4110", "http://127.0.0.1:4110"]);
    expect(simulatorOrigins("http://[::1]:4010")).toEqual(["http://[::1]:4010"]);
    expect(simulatorOrigins("http://127.0.0.2:4010")).toEqual(["http://127.0.0.2:4010"]);
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

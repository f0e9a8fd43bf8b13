import { describe, expect, it } from "vitest";
import { readConfig } from "@/lib/config/read-config";
import { localAppEnv } from "@/lib/dev/local-app-env";
import { accountToSignInWith } from "./sign-in-wording";

const CLIENT = "11111111-2222-4333-8444-555555555555";

function publicConfig(values: Record<string, string>) {
  const result = readConfig({ NODE_ENV: "test", ...values }).public;
  if (!result.ok) throw new Error("expected a valid configuration");
  return result.value;
}

describe("accountToSignInWith", () => {
  it("asks for a demo account on the demo's local sign-in server", () => {
    const env = localAppEnv({ appOrigin: "http://localhost:3000", simulatorOrigin: "http://127.0.0.1:4010", issuer: "https://localhost:4443" });
    expect(accountToSignInWith(publicConfig(env))).toBe("demo account");
  });

  it("asks for a work or school account on Microsoft Entra ID, and on an OpenID provider elsewhere", () => {
    expect(accountToSignInWith(publicConfig({ AZURE_CLIENT_ID: CLIENT }))).toBe("work or school account");
    const remote = { AZURE_CLIENT_ID: CLIENT, AZURE_AUTH_PROTOCOL: "OIDC", AZURE_AUTHORITY: "https://login.example.com/realm" };
    expect(accountToSignInWith(publicConfig(remote))).toBe("work or school account");
  });
});

import type { AccountInfo, IPublicClientApplication, SilentRequest } from "@azure/msal-browser";
import { describe, expect, it, vi } from "vitest";
import { acquireAccessToken } from "@/lib/auth/acquire-token";
import { scopeForKind } from "@/lib/auth/scopes";
import { browserAcquireEnvironment } from "@/lib/auth/use-get-access-token";
import { permalinkPath, type DevopsRef } from "@/lib/azure/operation-ref";
import type { PublicConfig } from "@/lib/config/public-config";
import { startFirstReadAhead } from "./first-read-ahead";

const ACCOUNT = { homeAccountId: "ahead", localAccountId: "l", environment: "e", tenantId: "t", username: "ada@opwatch.test" } as AccountInfo;
const CONFIG = {} as PublicConfig;
const REF: DevopsRef = {
  kind: "devops",
  subscriptionId: "00000000-0000-4000-8000-000000000001",
  resourceGroupName: "rg",
  securityConnectorName: "conn",
  operationResultId: "00000000-0000-4000-8000-000000000002",
};

/** A fresh MSAL stand-in per test: acquire-token.ts keeps tokens per client. */
function fakeClient(accounts: AccountInfo[] = [ACCOUNT]) {
  const client = {
    acquireTokenSilent: vi.fn((request: SilentRequest) => Promise.resolve({ accessToken: `token for ${request.scopes.join(" ")}`, expiresOn: new Date(Date.now() + 3_600_000) })),
    acquireTokenRedirect: vi.fn(() => Promise.resolve()),
    getActiveAccount: vi.fn(() => accounts[0] ?? null),
    getAllAccounts: vi.fn(() => accounts),
    addEventCallback: vi.fn(() => null),
  };
  return { client, instance: client as unknown as IPublicClientApplication };
}

describe("startFirstReadAhead", () => {
  it("on a permalink, has the token for its API at hand before the first read asks", async () => {
    const { client, instance } = fakeClient();
    startFirstReadAhead(instance, CONFIG, permalinkPath(REF));
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(1);
    expect(client.acquireTokenSilent.mock.calls[0]?.[0].scopes).toEqual([scopeForKind("devops")]);
    // The read's own request finds it: MSAL is not asked again.
    await expect(acquireAccessToken(instance, "devops", {}, browserAcquireEnvironment(CONFIG))).resolves.toBe(`token for ${scopeForKind("devops")}`);
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(1);
  });

  it("asks for no token on other pages, on a permalink that names no operation, or with nobody signed in", () => {
    for (const [pathname, accounts] of [
      ["/", [ACCOUNT]],
      ["/board", [ACCOUNT]],
      ["/op/devops/not-an-operation", [ACCOUNT]],
      [permalinkPath(REF), []],
    ] as const) {
      const { client, instance } = fakeClient([...accounts]);
      startFirstReadAhead(instance, CONFIG, pathname);
      expect(client.acquireTokenSilent, pathname).not.toHaveBeenCalled();
    }
  });

  it("never stops the sign-in start-up: a failure is left for the first read to meet", async () => {
    const { client, instance } = fakeClient();
    client.getActiveAccount.mockImplementation(() => {
      throw new Error("storage is off limits");
    });
    expect(() => {
      startFirstReadAhead(instance, CONFIG, permalinkPath(REF));
    }).not.toThrow();
    const refused = fakeClient();
    refused.client.acquireTokenSilent.mockRejectedValue(new Error("the sign-in service is down"));
    // Refused: handled here (an unhandled rejection would fail this run), for the read to ask again and say why.
    startFirstReadAhead(refused.instance, CONFIG, permalinkPath(REF));
    await vi.waitFor(() => {
      expect(refused.client.acquireTokenSilent).toHaveBeenCalledTimes(1);
    });
  });
});

import { AuthError, CacheLookupPolicy, InteractionRequiredAuthError, type AccountInfo, type SilentRequest } from "@azure/msal-browser";
import { describe, expect, it, vi } from "vitest";
import { acquireAccessToken, INTERACTION_GUARD_MS, type AcquireEnvironment, type TokenClient } from "./acquire-token";
import { AccessTokenError } from "./auth-errors";
import { TOKEN_SCOPES } from "./scopes";

const account = { homeAccountId: "h", localAccountId: "l", environment: "e", tenantId: "t", username: "ada@opwatch.test" } as AccountInfo;

function fakeClient(silent: (request: SilentRequest) => Promise<{ accessToken: string }>, accounts: AccountInfo[] = [account]) {
  const client = {
    acquireTokenSilent: vi.fn(silent),
    acquireTokenRedirect: vi.fn(() => Promise.resolve()),
    getActiveAccount: vi.fn(() => accounts[0] ?? null),
    getAllAccounts: vi.fn(() => accounts),
  };
  return client as typeof client & TokenClient;
}

function memoryEnv(now = 1_000_000): AcquireEnvironment & { store: Map<string, string> } {
  const store = new Map<string, string>();
  return {
    store,
    currentUrl: () => "http://localhost:3000/op/devops/s/rg/c/id?x=1",
    storage: {
      getItem: (k) => store.get(k) ?? null,
      setItem: (k, v) => store.set(k, v),
      removeItem: (k) => store.delete(k),
    },
    now: () => now,
  };
}

async function rejection(promise: Promise<unknown>): Promise<AccessTokenError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AccessTokenError) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

describe("acquireAccessToken", () => {
  it.each([
    ["devops", "https://management.azure.com/user_impersonation"],
    ["devcenter", "https://devcenter.azure.com/.default"],
  ] as const)("asks for the %s scope alone, silently, without a hidden iframe", async (kind, scope) => {
    expect(TOKEN_SCOPES[kind]).toBe(scope);
    const client = fakeClient(() => Promise.resolve({ accessToken: `token-${kind}` }));
    await expect(acquireAccessToken(client, kind, {}, memoryEnv())).resolves.toBe(`token-${kind}`);
    expect(client.acquireTokenSilent).toHaveBeenCalledWith({
      scopes: [scope],
      account,
      forceRefresh: false,
      cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken,
    });
  });

  it("shares one request between concurrent calls of a kind, but not across kinds or a forced refresh", async () => {
    let release: (value?: unknown) => void = () => undefined;
    const gate = new Promise((resolve) => {
      release = resolve;
    });
    const client = fakeClient(async (request) => {
      await gate;
      return { accessToken: `${request.scopes[0] ?? ""}:${String(request.forceRefresh)}` };
    });
    const env = memoryEnv();
    const calls = [
      acquireAccessToken(client, "devops", {}, env),
      acquireAccessToken(client, "devops", {}, env),
      acquireAccessToken(client, "devcenter", {}, env),
      acquireAccessToken(client, "devops", { forceRefresh: true }, env),
    ];
    release();
    const tokens = await Promise.all(calls);
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(3);
    expect(tokens[0]).toBe(tokens[1]);
    expect(tokens[3]).toBe(`${TOKEN_SCOPES.devops}:true`);
    // Once settled, the next call asks again.
    await acquireAccessToken(client, "devops", {}, env);
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(4);
  });

  it("rejects signed out without asking MSAL", async () => {
    const client = fakeClient(() => Promise.resolve({ accessToken: "x" }), []);
    expect((await rejection(acquireAccessToken(client, "devops", {}, memoryEnv()))).code).toBe("signedOut");
    expect(client.acquireTokenSilent).not.toHaveBeenCalled();
  });

  it("redirects to sign in when interaction is required, coming back to the current page, but not in a loop", async () => {
    const client = fakeClient(() => Promise.reject(new InteractionRequiredAuthError("invalid_grant", "AADSTS700082: expired")));
    const env = memoryEnv();
    const first = await rejection(acquireAccessToken(client, "devcenter", {}, env));
    expect(first.code).toBe("redirecting");
    expect(client.acquireTokenRedirect).toHaveBeenCalledWith({
      scopes: [TOKEN_SCOPES.devcenter],
      account,
      redirectStartPage: "http://localhost:3000/op/devops/s/rg/c/id?x=1",
    });
    // Coming back and still refused within the guard time: say so instead of redirecting again.
    const second = await rejection(acquireAccessToken(client, "devcenter", {}, env));
    expect(second.code).toBe("signInRequired");
    expect(client.acquireTokenRedirect).toHaveBeenCalledTimes(1);
    const later = { ...env, now: () => 1_000_000 + INTERACTION_GUARD_MS + 1 };
    expect((await rejection(acquireAccessToken(client, "devcenter", {}, later))).code).toBe("redirecting");
  });

  it("tells a personal account plainly that ARM needs a work or school account", async () => {
    const client = fakeClient(() => Promise.reject(new AuthError("invalid_scope", "AADSTS70011: The provided value for scope ...")));
    const error = await rejection(acquireAccessToken(client, "devops", {}, memoryEnv()));
    expect(error.code).toBe("workOrSchoolAccountNeeded");
    expect(error.message).toContain("work or school account");
  });

  it("never passes MSAL's message (which can echo request details) to the UI", async () => {
    const secret = "eyJhbGciOiJSUzI1NiJ9.secret.token";
    const client = fakeClient(() => Promise.reject(new AuthError("post_request_failed", `failed with ${secret}`)));
    const error = await rejection(acquireAccessToken(client, "devops", {}, { ...memoryEnv(), config: { protocol: "OIDC", authority: "https://localhost:4443" } }));
    expect(error.message).not.toContain(secret);
    expect(error.message).toContain("post_request_failed");
    expect(error.message).toContain("https://localhost:4443");
  });
});

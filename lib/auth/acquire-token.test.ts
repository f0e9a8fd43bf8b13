import {
  AuthError,
  CacheLookupPolicy,
  EventType,
  InteractionRequiredAuthError,
  type AccountInfo,
  type EventCallbackFunction,
  type SilentRequest,
} from "@azure/msal-browser";
import { describe, expect, it, vi } from "vitest";
import type { PublicConfig } from "@/lib/config/public-config";
import { acquireAccessToken, INTERACTION_GUARD_MS, type AcquireEnvironment, type TokenClient } from "./acquire-token";
import { AccessTokenError } from "./auth-errors";
import { buildMsalConfiguration, TOKEN_RENEWAL_OFFSET_SECONDS } from "./msal-config";
import { TOKEN_SCOPES } from "./scopes";

const account = { homeAccountId: "h", localAccountId: "l", environment: "e", tenantId: "t", username: "ada@opwatch.test" } as AccountInfo;

type SilentResult = Promise<{ accessToken: string; expiresOn?: Date | null; refreshOn?: Date }>;

/** `switchAccount` changes the first account as MSAL's setActiveAccount does: with an event. */
function fakeClient(silent: (request: SilentRequest) => SilentResult, accounts: AccountInfo[] = [account]) {
  const callbacks: EventCallbackFunction[] = [];
  const client = {
    acquireTokenSilent: vi.fn(silent),
    acquireTokenRedirect: vi.fn(() => Promise.resolve()),
    getActiveAccount: vi.fn(() => accounts[0] ?? null),
    getAllAccounts: vi.fn(() => accounts),
    addEventCallback: vi.fn((callback: EventCallbackFunction) => {
      callbacks.push(callback);
      return null;
    }),
    switchAccount: (next: AccountInfo) => {
      accounts[0] = next;
      const message = { eventType: EventType.ACTIVE_ACCOUNT_CHANGED, interactionType: null, payload: null, error: null, timestamp: 0, correlationId: "c" };
      for (const callback of callbacks) callback(message);
    },
  };
  return client as typeof client & TokenClient;
}

function memoryEnv(now: number | (() => number) = 1_000_000): AcquireEnvironment & { store: Map<string, string> } {
  const store = new Map<string, string>();
  return {
    store,
    currentUrl: () => "http://localhost:3000/op/devops/s/rg/c/id?x=1",
    storage: {
      getItem: (k) => store.get(k) ?? null,
      setItem: (k, v) => store.set(k, v),
      removeItem: (k) => store.delete(k),
    },
    now: typeof now === "number" ? () => now : now,
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

describe("acquireAccessToken's memory of the last token", () => {
  const START = 1_700_000_000_000;
  const HOUR = 3_600_000;
  const OFFSET_MS = TOKEN_RENEWAL_OFFSET_SECONDS * 1000;

  /** A clock the test moves, and an MSAL that hands out numbered tokens valid for an hour from the clock's time. */
  function setup(accounts: AccountInfo[] = [account]) {
    const clock = { now: START };
    let issued = 0;
    const client = fakeClient((request) => {
      issued++;
      return Promise.resolve({
        accessToken: `token-${String(issued)}-${request.account?.homeAccountId ?? ""}-${String(request.forceRefresh)}`,
        expiresOn: new Date(clock.now + HOUR),
      });
    }, accounts);
    return { clock, client, env: memoryEnv(() => clock.now) };
  }

  it("uses MSAL's renewal offset, configured in one place", () => {
    const config = { clientId: "c", authority: "https://login.microsoftonline.com/organizations", protocol: "AAD", knownAuthorities: [], redirectUri: null } as unknown as PublicConfig;
    expect(buildMsalConfiguration(config, "http://localhost:3000").system?.tokenRenewalOffsetSeconds).toBe(TOKEN_RENEWAL_OFFSET_SECONDS);
    expect(TOKEN_RENEWAL_OFFSET_SECONDS).toBe(300);
  });

  it("makes one acquireTokenSilent for 100 concurrent and then 100 sequential calls", async () => {
    const { client, env, clock } = setup();
    const concurrent = await Promise.all(Array.from({ length: 100 }, () => acquireAccessToken(client, "devops", {}, env)));
    expect(new Set(concurrent)).toEqual(new Set(["token-1-h-false"]));
    for (let i = 0; i < 100; i++) {
      clock.now += 1_000;
      await expect(acquireAccessToken(client, "devops", {}, env)).resolves.toBe("token-1-h-false");
    }
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(1);
  });

  it("keeps one token per kind", async () => {
    const { client, env } = setup();
    const devops = await acquireAccessToken(client, "devops", {}, env);
    const devcenter = await acquireAccessToken(client, "devcenter", {}, env);
    expect(devcenter).not.toBe(devops);
    await expect(acquireAccessToken(client, "devops", {}, env)).resolves.toBe(devops);
    await expect(acquireAccessToken(client, "devcenter", {}, env)).resolves.toBe(devcenter);
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(2);
  });

  it("stops reusing a token at expiresOn minus the renewal offset", async () => {
    const { client, env, clock } = setup();
    await acquireAccessToken(client, "devops", {}, env);
    clock.now = START + HOUR - OFFSET_MS - 1;
    await expect(acquireAccessToken(client, "devops", {}, env)).resolves.toBe("token-1-h-false");
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(1);
    clock.now = START + HOUR - OFFSET_MS;
    await expect(acquireAccessToken(client, "devops", {}, env)).resolves.toBe("token-2-h-false");
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(2);
  });

  it("stops earlier at refreshOn, when MSAL renews a token early", async () => {
    const client = fakeClient(() =>
      Promise.resolve({ accessToken: "early", expiresOn: new Date(START + HOUR), refreshOn: new Date(START + HOUR / 2) }),
    );
    const clock = { now: START };
    const env = memoryEnv(() => clock.now);
    await acquireAccessToken(client, "devops", {}, env);
    clock.now = START + HOUR / 2 - 1;
    await acquireAccessToken(client, "devops", {}, env);
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(1);
    clock.now = START + HOUR / 2;
    await acquireAccessToken(client, "devops", {}, env);
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(2);
  });

  it.each([
    ["no expiresOn", {}],
    ["a null expiresOn", { expiresOn: null }],
    ["an invalid expiresOn", { expiresOn: new Date(Number.NaN) }],
  ])("does not reuse a token with %s", async (_, extra) => {
    const client = fakeClient(() => Promise.resolve({ accessToken: "t", ...extra }));
    const env = memoryEnv(START);
    await acquireAccessToken(client, "devops", {}, env);
    await acquireAccessToken(client, "devops", {}, env);
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(2);
  });

  it("does not trust a clock that went back", async () => {
    const { client, env, clock } = setup();
    await acquireAccessToken(client, "devops", {}, env);
    clock.now = START - 1;
    await acquireAccessToken(client, "devops", {}, env);
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(2);
  });

  it("bypasses the memory on forceRefresh and keeps the renewed token instead", async () => {
    const { client, env } = setup();
    await acquireAccessToken(client, "devops", {}, env);
    await expect(acquireAccessToken(client, "devops", { forceRefresh: true }, env)).resolves.toBe("token-2-h-true");
    expect(client.acquireTokenSilent).toHaveBeenLastCalledWith(expect.objectContaining({ forceRefresh: true }));
    await expect(acquireAccessToken(client, "devops", {}, env)).resolves.toBe("token-2-h-true");
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(2);
  });

  it("lets plain calls wait for a forced refresh, and never keeps the older token of a request that raced it", async () => {
    const gates: ((value: { accessToken: string; expiresOn: Date }) => void)[] = [];
    const client = fakeClient(
      () =>
        new Promise((resolve) => {
          gates.push(resolve);
        }),
    );
    const env = memoryEnv(START);
    const plain = acquireAccessToken(client, "devops", {}, env);
    const forced = acquireAccessToken(client, "devops", { forceRefresh: true }, env);
    const afterRefreshStarted = acquireAccessToken(client, "devops", {}, env);
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(2);
    const expiresOn = new Date(START + HOUR);
    gates[1]?.({ accessToken: "renewed", expiresOn });
    await expect(forced).resolves.toBe("renewed");
    await expect(afterRefreshStarted).resolves.toBe("renewed");
    gates[0]?.({ accessToken: "refused-one", expiresOn });
    await expect(plain).resolves.toBe("refused-one");
    await expect(acquireAccessToken(client, "devops", {}, env)).resolves.toBe("renewed");
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(2);
  });

  it("forgets the token when a request fails", async () => {
    let fail = false;
    let issued = 0;
    const client = fakeClient(() => {
      issued++;
      return fail
        ? Promise.reject(new AuthError("post_request_failed", "network"))
        : Promise.resolve({ accessToken: `t${String(issued)}`, expiresOn: new Date(START + HOUR) });
    });
    const env = memoryEnv(START);
    await acquireAccessToken(client, "devops", {}, env);
    fail = true;
    await rejection(acquireAccessToken(client, "devops", { forceRefresh: true }, env));
    fail = false;
    await expect(acquireAccessToken(client, "devops", {}, env)).resolves.toBe("t3");
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(3);
  });

  it("never hands one account's token to another active account", async () => {
    const other: AccountInfo = { ...account, homeAccountId: "h2", username: "grace@opwatch.test" };
    const accounts = [account];
    const { client, env } = setup(accounts);
    await expect(acquireAccessToken(client, "devops", {}, env)).resolves.toBe("token-1-h-false");
    client.switchAccount(other);
    await expect(acquireAccessToken(client, "devops", {}, env)).resolves.toBe("token-2-h2-false");
    expect(client.acquireTokenSilent).toHaveBeenLastCalledWith(expect.objectContaining({ account: other }));
    client.switchAccount(account);
    await expect(acquireAccessToken(client, "devops", {}, env)).resolves.toBe("token-1-h-false");
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(2);
  });

  it("does not share a request in flight between accounts either", async () => {
    const other: AccountInfo = { ...account, homeAccountId: "h2" };
    const accounts = [account];
    const { client, env } = setup(accounts);
    const first = acquireAccessToken(client, "devops", {}, env);
    client.switchAccount(other);
    const second = acquireAccessToken(client, "devops", {}, env);
    expect(await first).toBe("token-1-h-false");
    expect(await second).toBe("token-2-h2-false");
  });

  it("puts the token nowhere but memory: not in storage, not in a log", async () => {
    const log = ["log", "info", "warn", "error", "debug"].map((method) =>
      vi.spyOn(console, method as "log").mockImplementation(() => undefined),
    );
    try {
      const { client, env } = setup();
      await acquireAccessToken(client, "devops", {}, env);
      await acquireAccessToken(client, "devops", { forceRefresh: true }, env);
      await acquireAccessToken(client, "devops", {}, env);
      expect(JSON.stringify([...env.store])).not.toContain("token-");
      for (const spy of log) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of log) spy.mockRestore();
    }
  });
});

import {
  CacheLookupPolicy,
  InteractionRequiredAuthError,
  type AccountInfo,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import type { OperationKind } from "@/lib/azure/operation-ref";
import type { PublicConfig } from "@/lib/config/public-config";
import { AccessTokenError, describeAuthError } from "./auth-errors";
import { API_NAMES, scopeForKind } from "./scopes";

export type TokenClient = Pick<
  IPublicClientApplication,
  "acquireTokenSilent" | "acquireTokenRedirect" | "getActiveAccount" | "getAllAccounts"
>;

export interface AcquireEnvironment {
  /** The page to come back to after an interactive sign-in. */
  currentUrl(): string;
  /** Remembers recent interactive attempts (a timestamp only), so a refusal cannot loop through the sign-in page. */
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | undefined;
  now(): number;
  config?: Pick<PublicConfig, "authority" | "protocol">;
}

/** After an interactive attempt for a kind, another one within this time means it did not help. */
export const INTERACTION_GUARD_MS = 60_000;
const guardKey = (kind: OperationKind) => `opwatch.auth.interactive.${kind}`;

const inFlight = new WeakMap<TokenClient, Map<string, Promise<string>>>();

/**
 * An access token for one API. Silent first: the cached token, else the refresh token (never a hidden iframe, which
 * cannot work across sites and only delays the interactive fallback). When MSAL says interaction is required, the page
 * goes to the sign-in page and comes back to where it was. Concurrent calls for the same kind share one request.
 */
export function acquireAccessToken(
  client: TokenClient,
  kind: OperationKind,
  options: { forceRefresh?: boolean },
  env: AcquireEnvironment,
): Promise<string> {
  let pending = inFlight.get(client);
  if (!pending) {
    pending = new Map();
    inFlight.set(client, pending);
  }
  const forceRefresh = options.forceRefresh === true;
  const key = `${kind}:${forceRefresh ? "refresh" : "cache"}`;
  const existing = pending.get(key);
  if (existing) return existing;
  const table = pending;
  const request = acquire(client, kind, forceRefresh, env).finally(() => table.delete(key));
  table.set(key, request);
  return request;
}

async function acquire(client: TokenClient, kind: OperationKind, forceRefresh: boolean, env: AcquireEnvironment): Promise<string> {
  const account = client.getActiveAccount() ?? client.getAllAccounts()[0];
  if (!account) throw new AccessTokenError("signedOut", "You are signed out: sign in to read operations.", kind);
  let accessToken: string;
  try {
    const result = await client.acquireTokenSilent({
      scopes: [scopeForKind(kind)],
      account,
      forceRefresh,
      cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken,
    });
    accessToken = result.accessToken;
  } catch (error) {
    if (error instanceof InteractionRequiredAuthError) return interact(client, kind, account, env);
    throw describeAuthError(error, kind, env.config);
  }
  if (!accessToken) throw new AccessTokenError("unavailable", `The sign-in service returned no token for ${API_NAMES[kind]}.`, kind);
  env.storage?.removeItem(guardKey(kind));
  return accessToken;
}

async function interact(client: TokenClient, kind: OperationKind, account: AccountInfo, env: AcquireEnvironment): Promise<never> {
  const last = Number(env.storage?.getItem(guardKey(kind)) ?? Number.NaN);
  if (Number.isFinite(last) && env.now() - last < INTERACTION_GUARD_MS) {
    throw new AccessTokenError(
      "signInRequired",
      `Signing in again did not give opwatch access to ${API_NAMES[kind]}. Sign out and sign in again, or ask your administrator whether your account has access.`,
      kind,
    );
  }
  env.storage?.setItem(guardKey(kind), String(env.now()));
  try {
    await client.acquireTokenRedirect({ scopes: [scopeForKind(kind)], account, redirectStartPage: env.currentUrl() });
  } catch (error) {
    const described = describeAuthError(error, kind, env.config);
    if (described.code !== "redirecting") throw described;
  }
  throw new AccessTokenError("redirecting", "Your sign-in has to be renewed: opening the sign-in page…", kind);
}

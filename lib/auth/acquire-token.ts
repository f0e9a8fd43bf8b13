import {
  CacheLookupPolicy,
  InteractionRequiredAuthError,
  type AccountInfo,
  type AuthenticationResult,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import type { OperationKind } from "@/lib/azure/operation-ref";
import type { PublicConfig } from "@/lib/config/public-config";
import { AccessTokenError, describeAuthError } from "./auth-errors";
import { TOKEN_RENEWAL_OFFSET_SECONDS } from "./msal-config";
import { API_NAMES, scopeForKind } from "./scopes";
import { signedInAccount, type AccountSource } from "./signed-in-account";

export type TokenClient = Pick<IPublicClientApplication, "acquireTokenSilent" | "acquireTokenRedirect"> & AccountSource;

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

/**
 * What this page holds per client, per account and kind. `kept` is the last token with the time up to which it may be
 * reused; it lives in this module's memory only, never in storage, and dies with the page.
 */
interface Slot {
  kept: { accessToken: string; from: number; until: number } | undefined;
  /** The silent request in flight, shared by concurrent calls. */
  reading: Promise<string> | undefined;
  /** The forced refresh in flight; plain calls wait for it too, since the token they would reuse was refused. */
  refreshing: Promise<string> | undefined;
  /** Counts forced refreshes, so that a request started before one cannot write its older token over the new one. */
  generation: number;
}

const slots = new WeakMap<TokenClient, Map<string, Slot>>();

function slotFor(client: TokenClient, kind: OperationKind, account: AccountInfo): Slot {
  let table = slots.get(client);
  if (!table) {
    table = new Map();
    slots.set(client, table);
  }
  // Keyed by the account as well: after a switch, the other account's token is never handed out.
  const key = `${kind} ${account.homeAccountId}`;
  let slot = table.get(key);
  if (!slot) {
    slot = { kept: undefined, reading: undefined, refreshing: undefined, generation: 0 };
    table.set(key, slot);
  }
  return slot;
}

/**
 * An access token for one API. Silent first: the cached token, else the refresh token (never a hidden iframe, which
 * cannot work across sites and only delays the interactive fallback). When MSAL says interaction is required, the page
 * goes to the sign-in page and comes back to where it was.
 *
 * Every read asks for a token, so the last one is reused from memory until MSAL itself would renew it: asking MSAL
 * costs a cache lookup in session storage each time. Concurrent calls for the same account and kind share one request.
 */
export function acquireAccessToken(
  client: TokenClient,
  kind: OperationKind,
  options: { forceRefresh?: boolean },
  env: AcquireEnvironment,
): Promise<string> {
  const account = signedInAccount(client);
  if (!account) return Promise.reject(new AccessTokenError("signedOut", "You are signed out: sign in to read operations.", kind));
  const slot = slotFor(client, kind, account);
  if (options.forceRefresh === true) {
    slot.refreshing ??= track(slot, true, () => acquire(client, kind, account, true, env));
    return slot.refreshing;
  }
  const now = env.now();
  // A clock that went back (before the token was kept) is not trusted, as MSAL does not trust it either.
  if (slot.kept && slot.kept.from <= now && now < slot.kept.until) return Promise.resolve(slot.kept.accessToken);
  if (slot.refreshing) return slot.refreshing;
  slot.reading ??= track(slot, false, () => acquire(client, kind, account, false, env));
  return slot.reading;
}

/** Runs one request for the slot and keeps its outcome in memory: the token it got, or nothing after a failure. */
function track(slot: Slot, forceRefresh: boolean, run: () => Promise<Acquired>): Promise<string> {
  if (forceRefresh) {
    slot.generation++;
    slot.kept = undefined;
  }
  const generation = slot.generation;
  const current = () => slot.generation === generation;
  return run()
    .then(
      ({ accessToken, kept }) => {
        if (current()) slot.kept = kept;
        return accessToken;
      },
      (error: unknown) => {
        if (current()) slot.kept = undefined;
        throw error;
      },
    )
    .finally(() => {
      if (forceRefresh) slot.refreshing = undefined;
      else slot.reading = undefined;
    });
}

interface Acquired {
  accessToken: string;
  kept: Slot["kept"];
}

async function acquire(
  client: TokenClient,
  kind: OperationKind,
  account: AccountInfo,
  forceRefresh: boolean,
  env: AcquireEnvironment,
): Promise<Acquired> {
  let result: AuthenticationResult;
  try {
    result = await client.acquireTokenSilent({
      scopes: [scopeForKind(kind)],
      account,
      forceRefresh,
      cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken,
    });
  } catch (error) {
    if (error instanceof InteractionRequiredAuthError) return interact(client, kind, account, env);
    throw describeAuthError(error, kind, env.config);
  }
  const { accessToken } = result;
  if (!accessToken) throw new AccessTokenError("unavailable", `The sign-in service returned no token for ${API_NAMES[kind]}.`, kind);
  env.storage?.removeItem(guardKey(kind));
  const until = reusableUntil(result);
  return { accessToken, kept: until === undefined ? undefined : { accessToken, from: env.now(), until } };
}

/**
 * When MSAL would stop returning this token from its cache: `tokenRenewalOffsetSeconds` before it expires, or at its
 * `refreshOn`, when MSAL renews it early. Without a valid `expiresOn` nothing says how long it lasts, so it is not kept.
 */
function reusableUntil(result: Pick<AuthenticationResult, "expiresOn" | "refreshOn">): number | undefined {
  const expiresOn = result.expiresOn instanceof Date ? result.expiresOn.getTime() : Number.NaN;
  if (!Number.isFinite(expiresOn)) return undefined;
  const renewal = expiresOn - TOKEN_RENEWAL_OFFSET_SECONDS * 1000;
  const refreshOn = result.refreshOn instanceof Date ? result.refreshOn.getTime() : Number.NaN;
  return Number.isFinite(refreshOn) ? Math.min(renewal, refreshOn) : renewal;
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

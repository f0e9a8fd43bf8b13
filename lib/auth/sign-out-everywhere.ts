/**
 * Signing out in one tab signs out every tab of the browser. MSAL keeps each tab's sign-in in that tab's own
 * sessionStorage, so the tab that signs out leaves a mark in localStorage: a new random id. The other open tabs hear
 * it at once (the `storage` event, as the watch list keeps tabs in step), and a tab that was asleep or is reloaded
 * compares it at start-up with the mark it signed in under. Only that id crosses: never an account or a token.
 * A tab that cannot use storage works alone, as before.
 */

import type { IPublicClientApplication } from "@azure/msal-browser";

/** localStorage: the id of the browser's last sign-out. */
export const LAST_SIGN_OUT_KEY = "opwatch.auth.last-sign-out";
/** sessionStorage: the last sign-out this tab had seen when it signed in. */
const SIGNED_IN_AFTER_KEY = "opwatch.auth.signed-in-after";

type StorageLike = Pick<Storage, "getItem" | "setItem">;

export interface SignOutStores {
  /** Shared by the browser's tabs (localStorage). */
  browser: StorageLike;
  /** This tab's own (sessionStorage). */
  tab: StorageLike;
}

function read(storage: StorageLike, key: string): string {
  return storage.getItem(key) ?? "";
}

/** Tells every tab of the browser that the person signed out. */
export function announceSignOut(stores: SignOutStores, newId: () => string = () => crypto.randomUUID()): void {
  try {
    stores.browser.setItem(LAST_SIGN_OUT_KEY, newId());
  } catch {
    // Storage off limits or full: this tab signs out alone.
  }
}

/** This tab has just signed in: a sign-out before now is not one of its own. */
export function noteSignIn(stores: SignOutStores): void {
  try {
    stores.tab.setItem(SIGNED_IN_AFTER_KEY, read(stores.browser, LAST_SIGN_OUT_KEY));
  } catch {
    // As above.
  }
}

/** Whether another tab signed out since this tab signed in (its sign-in, still in its storage, is then void). */
export function signedOutSinceSignIn(stores: SignOutStores): boolean {
  try {
    return read(stores.browser, LAST_SIGN_OUT_KEY) !== read(stores.tab, SIGNED_IN_AFTER_KEY);
  } catch {
    return false;
  }
}

/** Calls `listener` when another tab signs out; returns the unsubscribe. */
export function onSignOutElsewhere(target: Pick<Window, "addEventListener" | "removeEventListener">, listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === LAST_SIGN_OUT_KEY && event.newValue !== null) listener();
  };
  target.addEventListener("storage", onStorage);
  return () => {
    target.removeEventListener("storage", onStorage);
  };
}

/**
 * Forgets this tab's sign-in (accounts and tokens), with no trip to the sign-in service: another tab made it. MSAL's
 * clearCache does not tell MsalProvider; setting no active account does, so the views see the accounts go.
 */
export async function forgetSignInHere(instance: Pick<IPublicClientApplication, "clearCache" | "setActiveAccount">): Promise<void> {
  await instance.clearCache();
  instance.setActiveAccount(null);
}

/** This browser's stores, or undefined on the server or where storage is off limits. */
export function browserSignOutStores(): SignOutStores | undefined {
  try {
    if (typeof window === "undefined") return undefined;
    return { browser: window.localStorage, tab: window.sessionStorage };
  } catch {
    return undefined;
  }
}

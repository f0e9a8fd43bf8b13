import { describe, expect, it, vi } from "vitest";
import {
  announceSignOut,
  LAST_SIGN_OUT_KEY,
  noteSignIn,
  onSignOutElsewhere,
  signedOutSinceSignIn,
  type SignOutStores,
} from "./sign-out-everywhere";

function memoryStorage(): Pick<Storage, "getItem" | "setItem"> {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

/** Two tabs of one browser: one localStorage, a sessionStorage each. */
function browserWithTwoTabs(): [SignOutStores, SignOutStores] {
  const browser = memoryStorage();
  return [
    { browser, tab: memoryStorage() },
    { browser, tab: memoryStorage() },
  ];
}

/** What a `storage` event carries (Node has no StorageEvent). */
const storageEvent = (key: string | null, newValue: string | null) => Object.assign(new Event("storage"), { key, newValue });

let ids = 0;
const nextId = () => `sign-out-${++ids}`;

describe("sign-out in every tab", () => {
  it("a tab signed in before another tab's sign-out is signed out; one signed in after it is not", () => {
    const [first, second] = browserWithTwoTabs();
    noteSignIn(first);
    noteSignIn(second);
    expect(signedOutSinceSignIn(second)).toBe(false);

    announceSignOut(first, nextId);
    expect(signedOutSinceSignIn(second)).toBe(true);

    noteSignIn(second);
    expect(signedOutSinceSignIn(second)).toBe(false);
    announceSignOut(second, nextId);
    noteSignIn(first);
    expect(signedOutSinceSignIn(first)).toBe(false);
  });

  it("a sign-in kept from before the browser ever signed out stands (a tab of an older opwatch, a fresh browser)", () => {
    const [tab] = browserWithTwoTabs();
    expect(signedOutSinceSignIn(tab)).toBe(false);
  });

  it("storage that throws signs nobody out and breaks nothing", () => {
    const broken: Pick<Storage, "getItem" | "setItem"> = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    const stores = { browser: broken, tab: broken };
    expect(() => {
      announceSignOut(stores, nextId);
      noteSignIn(stores);
    }).not.toThrow();
    expect(signedOutSinceSignIn(stores)).toBe(false);
  });

  it("hears another tab's sign-out, and nothing else, until unsubscribed", () => {
    const target = new EventTarget();
    const listener = vi.fn();
    const stop = onSignOutElsewhere(target, listener);
    target.dispatchEvent(storageEvent("opwatch.watchlist", "[]"));
    // localStorage.clear() elsewhere: not a sign-out.
    target.dispatchEvent(storageEvent(null, null));
    expect(listener).not.toHaveBeenCalled();
    target.dispatchEvent(storageEvent(LAST_SIGN_OUT_KEY, "x"));
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    target.dispatchEvent(storageEvent(LAST_SIGN_OUT_KEY, "y"));
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

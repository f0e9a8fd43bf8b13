/**
 * Retry-After outlives a reload: the earliest time each operation may be read again is kept in localStorage, so a
 * reloaded (or newly opened) dashboard does not poll an operation that Azure asked to leave alone. Small and
 * self-pruning; any storage failure just means no memory (polling is then as if freshly opened).
 */

export const NOT_BEFORE_KEY = "opwatch.notbefore.v1";
const MAX_ENTRIES = 1000;

export type NotBeforeStorage = Pick<Storage, "getItem" | "setItem">;

function browserStorage(): NotBeforeStorage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** Parsed once per storage and written through: 500 operations polling must not re-parse it on every poll. */
const cache = new WeakMap<NotBeforeStorage, Map<string, number>>();

function read(storage: NotBeforeStorage, now: number): Map<string, number> {
  const cached = cache.get(storage);
  if (cached) {
    for (const [key, value] of cached) if (value <= now) cached.delete(key);
    return cached;
  }
  const map = parse(storage, now);
  cache.set(storage, map);
  return map;
}

function parse(storage: NotBeforeStorage, now: number): Map<string, number> {
  const map = new Map<string, number>();
  try {
    const parsed: unknown = JSON.parse(storage.getItem(NOT_BEFORE_KEY) ?? "{}");
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return map;
    for (const [key, value] of Object.entries(parsed)) {
      // Only future times within Retry-After's 10-minute cap are believable.
      if (typeof value === "number" && value > now && value <= now + 10 * 60_000) map.set(key, value);
    }
  } catch {
    // Unreadable memory is no memory.
  }
  return map;
}

export function storedNotBefore(key: string, now: number, storage = browserStorage()): number | undefined {
  return storage ? read(storage, now).get(key) : undefined;
}

export function rememberNotBefore(key: string, notBefore: number | undefined, now: number, storage = browserStorage()): void {
  if (!storage) return;
  const map = read(storage, now);
  const had = map.has(key);
  if (notBefore === undefined || notBefore <= now) {
    if (!had) return;
    map.delete(key);
  } else {
    map.set(key, notBefore);
  }
  try {
    storage.setItem(NOT_BEFORE_KEY, JSON.stringify(Object.fromEntries([...map].slice(-MAX_ENTRIES))));
  } catch {
    // A full storage only costs the memory across reloads.
  }
}

/** Waits until `until`, or rejects when the signal aborts (React Query cancelled the read). */
export function waitUntil(until: number, now: number, signal: AbortSignal): Promise<void> {
  const ms = until - now;
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new Error("cancelled"));
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
}

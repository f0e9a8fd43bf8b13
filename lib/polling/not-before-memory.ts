/**
 * Retry-After outlives a reload: the earliest time each operation may be read again is kept in localStorage, so a
 * reloaded (or newly opened) dashboard does not poll an operation that Azure asked to leave alone.
 * Parsed once and written at most once a second (and when the page goes away): with 500 operations each sending
 * Retry-After, writing the whole map on every poll took a tenth of the main thread. Any storage failure just means
 * no memory: polling is then as if freshly opened.
 */

export const NOT_BEFORE_KEY = "opwatch.notbefore.v1";
const MAX_ENTRIES = 1000;
/** Retry-After is clamped to 10 minutes: a stored time further ahead is not ours. */
const MAX_AHEAD_MS = 10 * 60_000;
const WRITE_DELAY_MS = 1000;

export type NotBeforeStorage = Pick<Storage, "getItem" | "setItem">;

export interface NotBeforeMemory {
  get: (key: string, now: number) => number | undefined;
  remember: (key: string, notBefore: number | undefined, now: number) => void;
  /** Writes what is pending now (tests, and the page going away). */
  flush: () => void;
}

export function createNotBeforeMemory(storage: NotBeforeStorage, now: number, writeDelayMs = WRITE_DELAY_MS): NotBeforeMemory {
  const map = parse(storage, now);
  // Expired entries go when the map is written, not on every poll: `get` already ignores them.
  let latest = now;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    for (const [key, value] of map) if (value <= latest) map.delete(key);
    try {
      storage.setItem(NOT_BEFORE_KEY, JSON.stringify(Object.fromEntries([...map].slice(-MAX_ENTRIES))));
    } catch {
      // A full storage only costs the memory across reloads.
    }
  };
  return {
    get: (key, at) => {
      const value = map.get(key);
      return value !== undefined && value > at ? value : undefined;
    },
    remember: (key, notBefore, at) => {
      if (notBefore === undefined || notBefore <= at) {
        if (!map.delete(key)) return;
      } else {
        map.set(key, notBefore);
      }
      latest = Math.max(latest, at);
      timer ??= setTimeout(flush, writeDelayMs);
    },
    flush,
  };
}

function parse(storage: NotBeforeStorage, now: number): Map<string, number> {
  const map = new Map<string, number>();
  try {
    const parsed: unknown = JSON.parse(storage.getItem(NOT_BEFORE_KEY) ?? "{}");
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return map;
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value === "number" && value > now && value <= now + MAX_AHEAD_MS) map.set(key, value);
    }
  } catch {
    // Unreadable memory is no memory.
  }
  return map;
}

let browserMemory: NotBeforeMemory | undefined;

/** This page's memory over localStorage; undefined on the server or when storage is off limits. */
export function browserNotBeforeMemory(): NotBeforeMemory | undefined {
  if (browserMemory) return browserMemory;
  try {
    if (typeof window === "undefined") return undefined;
    const memory = createNotBeforeMemory(window.localStorage, Date.now());
    window.addEventListener("pagehide", memory.flush);
    browserMemory = memory;
    return memory;
  } catch {
    return undefined;
  }
}

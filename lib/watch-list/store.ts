import { parseEndpointInput } from "@/lib/azure/endpoint-input";
import { refKey, type OperationRef } from "@/lib/azure/operation-ref";
import type { DemoOperation } from "@/lib/config/public-config";
import type { DiscoveryEndpoint } from "./discovery-endpoint";
import {
  addEndpoint,
  noteEndpointAutoWatched,
  restoreEndpoint,
  seedEndpoints,
  setEndpointAutoWatch,
  takeEndpoint,
  type EndpointRemoval,
} from "./endpoint-list";
import {
  addWatchItem,
  backupKey,
  parseStoredWatchList,
  restoreWatchItems,
  seedItems,
  serializeWatchList,
  setWatchItemLabel,
  takeWatchItems,
  WATCHLIST_KEY,
  type Removal,
  type WatchItem,
} from "./watch-list";

/**
 * The watch list of this browser: localStorage behind a small external store (for useSyncExternalStore), kept in step
 * with other tabs through the `storage` event. Storage that throws (disabled, full, private mode) degrades to a list
 * that lives as long as the tab, with a notice saying so.
 */

export type StorageLike = Pick<Storage, "getItem" | "setItem">;

export interface WatchListNotice {
  message: string;
  /** Where the unreadable original was copied, when it could be. */
  backupKey: string | undefined;
}

export interface WatchListState {
  loaded: boolean;
  items: readonly WatchItem[];
  /** The DevCenter endpoints whose dev boxes opwatch looks for, kept in the same stored document. */
  endpoints: readonly DiscoveryEndpoint[];
  notice: WatchListNotice | undefined;
}

/** Plain functions (no `this`), so they can be handed to React as they are. */
export interface WatchListStore {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => WatchListState;
  /** Reads storage once (seeding a never-used list with the demo operations and the configured endpoints). */
  load: (demoOperations: readonly DemoOperation[], discoveryEndpoints?: readonly string[]) => void;
  /** Re-reads storage after another tab changed it. */
  reload: () => void;
  add: (ref: OperationRef, label?: string) => void;
  /** Removes these operations and returns what was taken, for `restore` (undo). */
  remove: (keys: Iterable<string>) => Removal;
  /** Puts a removal back where it was. */
  restore: (removal: Removal) => void;
  /** Sets the person's label of one operation (by refKey); a blank one clears it. */
  setLabel: (key: string, label: string | undefined) => void;
  dismissNotice: () => void;
  /** Adds an endpoint, given as a host or a URL on it; text that names no valid host is ignored (the form says why). */
  addEndpoint: (hostOrUrl: string) => void;
  removeEndpoint: (host: string) => EndpointRemoval | undefined;
  restoreEndpoint: (removal: EndpointRemoval) => void;
  setAutoWatch: (host: string, on: boolean) => void;
  noteAutoWatched: (host: string, keys: readonly string[]) => void;
}

export function createWatchListStore(getStorage: () => StorageLike | undefined, now: () => number = Date.now): WatchListStore {
  let state: WatchListState = { loaded: false, items: [], endpoints: [], notice: undefined };
  const listeners = new Set<() => void>();

  const emit = (next: WatchListState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  const storage = (): StorageLike | undefined => {
    try {
      return getStorage();
    } catch {
      return undefined;
    }
  };

  const write = (items: readonly WatchItem[], endpoints: readonly DiscoveryEndpoint[]): WatchListNotice | undefined => {
    const s = storage();
    try {
      if (!s) throw new Error("no storage");
      s.setItem(WATCHLIST_KEY, serializeWatchList(items, endpoints));
      return undefined;
    } catch {
      return {
        message: "This browser did not let opwatch save the watch list; it will last only as long as this tab.",
        backupKey: undefined,
      };
    }
  };

  const read = (demoOperations: readonly DemoOperation[] | undefined, discoveryEndpoints?: readonly string[]): WatchListState => {
    const s = storage();
    let raw: string | null;
    try {
      if (!s) throw new Error("no storage");
      raw = s.getItem(WATCHLIST_KEY);
    } catch {
      return {
        loaded: true,
        items: state.items,
        endpoints: state.endpoints,
        notice: { message: "This browser does not let opwatch read saved data; the watch list will last only as long as this tab.", backupKey: undefined },
      };
    }
    const parsed = parseStoredWatchList(raw);
    if (parsed.status === "ok") return { loaded: true, items: parsed.items, endpoints: parsed.endpoints, notice: state.notice };
    if (parsed.status === "absent") {
      // A list that was never written is seeded once; afterwards even an empty list is a person's choice.
      if (demoOperations === undefined) return { loaded: true, items: [], endpoints: [], notice: state.notice };
      const items = seedItems(demoOperations, now());
      const endpoints = seedEndpoints(discoveryEndpoints, now());
      return { loaded: true, items, endpoints, notice: write(items, endpoints) ?? state.notice };
    }
    let saved: string | undefined = backupKey(now());
    try {
      s.setItem(saved, raw ?? "");
    } catch {
      saved = undefined;
    }
    const kept = parsed.items.length;
    const writeProblem = write(parsed.items, parsed.endpoints);
    return {
      loaded: true,
      items: parsed.items,
      endpoints: parsed.endpoints,
      notice: writeProblem ?? {
        message: `The saved watch list could not be fully read (${parsed.problem}). ${kept} ${kept === 1 ? "operation was" : "operations were"} kept. ${
          saved ? `The original was set aside in localStorage under "${saved}".` : "The original could not be set aside: storage is full."
        }`,
        backupKey: saved,
      },
    };
  };

  const update = (items: readonly WatchItem[], endpoints: readonly DiscoveryEndpoint[] = state.endpoints) => {
    emit({ loaded: true, items, endpoints, notice: write(items, endpoints) ?? state.notice });
  };
  // Before the first read, writing would replace the stored list with an empty one.
  const updateEndpoints = (endpoints: readonly DiscoveryEndpoint[]) => {
    if (state.loaded) update(state.items, endpoints);
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    load(demoOperations, discoveryEndpoints) {
      if (state.loaded) return;
      emit(read(demoOperations, discoveryEndpoints));
    },
    reload() {
      if (!state.loaded) return;
      emit(read(undefined));
    },
    add(ref, label) {
      update(addWatchItem(state.items, ref, now(), label));
    },
    remove(keys) {
      const { items, removal } = takeWatchItems(state.items, new Set(keys));
      if (removal.removed.length > 0) update(items);
      return removal;
    },
    restore(removal) {
      if (removal.removed.length > 0) update(restoreWatchItems(state.items, removal));
    },
    setLabel(key, label) {
      update(setWatchItemLabel(state.items, key, label));
    },
    dismissNotice() {
      emit({ ...state, notice: undefined });
    },
    addEndpoint(hostOrUrl) {
      const host = parseEndpointInput(hostOrUrl);
      if (host.ok) updateEndpoints(addEndpoint(state.endpoints, host.value, now()));
    },
    removeEndpoint(host) {
      const { list, removal } = takeEndpoint(state.endpoints, host);
      if (removal) updateEndpoints(list);
      return removal;
    },
    restoreEndpoint(removal) {
      updateEndpoints(restoreEndpoint(state.endpoints, removal));
    },
    setAutoWatch(host, on) {
      updateEndpoints(setEndpointAutoWatch(state.endpoints, host, on, now()));
    },
    noteAutoWatched(host, keys) {
      const next = noteEndpointAutoWatched(state.endpoints, host, keys);
      if (next.some((e, i) => e !== state.endpoints[i])) updateEndpoints(next);
    },
  };
}

let browserStore: WatchListStore | undefined;

/** The tab's one store; `storage` events from other tabs re-read it. */
export function getWatchListStore(): WatchListStore {
  if (browserStore) return browserStore;
  const store = createWatchListStore(() => (typeof window === "undefined" ? undefined : window.localStorage));
  if (typeof window !== "undefined") {
    window.addEventListener("storage", (event) => {
      if (event.key === WATCHLIST_KEY || event.key === null) store.reload();
    });
  }
  browserStore = store;
  return store;
}

export const watchItemKey = (item: WatchItem): string => refKey(item.ref);

import { refKey } from "@/lib/azure/operation-ref";
import type { WatchListStore } from "@/lib/watch-list/store";
import type { Removal } from "@/lib/watch-list/watch-list";

/**
 * The dashboard's one open undo offer. A removal takes items off the list at once and offers to put them back; only
 * when the offer ends (time out, dismissed, replaced by the next removal) is the removal final and `onFinal` told, so
 * undone rows come back with everything already read of them.
 */
interface PendingRemoval {
  id: number;
  message: string;
  removal: Removal;
}

export interface UndoRemovals {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => PendingRemoval | undefined;
  /** Removes `keys`; `message` (given the removed count) is the notice's text. Nothing is offered if nothing was removed. */
  remove: (keys: readonly string[], message: (removed: Removal) => string) => void;
  undo: () => void;
  /** Ends the offer for good (timed out or dismissed). */
  finish: () => void;
}

const removedKeys = (removal: Removal): string[] => removal.removed.map(({ item }) => refKey(item.ref));

export function createUndoRemovals(store: Pick<WatchListStore, "remove" | "restore">, onFinal: (keys: readonly string[]) => void): UndoRemovals {
  let pending: PendingRemoval | undefined;
  let nextId = 1;
  const listeners = new Set<() => void>();
  const emit = (next: PendingRemoval | undefined) => {
    pending = next;
    for (const listener of listeners) listener();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => pending,
    remove(keys, message) {
      const removal = store.remove(keys);
      if (removal.removed.length === 0) return;
      // One offer at a time: the one before becomes final.
      if (pending) onFinal(removedKeys(pending.removal));
      emit({ id: nextId++, message: message(removal), removal });
    },
    undo() {
      if (!pending) return;
      store.restore(pending.removal);
      emit(undefined);
    },
    finish() {
      if (!pending) return;
      onFinal(removedKeys(pending.removal));
      emit(undefined);
    },
  };
}

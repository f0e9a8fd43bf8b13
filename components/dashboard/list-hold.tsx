"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type FocusEvent } from "react";
import { heldOrder } from "./held-order";

/**
 * The one rule for "the person is acting in the list", for the cards and the table alike: the pointer is over its
 * rows, the focus is inside them, or a row's editor is open. While they act, rows keep the order they see (a row that
 * fails does not jump under the pointer); when they leave, the order catches up.
 */

interface Acting {
  pointer: boolean;
  editors: number;
  /** The rows' container, to ask whether it holds the focus. */
  list: Element | null;
}

const isActing = (acting: Acting) => acting.pointer || acting.editors > 0 || (acting.list?.contains(document.activeElement) ?? false);

/** Lets an editor hold the order while it is open; returns the release. */
type HoldWhileOpen = () => () => void;

const EditorHold = createContext<HoldWhileOpen | undefined>(undefined);
export const ListHoldProvider = EditorHold.Provider;

/** Holds the list's order while the calling component (an open editor) is mounted. */
export function useHoldWhileOpen(): void {
  const hold = useContext(EditorHold);
  useEffect(() => hold?.(), [hold]);
}

export interface ListHold {
  held: boolean;
  /** Spread on the element that holds the rows. */
  listProps: {
    onPointerEnter: () => void;
    onPointerLeave: () => void;
    onFocus: (event: FocusEvent) => void;
    onBlur: (event: FocusEvent) => void;
  };
  holdWhileOpen: HoldWhileOpen;
}

export function useListHold(): ListHold {
  const [held, setHeld] = useState(false);
  const acting = useRef<Acting>({ pointer: false, editors: 0, list: null });
  const release = useRef(0);
  const sync = useCallback(() => {
    cancelAnimationFrame(release.current);
    if (isActing(acting.current)) {
      setHeld(true);
      return;
    }
    // A frame later: an editor that closes hands the focus back to its row's button in the next frame.
    release.current = requestAnimationFrame(() => {
      if (!isActing(acting.current)) setHeld(false);
    });
  }, []);
  useEffect(() => () => {
    cancelAnimationFrame(release.current);
  }, []);
  // A focused row that is removed takes the focus with it without a blur: any later focus change re-checks.
  useEffect(() => {
    if (!held) return;
    document.addEventListener("focusin", sync);
    return () => {
      document.removeEventListener("focusin", sync);
    };
  }, [held, sync]);

  const listProps = useMemo(
    () => ({
      onPointerEnter: () => {
        acting.current.pointer = true;
        sync();
      },
      onPointerLeave: () => {
        acting.current.pointer = false;
        sync();
      },
      onFocus: (event: FocusEvent) => {
        acting.current.list = event.currentTarget;
        sync();
      },
      onBlur: (event: FocusEvent) => {
        acting.current.list = event.currentTarget;
        sync();
      },
    }),
    [sync],
  );
  const holdWhileOpen = useCallback(() => {
    acting.current.editors += 1;
    sync();
    return () => {
      acting.current.editors -= 1;
      sync();
    };
  }, [sync]);
  return { held, listProps, holdWhileOpen };
}

/**
 * `rows` in the order they had when the hold began, while `held`; rows added or removed meanwhile follow at once.
 * A new `basis` (the person chose another sort, filter or view) starts from its own order.
 */
export function useHeldRows<T extends { key: string }>(rows: readonly T[], held: boolean, basis: unknown): readonly T[] {
  const [frozen, setFrozen] = useState<{ keys: readonly string[]; basis: unknown } | undefined>(undefined);
  // Adjusting state while rendering (React's "store information from previous renders" pattern).
  if (held && frozen?.basis !== basis) setFrozen({ keys: rows.map((row) => row.key), basis });
  if (!held && frozen !== undefined) setFrozen(undefined);
  const keys = held && frozen !== undefined && frozen.basis === basis ? frozen.keys : undefined;
  return useMemo(() => (keys ? heldOrder(rows, keys) : rows), [rows, keys]);
}

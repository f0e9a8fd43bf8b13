"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { Button } from "./button";
import { startUndoTimer, type UndoTimer } from "./undo-timer";

const UNDO_MS = 8000;
const UNDO_AFTER_PAUSE_MS = 4000;

export interface UndoOffer {
  /** New for every offer: a new id restarts the time. */
  id: number;
  message: string;
}

/**
 * "Removed x. [Undo]" at the bottom of the screen, where it shows however far down the list the person is. The live
 * region is always in the page (a region that appears with its text is often not announced); the offer ends after
 * UNDO_MS, but never while the pointer or focus is on it.
 */
export function UndoNotice({ offer, onUndo, onExpire }: { offer: UndoOffer | undefined; onUndo: () => void; onExpire: () => void }) {
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-20 flex justify-center px-4">
      {offer ? <Offer key={offer.id} message={offer.message} onUndo={onUndo} onExpire={onExpire} /> : null}
    </div>
  );
}

/**
 * Room the size of the offer, put at the end of a list while an offer shows: scrolled to its end, the list's last rows
 * sit above the offer instead of under it.
 */
export function UndoRoom({ offer }: { offer: UndoOffer | undefined }) {
  return offer ? <div aria-hidden="true" data-testid="undo-room" className="h-20 shrink-0" /> : null;
}

function Offer({ message, onUndo, onExpire }: { message: string; onUndo: () => void; onExpire: () => void }): ReactNode {
  const timer = useRef<UndoTimer | undefined>(undefined);
  const focused = useRef(false);
  const hovered = useRef(false);
  const expire = useRef(onExpire);
  useEffect(() => {
    expire.current = onExpire;
  }, [onExpire]);
  useEffect(() => {
    const started = startUndoTimer(() => {
      expire.current();
    }, UNDO_MS, UNDO_AFTER_PAUSE_MS);
    timer.current = started;
    return () => {
      started.cancel();
    };
  }, []);

  const hold = (flag: { current: boolean }, on: boolean) => {
    if (flag.current === on) return;
    flag.current = on;
    if (on) timer.current?.pause();
    else timer.current?.resume();
  };

  return (
    <div
      data-testid="undo-notice"
      onMouseEnter={() => {
        hold(hovered, true);
      }}
      onMouseLeave={() => {
        hold(hovered, false);
      }}
      onFocus={() => {
        hold(focused, true);
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) hold(focused, false);
      }}
      className="pointer-events-auto flex max-w-xl items-center gap-3 rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm text-slate-900 shadow-lg dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
    >
      <p className="min-w-0 break-words">{message}</p>
      <Button variant="primary" size="md" onClick={onUndo} className="shrink-0">
        Undo
      </Button>
      <Button variant="ghost" size="icon" aria-label="Dismiss the undo offer" onClick={onExpire} className="shrink-0">
        ✕
      </Button>
    </div>
  );
}

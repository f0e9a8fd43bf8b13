"use client";

import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { ReadBudgetNotices } from "@/components/polling/read-budget-notices";
import { Button } from "@/components/ui/button";
import { focusRing } from "@/components/ui/focus-ring";
import { refKey } from "@/lib/azure/operation-ref";
import { addBoardItems, addedMessage } from "@/lib/board/add-board";
import { decodeBoard, type BoardItem } from "@/lib/board/board-codec";
import { useWatchList } from "@/lib/watch-list/use-watch-list";
import { BoardRow } from "./board-row";
import { useLocationHash } from "./use-location-hash";
import { PAGE_WIDTH } from "@/components/layout/page-width";

const linkClass = `text-blue-700 underline dark:text-blue-300 ${focusRing}`;

/**
 * A shared board (`/board#...`): the operations its link carries, read live through the scheduler but not saved.
 * Nothing goes on the person's watch list until they add it; their own labels are never touched (duplicates are
 * skipped, so a board's label only fills an operation that was not watched).
 */
export function BoardView() {
  const fragment = useLocationHash();
  const board = useMemo(() => decodeBoard(fragment), [fragment]);
  const { state, store } = useWatchList();
  const watchedKeys = useMemo(() => new Set(state.items.map((item) => refKey(item.ref))), [state.items]);
  // The outcome of the last "Add all", for the fragment it was made on (a new link starts without one).
  const [added, setAdded] = useState<{ fragment: string; message: string }>();

  const watchOne = useCallback(
    (item: BoardItem) => {
      store.add(item.ref, item.label);
    },
    [store],
  );
  const addAll = () => {
    setAdded({ fragment, message: addedMessage(addBoardItems(store, board.items)) });
  };
  const count = board.items.length;
  const allWatched = state.loaded && board.items.every((item) => watchedKeys.has(refKey(item.ref)));

  return (
    <>
      <AppHeader />
      <main className={`${PAGE_WIDTH} flex flex-col gap-4 p-4`} data-testid="board-page">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold">Shared board</h1>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {count === 0
              ? "A board link carries a set of operations in the part of its address after #."
              : `${count} ${count === 1 ? "operation" : "operations"} someone shared, read live. This is a shared board, not your watch list: nothing here is saved unless you add it.`}
          </p>
        </div>
        {board.problems.length > 0 ? (
          <div role="alert" data-testid="board-problems" className="rounded border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950/60 dark:text-amber-100">
            {board.problems.map((problem) => (
              <p key={problem}>{problem}</p>
            ))}
            {count > 0 ? <p>Every operation that could be read is shown below. Ask for the link again to see the rest.</p> : null}
          </div>
        ) : null}
        <ReadBudgetNotices operations={board.items} />
        {count === 0 ? (
          <p data-testid="board-empty">
            There is nothing to show from this link.{" "}
            <Link href="/" className={linkClass}>
              Go to your dashboard
            </Link>
          </p>
        ) : (
          <section aria-labelledby="board-list-heading" className="flex flex-col gap-2">
            <div className="flex flex-wrap items-center gap-2">
              <h2 id="board-list-heading" className="text-lg font-semibold">
                Operations on this board
              </h2>
              <Button variant="primary" size="md" className="ml-auto" data-testid="board-add-all" disabled={!state.loaded || allWatched} onClick={addAll}>
                Add all to my watch list
              </Button>
            </div>
            <p role="status" data-testid="board-add-result" className="text-sm text-slate-700 dark:text-slate-300">
              {added?.fragment === fragment ? added.message : allWatched ? "Every operation of this board is on your watch list." : ""}
            </p>
            <ul aria-label="Operations on this board" className="flex flex-col gap-2">
              {board.items.map((item) => (
                <BoardRow key={refKey(item.ref)} item={item} watched={watchedKeys.has(refKey(item.ref))} onWatch={watchOne} />
              ))}
            </ul>
            <p>
              <Link href="/" className={linkClass}>
                Go to your dashboard
              </Link>
            </p>
          </section>
        )}
      </main>
    </>
  );
}

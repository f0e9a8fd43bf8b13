"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import { useCopyToClipboard, type CopyState } from "@/components/ui/use-copy-to-clipboard";
import { encodeBoard, type BoardItem } from "@/lib/board/board-codec";
import { boardLink, MAX_BOARD_LINK_CHARS } from "@/lib/board/board-link";

type Shared = { state: "none" } | { state: "link"; url: string; count: number } | { state: "tooLong"; length: number; count: number };

export interface ShareBoard {
  shared: Shared;
  copyState: CopyState;
  share: (items: readonly BoardItem[]) => void;
}

/**
 * "Share board": a link that carries these operations (and their labels) in its fragment, copied and also shown in a
 * read-only field, since the clipboard can be refused. The link is made on click: the origin is known only in the
 * browser, and the items may have changed since the last render. The button and what it made are apart, so the
 * outcome can take a line of its own instead of reflowing the buttons beside it.
 */
export function useShareBoard(): ShareBoard {
  const { state: copyState, copy } = useCopyToClipboard();
  const [shared, setShared] = useState<Shared>({ state: "none" });
  const share = (items: readonly BoardItem[]) => {
    const url = boardLink(window.location.origin, encodeBoard(items));
    if (url.length > MAX_BOARD_LINK_CHARS) {
      setShared({ state: "tooLong", length: url.length, count: items.length });
      return;
    }
    setShared({ state: "link", url, count: items.length });
    void copy(url);
  };
  return { shared, copyState, share };
}

/** `which` names the set on the button: every watched row, the rows the table's filters show, or the ticked ones. */
export function ShareBoardButton({ board, items, which }: { board: ShareBoard; items: readonly BoardItem[]; which: "all" | "filtered" | "selected" }) {
  return (
    <Button
      variant="outline"
      size="sm"
      data-testid="share-board-button"
      disabled={items.length === 0}
      onClick={() => {
        board.share(items);
      }}
    >
      {which === "all" ? "Share board" : `Share board (${String(items.length)} ${which})`}
    </Button>
  );
}

/** What the last Share board made: "Link copied: …" and the link itself, or why there is none. */
export function ShareBoardOutcome({ board: { shared, copyState }, className = "" }: { board: ShareBoard; className?: string }) {
  const fieldId = useId();
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`}>
      <div role="status" data-testid="share-board-status" className="text-xs text-slate-700 dark:text-slate-300">
        {shared.state === "tooLong"
          ? `${shared.count} operations make a link of ${shared.length.toLocaleString("en")} characters, more than the ${MAX_BOARD_LINK_CHARS.toLocaleString("en")} that browsers and chat apps carry reliably. Share fewer operations.`
          : shared.state === "link"
            ? `${copyState === "copied" ? "Link copied" : copyState === "failed" ? "The browser refused the clipboard; copy the link below" : "Link ready"}: ${shared.count} ${
                shared.count === 1 ? "operation" : "operations"
              }, ${shared.url.length.toLocaleString("en")} characters.`
            : null}
      </div>
      {shared.state === "link" ? (
        <>
          <label htmlFor={fieldId} className="sr-only">
            Board link
          </label>
          <input
            id={fieldId}
            readOnly
            value={shared.url}
            data-testid="share-board-link"
            data-count={shared.count}
            className={`${inputClass} font-mono text-xs sm:max-w-xl`}
            onFocus={(event) => {
              event.currentTarget.select();
            }}
          />
        </>
      ) : null}
    </div>
  );
}

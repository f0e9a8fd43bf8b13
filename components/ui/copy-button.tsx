"use client";

import { Button } from "./button";
import { useCopyToClipboard } from "./use-copy-to-clipboard";

/** Copies text and says so, on the button for a moment and in a live region; a refused clipboard is shown, never thrown. */
export function CopyButton({ text, label }: { text: string; /** Accessible name, e.g. "Copy operation id". */ label: string }) {
  const { state, copy } = useCopyToClipboard({ resetAfterMs: 2000 });
  return (
    <>
      <Button variant="outline" size="xs" aria-label={label} onClick={() => void copy(text)}>
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy"}
      </Button>
      <span className="sr-only" role="status">
        {state === "copied" ? "Copied to the clipboard" : state === "failed" ? "The browser refused the clipboard" : ""}
      </span>
    </>
  );
}

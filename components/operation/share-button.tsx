"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { focusRing } from "@/components/ui/focus-ring";
import { useCopyToClipboard } from "@/components/ui/use-copy-to-clipboard";
import { permalinkPath, type OperationRef } from "@/lib/azure/operation-ref";

/** Copies the absolute permalink; where the clipboard is refused, shows the link to copy by hand. */
export function ShareButton({ operationRef }: { operationRef: OperationRef }) {
  // No reset: a link to copy by hand must stay until the person has copied it.
  const { state, copy } = useCopyToClipboard();
  // Known only in the browser (window.location), so it is computed on click, not while rendering.
  const [url, setUrl] = useState("");
  const share = () => {
    const absolute = new URL(permalinkPath(operationRef), window.location.origin).toString();
    setUrl(absolute);
    void copy(absolute);
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button variant="primary" size="md" data-testid="share-button" onClick={share}>
        Share
      </Button>
      <span role="status" className="text-xs text-slate-700 dark:text-slate-300">
        {state === "copied" ? "Link copied" : null}
        {state === "failed" ? (
          <>
            The browser refused the clipboard; copy this link:{" "}
            <input readOnly value={url} aria-label="Permalink" className={`w-72 rounded border px-1 font-mono text-xs ${focusRing}`} onFocus={(e) => { e.currentTarget.select(); }} />
          </>
        ) : null}
      </span>
    </span>
  );
}

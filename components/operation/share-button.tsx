"use client";

import { useState } from "react";
import { permalinkPath, type OperationRef } from "@/lib/azure/operation-ref";

/** Copies the absolute permalink; where the clipboard is refused, shows the link to copy by hand. */
export function ShareButton({ operationRef }: { operationRef: OperationRef }) {
  const [state, setState] = useState<{ kind: "idle" } | { kind: "copied" } | { kind: "manual"; url: string }>({ kind: "idle" });
  const share = async () => {
    const url = new URL(permalinkPath(operationRef), window.location.origin).toString();
    try {
      await navigator.clipboard.writeText(url);
      setState({ kind: "copied" });
    } catch {
      setState({ kind: "manual", url });
    }
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        data-testid="share-button"
        onClick={() => void share()}
        className="rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:bg-blue-600 dark:hover:bg-blue-500"
      >
        Share
      </button>
      <span role="status" className="text-xs text-slate-700 dark:text-slate-300">
        {state.kind === "copied" ? "Link copied" : null}
        {state.kind === "manual" ? (
          <>
            The browser refused the clipboard; copy this link:{" "}
            <input readOnly value={state.url} aria-label="Permalink" className="w-72 rounded border px-1 font-mono text-xs" onFocus={(e) => { e.currentTarget.select(); }} />
          </>
        ) : null}
      </span>
    </span>
  );
}

"use client";

import { useId, useMemo, useState } from "react";
import { focusRing } from "@/components/ui/focus-ring";
import { STATUS_COLORS } from "@/components/ui/status-colors";
import { READABLE_APIS } from "@/lib/azure/foreign-api";
import { devcenterHostCheck } from "@/lib/azure/paste-plan";
import { usePublicConfig } from "@/lib/config/public-config";
import type { AddFormProps } from "./add-form-props";
import { AddOperationForm } from "./add-operation-form";

export type { AddOutcome } from "@/lib/azure/paste-plan";

interface AddOperationPanelProps extends Pick<AddFormProps, "onAdd"> {
  /** How many operations are watched; undefined until the watch list is read. */
  watchedCount: number | undefined;
}

/**
 * Where operations join the watch list. Its form refuses, before adding, a DevCenter host that the server's
 * DEVCENTER_ALLOWED_HOSTS would refuse, since such a row could never be read. With something to watch it starts
 * folded, so the list is what a phone shows first; with nothing to watch it is all there is, so it opens.
 */
export function AddOperationPanel({ onAdd, watchedCount }: AddOperationPanelProps) {
  const { devcenterAllowedHosts } = usePublicConfig();
  const checkHost = useMemo(() => devcenterHostCheck(devcenterAllowedHosts), [devcenterAllowedHosts]);
  const [summary, setSummary] = useState<string[]>([]);
  const open = useFoldedWhileWatching(watchedCount);
  const bodyId = useId();

  return (
    <section aria-labelledby="add-operation-heading" className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <h2 id="add-operation-heading" className="text-lg font-semibold">
        <button
          type="button"
          aria-expanded={open.value}
          aria-controls={bodyId}
          // Until the list is read, whether it opens is not known yet.
          disabled={watchedCount === undefined}
          data-testid="add-operation-toggle"
          onClick={open.toggle}
          className={`flex items-center gap-1.5 rounded ${focusRing}`}
        >
          <span aria-hidden="true" className="w-4 text-center text-base text-slate-500 dark:text-slate-400">
            {open.value ? "▾" : "▸"}
          </span>
          Add operations
        </button>
      </h2>
      <div id={bodyId} hidden={!open.value} className="mt-1">
        <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">opwatch reads two Azure APIs: {READABLE_APIS}.</p>
        <AddOperationForm checkHost={checkHost} onAdd={onAdd} onDone={setSummary} />
        <div role="status" data-testid="add-operation-status" className={`mt-2 text-sm break-words ${STATUS_COLORS.succeeded.text}`}>
          {summary.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      </div>
    </section>
  );
}

/**
 * Open while nothing is watched (and again when the list empties); folded when the list is first read with operations
 * in it; otherwise as the person left it. Adding the first operations keeps it open: the person is still at it.
 */
function useFoldedWhileWatching(watchedCount: number | undefined): { value: boolean; toggle: () => void } {
  const [chosen, setChosen] = useState<boolean | undefined>();
  const [seen, setSeen] = useState(watchedCount);
  const value = chosen ?? watchedCount === 0;
  if (seen !== watchedCount) {
    // Adjusting state while rendering (React's "store information from previous renders" pattern).
    setSeen(watchedCount);
    if (watchedCount === 0) setChosen(undefined);
    else if (seen === 0 && chosen === undefined) setChosen(true);
  }
  return {
    value,
    toggle: () => {
      setChosen(!value);
    },
  };
}

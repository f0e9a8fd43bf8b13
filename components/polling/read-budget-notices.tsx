"use client";

import { useMemo } from "react";
import { useNow } from "@/components/hooks/use-now";
import { CopyButton } from "@/components/ui/copy-button";
import { READ_ERROR_COLORS } from "@/components/ui/status-colors";
import type { OperationRef } from "@/lib/azure/operation-ref";
import { budgetNotices } from "@/lib/polling/fleet/fleet-text";
import { readScopeOf } from "@/lib/polling/fleet/read-scope";
import { useFleetView } from "./fleet-provider";

/**
 * The page says when reads of the operations it shows are held back: a subscription or endpoint paused (Azure asked
 * us to wait) or slowed (Azure reports few reads left), or every read paused by the opwatch server; and when another
 * tab reads for this one. The notices keep a space of their own (a notice's lines at each width), so the page does
 * not move as they come and go; more than that space holds scrolls within it.
 */
export function ReadBudgetNotices({ operations }: { operations: readonly { ref: OperationRef }[] }) {
  const { role, status } = useFleetView();
  const now = useNow();
  const shownScopes = useMemo(() => new Set(operations.map((operation) => readScopeOf(operation.ref).id)), [operations]);
  const notices = status && now !== 0 ? budgetNotices(status, shownScopes, now) : [];
  return (
    <div className="flex flex-col gap-1">
      <div role="status" aria-live="polite" aria-label="Read budget" className="flex h-18 flex-col gap-1 overflow-y-auto sm:h-12 lg:h-7">
        {notices.map(({ id, text, scope }) => (
          <p
            key={id}
            data-testid="read-budget-notice"
            title={scope?.fullName}
            className={`rounded border-l-4 px-2 text-xs leading-6 ${READ_ERROR_COLORS.box}`}
          >
            {text}
            {scope ? (
              <>
                {" "}
                <CopyButton text={scope.copyText} label={scope.copyLabel} />
              </>
            ) : null}
          </p>
        ))}
      </div>
      {role === "following" ? (
        <p data-testid="fleet-role" className="text-xs text-slate-600 dark:text-slate-400">
          Another opwatch tab of this browser reads for this one, so the two do not double the reads.
        </p>
      ) : null}
    </div>
  );
}

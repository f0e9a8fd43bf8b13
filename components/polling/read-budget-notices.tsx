"use client";

import { useNow } from "@/components/hooks/use-now";
import { READ_ERROR_COLORS } from "@/components/ui/status-colors";
import { allPausedNotice, scopeNotice } from "@/lib/polling/fleet/fleet-text";
import { useFleetView } from "./fleet-provider";

/**
 * The dashboard says when reads are held back: a subscription or endpoint paused (Azure asked us to wait) or slowed
 * (Azure reports few reads left), or every read paused by the opwatch server; and when another tab reads for this one.
 */
export function ReadBudgetNotices() {
  const { role, status } = useFleetView();
  const now = useNow();
  const notices: [id: string, text: string | undefined][] =
    status && now !== 0 ? [["all", allPausedNotice(status, now)], ...status.scopes.map((scope): [string, string | undefined] => [scope.id, scopeNotice(scope, now)])] : [];
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-1">
      {notices.map(([id, text]) =>
        text === undefined ? null : (
          <p key={id} data-testid="read-budget-notice" className={`rounded border-l-4 px-3 py-1.5 text-sm ${READ_ERROR_COLORS.box}`}>
            {text}
          </p>
        ),
      )}
      {role === "following" ? (
        <p data-testid="fleet-role" className="text-xs text-slate-600 dark:text-slate-400">
          Another opwatch tab of this browser reads for this one, so the two do not double the reads.
        </p>
      ) : null}
    </div>
  );
}

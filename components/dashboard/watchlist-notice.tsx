"use client";

import { Button } from "@/components/ui/button";
import type { WatchListNotice as Notice } from "@/lib/watch-list/store";

export function WatchlistNotice({ notice, onDismiss }: { notice: Notice | undefined; onDismiss: () => void }) {
  if (!notice) return null;
  return (
    <div
      role="alert"
      data-testid="watchlist-notice"
      className="flex items-start justify-between gap-2 rounded border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <p>{notice.message}</p>
      <Button variant="warning" onClick={onDismiss} className="shrink-0">
        Dismiss
      </Button>
    </div>
  );
}

"use client";

import { useNow } from "@/components/hooks/use-now";
import { formatAgo } from "@/lib/operations/format";
import { lastKnownAt } from "@/lib/poll-log/last-known";
import type { OperationSnapshot } from "@/lib/polling/snapshot";

const MUTED = "text-slate-600 dark:text-slate-400";

/**
 * Until this page's first read of an operation: "Reading status…", or, when this browser read it before, how old the
 * state shown is (it is the last known one, not news). Gone once a read arrives.
 */
export function FirstReadLine({
  query,
  className,
}: {
  query: { isPending: boolean; isPlaceholderData: boolean; data: OperationSnapshot | undefined };
  className: string;
}) {
  const known = lastKnownAt(query);
  if (known !== undefined) return <LastKnownLine at={known} className={className} />;
  return query.isPending ? <p className={`${className} ${MUTED}`}>Reading status…</p> : null;
}

function LastKnownLine({ at, className }: { at: number; className: string }) {
  const now = useNow();
  const age = now === 0 ? "" : ` ${formatAgo(at, Math.max(now, at))}`;
  return (
    <p data-testid="last-known" className={`${className} ${MUTED}`}>
      Last known{age} · reading status…
    </p>
  );
}

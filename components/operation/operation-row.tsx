"use client";

import Link from "next/link";
import { memo, useRef } from "react";
import { useInView } from "@/components/hooks/use-in-view";
import { useOperationQuery } from "@/components/hooks/use-operation-query";
import { useReadInterest, useRequestRead } from "@/components/polling/fleet-provider";
import { Button } from "@/components/ui/button";
import { focusRing } from "@/components/ui/focus-ring";
import { STATUS_COLORS } from "@/components/ui/status-colors";
import { permalinkPath, refKey, refLabel } from "@/lib/azure/operation-ref";
import type { WatchItem } from "@/lib/watch-list/watch-list";
import { OperationTimes } from "./operation-times";
import { ProgressBar } from "./progress-bar";
import { ReadErrorLine } from "./read-error-line";
import { StatusBadge } from "./status-badge";

/** One watched operation on the dashboard. Memoized: a poll of one operation re-renders only its own row. */
export const OperationRow = memo(function OperationRow({
  item,
  onRemove,
}: {
  item: WatchItem;
  onRemove: (key: string) => void;
}) {
  const query = useOperationQuery(item.ref);
  const rowRef = useRef<HTMLLIElement>(null);
  // Rows on screen are read first when the budget cannot serve every due read.
  useReadInterest(item.ref, useInView(rowRef) ? "onScreen" : undefined);
  const requestRead = useRequestRead();
  const snapshot = query.data;
  const operation = snapshot?.operation;
  const key = refKey(item.ref);
  const title = item.label ?? refLabel(item.ref);

  return (
    <li
      ref={rowRef}
      data-testid="operation-row"
      data-status-category={operation?.category ?? "pending"}
      data-ref-key={key}
      // Off-screen rows skip style and layout (they still update their text): with 500 rows, laying out all of them
      // on every poll result kept the main thread busy. "auto" remembers each row's last drawn height.
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm [contain-intrinsic-size:auto_7rem] [content-visibility:auto] dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge category={operation?.category} status={operation?.status} />
        <Link
          href={permalinkPath(item.ref)}
          // 500 rows in view must not prefetch 500 pages; the page is small and opens fast without it.
          prefetch={false}
          className={`min-w-0 flex-1 truncate font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-300 ${focusRing}`}
        >
          {title}
        </Link>
        <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">{item.ref.kind}</span>
        <Button
          variant="danger"
          size="sm"
          aria-label={`Remove ${title} from the watch list`}
          onClick={() => {
            onRemove(key);
          }}
        >
          Remove
        </Button>
      </div>
      <ProgressBar percent={operation?.percentComplete} category={operation?.category} label={`Progress of ${title}`} />
      <OperationTimes snapshot={snapshot} operationKey={key} compact />
      {operation?.category === "failed" && operation.error ? (
        <p className={`truncate text-xs ${STATUS_COLORS.failed.text}`}>
          <span className="font-mono">{operation.error.code ?? "(no code)"}</span>
          {operation.error.message ? `: ${operation.error.message}` : ""}
        </p>
      ) : null}
      {snapshot ? (
        <ReadErrorLine
          snapshot={snapshot}
          operationKey={key}
          onRetry={() => {
            requestRead(item.ref);
          }}
        />
      ) : null}
      {query.isPending ? <p className="text-xs text-slate-600 dark:text-slate-400">Reading status…</p> : null}
    </li>
  );
});

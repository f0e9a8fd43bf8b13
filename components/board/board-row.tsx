"use client";

import { OperationLink } from "@/components/operation/operation-link";
import { memo, useRef } from "react";
import { useInView } from "@/components/hooks/use-in-view";
import { useOperationQuery } from "@/components/hooks/use-operation-query";
import { OperationTimes } from "@/components/operation/operation-times";
import { ProgressBar } from "@/components/operation/progress-bar";
import { RowRootCause } from "@/components/operation/row-root-cause";
import { StatusBadge } from "@/components/operation/status-badge";
import { useReadInterest } from "@/components/polling/fleet-provider";
import { Button } from "@/components/ui/button";
import { focusRing } from "@/components/ui/focus-ring";
import { refKey } from "@/lib/azure/operation-ref";
import type { BoardItem } from "@/lib/board/board-codec";
import { describeOperation, displayName, fullDescription, labelOf, resourceName, shortOperationId } from "@/lib/operations/display-name";
import { rowStateOf, unreadableOf } from "@/lib/polling/read-state";
import { cardClass } from "@/components/ui/surface";

/**
 * One operation of a shared board: read through the scheduler like a watched one ("watched" interest, "onScreen"
 * while visible) but not on the watch list. Small on purpose: the dashboard's table may take its place later.
 */
export const BoardRow = memo(function BoardRow({ item, watched, onWatch }: { item: BoardItem; watched: boolean; onWatch: (item: BoardItem) => void }) {
  const query = useOperationQuery(item.ref);
  const rowRef = useRef<HTMLLIElement>(null);
  useReadInterest(item.ref, useInView(rowRef) ? "onScreen" : "watched");
  const snapshot = query.data;
  const operation = snapshot?.operation;
  const unreadable = unreadableOf(snapshot);
  const key = refKey(item.ref);
  const described = describeOperation(item);

  return (
    <li
      ref={rowRef}
      data-testid="board-row"
      data-status-category={rowStateOf(snapshot)}
      data-ref-key={key}
      className={cardClass}
    >
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge category={operation?.category} status={operation?.status} unreadable={unreadable} />
        <OperationLink
          operationRef={item.ref}
          title={fullDescription(item)}
          data-testid="board-row-name"
          className={`order-first min-w-0 flex-1 basis-full truncate font-medium text-blue-700 underline-offset-2 hover:underline sm:order-none sm:basis-0 dark:text-blue-300 ${focusRing}`}
        >
          {displayName(item)}
        </OperationLink>
        {watched ? (
          <span className="ml-auto text-xs text-slate-600 dark:text-slate-400">On your watch list</span>
        ) : (
          <Button
            variant="secondary"
            size="sm"
            className="ml-auto"
            aria-label={`Watch ${described}`}
            onClick={() => {
              onWatch(item);
            }}
          >
            Watch
          </Button>
        )}
      </div>
      <div className="flex min-w-0 flex-wrap items-center gap-x-2 text-xs text-slate-600 dark:text-slate-400">
        <span className="rounded bg-slate-100 px-1.5 text-slate-700 dark:bg-slate-800 dark:text-slate-300">{item.ref.kind}</span>
        {labelOf(item) ? <span className="min-w-0 truncate">{resourceName(item.ref)}</span> : null}
        <span className="font-mono whitespace-nowrap">
          <span className="sr-only">operation id </span>
          {shortOperationId(item.ref)}
        </span>
      </div>
      <ProgressBar percent={operation?.percentComplete} category={operation?.category} label={`Progress of ${described}`} stopped={unreadable !== undefined} />
      <OperationTimes snapshot={snapshot} operationKey={key} compact />
      <RowRootCause operation={operation} />
    </li>
  );
});

"use client";

import { OperationLink } from "@/components/operation/operation-link";
import { memo, useRef } from "react";
import { useInView } from "@/components/hooks/use-in-view";
import { useNow } from "@/components/hooks/use-now";
import { useOperationQuery } from "@/components/hooks/use-operation-query";
import { ProgressBar } from "@/components/operation/progress-bar";
import { StatusBadge } from "@/components/operation/status-badge";
import { useReadInterest } from "@/components/polling/fleet-provider";
import { focusRing } from "@/components/ui/focus-ring";
import { refKey } from "@/lib/azure/operation-ref";
import { describeOperation, displayName, fullDescription, operationIdOf, shortOperationId } from "@/lib/operations/display-name";
import { elapsedMs, formatAgo, formatDuration, formatTimestamp } from "@/lib/operations/format";
import { rowStateOf, unreadableOf } from "@/lib/polling/read-state";
import type { WatchItem } from "@/lib/watch-list/watch-list";
import { useNameLinkRef, type NameLinks } from "../row-links";
import { scopeOf } from "./table-facts";
import { COLUMN_CELL, ROW_GRID } from "./table-layout";
import { RemoveButton } from "@/components/operation/remove-button";
import { RowRootCause } from "@/components/operation/row-root-cause";

/** A live time: re-renders on the page's one clock, only while on screen and while it can still change. */
function Ticking({ active, render }: { active: boolean; render: (now: number) => string }) {
  const now = useNow(active);
  return <>{now === 0 ? "—" : render(now)}</>;
}

/** A small label before a value, shown only where the header row is not (phones and narrow windows). */
const Inline = ({ children }: { children: string }) => <span className="text-slate-600 lg:hidden dark:text-slate-400">{children} </span>;

/**
 * One operation as a table row (a wide screen) or two or three short lines (a phone). Memoized and reading its own
 * query, as the card row: a poll of one operation re-renders only its row.
 */
export const TableRow = memo(function TableRow({
  item,
  selected,
  onSelect,
  onRemove,
  nameLinks,
}: {
  item: WatchItem;
  selected: boolean;
  onSelect: (key: string, selected: boolean) => void;
  onRemove: (key: string) => void;
  nameLinks: NameLinks;
}) {
  const query = useOperationQuery(item.ref);
  const rowRef = useRef<HTMLDivElement>(null);
  const inView = useInView(rowRef);
  useReadInterest(item.ref, inView ? "onScreen" : undefined);
  const snapshot = query.data;
  const operation = snapshot?.operation;
  const unreadable = unreadableOf(snapshot);
  const key = refKey(item.ref);
  const nameRef = useNameLinkRef(nameLinks, key);
  const described = describeOperation(item);
  const scope = scopeOf(item.ref);
  const start = operation?.startTime;
  const end = operation?.endTime;
  const lastRead = snapshot?.history.at(-1)?.at;

  return (
    <div
      ref={rowRef}
      role="row"
      data-testid="operation-row"
      data-status-category={rowStateOf(snapshot)}
      data-ref-key={key}
      // Off-screen rows skip style and layout, as the cards do; "auto" remembers each row's last drawn height.
      className={`${ROW_GRID} border-b border-slate-200 px-2 py-2 [contain-intrinsic-size:auto_4.5rem] [content-visibility:auto] focus-within:bg-slate-50 lg:py-1.5 lg:[contain-intrinsic-size:auto_2.5rem] dark:border-slate-700 dark:focus-within:bg-slate-800/60`}
    >
      <div role="cell" className={COLUMN_CELL.select}>
        <input
          type="checkbox"
          checked={selected}
          aria-label={`Select ${described}`}
          onChange={(event) => {
            onSelect(key, event.target.checked);
          }}
          className={`size-4 accent-blue-700 dark:accent-blue-400 ${focusRing}`}
        />
      </div>
      <div role="cell" className={COLUMN_CELL.status}>
        <StatusBadge category={operation?.category} status={operation?.status} unreadable={unreadable} />
      </div>
      <div role="cell" className={`${COLUMN_CELL.name} flex flex-col`}>
        <OperationLink
          ref={nameRef}
          operationRef={item.ref}
          title={fullDescription(item)}
          data-testid="operation-name"
          className={`truncate font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-300 ${focusRing}`}
        >
          {displayName(item)}
        </OperationLink>
        <span data-testid="operation-id" title={operationIdOf(item.ref)} className="hidden truncate font-mono text-xs text-slate-600 sm:block dark:text-slate-400">
          <span className="sr-only">operation id </span>
          {shortOperationId(item.ref)}
        </span>
        <RowRootCause operation={operation} dense />
      </div>
      <div role="cell" className={`${COLUMN_CELL.kind} text-xs`}>
        <span className="rounded bg-slate-100 px-1.5 text-slate-700 dark:bg-slate-800 dark:text-slate-300">{item.ref.kind}</span>
      </div>
      <div role="cell" title={scope.full} className={`${COLUMN_CELL.scope} flex-col text-xs`}>
        <span className="truncate text-slate-800 dark:text-slate-200">{scope.main}</span>
        <span className="truncate text-slate-600 dark:text-slate-400">{scope.within}</span>
      </div>
      <div role="cell" className={COLUMN_CELL.progress}>
        <ProgressBar percent={operation?.percentComplete} category={operation?.category} label={`Progress of ${described}`} stopped={unreadable !== undefined} />
      </div>
      <div role="cell" className={`${COLUMN_CELL.started} text-xs tabular-nums`}>
        <Inline>Started</Inline>
        {formatTimestamp(start)}
      </div>
      <div role="cell" className={`${COLUMN_CELL.duration} text-xs tabular-nums`}>
        <Inline>{end === undefined ? "Elapsed" : "Took"}</Inline>
        <Ticking active={inView && end === undefined && start !== undefined} render={(now) => {
          const elapsed = elapsedMs(start, end, now);
          return elapsed === undefined ? "—" : formatDuration(elapsed);
        }} />
      </div>
      <div role="cell" className={`${COLUMN_CELL.lastRead} text-xs tabular-nums`}>
        <Inline>Read</Inline>
        <Ticking active={inView && lastRead !== undefined} render={(now) => (lastRead === undefined ? "—" : formatAgo(lastRead, Math.max(now, lastRead)))} />
      </div>
      <div role="cell" className={COLUMN_CELL.actions}>
        <RemoveButton operationKey={key} described={described} onRemove={onRemove} />
      </div>
    </div>
  );
});

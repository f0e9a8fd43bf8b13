"use client";

import { useEffect, useRef, type KeyboardEvent } from "react";
import { focusRing } from "@/components/ui/focus-ring";
import type { ListHold } from "../list-hold";
import type { RowLinks } from "../row-links";
import { COLUMN_CELL, ROW_GRID } from "./table-layout";
import { nextSort, type ColumnId, type TableQuery } from "./table-query";
import { TableRow } from "./table-row";
import type { VisibleRow } from "./use-visible-rows";
import { surfaceClass } from "@/components/ui/surface";

const HEADERS: readonly { column: ColumnId; label: string }[] = [
  { column: "status", label: "Status" },
  { column: "name", label: "Name" },
  { column: "kind", label: "Kind" },
  { column: "scope", label: "Scope" },
  { column: "progress", label: "Progress" },
  { column: "started", label: "Started" },
  { column: "duration", label: "Duration" },
  { column: "lastRead", label: "Last read" },
];

export const COLUMN_LABELS = Object.fromEntries(HEADERS.map(({ column, label }) => [column, label])) as Record<ColumnId, string>;

/** Checked when every shown row is selected, mixed when some are. */
function SelectAll({ rows, selected, onSelectAll }: { rows: readonly VisibleRow[]; selected: ReadonlySet<string>; onSelectAll: (keys: readonly string[], on: boolean) => void }) {
  const box = useRef<HTMLInputElement>(null);
  const count = rows.filter((row) => selected.has(row.key)).length;
  const all = rows.length > 0 && count === rows.length;
  useEffect(() => {
    if (box.current) box.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <input
      ref={box}
      type="checkbox"
      data-testid="select-all-shown"
      checked={all}
      disabled={rows.length === 0}
      aria-label={`Select all ${String(rows.length)} shown`}
      onChange={() => {
        onSelectAll(
          rows.map((row) => row.key),
          !all,
        );
      }}
      className={`size-4 accent-blue-700 dark:accent-blue-400 ${focusRing}`}
    />
  );
}

/**
 * The dense list: one line per operation on a wide screen, sortable by any column (the header's buttons; the order
 * lives in the URL), selectable for a board link. `rows` are already filtered and ordered.
 */
export function OperationsTable({
  rows,
  sort,
  onSort,
  selected,
  onSelect,
  onSelectAll,
  onRemove,
  rowLinks,
  bodyProps,
}: {
  rows: readonly VisibleRow[];
  sort: TableQuery["sort"];
  onSort: (sort: TableQuery["sort"]) => void;
  selected: ReadonlySet<string>;
  onSelect: (key: string, on: boolean) => void;
  onSelectAll: (keys: readonly string[], on: boolean) => void;
  onRemove: (key: string) => void;
  /** The rows' name links, by key in the order shown. */
  rowLinks: RowLinks;
  /** Tells the dashboard when the person acts on the rows (their order then holds). */
  bodyProps: ListHold["listProps"];
}) {
  // Up and Down on a row's name move to the next row's name: 500 rows are not 1,500 Tab presses.
  const moveBetweenRows = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    if (rowLinks.focusBeside(event.target, event.key === "ArrowDown" ? 1 : -1)) event.preventDefault();
  };
  return (
    <div role="table" aria-label="Watched operations" data-testid="operations-table" className={`${surfaceClass} text-sm`}>
      <div role="rowgroup">
        <div role="row" className={`${ROW_GRID} border-b border-slate-300 bg-slate-50 px-2 py-1.5 text-xs font-semibold dark:border-slate-600 dark:bg-slate-800`}>
          <div role="columnheader" className={`${COLUMN_CELL.select} flex items-center`}>
            <SelectAll rows={rows} selected={selected} onSelectAll={onSelectAll} />
          </div>
          {HEADERS.map(({ column, label }) => {
            const sorted = sort?.column === column ? sort.dir : undefined;
            return (
              <div
                key={column}
                role="columnheader"
                className={COLUMN_CELL[column]}
                aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
              >
                <button
                  type="button"
                  data-testid={`sort-${column}`}
                  onClick={() => {
                    onSort(nextSort(sort, column));
                  }}
                  className={`rounded px-1 py-0.5 text-left hover:bg-slate-200 dark:hover:bg-slate-700 ${sorted ? "text-blue-800 dark:text-blue-200" : ""} ${focusRing}`}
                >
                  {label}
                  <span aria-hidden="true" className="ml-0.5 inline-block w-3">
                    {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}
                  </span>
                </button>
              </div>
            );
          })}
          <div role="columnheader" className={`${COLUMN_CELL.actions} sr-only lg:not-sr-only`}>
            <span className="sr-only">Actions</span>
          </div>
        </div>
      </div>
      <div role="rowgroup" onKeyDown={moveBetweenRows} {...bodyProps}>
        {rows.map(({ item, key }) => (
          <TableRow key={key} item={item} selected={selected.has(key)} onSelect={onSelect} onRemove={onRemove} nameLinks={rowLinks} />
        ))}
      </div>
    </div>
  );
}

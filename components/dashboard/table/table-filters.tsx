"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import { OPERATION_KINDS } from "@/lib/azure/operation-ref";
import { PRESSED } from "../view-switch";
import { COLUMN_LABELS } from "./operations-table";
import { hasFilters, STATUS_FILTERS, type StatusFilter, type TableQuery } from "./table-query";

const STATUS_LABELS: Record<StatusFilter, string> = {
  running: "Running",
  failed: "Failed",
  attention: "Needs attention",
  succeeded: "Succeeded",
  canceled: "Canceled",
  unreadable: "Unreadable",
};

/** Typing waits this long before the URL (and the rows) follow, so a word is one update, not one per key. */
const TEXT_DELAY_MS = 250;

function Toggles<T extends string>({ name, values, labels, chosen, onChange }: { name: string; values: readonly T[]; labels: (value: T) => string; chosen: readonly T[]; onChange: (next: T[]) => void }) {
  return (
    <div role="group" aria-label={name} className="flex flex-wrap items-center gap-1">
      <span aria-hidden="true" className="text-xs text-slate-600 dark:text-slate-400">
        {name}:
      </span>
      {values.map((value) => {
        const on = chosen.includes(value);
        return (
          <Button
            key={value}
            aria-pressed={on}
            data-testid={`filter-${value}`}
            className={PRESSED}
            onClick={() => {
              onChange(values.filter((v) => (v === value ? !on : chosen.includes(v))));
            }}
          >
            {labels(value)}
          </Button>
        );
      })}
    </div>
  );
}

function sortText(sort: TableQuery["sort"]): string {
  if (!sort) return "needs attention first, then running, then recent ends";
  const newest = sort.column === "started" || sort.column === "lastRead";
  const way = newest ? (sort.dir === "desc" ? "newest first" : "oldest first") : sort.dir === "asc" ? "ascending" : "descending";
  return `sorted by ${COLUMN_LABELS[sort.column]}, ${way}`;
}

/** Status, kind and text filters, and the "N of M shown" line that clears them. */
export function TableFilters({ query, shown, total, onChange }: { query: TableQuery; shown: number; total: number; onChange: (patch: Partial<TableQuery>) => void }) {
  // The box holds the text (the one state of it); the URL follows after a pause, so a word is one update. Nothing else
  // changes the URL's text while the box is on screen, so the box needs no reading back from it.
  const [text, setText] = useState(query.q);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => {
    clearTimeout(timer.current);
  }, []);
  const filtered = hasFilters(query);

  return (
    <div className="flex flex-col gap-2" data-testid="table-filters">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <Toggles name="Status" values={STATUS_FILTERS} labels={(v) => STATUS_LABELS[v]} chosen={query.status} onChange={(status) => {
          onChange({ status });
        }} />
        <Toggles name="Kind" values={OPERATION_KINDS} labels={(v) => v} chosen={query.kind} onChange={(kind) => {
          onChange({ kind });
        }} />
        <input
          type="search"
          value={text}
          aria-label="Filter by name, label, id or scope"
          placeholder="Filter by name, id, scope…"
          data-testid="filter-text"
          maxLength={200}
          className={`${inputClass} min-w-0 flex-1 basis-48`}
          onChange={(event) => {
            const q = event.target.value;
            setText(q);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => {
              onChange({ q });
            }, TEXT_DELAY_MS);
          }}
        />
      </div>
      <p data-testid="table-count" aria-live="polite" className="flex flex-wrap items-center gap-x-2 text-sm text-slate-600 dark:text-slate-400">
        <span>
          {shown} of {total} shown · {sortText(query.sort)}
        </span>
        {filtered ? (
          <Button
            size="xs"
            data-testid="clear-filters"
            onClick={() => {
              clearTimeout(timer.current);
              setText("");
              onChange({ status: [], kind: [], q: "" });
            }}
          >
            Clear filters
          </Button>
        ) : null}
      </p>
    </div>
  );
}

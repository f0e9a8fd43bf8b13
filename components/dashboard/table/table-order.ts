import type { RowState } from "@/lib/polling/read-state";
import { needsAttention } from "@/lib/polling/read-state";
import type { OperationSnapshot } from "@/lib/polling/snapshot";
import type { WatchItem } from "@/lib/watch-list/watch-list";
import { attentionFirst } from "../watched-order";
import { rowFacts, type RowFacts } from "./table-facts";
import type { ColumnId, StatusFilter, TableQuery } from "./table-query";

/**
 * Which rows the table shows, and in what order: pure, from the items, their snapshots (as the summary store last
 * published them), the URL's query and the clock.
 */

const ENDED: ReadonlySet<RowState> = new Set(["succeeded", "canceled"]);

/** Whether a row's state falls under a status filter. "Running" is every row still on its way, read or not yet. */
export function matchesStatus(state: RowState, filter: StatusFilter): boolean {
  switch (filter) {
    case "attention":
      return needsAttention(state);
    case "running":
      return state === "running" || state === "unknown" || state === "notStarted" || state === "pending";
    default:
      return state === filter;
  }
}

/** All filters must hold; within the status and kind filters, any one value is enough. */
export function matchesQuery(row: RowFacts, query: Pick<TableQuery, "status" | "kind" | "q">): boolean {
  if (query.status.length > 0 && !query.status.some((filter) => matchesStatus(row.state, filter))) return false;
  if (query.kind.length > 0 && !query.kind.includes(row.item.ref.kind)) return false;
  const words = query.q.trim().toLowerCase().split(/\s+/).filter((word) => word !== "");
  return words.every((word) => row.text.includes(word));
}

/**
 * The order when no column is chosen: what needs attention (the header's rule, `attention` from the summary store),
 * then what still runs, each in list order, then what ended, most recent end first.
 */
export function defaultOrder(rows: readonly RowFacts[], attention: readonly string[]): RowFacts[] {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const ordered = attentionFirst(
    rows.map((row) => row.item),
    rows.map((row) => row.key),
    attention,
  ).flatMap(({ key }) => byKey.get(key) ?? []);
  const first = new Set(attention);
  const head = ordered.filter((row) => first.has(row.key));
  const rest = ordered.filter((row) => !first.has(row.key));
  const ended = rest.filter((row) => ENDED.has(row.state)).sort((a, b) => compareMissingLast(a.endTime, b.endTime, -1));
  return [...head, ...rest.filter((row) => !ENDED.has(row.state)), ...ended];
}

/** Status sorts by what a person must act on first: stopped, failed, alive, not read, ended. */
const STATE_RANK: Record<RowState, number> = {
  unreadable: 0,
  failed: 1,
  running: 2,
  unknown: 3,
  notStarted: 4,
  pending: 5,
  canceled: 6,
  succeeded: 7,
};

/** `sign` 1 is ascending; a missing value goes last in either direction. */
function compareMissingLast<T extends number | string>(a: T | undefined, b: T | undefined, sign: 1 | -1): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (typeof a === "string" && typeof b === "string") return sign * a.localeCompare(b, undefined, { sensitivity: "base", numeric: true });
  return a < b ? -sign : a > b ? sign : 0;
}

const VALUE_OF: Record<ColumnId, (row: RowFacts) => number | string | undefined> = {
  status: (row) => STATE_RANK[row.state],
  name: (row) => row.name,
  kind: (row) => row.item.ref.kind,
  scope: (row) => row.scope,
  progress: (row) => row.percent,
  started: (row) => row.startTime,
  duration: (row) => row.durationMs,
  lastRead: (row) => row.lastReadAt,
};

/** Sorts by one column; ties keep the order of `rows` (pass them in default order). */
export function sortRows(rows: readonly RowFacts[], sort: NonNullable<TableQuery["sort"]>): RowFacts[] {
  const value = VALUE_OF[sort.column];
  const sign = sort.dir === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: value(row) }))
    .sort((a, b) => compareMissingLast(a.value, b.value, sign) || a.index - b.index)
    .map(({ row }) => row);
}

export interface VisibleRowsInput {
  items: readonly WatchItem[];
  keys: readonly string[];
  snapshots: readonly (OperationSnapshot | undefined)[];
  attention: readonly string[];
  query: Pick<TableQuery, "sort" | "status" | "kind" | "q">;
  now: number;
}

/** The rows the table shows, filtered and in order. */
export function visibleRows({ items, keys, snapshots, attention, query, now }: VisibleRowsInput): RowFacts[] {
  const rows = items.map((item, i) => rowFacts(item, keys[i] ?? "", snapshots[i], now)).filter((row) => matchesQuery(row, query));
  const ordered = defaultOrder(rows, attention);
  return query.sort ? sortRows(ordered, query.sort) : ordered;
}

import "@/lib/config/zod-jitless";
import { z } from "zod";
import { OPERATION_KINDS, type OperationKind } from "@/lib/azure/operation-ref";

/**
 * The dashboard's view, sort and filters as the URL's query carries them
 * (`?view=table&sort=started&dir=desc&status=failed,running&kind=devops&q=rollout`). A URL is outside input: every
 * value is read on its own, and one that is wrong or unknown is dropped (the rest still apply), never an error.
 */

const COLUMNS = ["status", "name", "kind", "scope", "progress", "started", "duration", "lastRead"] as const;
export type ColumnId = (typeof COLUMNS)[number];

export const STATUS_FILTERS = ["running", "failed", "attention", "succeeded", "canceled", "unreadable"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

type SortDirection = "asc" | "desc";
export type DashboardView = "cards" | "table";

export interface TableQuery {
  /** Absent: the default for the list's size (see viewFor). */
  view: DashboardView | undefined;
  /** Absent: the default order (attention, then running, then recent ends). */
  sort: { column: ColumnId; dir: SortDirection } | undefined;
  status: readonly StatusFilter[];
  kind: readonly OperationKind[];
  q: string;
}

/** Beyond this many operations the table is the default view; up to it, the cards. */
export const TABLE_THRESHOLD = 10;
const MAX_QUERY_CHARS = 200;

/** Times and amounts read best largest or newest first; words A to Z. */
const naturalDirection = (column: ColumnId): SortDirection =>
  column === "status" || column === "name" || column === "kind" || column === "scope" ? "asc" : "desc";

const view = z.enum(["cards", "table"]);
const column = z.enum(COLUMNS);
const dir = z.enum(["asc", "desc"]);
const statusFilter = z.enum(STATUS_FILTERS);
const kind = z.enum(OPERATION_KINDS as [OperationKind, ...OperationKind[]]);

/** The known, distinct values of a comma-separated list, in the order of `known`. */
function listOf<T extends string>(raw: string | null, schema: z.ZodType<T>, known: readonly T[]): T[] {
  if (raw === null) return [];
  const given = new Set(raw.split(",").flatMap((part) => {
    const parsed = schema.safeParse(part.trim());
    return parsed.success ? [parsed.data] : [];
  }));
  return known.filter((value) => given.has(value));
}

/** Reads the query; anything unreadable falls back to its default. */
export function parseTableQuery(params: Pick<URLSearchParams, "get">): TableQuery {
  const sortColumn = column.safeParse(params.get("sort"));
  const sortDir = dir.safeParse(params.get("dir"));
  const parsedView = view.safeParse(params.get("view"));
  return {
    view: parsedView.success ? parsedView.data : undefined,
    sort: sortColumn.success
      ? { column: sortColumn.data, dir: sortDir.success ? sortDir.data : naturalDirection(sortColumn.data) }
      : undefined,
    status: listOf(params.get("status"), statusFilter, STATUS_FILTERS),
    kind: listOf(params.get("kind"), kind, OPERATION_KINDS),
    q: (params.get("q") ?? "").slice(0, MAX_QUERY_CHARS),
  };
}

/**
 * The view shown: the one the URL asks for, else the table beyond TABLE_THRESHOLD operations, or when `tableBefore`
 * (it was the default earlier on this page: table-was-default.ts).
 */
export const viewFor = (query: Pick<TableQuery, "view">, count: number, tableBefore = false): DashboardView =>
  query.view ?? (count > TABLE_THRESHOLD || tableBefore ? "table" : "cards");

export const hasFilters = (query: TableQuery): boolean => query.status.length > 0 || query.kind.length > 0 || query.q.trim() !== "";

/**
 * The query string for `query`, keeping every parameter of `current` that is not the table's (a later feature's own
 * parameters survive a sort). Defaults are left out, so the plain dashboard keeps its plain URL.
 */
export function tableQueryString(current: URLSearchParams, query: TableQuery): string {
  const params = new URLSearchParams(current);
  const set = (name: string, value: string | undefined) => {
    if (value === undefined || value === "") params.delete(name);
    else params.set(name, value);
  };
  set("view", query.view);
  set("sort", query.sort?.column);
  set("dir", query.sort?.dir);
  set("status", query.status.join(","));
  set("kind", query.kind.join(","));
  set("q", query.q);
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** The next sort when a column's header is pressed: its natural direction, then the other, then the default order. */
export function nextSort(current: TableQuery["sort"], pressed: ColumnId): TableQuery["sort"] {
  const first = naturalDirection(pressed);
  if (current?.column !== pressed) return { column: pressed, dir: first };
  return current.dir === first ? { column: pressed, dir: first === "asc" ? "desc" : "asc" } : undefined;
}

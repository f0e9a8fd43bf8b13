import type { ColumnId } from "./table-query";

/**
 * The table's one set of columns, shared by its header and its rows (a CSS grid per row, since rows are laid out
 * apart: content-visibility skips the ones off screen). The name takes most of what is left, for labels; the scope's
 * ids are short. Below `lg` a row is short wrapped lines instead: badge and name, the progress bar, the times; the
 * kind and scope columns show on wide screens only.
 */
export const ROW_GRID =
  "flex flex-wrap items-center gap-x-2 gap-y-1 lg:grid lg:grid-cols-[1.5rem_8.5rem_minmax(0,2.5fr)_4.5rem_minmax(0,1fr)_6rem_8.5rem_5rem_5.5rem_4.5rem] lg:gap-x-2";

/** A cell never pushes its row wider than the screen. */
const CELL = "min-w-0";

/**
 * Where each column's cell goes in a row's short lines below `lg`, for a header cell and a row's cell alike, so on a
 * phone the header's lines are the rows' lines: select, status, name and actions; the progress; the times.
 */
export const COLUMN_CELL: Record<ColumnId | "select" | "actions", string> = {
  select: `${CELL} shrink-0`,
  status: `${CELL} max-w-[45%] shrink-0 lg:max-w-none`,
  name: `${CELL} flex-1`,
  kind: `${CELL} hidden lg:block`,
  scope: `${CELL} hidden lg:flex`,
  progress: `${CELL} order-2 basis-full lg:order-none`,
  started: `${CELL} order-3 lg:order-none`,
  duration: `${CELL} order-3 lg:order-none`,
  lastRead: `${CELL} order-3 lg:order-none`,
  actions: `${CELL} order-1 ml-auto shrink-0 lg:order-none lg:ml-0`,
};

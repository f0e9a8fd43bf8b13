/**
 * The table's one set of columns, shared by its header and its rows (a CSS grid per row, since rows are laid out
 * apart: content-visibility skips the ones off screen). Below `lg` a row is short wrapped lines instead: badge and
 * name, the progress bar, the times; the kind and scope columns show on wide screens only.
 */
export const ROW_GRID =
  "flex flex-wrap items-center gap-x-2 gap-y-1 lg:grid lg:grid-cols-[1.5rem_8.5rem_minmax(0,1.6fr)_4.75rem_minmax(0,1fr)_7.5rem_8.5rem_5.5rem_5.5rem_4.5rem] lg:gap-x-2";

/** A cell never pushes its row wider than the screen. */
export const CELL = "min-w-0";

/** The raised surface rows, boards and the table sit on, in light and dark mode. */
export const surfaceClass = "rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900";

/** One operation as a card (a watched row, a board's row). */
export const cardClass = `flex flex-col gap-2 p-3 shadow-sm ${surfaceClass}`;

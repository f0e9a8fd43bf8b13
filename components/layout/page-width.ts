/**
 * The width of every page of the app and of its header line, one value so their edges align. Wide enough for the
 * dashboard's table to give a row's name room for a label beside its other columns.
 */
export const PAGE_WIDTH = "mx-auto max-w-7xl";

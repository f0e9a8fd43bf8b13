/**
 * The one keyboard focus style of the app, for every focusable thing that is not a <Button> (links, summaries,
 * inputs, scrollable blocks). An outline, not a ring: it survives forced-colors mode, and the offset keeps it visible
 * next to a filled button of the same blue.
 */
export const focusRing =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400";

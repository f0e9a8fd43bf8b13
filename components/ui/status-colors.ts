import type { StatusCategory } from "@/lib/operations/model";

/**
 * The single home of status colours. Every view that colours something by an operation's state reads it from here,
 * so "failed" is the same red on a badge, a bar, a notice, an error line and a chart.
 *
 * Class strings are written out in full (never built from pieces) because Tailwind only generates classes it can find
 * verbatim in the source.
 */

/** What the views colour: the model's categories, plus "pending" for an operation not read yet. */
export type StatusTone = StatusCategory | "pending";

export interface ToneColors {
  /** Pill background, text and ring (StatusBadge adds `ring-1`). */
  badge: string;
  /** The filled part of a progress bar. */
  bar: string;
  /** A tinted notice, e.g. "Operation x succeeded". */
  notice: string;
  /** Text on the page background, e.g. a failed operation's error code. */
  text: string;
  /** A raw colour for SVG charts (attributes cannot take Tailwind classes). Mid-tones, readable in light and dark. */
  chart: string;
}

const BLUE: Omit<ToneColors, "chart"> = {
  badge: "bg-blue-50 text-blue-800 ring-blue-300 dark:bg-blue-950 dark:text-blue-200 dark:ring-blue-700",
  bar: "bg-blue-600 dark:bg-blue-400",
  notice: "bg-blue-50 text-blue-900 dark:bg-blue-950 dark:text-blue-100",
  text: "text-blue-800 dark:text-blue-300",
};

export const STATUS_COLORS: Readonly<Record<StatusTone, ToneColors>> = {
  pending: {
    badge: "text-slate-700 ring-slate-300 dark:text-slate-300 dark:ring-slate-600",
    bar: BLUE.bar,
    notice: "bg-slate-50 text-slate-900 dark:bg-slate-900 dark:text-slate-100",
    text: "text-slate-700 dark:text-slate-300",
    chart: "#94a3b8",
  },
  notStarted: {
    badge: "bg-slate-100 text-slate-800 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
    // Not started is still "on its way": its bar keeps the running blue, as it always has.
    bar: BLUE.bar,
    notice: "bg-slate-50 text-slate-900 dark:bg-slate-900 dark:text-slate-100",
    text: "text-slate-700 dark:text-slate-300",
    chart: "#94a3b8",
  },
  running: { ...BLUE, chart: "#3b82f6" },
  // An unrecognised status is treated as running, so it looks like running (a lighter blue in charts only).
  unknown: { ...BLUE, chart: "#60a5fa" },
  succeeded: {
    badge: "bg-green-50 text-green-800 ring-green-300 dark:bg-green-950 dark:text-green-200 dark:ring-green-700",
    bar: "bg-green-600 dark:bg-green-500",
    notice: "bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-100",
    text: "text-green-800 dark:text-green-300",
    chart: "#16a34a",
  },
  failed: {
    badge: "bg-red-50 text-red-800 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-700",
    bar: "bg-red-600 dark:bg-red-500",
    notice: "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100",
    text: "text-red-800 dark:text-red-300",
    chart: "#dc2626",
  },
  canceled: {
    badge: "bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-700",
    bar: "bg-amber-500",
    notice: "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
    text: "text-amber-800 dark:text-amber-300",
    chart: "#d97706",
  },
};

/** The tone of something that may not have been read yet. */
export const toneOf = (category: StatusCategory | undefined): StatusTone => category ?? "pending";

/**
 * A failure to *read* the status (HTTP 4xx/5xx, network): amber, never the operation's red, because the operation
 * itself may be fine: a read failure is not an operation failure.
 */
export const READ_ERROR_COLORS = {
  box: "border-amber-500 bg-amber-50 text-amber-950 dark:bg-amber-950/50 dark:text-amber-100",
  message: "text-amber-900 dark:text-amber-200",
  detail: "text-amber-800 dark:text-amber-300",
} as const;

/**
 * A row opwatch has stopped reading (404, a refused host): static and unmistakable, neither the operation's red (it may
 * not have failed) nor the blue of something alive. A strong amber, the family of read failures.
 */
export const UNREADABLE_COLORS = {
  badge: "bg-amber-100 text-amber-950 ring-amber-600 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-500",
  /** The last known part of a still bar: nothing moves on a row nobody reads. */
  bar: "bg-amber-500/60 dark:bg-amber-600/60",
  text: "text-amber-900 dark:text-amber-200",
} as const;

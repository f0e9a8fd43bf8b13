import { CATEGORY_LABELS } from "@/lib/operations/format";
import type { StatusCategory } from "@/lib/operations/model";

const STYLES: Record<StatusCategory, string> = {
  notStarted: "bg-slate-100 text-slate-800 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
  running: "bg-blue-50 text-blue-800 ring-blue-300 dark:bg-blue-950 dark:text-blue-200 dark:ring-blue-700",
  unknown: "bg-blue-50 text-blue-800 ring-blue-300 dark:bg-blue-950 dark:text-blue-200 dark:ring-blue-700",
  succeeded: "bg-green-50 text-green-800 ring-green-300 dark:bg-green-950 dark:text-green-200 dark:ring-green-700",
  failed: "bg-red-50 text-red-800 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-700",
  canceled: "bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-700",
};

const ICONS: Record<StatusCategory, string> = {
  notStarted: "○",
  running: "◔",
  unknown: "◔",
  succeeded: "✓",
  failed: "✕",
  canceled: "⊘",
};

/** The category decides the colour; the text is Azure's status verbatim (a free string for devops). */
export function StatusBadge({ category, status }: { category: StatusCategory | undefined; status: string | null | undefined }) {
  if (category === undefined) {
    return (
      <span
        data-testid="status-badge"
        data-status-category="pending"
        className="inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-300 dark:text-slate-300 dark:ring-slate-600"
      >
        not read yet
      </span>
    );
  }
  const text = status === null || status === undefined || status === "" ? "(no status)" : status;
  return (
    <span
      data-testid="status-badge"
      data-status-category={category}
      title={CATEGORY_LABELS[category]}
      className={`inline-flex max-w-full items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STYLES[category]}`}
    >
      <span aria-hidden="true">{ICONS[category]}</span>
      <span className="truncate">{text}</span>
      <span className="sr-only"> ({CATEGORY_LABELS[category]})</span>
    </span>
  );
}

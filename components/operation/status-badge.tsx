import { STATUS_COLORS } from "@/components/ui/status-colors";
import { CATEGORY_LABELS } from "@/lib/operations/format";
import type { StatusCategory } from "@/lib/operations/model";

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
        className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STATUS_COLORS.pending.badge}`}
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
      className={`inline-flex max-w-full items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STATUS_COLORS[category].badge}`}
    >
      <span aria-hidden="true">{ICONS[category]}</span>
      <span className="truncate">{text}</span>
      <span className="sr-only"> ({CATEGORY_LABELS[category]})</span>
    </span>
  );
}

import { STATUS_COLORS, UNREADABLE_COLORS } from "@/components/ui/status-colors";
import { CATEGORY_LABELS } from "@/lib/operations/format";
import type { StatusCategory } from "@/lib/operations/model";
import { unreadableLabel, type Unreadable } from "@/lib/polling/read-state";
import { stopReasonText } from "@/lib/polling/stop-reasons";

const ICONS: Record<StatusCategory, string> = {
  notStarted: "○",
  running: "◔",
  unknown: "◔",
  succeeded: "✓",
  failed: "✕",
  canceled: "⊘",
};

const PILL = "inline-flex max-w-full items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1";

/**
 * The category decides the colour; the text is Azure's status verbatim (a free string for devops). A row opwatch
 * stopped reading (`unreadable`) says so instead: its last status, if any, is no longer news.
 */
export function StatusBadge({
  category,
  status,
  unreadable,
}: {
  category: StatusCategory | undefined;
  status: string | null | undefined;
  unreadable?: Unreadable | undefined;
}) {
  if (unreadable) {
    const why = stopReasonText(unreadable.stop);
    const lastKnown = status === null || status === undefined || status === "" ? "" : ` Last status read: ${status}.`;
    return (
      <span
        data-testid="status-badge"
        data-status-category="unreadable"
        title={`Polling stopped: ${why}.${lastKnown}`}
        className={`${PILL} ${UNREADABLE_COLORS.badge}`}
      >
        <span aria-hidden="true">⚠</span>
        <span className="truncate">{unreadableLabel(unreadable)}</span>
        <span className="sr-only"> (polling stopped: {why})</span>
      </span>
    );
  }
  if (category === undefined) {
    return (
      <span data-testid="status-badge" data-status-category="pending" className={`${PILL} ${STATUS_COLORS.pending.badge}`}>
        not read yet
      </span>
    );
  }
  const text = status === null || status === undefined || status === "" ? "(no status)" : status;
  return (
    <span data-testid="status-badge" data-status-category={category} title={CATEGORY_LABELS[category]} className={`${PILL} ${STATUS_COLORS[category].badge}`}>
      <span aria-hidden="true">{ICONS[category]}</span>
      <span className="truncate">{text}</span>
      <span className="sr-only"> ({CATEGORY_LABELS[category]})</span>
    </span>
  );
}

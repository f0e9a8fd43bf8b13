import { STATUS_COLORS, toneOf, UNREADABLE_COLORS } from "@/components/ui/status-colors";
import { formatPercent } from "@/lib/operations/format";
import { isTerminal, type StatusCategory } from "@/lib/operations/model";

/**
 * A known percent is shown and announced (aria-valuenow); an unknown one is an indeterminate bar with no number, as
 * ARIA defines it: opwatch never invents progress. A row opwatch stopped reading (`stopped`) gets a still bar: an
 * animation would say something is happening.
 */
export function ProgressBar({
  percent,
  category,
  label,
  stopped = false,
}: {
  percent: number | undefined;
  category: StatusCategory | undefined;
  label: string;
  stopped?: boolean;
}) {
  const ended = stopped || (category !== undefined && isTerminal(category));
  const color = stopped ? UNREADABLE_COLORS.bar : STATUS_COLORS[toneOf(category)].bar;
  if (percent !== undefined) {
    return (
      <div className="flex items-center gap-2">
        <div
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={stopped ? `${formatPercent(percent)} when last read; no longer read` : formatPercent(percent)}
          data-stopped={stopped ? "true" : undefined}
          className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
        >
          <div className={`h-full rounded-full ${stopped ? "" : "transition-[width] duration-500"} ${color}`} style={{ width: `${percent}%` }} />
        </div>
        <span className="w-12 text-right text-xs tabular-nums">{formatPercent(percent)}</span>
      </div>
    );
  }
  return (
    <div className="flex items-center gap-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuetext={stopped ? "no longer read" : ended ? "ended, progress not reported" : "progress not reported"}
        data-indeterminate={ended ? undefined : "true"}
        data-stopped={stopped ? "true" : undefined}
        className="relative h-2 flex-1 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        {stopped ? null : ended ? (
          <div className={`h-full w-full opacity-60 ${color}`} />
        ) : (
          <div className={`opwatch-indeterminate absolute inset-y-0 w-1/3 rounded-full ${color}`} />
        )}
      </div>
      <span className="w-12 text-right text-xs text-slate-600 dark:text-slate-400">{ended ? "" : "—"}</span>
    </div>
  );
}

import { STATUS_COLORS } from "@/components/ui/status-colors";
import { elapsedMs, formatDuration, formatTimestamp } from "@/lib/operations/format";
import type { ErrorNode, Operation } from "@/lib/operations/model";
import { childLabel, innermostError } from "@/lib/operations/root-cause";
import { ProgressBar } from "./progress-bar";
import { StatusBadge } from "./status-badge";

/**
 * devops `operations[]`: nested rows, each with its own status and progress, and a failed one's innermost error (its
 * own children's causes show on their own rows below it).
 */
export function ChildOperations({ operations, now, level = 1 }: { operations: readonly Operation[]; now: number; level?: number }) {
  if (operations.length === 0) return null;
  return (
    <ul className={`flex flex-col gap-2 ${level > 1 ? "ml-4 border-l border-slate-200 pl-3 dark:border-slate-700" : ""}`}>
      {operations.map((child, i) => {
        const name = childLabel(child, i);
        const elapsed = now === 0 ? undefined : elapsedMs(child.startTime, child.endTime, now);
        return (
          <li key={`${name}-${i}`} data-testid="child-operation" data-status-category={child.category} className="flex flex-col gap-1">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <StatusBadge category={child.category} status={child.status} />
              <span className="break-all font-mono text-xs">{name}</span>
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {formatTimestamp(child.startTime)}
                {child.endTime !== undefined ? ` → ${formatTimestamp(child.endTime)}` : ""}
                {elapsed !== undefined ? ` · ${formatDuration(elapsed)}` : ""}
              </span>
            </div>
            <ProgressBar percent={child.percentComplete} category={child.category} label={`Progress of ${name}`} />
            {child.error ? <ChildCause error={child.error} /> : null}
            <ChildOperations operations={child.children} now={now} level={level + 1} />
          </li>
        );
      })}
    </ul>
  );
}

function ChildCause({ error }: { error: ErrorNode }) {
  const cause = innermostError(error);
  return (
    <p data-testid="child-root-cause" className={`text-xs [overflow-wrap:anywhere] ${STATUS_COLORS.failed.text}`}>
      <span className="font-mono">{cause.code ?? "(no code)"}</span>
      {cause.message ? `: ${cause.message}` : ""}
    </p>
  );
}

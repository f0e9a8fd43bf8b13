import { CodeWords } from "@/components/ui/code-words";
import { STATUS_COLORS } from "@/components/ui/status-colors";
import type { Operation } from "@/lib/operations/model";
import { failureCause, rootCauseText, rootCauseWhere } from "@/lib/operations/root-cause";

/**
 * A failed operation's innermost error, the one a person can act on ("PermissionDenied: … lacks …"), not the top one
 * that only says something failed; nothing for an operation that has not failed. Every row of every list shows it
 * (cards, table, board). Two lines at most (one in the table's wide rows), the whole of it and the top error in the
 * tooltip; the operation page has the whole tree.
 */
export function RowRootCause({ operation, dense = false }: { operation: Pick<Operation, "category" | "error" | "children"> | undefined; dense?: boolean }) {
  const cause = failureCause(operation);
  if (!operation || !cause) return null;
  const top = operation.error && cause.depth > 0 ? rootCauseText({ code: operation.error.code, message: operation.error.message }) : undefined;
  const where = rootCauseWhere(cause);
  return (
    <p
      data-testid="root-cause"
      title={`${rootCauseText(cause)}${where}${top ? `\nUnder: ${top}` : ""}`}
      className={`${dense ? "line-clamp-2 lg:line-clamp-1" : "line-clamp-2"} text-xs break-words ${STATUS_COLORS.failed.text}`}
    >
      <span className="font-mono font-medium">{cause.code === undefined ? "(no code)" : <CodeWords code={cause.code} />}</span>
      {cause.message ? <span>: {cause.message}</span> : null}
      {where ? <span className="text-slate-600 dark:text-slate-400">{where}</span> : null}
    </p>
  );
}

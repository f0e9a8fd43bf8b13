import { STATUS_COLORS } from "@/components/ui/status-colors";
import type { Operation } from "@/lib/operations/model";
import { rootCauseOf, rootCauseText, rootCauseWhere } from "@/lib/operations/root-cause";

/**
 * A failed operation's innermost error, the one a person can act on ("PermissionDenied: … lacks …"), not the top one
 * that only says something failed. The top error stays in the tooltip, and the operation page has the whole tree.
 */
export function RowRootCause({ operation }: { operation: Pick<Operation, "error" | "children"> }) {
  const cause = rootCauseOf(operation);
  if (!cause) return null;
  const top = operation.error && cause.depth > 0 ? rootCauseText({ code: operation.error.code, message: operation.error.message }) : undefined;
  const where = rootCauseWhere(cause);
  return (
    <p
      data-testid="root-cause"
      title={`${rootCauseText(cause)}${where}${top ? `\nUnder: ${top}` : ""}`}
      className={`line-clamp-2 text-xs break-words ${STATUS_COLORS.failed.text}`}
    >
      <span className="font-mono font-medium">{cause.code ?? "(no code)"}</span>
      {cause.message ? <span>: {cause.message}</span> : null}
      {where ? <span className="text-slate-600 dark:text-slate-400">{where}</span> : null}
    </p>
  );
}

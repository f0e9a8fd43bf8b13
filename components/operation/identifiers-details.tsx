import { CopyButton } from "@/components/ui/copy-button";
import { focusRing } from "@/components/ui/focus-ring";
import { PATH_PARAMS, refSegments, type OperationRef } from "@/lib/azure/operation-ref";
import type { Operation } from "@/lib/operations/model";

/**
 * Every identifier of the operation, each with its copy: needed when filing a ticket, not when reading what happened,
 * so folded (a native <details>: Enter and Space open it, and the browser says whether it is open).
 */
export function IdentifiersDetails({ operationRef, operation }: { operationRef: OperationRef; operation: Operation | undefined }) {
  const values = refSegments(operationRef);
  const rows: [string, string][] = PATH_PARAMS[operationRef.kind].map((name, i) => [name, values[i] ?? ""]);
  if (operation?.name !== undefined) rows.push(["name (from the response)", operation.name]);
  if (operation?.id !== undefined) rows.push(["id (from the response)", operation.id]);
  return (
    <details data-testid="identifiers" className="group rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <summary className={`cursor-pointer text-lg font-semibold ${focusRing}`}>Identifiers</summary>
      <dl className="mt-2 grid grid-cols-1 gap-x-3 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="text-slate-600 dark:text-slate-400">{name}</dt>
            <dd className="flex min-w-0 items-center gap-2">
              <code className="min-w-0 font-mono text-xs break-all">{value}</code>
              <CopyButton text={value} label={`Copy ${name}`} />
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

import { STATUS_COLORS } from "@/components/ui/status-colors";
import type { PasteReport, PasteRun } from "@/lib/azure/paste-plan";
import { describeOperation } from "@/lib/operations/display-name";

/** Parser and plan messages are clauses ("this is a …"); on screen each starts a sentence. */
export const sentence = (clause: string): string => clause.charAt(0).toUpperCase() + clause.slice(1);

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** What a paste did, in sentences for the status line: added, already there, repeated, set aside. */
export function pasteSummary(report: PasteReport): string[] {
  const out: string[] = [];
  const { added, alreadyWatched, repeats, ignored } = report;
  const [first] = added;
  if (added.length === 1 && first) out.push(`Added ${describeOperation(first)}.`);
  else if (added.length > 1 && added.length <= 3) out.push(`Added ${added.length} operations: ${added.map(describeOperation).join("; ")}.`);
  else if (added.length > 3) out.push(`Added ${added.length} operations.`);
  if (alreadyWatched.length > 0) {
    const [only] = alreadyWatched;
    out.push(
      alreadyWatched.length === 1 && only
        ? `Already watching ${describeOperation({ ref: only.ref })}${only.label === undefined ? "" : "; its label was not changed"}.`
        : `Already watching ${alreadyWatched.length} of them.`,
    );
  }
  if (repeats.length > 0) {
    out.push(repeats.map((r) => `Line ${r.lineNumber} repeats line ${r.sameAs}.`).join(" "));
  }
  if (ignored.length > 0) {
    const kinds = [...new Set(ignored.map((l) => l.what))].slice(0, 3).join(", ");
    out.push(`Skipped ${ignored.length} ${plural(ignored.length, "line", "lines")} that name no operation (${kinds}).`);
  }
  return out;
}

/** The lines that were not added, each with why; the box still holds them. Renders nothing when all went in. */
export function PasteRefusals({ run, id }: { run: PasteRun | undefined; id: string }) {
  if (run === undefined) return null;
  if (run.ok && run.value.report.refused.length === 0) return null;
  const { text } = STATUS_COLORS.failed;
  return (
    <div id={id} role="alert" data-testid="add-operation-error" className={`text-sm ${text}`}>
      {run.ok ? <RefusedList report={run.value.report} /> : <p>{sentence(run.error)}</p>}
    </div>
  );
}

function RefusedList({ report }: { report: PasteReport }) {
  const { refused, added, alreadyWatched, repeats } = report;
  const anyHandled = added.length + alreadyWatched.length + repeats.length > 0;
  const n = refused.length;
  return (
    <>
      <p className="font-medium">
        {anyHandled
          ? `${n} ${plural(n, "line was", "lines were")} not added; ${plural(n, "it is", "they are")} still in the box:`
          : `Nothing was added. ${plural(n, "This line", `These ${n} lines`)} could not be:`}
      </p>
      <ul className="mt-1 flex flex-col gap-1.5">
        {refused.map((line) => (
          <li key={line.lineNumber} data-testid="paste-refused-line" className="min-w-0">
            <code className="block font-mono text-xs break-all text-slate-800 dark:text-slate-200">{line.text}</code>
            <span className="break-words">{sentence(line.reason)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import { boxHoldsRefusedLines, runPaste, type PasteRun } from "@/lib/azure/paste-plan";
import { MAX_LABEL_CHARS } from "@/lib/watch-list/watch-list";
import type { AddFormProps } from "./add-form-props";
import { pasteSummary, PasteRefusals } from "./paste-report";

/**
 * The paste box: any number of lines, each added if it names an operation the server reads. Lines that could not be
 * added stay in the box with their reasons listed below it, so the person fixes them instead of pasting again.
 */
export function PasteForm({ checkHost, onAdd, onDone }: AddFormProps) {
  const [text, setText] = useState("");
  const [label, setLabel] = useState("");
  const [run, setRun] = useState<PasteRun | undefined>();
  // The list of reasons stays while the person edits; the box is no longer "invalid" once they start fixing it.
  const [edited, setEdited] = useState(false);
  const id = useId();
  const refusals = boxHoldsRefusedLines(run);
  const invalid = refusals && !edited;
  const describedBy = refusals ? `${id}-hint ${id}-refused` : `${id}-hint`;

  const submit = (event: { preventDefault(): void }) => {
    event.preventDefault();
    const result = runPaste({
      text,
      label,
      checkHost,
      maxLabelChars: MAX_LABEL_CHARS,
      add: (ref, lineLabel) => onAdd(ref, lineLabel),
    });
    setRun(result);
    setEdited(false);
    if (!result.ok) {
      onDone([]);
      return;
    }
    const { report, remainingText } = result.value;
    setText(remainingText);
    if (report.added.length + report.alreadyWatched.length > 0) setLabel("");
    onDone(pasteSummary(report));
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-1" noValidate>
      <label htmlFor={`${id}-paste`} className="text-sm font-medium">
        Paste operation URLs, one per line
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
        URLs or header lines of Azure-AsyncOperation, Location or Operation-Location; JSON lines such as{" "}
        <code>&quot;Location&quot;: &quot;https://…&quot;</code>; ARM ids; opwatch links. To name one, write{" "}
        <code>label | URL</code>. Enter adds, Shift+Enter starts a new line.
      </p>
      <textarea
        id={`${id}-paste`}
        data-testid="add-operation-paste"
        rows={3}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setEdited(true);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) submit(e);
        }}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        spellCheck={false}
        placeholder="https://management.azure.com/subscriptions/…/operationResults/…"
        className={`${inputClass} font-mono`}
      />
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 flex-1 basis-56 flex-col gap-0.5">
          <label htmlFor={`${id}-label`} className="text-sm">
            Label <span className="text-slate-600 dark:text-slate-400">(optional, for one operation)</span>
          </label>
          <input
            id={`${id}-label`}
            data-testid="add-operation-label"
            value={label}
            maxLength={MAX_LABEL_CHARS}
            autoComplete="off"
            placeholder="e.g. Onboard the Contoso GitHub org"
            onChange={(e) => {
              setLabel(e.target.value);
            }}
            className={inputClass}
          />
        </div>
        <Button type="submit" variant="primary" size="md" data-testid="add-operation-submit">
          Watch
        </Button>
      </div>
      <PasteRefusals run={run} id={`${id}-refused`} />
    </form>
  );
}

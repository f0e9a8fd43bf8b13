"use client";

import { useState } from "react";
import { inputClass } from "@/components/ui/input";
import { boxHoldsRefusedLines, runPaste, type PasteRun } from "@/lib/azure/paste-plan";
import { MAX_LABEL_CHARS } from "@/lib/watch-list/watch-list";
import type { AddFormProps, AddWay } from "./add-form-props";
import { pasteSummary } from "./paste-report";

export interface PasteBox extends AddWay {
  text: string;
  run: PasteRun | undefined;
  /** The box still holds lines that were not added, and the person has not started fixing them. */
  invalid: boolean;
  edit: (text: string) => void;
}

/**
 * The paste box: any number of lines, each added if it names an operation the server reads. Lines that could not be
 * added stay in the box with their reasons listed below it, so the person fixes them instead of pasting again.
 */
export function usePasteBox({ checkHost, onAdd, onDone }: AddFormProps): PasteBox {
  const [text, setText] = useState("");
  const [run, setRun] = useState<PasteRun | undefined>();
  // The list of reasons stays while the person edits; the box is no longer "invalid" once they start fixing it.
  const [edited, setEdited] = useState(false);

  const submit = (label: string) => {
    const result = runPaste({ text, label, checkHost, maxLabelChars: MAX_LABEL_CHARS, add: (ref, lineLabel) => onAdd(ref, lineLabel) });
    setRun(result);
    setEdited(false);
    if (!result.ok) {
      onDone([]);
      return false;
    }
    const { report, remainingText } = result.value;
    setText(remainingText);
    onDone(pasteSummary(report));
    return report.added.length + report.alreadyWatched.length > 0;
  };

  return {
    text,
    run,
    invalid: boxHoldsRefusedLines(run) && !edited,
    edit: (next) => {
      setText(next);
      setEdited(true);
    },
    submit,
  };
}

/** The box and how to fill it. `refusedId` is the id of the list of refused lines, when there is one. */
export function PasteField({ box, id, refusedId }: { box: PasteBox; id: string; refusedId: string | undefined }) {
  return (
    <div className="flex flex-col gap-1">
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
        value={box.text}
        onChange={(e) => {
          box.edit(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key !== "Enter" || e.shiftKey || e.nativeEvent.isComposing) return;
          e.preventDefault();
          e.currentTarget.form?.requestSubmit();
        }}
        aria-invalid={box.invalid}
        aria-describedby={refusedId === undefined ? `${id}-hint` : `${id}-hint ${refusedId}`}
        spellCheck={false}
        placeholder="https://management.azure.com/subscriptions/…/operationResults/…"
        className={`${inputClass} font-mono`}
      />
    </div>
  );
}

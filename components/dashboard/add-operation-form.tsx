"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import { STATUS_COLORS } from "@/components/ui/status-colors";
import { boxHoldsRefusedLines } from "@/lib/azure/paste-plan";
import { MAX_LABEL_CHARS } from "@/lib/watch-list/watch-list";
import type { AddFormProps } from "./add-form-props";
import { IdsFields, useIdsEntry } from "./add-operation-ids-form";
import { PasteField, usePasteBox } from "./paste-form";
import { PasteRefusals } from "./paste-report";
import { PRESSED } from "./view-switch";

type Way = "paste" | "ids";

const WAYS: Record<Way, string> = { paste: "Paste URLs", ids: "Enter ids" };

/**
 * One form, whichever way the operation is given: pasted lines or the ids of one operation. The way not chosen is
 * hidden, not dropped, so switching back finds what was typed; the Label and the Watch button are the form's own.
 */
export function AddOperationForm(props: AddFormProps) {
  const [way, setWay] = useState<Way>("paste");
  const [label, setLabel] = useState("");
  const paste = usePasteBox(props);
  const ids = useIdsEntry(props);
  const id = useId();
  const refusedId = `${id}-refused`;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if ((way === "paste" ? paste : ids).submit(label)) setLabel("");
      }}
      className="flex flex-col gap-2"
      noValidate
      data-testid="add-operation-form"
    >
      <div role="group" aria-label="Give the operation by" className="flex">
        {(["paste", "ids"] as const).map((value) => (
          <Button
            key={value}
            size="sm"
            aria-pressed={way === value}
            className={`${PRESSED} first:rounded-r-none last:-ml-px last:rounded-l-none`}
            onClick={() => {
              setWay(value);
            }}
          >
            {WAYS[value]}
          </Button>
        ))}
      </div>
      <div hidden={way !== "paste"}>
        <PasteField box={paste} id={id} refusedId={boxHoldsRefusedLines(paste.run) ? refusedId : undefined} />
      </div>
      <div hidden={way !== "ids"}>
        <IdsFields entry={ids} id={id} />
      </div>
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
      {way === "paste" ? <PasteRefusals run={paste.run} id={refusedId} /> : null}
      {way === "ids" && ids.formError !== undefined ? (
        <p role="alert" className={`min-w-0 text-sm break-words ${STATUS_COLORS.failed.text}`}>
          {ids.formError}
        </p>
      ) : null}
    </form>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import { useHoldWhileOpen } from "@/components/dashboard/list-hold";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import { MAX_LABEL_CHARS } from "@/lib/watch-list/watch-list";

/**
 * The inline form that names an operation in the person's words. Enter saves, Escape cancels; an empty label goes
 * back to the resource's name. Opens with the text selected, so typing replaces it.
 */
export function RowLabelEditor({
  name,
  initial,
  onSave,
  onCancel,
}: {
  /** What the operation is called now, for the field's accessible name. */
  name: string;
  initial: string;
  onSave: (label: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  // Rows keep their places while a label is being written.
  useHoldWhileOpen();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.select();
  }, []);
  return (
    <form
      data-testid="label-editor"
      className="order-first flex min-w-0 flex-1 basis-full flex-wrap items-center gap-2 sm:order-none sm:basis-0"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(value);
      }}
    >
      <input
        ref={input}
        // Opened by the person's click on "Label": focus belongs in the field they asked for.
        autoFocus
        value={value}
        maxLength={MAX_LABEL_CHARS}
        aria-label={`Label for ${name}`}
        placeholder="e.g. Onboard the Contoso GitHub org"
        onChange={(event) => {
          setValue(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key !== "Escape") return;
          event.preventDefault();
          onCancel();
        }}
        className={`min-w-0 flex-1 basis-48 ${inputClass}`}
      />
      <Button type="submit" variant="secondary" size="sm">
        Save
      </Button>
      <Button size="sm" onClick={onCancel}>
        Cancel
      </Button>
    </form>
  );
}

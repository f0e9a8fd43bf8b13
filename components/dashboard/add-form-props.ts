import type { OperationRef } from "@/lib/azure/operation-ref";
import type { AddOutcome, HostCheck } from "@/lib/azure/paste-plan";

/** What both ways of giving operations (the paste box and the ids fields) get from the panel. */
export interface AddFormProps {
  checkHost: HostCheck;
  onAdd: (ref: OperationRef, label?: string) => AddOutcome;
  /** Sentences for the panel's status line. */
  onDone: (summary: string[]) => void;
}

/** One way of giving operations, as the form's one Watch button uses it. */
export interface AddWay {
  /** Adds what the fields name, with the form's Label; true when the Label went with an operation (and can be cleared). */
  submit: (label: string) => boolean;
}

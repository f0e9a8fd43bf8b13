import type { OperationRef } from "@/lib/azure/operation-ref";
import type { AddOutcome, HostCheck } from "@/lib/azure/paste-plan";

/** What both ways of adding operations (the paste box and the ids form) get from the panel. */
export interface AddFormProps {
  checkHost: HostCheck;
  onAdd: (ref: OperationRef, label?: string) => AddOutcome;
  /** Sentences for the panel's status line. */
  onDone: (summary: string[]) => void;
}

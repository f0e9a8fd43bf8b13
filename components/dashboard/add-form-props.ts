import type { OperationRef } from "@/lib/azure/operation-ref";
import type { ParamName } from "@/lib/azure/params";
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

/** The ids fields' labels, by the operation's path parameter (the e2e page object finds the fields by them). */
export const FIELD_LABELS: Record<Exclude<ParamName, "devBoxName">, string> = {
  subscriptionId: "Subscription id",
  resourceGroupName: "Resource group",
  securityConnectorName: "Security connector",
  operationResultId: "Operation result id",
  endpointHost: "DevCenter endpoint host (host[:port])",
  projectName: "Project",
  operationId: "Operation id",
};

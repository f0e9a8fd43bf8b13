import { isRecord } from "@/lib/azure/wire-reader";
import { CATEGORY_LABELS } from "@/lib/operations/format";
import { isTerminal, type StatusCategory } from "@/lib/operations/model";

/**
 * Why polling stops for good, and the one place for its words: the policy's decision carries the reason, and every
 * screen that says polling stopped says it with `stopReasonText`, so what a person reads is what the schedule decided.
 * 400/401/403/404 do not get better by asking again.
 */
const AFTER_READ_ERROR = {
  400: "the operation's address was refused (a bad parameter, a host off the allow-list, or an api-version Azure does not serve)",
  401: "sign in again to continue",
  403: "this account is not allowed to read this operation",
  404: "the operation id is wrong, or Azure no longer keeps its status (it keeps it at least a day after the end)",
} as const;

type RefusedStatus = keyof typeof AFTER_READ_ERROR;

export type StopReason =
  /** The operation reached a terminal status. */
  | { kind: "ended"; category: StatusCategory }
  /** Azure (or the proxy) refused the read in a way that asking again cannot change. */
  | { kind: "refused"; httpStatus: RefusedStatus };

const isRefusedStatus = (value: unknown): value is RefusedStatus => typeof value === "number" && Object.hasOwn(AFTER_READ_ERROR, value);

export function stopReasonAfterReadError(httpStatus: number): StopReason | undefined {
  return isRefusedStatus(httpStatus) ? { kind: "refused", httpStatus } : undefined;
}

export function stopReasonText(stop: StopReason): string {
  switch (stop.kind) {
    case "ended":
      return `operation ${stop.category}`;
    case "refused":
      return AFTER_READ_ERROR[stop.httpStatus];
  }
}

const isTerminalCategory = (value: unknown): value is StatusCategory =>
  typeof value === "string" && Object.hasOwn(CATEGORY_LABELS, value) && isTerminal(value as StatusCategory);

/** A stop reason that came from elsewhere (another tab), checked before its words are looked up. */
export function isStopReason(value: unknown): value is StopReason {
  if (!isRecord(value)) return false;
  return (value.kind === "ended" && isTerminalCategory(value.category)) || (value.kind === "refused" && isRefusedStatus(value.httpStatus));
}

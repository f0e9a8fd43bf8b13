import type { StatusCategory } from "@/lib/operations/model";

/**
 * Why polling stops for good: the policy's decision carries these words and the screen shows them as they are, so
 * what a person reads is what the schedule decided. 400/401/403/404 do not get better by asking again.
 */
const AFTER_READ_ERROR: ReadonlyMap<number, string> = new Map([
  [400, "the operation's address was refused (a bad parameter, a host off the allow-list, or an api-version Azure does not serve)"],
  [401, "sign in again to continue"],
  [403, "this account is not allowed to read this operation"],
  [404, "the operation id is wrong, or Azure no longer keeps its status (it keeps it at least a day after the end)"],
]);

export function stopReasonAfterReadError(httpStatus: number): string | undefined {
  return AFTER_READ_ERROR.get(httpStatus);
}

export function stopReasonAtEnd(category: StatusCategory): string {
  return `operation ${category}`;
}

import type { ReadError } from "@/lib/operations/fetch-operation";
import { formatIn } from "@/lib/operations/format";
import type { PollSchedule } from "./schedule";
import { stopReasonText } from "./stop-reasons";

/**
 * What a read failure means for the person: "couldn't refresh: 503 ServiceUnavailable, retrying in 20 s", or why
 * polling stopped, in the schedule's own words.
 */
export function describeReadError(
  error: Pick<ReadError, "httpStatus" | "responseStatus" | "code">,
  schedule: PollSchedule,
  now: number,
): string {
  const status = error.httpStatus !== 0 ? error.httpStatus : error.responseStatus;
  const head = `couldn't refresh: ${status === undefined ? "" : `${status} `}${error.code}`;
  if (schedule.dueAt !== undefined) return `${head}, retrying ${formatIn(schedule.dueAt, now)}`;
  return `${head}; polling stopped: ${stopReasonText(schedule.decision.stop)}`;
}

import type { ReadError } from "@/lib/operations/fetch-operation";
import { formatIn } from "@/lib/operations/format";
import type { PollSchedule } from "./schedule";
import { stopReasonText } from "./stop-reasons";

/**
 * What a read failure means for the person: "couldn't refresh: 503 ServiceUnavailable, retrying in 20 s", or why
 * polling stopped, in the schedule's own words.
 */
type ReadErrorFacts = Pick<ReadError, "httpStatus" | "responseStatus" | "code">;

/** "503 ServiceUnavailable", or the code alone when no answer came. */
function statusAndCode(error: ReadErrorFacts): string {
  const status = error.httpStatus !== 0 ? error.httpStatus : error.responseStatus;
  return `${status === undefined ? "" : `${status} `}${error.code}`;
}

export function describeReadError(error: ReadErrorFacts, schedule: PollSchedule, now: number): string {
  const head = `couldn't refresh: ${statusAndCode(error)}`;
  if (schedule.dueAt !== undefined) return `${head}, retrying ${formatIn(schedule.dueAt, now)}`;
  return `${head}; polling stopped: ${stopReasonText(schedule.decision.stop)}`;
}

/** A passing failure in a few quiet words, said before why the next read is when it is (read-trouble.ts). */
export function passingReadErrorText(error: ReadErrorFacts): string {
  if (error.httpStatus === 429) return `The last read was throttled (${statusAndCode(error)}).`;
  if (error.httpStatus === 0 && error.responseStatus === undefined) return `The last read got no answer (${statusAndCode(error)}).`;
  return `The last read failed (${statusAndCode(error)}).`;
}

import { PROXY_REFUSED_CODES } from "@/lib/azure/proxy-refusals";
import type { EndpointProblem } from "./discovery-types";

/** A list read that did not answer 2xx, as the caller saw it. */
export interface FailedListAnswer {
  httpStatus: number;
  code: string;
  message: string;
  /** The wait the answer asked for (Retry-After), in ms from when it came; undefined when it named none. */
  retryAfterMs: number | undefined;
}

/** A 429 that names no wait: DevCenter counts its limit per minute, so a minute is when it surely allows again. */
const THROTTLE_WITHOUT_RETRY_AFTER_MS = 60_000;

const usableWait = (ms: number | undefined): number | undefined => (ms !== undefined && Number.isFinite(ms) && ms >= 0 ? ms : undefined);

/** What a failed list read means for the endpoint. */
export function problemOfAnswer(answer: FailedListAnswer, now: number): EndpointProblem {
  const { httpStatus, code, message } = answer;
  if (httpStatus === 400 && PROXY_REFUSED_CODES.has(code)) return { kind: "refused", httpStatus, code, message };
  if (httpStatus === 401) return { kind: "signIn", message };
  if (httpStatus === 403) return { kind: "forbidden", httpStatus, code, message };
  const wait = usableWait(answer.retryAfterMs);
  if (httpStatus === 429 || (httpStatus === 503 && wait !== undefined)) {
    return { kind: "throttled", httpStatus, until: now + (wait ?? THROTTLE_WITHOUT_RETRY_AFTER_MS) };
  }
  return { kind: "failed", httpStatus, code, message };
}

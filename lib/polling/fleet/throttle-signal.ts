import { PROXY_SLOW_DOWN_CODES } from "@/lib/azure/proxy-refusals";
import type { RateWindow } from "@/lib/azure/ratelimit-headers";
import { clampRetryAfterMs } from "../retry-after";
import type { OperationSnapshot } from "../snapshot";

/**
 * What one read says about its scope, beyond its own operation: one rule, so the scheduler and its tests agree.
 * - Azure's 429 pauses the operation's whole scope for its Retry-After: ARM's bucket is per subscription, so every
 *   other read there would be refused too. Without Retry-After, 10 s: the shortest wait ARM's guidance names. But a
 *   429 whose response says ARM still has reads left did not come from ARM's bucket: the service behind ARM
 *   throttled that operation, and its own Retry-After floor holds it back (pausing the scope for it would hold back
 *   every other operation there and delay seeing them end).
 * - Azure's 503 with Retry-After pauses the scope the same way; without it, it says nothing beyond that operation.
 * - The proxy's own slow-down refusals (by `error.code`) pause every scope of this browser.
 */

const DEFAULT_THROTTLE_PAUSE_MS = 10_000;

type ThrottleSignal =
  | { pause: "none" }
  | { pause: "scope" | "all"; until: number; httpStatus: number; code: string };

export interface ReadSignals {
  throttle: ThrottleSignal;
  /** The fewest reads Azure said are left for this scope, when it said. */
  remainingReads: number | undefined;
  /** What a DevCenter endpoint said of its window, when it said. */
  rateWindow?: RateWindow | undefined;
}

const NONE: ThrottleSignal = { pause: "none" };

export function readSignalsOf(snapshot: OperationSnapshot): ReadSignals {
  const last = snapshot.history.at(-1);
  const error = snapshot.lastReadError;
  // lastResponse outlives a read that got no response at all; only a response of this very read counts.
  const response = snapshot.lastResponse?.at === last?.at ? snapshot.lastResponse : undefined;
  const remainingReads = response?.remainingReads;
  const rateWindow = response?.rateWindow;
  if (last?.outcome !== "readError" || error === undefined) return { throttle: NONE, remainingReads, rateWindow };
  const signals = answerSignals({ at: error.at, httpStatus: error.responseStatus, code: error.code, retryAfterMs: error.retryAfterMs, remainingReads });
  return { ...signals, rateWindow };
}

/** What a failed answer says about its scope: a status read's, or a discovery list's (lib/discovery/fetch-list.ts). */
export interface FailedAnswer {
  at: number;
  /** The response's status; undefined (or 0) when no response came. */
  httpStatus: number | undefined;
  code: string;
  retryAfterMs: number | undefined;
  remainingReads: number | undefined;
}

export function answerSignals({ at, httpStatus: status, code, retryAfterMs: asked, remainingReads }: FailedAnswer): ReadSignals {
  if (status !== 429 && status !== 503) return { throttle: NONE, remainingReads };
  const retryAfterMs = asked === undefined ? undefined : clampRetryAfterMs(asked);
  if (PROXY_SLOW_DOWN_CODES.has(code)) {
    return { throttle: { pause: "all", until: at + (retryAfterMs ?? DEFAULT_THROTTLE_PAUSE_MS), httpStatus: status, code }, remainingReads };
  }
  if (status === 503 && retryAfterMs === undefined) return { throttle: NONE, remainingReads };
  if (status === 429 && remainingReads !== undefined && remainingReads > 0) return { throttle: NONE, remainingReads };
  return {
    throttle: { pause: "scope", until: at + (retryAfterMs ?? DEFAULT_THROTTLE_PAUSE_MS), httpStatus: status, code },
    remainingReads,
  };
}

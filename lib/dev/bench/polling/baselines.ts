import type { PollContext } from "@/lib/polling/policy";
import type { BenchDecision } from "./replay";

/**
 * The two pollers the policy is compared with. Both follow Retry-After when the last response sent it and
 * otherwise poll at a fixed interval, read errors included (the SDK's retry pipeline also honours Retry-After).
 * - Azure SDK for JS (`@azure/core-lro`): every 2 s by default.
 * - Azure's guidance (ARM async operations): 60 s when Retry-After is absent.
 */

const fixedInterval =
  (intervalMs: number) =>
  (ctx: PollContext): BenchDecision => {
    const last = ctx.history.at(-1);
    if (!last) return { poll: true, delayMs: 0 };
    const target = last.at + (last.retryAfterMs ?? intervalMs);
    return { poll: true, delayMs: Math.max(0, target - ctx.now) };
  };

export const sdkPoller = fixedInterval(2_000);
export const guidancePoller = fixedInterval(60_000);

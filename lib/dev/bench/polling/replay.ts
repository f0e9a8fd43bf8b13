import { isTerminal } from "@/lib/operations/model";
import type { PollRecord } from "@/lib/polling/poll-record";
import type { PollContext } from "@/lib/polling/policy";
import type { Lifetime } from "./corpus";
import type { Random } from "./prng";
import { respond } from "./server";

/** What a replay needs of a poller's decision: whether to poll again, and after how long (the reasons are the screen's). */
export type BenchDecision = { poll: false } | { poll: true; delayMs: number };
export type Poller = (ctx: PollContext) => BenchDecision;

export interface ReplayResult {
  polls: number;
  readErrorPolls: number;
  /** Polls sent before the previous response's Retry-After allowed. */
  earlyPolls: number;
  /** From the terminal state becoming visible to the poll that saw it; undefined if the poller stopped first. */
  detectionDelayMs: number | undefined;
}

const HISTORY_LIMIT = 100; // what the UI keeps
const MAX_POLLS = 1_000_000;

/** Runs one lifetime in simulated time: the first poll at t = 0, then wherever the poller says. */
export function replay(lifetime: Lifetime, poller: Poller, random: Random): ReplayResult {
  const history: PollRecord[] = [];
  const result: ReplayResult = { polls: 0, readErrorPolls: 0, earlyPolls: 0, detectionDelayMs: undefined };
  let t = 0;
  let allowedFrom = 0;
  while (result.polls < MAX_POLLS) {
    const record = respond(lifetime, t);
    result.polls++;
    if (t < allowedFrom) result.earlyPolls++;
    if (record.outcome === "readError") result.readErrorPolls++;
    allowedFrom = t + (record.retryAfterMs ?? 0);
    history.push(record);
    if (history.length > HISTORY_LIMIT) history.shift();
    if (record.category !== undefined && isTerminal(record.category)) {
      result.detectionDelayMs = t - lifetime.terminalAtMs;
      break;
    }
    const decision = poller({ now: t, startedAt: 0, history, random });
    if (!decision.poll) break;
    t += decision.delayMs;
  }
  return result;
}

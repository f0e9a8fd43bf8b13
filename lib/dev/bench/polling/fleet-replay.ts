import type { DevopsRef } from "@/lib/azure/operation-ref";
import type { BucketSpec } from "@/lib/azure/token-bucket";
import type { HeadroomSettings } from "@/lib/config/headroom-settings";
import { isTerminal } from "@/lib/operations/model";
import { FleetScheduler, type FleetEntry } from "@/lib/polling/fleet/fleet-scheduler";
import { tierOf, type Tier } from "@/lib/polling/fleet/priority";
import { MIN_TIMER_MS } from "@/lib/polling/fleet/read-loop";
import type { PollRecord } from "@/lib/polling/poll-record";
import { HISTORY_LIMIT, nextSnapshot } from "@/lib/polling/snapshot";
import type { Lifetime } from "./corpus";
import { EmulatedArmReads, fetchResultOf, type BenchAnswer } from "./emulated-arm";
import { seededRandom } from "./prng";
import type { Poller } from "./replay";
import { respond } from "./server";

/**
 * The fleet mode of `npm run bench:polling`: N operations in ONE ARM subscription, replayed together in simulated time
 * (a discrete-event simulation; nothing waits on a real clock) against an emulated ARM read bucket (emulated-arm.ts:
 * 250 reads, 25 per second, 429 with Retry-After when empty), with one of:
 * - "scheduler": opwatch's FleetScheduler with a read budget, driven as read-loop.ts drives it in a browser tab: it
 *   plans when an operation appears, when a read ends, and at its `wakeAt` (a timer never shorter than MIN_TIMER_MS);
 * - "perOperation": every operation on its own poller (the single-operation policy, the SDK's 2 s), no coordination.
 * Model (the same for every poller):
 * - The operations start staggered over the first minute, as a rollout that starts many operations in a row does
 *   (seeded uniform start times), and each is watched from its start: its first read goes when it starts.
 * - A read is answered by ARM as of the moment it is sent, and the reply reaches the poller a fixed latency later; that
 *   reply time is the `at` the poller sees, and detection delay runs from the terminal state becoming visible to it.
 * - A read ARM lets through is answered by the operation itself: `respond(lifetime, t - start)`, its own read-error
 *   episodes included (its own 429s, 5xx and network failures; the last carry no ARM headers).
 */

export const FLEET_SIZE = 500;
export const FLEET_LATENCY_MS = 150;
const STAGGER_MS = 60_000;
const STAGGER_SEED = 31;
/** Reads still missing this long after the last operation's end count as undetected. */
const HORIZON_AFTER_LAST_END_MS = 3_600_000;

export type FleetPoller =
  | { name: string; kind: "scheduler"; budget: BucketSpec; headroom?: HeadroomSettings | undefined }
  | { name: string; kind: "perOperation"; poller: Poller; jitterSeed: number };

export interface FleetOperationResult {
  id: number;
  startAt: number;
  durationMs: number;
  reads: number;
  /** Reads sent before the previous answer's Retry-After (the operation's own, or ARM's 429 to it) allowed. */
  earlyReads: number;
  /** Answers that were ARM's 429 (the bucket was empty). */
  armThrottled: number;
  /** The operation's own 429s (its read-error episodes, answered behind ARM's bucket). */
  own429s: number;
  /** From the operation's start (when it is first watched) to the first answer with a status: until then its row
   * shows none. Undefined if it never got one. */
  firstStatusWaitMs: number | undefined;
  /** Reply time of the read that saw the terminal state minus when it became visible; undefined if never seen. */
  detectionDelayMs: number | undefined;
  /** Scheduler only: the priority tier the detecting read was started in (1 near finish, 2 young, 3 the rest). */
  detectedInTier: Tier | undefined;
}

export interface FleetRun {
  name: string;
  operations: FleetOperationResult[];
  /** When each read was sent, ascending (ARM's 429s included). */
  sendTimes: number[];
  /** Scheduler only: how often and how long the subscription stood paused (by a 429, or a 503 with Retry-After). */
  scopePauses: number;
  scopePausedMs: number;
  /** Scheduler only: the subscription's allowed reads per second after each plan, [at, perSecond]. */
  rates: [number, number][];
  /** The rival's reads ARM refused, in all and during its burst. */
  rival429s: number;
  rival429sInBurst: number;
}

/**
 * Another client of the same person on the same subscription's bucket (a pipeline, the CLI in a loop): it reads at the
 * times given, whatever ARM answers, and counts apart. `burst` is the stretch its burst reads fall in, if any.
 */
export interface Rival {
  reads: readonly number[];
  burst: { from: number; to: number } | undefined;
}

/** Evenly spaced reads at `perSecond` from `from` to `to` (exclusive), starting half a gap in. */
export function steadyReads(perSecond: number, from: number, to: number): number[] {
  const gap = 1000 / perSecond;
  const count = Math.floor(((to - from) * perSecond) / 1000);
  return Array.from({ length: count }, (_, i) => from + gap / 2 + i * gap);
}

interface OperationState {
  lifetime: Lifetime;
  startAt: number;
  result: FleetOperationResult;
  notBefore: number;
  history: PollRecord[];
  entry: FleetEntry;
  tierInFlight: Tier | undefined;
}

type SimEvent =
  | { at: number; seq: number; kind: "start" | "send"; op: OperationState }
  | { at: number; seq: number; kind: "reply"; op: OperationState; answer: BenchAnswer }
  | { at: number; seq: number; kind: "timer"; generation: number }
  | { at: number; seq: number; kind: "rival" };

/** A binary min-heap on (at, seq): events at the same time run in the order they were scheduled. */
class EventQueue {
  private readonly heap: SimEvent[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  peekAt(): number | undefined {
    return this.heap[0]?.at;
  }

  push(event: DistributiveOmit<SimEvent, "seq">): void {
    const heap = this.heap;
    heap.push({ ...event, seq: this.seq++ });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): SimEvent | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && this.less(l, m)) m = l;
      if (r < heap.length && this.less(r, m)) m = r;
      if (m === i) return top;
      this.swap(i, m);
      i = m;
    }
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    if (!x || !y) return false;
    return x.at < y.at || (x.at === y.at && x.seq < y.seq);
  }

  private swap(a: number, b: number): void {
    const x = this.heap[a];
    const y = this.heap[b];
    if (!x || !y) return;
    this.heap[a] = y;
    this.heap[b] = x;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The rollout: seeded uniform start times over the first minute, the same for every poller of a run. */
function staggeredStarts(count: number): number[] {
  const random = seededRandom(STAGGER_SEED);
  return Array.from({ length: count }, () => Math.floor(random() * STAGGER_MS));
}

const SUBSCRIPTION = "00000000-0000-4000-8000-00000000f1ee";

const refOf = (id: number): DevopsRef => ({
  kind: "devops",
  subscriptionId: SUBSCRIPTION,
  resourceGroupName: "rg",
  securityConnectorName: "conn",
  operationResultId: `op-${id}`,
});

export function replayFleet(lifetimes: readonly Lifetime[], poller: FleetPoller, rival?: Rival): FleetRun {
  const starts = staggeredStarts(lifetimes.length);
  const arm = new EmulatedArmReads(0); // full at the start; nobody else (portal, CLI) reads it but the rival, if any
  const queue = new EventQueue();
  const sendTimes: number[] = [];
  const ops: OperationState[] = lifetimes.map((lifetime, i) => {
    const startAt = starts[i] ?? 0;
    const ref = refOf(lifetime.id);
    return {
      lifetime,
      startAt,
      result: {
        id: lifetime.id,
        startAt,
        durationMs: lifetime.terminalAtMs,
        reads: 0,
        earlyReads: 0,
        armThrottled: 0,
        own429s: 0,
        firstStatusWaitMs: undefined,
        detectionDelayMs: undefined,
        detectedInTier: undefined,
      },
      notBefore: 0,
      history: [],
      entry: { key: `op-${lifetime.id}`, ref, interest: "watched", snapshot: undefined },
      tierInFlight: undefined,
    };
  });
  for (const op of ops) queue.push({ at: op.startAt, kind: "start", op });
  for (const at of rival?.reads ?? []) queue.push({ at, kind: "rival" });
  let rival429s = 0;
  let rival429sInBurst = 0;
  const rivalRead = (at: number): void => {
    if (arm.read(at).allowed) return;
    rival429s++;
    if (rival?.burst && at >= rival.burst.from && at < rival.burst.to) rival429sInBurst++;
  };
  const horizon = Math.max(0, ...ops.map((op) => op.startAt + op.lifetime.terminalAtMs)) + HORIZON_AFTER_LAST_END_MS;

  /** ARM takes the read at `at`; its answer reaches the poller FLEET_LATENCY_MS later. */
  const send = (op: OperationState, at: number): void => {
    op.result.reads++;
    if (at < op.notBefore) op.result.earlyReads++;
    sendTimes.push(at);
    const verdict = arm.read(at);
    let answer: BenchAnswer;
    if (!verdict.allowed) {
      op.result.armThrottled++;
      answer = {
        record: { at: at + FLEET_LATENCY_MS, outcome: "readError", httpStatus: 429, retryAfterMs: verdict.retryAfterMs },
        remainingReads: verdict.remainingReads,
        armThrottled: true,
      };
    } else {
      const record = respond(op.lifetime, at - op.startAt);
      if (record.outcome === "readError" && record.httpStatus === 429) op.result.own429s++;
      const noResponse = record.outcome === "readError" && record.httpStatus === 0;
      answer = { record: { ...record, at: at + FLEET_LATENCY_MS }, remainingReads: noResponse ? undefined : verdict.remainingReads, armThrottled: false };
    }
    queue.push({ at: at + FLEET_LATENCY_MS, kind: "reply", op, answer });
  };

  /** Takes in an answer common to every poller; true when it showed the terminal state. */
  const receive = (op: OperationState, { record }: BenchAnswer): boolean => {
    op.notBefore = record.at + (record.retryAfterMs ?? 0);
    if (record.outcome === "status") op.result.firstStatusWaitMs ??= record.at - op.startAt;
    if (record.category === undefined || !isTerminal(record.category)) return false;
    op.result.detectionDelayMs = record.at - (op.startAt + op.lifetime.terminalAtMs);
    return true;
  };

  let scopePauses = 0;
  let scopePausedMs = 0;
  const rates: [number, number][] = [];

  if (poller.kind === "perOperation") {
    const random = seededRandom(poller.jitterSeed);
    while (queue.size > 0) {
      const event = queue.pop();
      if (!event || event.at > horizon) break;
      if (event.kind === "rival") rivalRead(event.at);
      else if (event.kind === "start" || event.kind === "send") send(event.op, event.at);
      else if (event.kind === "reply") {
        const { op, answer } = event;
        op.history.push(answer.record);
        if (op.history.length > HISTORY_LIMIT) op.history.shift();
        if (receive(op, answer)) continue;
        const decision = poller.poller({ now: event.at, startedAt: op.startAt, history: op.history, random });
        if (decision.poll) queue.push({ at: event.at + decision.delayMs, kind: "send", op });
      }
    }
  } else {
    const scheduler = new FleetScheduler({ devops: poller.budget, devcenter: poller.budget, headroom: poller.headroom });
    const active = new Map<string, OperationState>();
    let timerGeneration = 0;
    let pauseCoveredUntil = Number.NEGATIVE_INFINITY;

    const tick = (now: number): void => {
      const entries = [...active.values()].map((op) => op.entry);
      const plan = scheduler.plan(entries, now);
      for (const entry of plan.start) {
        const op = active.get(entry.key);
        if (!op) throw new Error(`scheduler started an unknown entry ${entry.key}`);
        op.tierInFlight = tierOf(entry.interest, entry.snapshot, now);
        send(op, now);
      }
      const rate = plan.status.scopes[0]?.ratePerSecond;
      if (rate !== undefined && rate !== rates.at(-1)?.[1]) rates.push([now, rate]);
      const pause = plan.status.scopes[0]?.pause;
      if (pause && pause.until > pauseCoveredUntil) {
        if (now >= pauseCoveredUntil) scopePauses++;
        scopePausedMs += pause.until - Math.max(now, pauseCoveredUntil);
        pauseCoveredUntil = pause.until;
      }
      timerGeneration++;
      if (plan.wakeAt !== undefined) queue.push({ at: now + Math.max(MIN_TIMER_MS, plan.wakeAt - now), kind: "timer", generation: timerGeneration });
    };

    while (queue.size > 0) {
      const event = queue.pop();
      if (!event || event.at > horizon) break;
      const now = event.at;
      let tickWanted = false;
      // Everything that happens at this instant, then one plan (the runner coalesces its ticks the same way).
      for (let e: SimEvent | undefined = event; e !== undefined; e = queue.peekAt() === now ? queue.pop() : undefined) {
        if (e.kind === "start") {
          active.set(e.op.entry.key, e.op);
          tickWanted = true;
        } else if (e.kind === "reply") {
          const { op, answer } = e;
          const snapshot = nextSnapshot(op.entry.snapshot, fetchResultOf(answer, op.startAt), now);
          op.entry = { ...op.entry, snapshot };
          scheduler.finished(op.entry, snapshot, now);
          if (receive(op, answer)) {
            op.result.detectedInTier = op.tierInFlight;
            active.delete(op.entry.key); // stopped for good: the scheduler would only skip it
          }
          tickWanted = true;
        } else if (e.kind === "timer") {
          if (e.generation === timerGeneration) tickWanted = true;
        } else if (e.kind === "rival") {
          rivalRead(now);
        }
      }
      if (tickWanted) tick(now);
    }
  }

  return { name: poller.name, operations: ops.map((op) => op.result), sendTimes, scopePauses, scopePausedMs, rates, rival429s, rival429sInBurst };
}

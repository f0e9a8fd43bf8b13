import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DevopsRef } from "@/lib/azure/operation-ref";
import { readErrorResult, runningOperation, statusResult } from "@/lib/dev/test-support/fetch-results";
import { pollSchedule } from "../schedule";
import { nextSnapshot, type OperationSnapshot } from "../snapshot";
import { FleetScheduler, type FleetEntry } from "./fleet-scheduler";
import type { Interest } from "./priority";
import { OPEN_PAGE_MAX_INTERVAL_MS } from "./read-timing";

/**
 * Whatever the operations, budgets, answers and timing: no scope ever gets more reads than its bucket allows in any
 * window, no read starts before its operation's Retry-After, and none starts in a scope Azure paused.
 */

const T0 = Date.UTC(2026, 10, 28);

type Answer = { kind: "ok"; retryAfterS: number | undefined } | { kind: "429"; retryAfterS: number | undefined } | { kind: "503"; retryAfterS: number | undefined };

const answerArb: fc.Arbitrary<Answer> = fc.record({
  kind: fc.constantFrom("ok" as const, "ok" as const, "ok" as const, "429" as const, "503" as const),
  retryAfterS: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
});

const scenarioArb = fc.record({
  budget: fc.record({ capacity: fc.integer({ min: 1, max: 12 }), refillPerSecond: fc.double({ min: 0.2, max: 6, noNaN: true }) }),
  operations: fc.array(fc.record({ sub: fc.integer({ min: 0, max: 2 }), interest: fc.constantFrom<Interest>("open", "onScreen", "watched", "watched"), rememberedS: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }) }), { minLength: 1, maxLength: 25 }),
  steps: fc.array(fc.record({ advanceMs: fc.integer({ min: 0, max: 3000 }), latencyMs: fc.integer({ min: 0, max: 2500 }), answer: answerArb }), { minLength: 5, maxLength: 80 }),
});

interface Start {
  at: number;
  sub: number;
}

describe("FleetScheduler properties", () => {
  it("never exceeds a scope's budget, never reads before Retry-After, never reads a paused scope", () => {
    fc.assert(
      fc.property(scenarioArb, ({ budget, operations, steps }) => {
        const scheduler = new FleetScheduler({ devops: budget, devcenter: budget });
        const snapshots = new Map<string, OperationSnapshot>();
        const entries = operations.map((op, i): FleetEntry & { sub: number } => {
          const ref: DevopsRef = { kind: "devops", subscriptionId: `sub-${op.sub}`, resourceGroupName: "rg", securityConnectorName: "c", operationResultId: `op-${i}` };
          return {
            key: `k${i}`,
            ref,
            sub: op.sub,
            interest: op.interest,
            snapshot: undefined,
            rememberedNotBefore: op.rememberedS === undefined ? undefined : T0 + op.rememberedS * 1000,
          };
        });
        const starts: Start[] = [];
        const pausedUntil = new Map<number, number>();
        let inFlight: { entry: (typeof entries)[number]; endsAt: number; answer: Answer }[] = [];
        let now = T0;

        const finishDue = () => {
          for (const flight of inFlight.filter((f) => f.endsAt <= now)) {
            const { entry, answer, endsAt } = flight;
            const retryAfterMs = answer.retryAfterS === undefined ? undefined : answer.retryAfterS * 1000;
            const result =
              answer.kind === "ok"
                ? statusResult(endsAt, runningOperation(T0, "InProgress", "running"), retryAfterMs)
                : readErrorResult(endsAt, Number(answer.kind), retryAfterMs, { code: answer.kind === "429" ? "TooManyRequests" : "ServiceUnavailable" });
            const snapshot = nextSnapshot(snapshots.get(entry.key), result, endsAt);
            snapshots.set(entry.key, snapshot);
            scheduler.finished(entry, snapshot, endsAt);
            if (answer.kind === "429" || (answer.kind === "503" && retryAfterMs !== undefined)) {
              pausedUntil.set(entry.sub, Math.max(pausedUntil.get(entry.sub) ?? 0, endsAt + (retryAfterMs ?? 10_000)));
            }
          }
          inFlight = inFlight.filter((f) => f.endsAt > now);
        };

        for (const step of steps) {
          now += step.advanceMs;
          finishDue();
          const current = entries.map((e) => ({ ...e, snapshot: snapshots.get(e.key) }));
          const { start } = scheduler.plan(current, now);
          for (const started of start) {
            const entry = entries.find((e) => e.key === started.key);
            if (!entry) throw new Error("unknown entry started");
            const snapshot = snapshots.get(entry.key);
            const notBefore = snapshot ? (pollSchedule(snapshot, entry.interest === "open" ? OPEN_PAGE_MAX_INTERVAL_MS : 0).notBefore ?? 0) : (entry.rememberedNotBefore ?? 0);
            expect(now).toBeGreaterThanOrEqual(notBefore);
            expect(now).toBeGreaterThanOrEqual(pausedUntil.get(entry.sub) ?? 0);
            expect(inFlight.some((f) => f.entry.key === entry.key)).toBe(false);
            starts.push({ at: now, sub: entry.sub });
            inFlight.push({ entry, endsAt: now + step.latencyMs, answer: step.answer });
          }
        }

        for (const sub of new Set(starts.map((s) => s.sub))) {
          const times = starts.filter((s) => s.sub === sub).map((s) => s.at);
          for (let i = 0; i < times.length; i++) {
            for (let j = i; j < times.length; j++) {
              const window = (times[j] ?? 0) - (times[i] ?? 0);
              expect(j - i + 1).toBeLessThanOrEqual(budget.capacity + (budget.refillPerSecond * window) / 1000 + 1e-9);
            }
          }
        }
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });
});

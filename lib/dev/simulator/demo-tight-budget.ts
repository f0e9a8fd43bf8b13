import { demoId, devopsResultId } from "./demo-ids";
import type { ScenarioInput } from "./scenario-schema";

/**
 * A subscription of its own with a read budget far below ARM's (2 reads, 1 more every 5 s), so that a dashboard
 * reading its three operations every few seconds meets 429s and pauses that subscription, while the other demo
 * subscriptions keep ARM's documented budget and move on.
 */
export const TIGHT_BUDGET_SUBSCRIPTION = "3f9b6c1e-8a2d-4e7f-b5c0-d41a9e2f6b83";
const TIGHT_BUDGET_CONNECTOR = { subscriptionId: TIGHT_BUDGET_SUBSCRIPTION, resourceGroupName: "opwatch-demo-busy", securityConnectorName: "busy-connector" };
const TIGHT_BUDGET = { capacity: 2, refillPerSecond: 0.2 };

/** One operation of the tight-budget subscription: Running for `minutes`, 10 % more every tenth of it, then `end`. */
function tightBudget(n: number, minutes: number, end: "Succeeded" | "Failed", label: string): ScenarioInput {
  const id = demoId(n);
  const head = { id: devopsResultId(TIGHT_BUDGET_CONNECTOR, id), name: id };
  const stepMs = (minutes * 60_000) / 10;
  const running = Array.from({ length: 10 }, (_, i) => ({
    afterMs: i * stepMs,
    body: { ...head, status: "Running", startTime: "{{start}}", percentComplete: i * 10 },
  }));
  const failure = { error: { code: "ConnectorSyncFailed", message: "2 of 40 repositories could not be scanned: the service connection was revoked." } };
  return {
    kind: "devops",
    label,
    ids: { ...TIGHT_BUDGET_CONNECTOR, operationResultId: id },
    clock: "firstRequest",
    // Every scenario of the group sets the same budget, so that any one of them, alone, still shows it.
    throttle: TIGHT_BUDGET,
    steps: [
      ...running,
      {
        afterMs: minutes * 60_000,
        body: { ...head, status: end, startTime: "{{start}}", endTime: "{{end}}", percentComplete: 100, ...(end === "Failed" ? failure : {}) },
      },
    ],
  };
}

export function tightBudgetGroup(): ScenarioInput[] {
  return [
    tightBudget(10, 3, "Succeeded", "Tight read budget 1/3: 429s pause its subscription; Running 3 min, then Succeeded"),
    tightBudget(11, 4, "Succeeded", "Tight read budget 2/3 (same subscription): Running 4 min, then Succeeded"),
    tightBudget(12, 5, "Failed", "Tight read budget 3/3 (same subscription): Running 5 min, then Failed"),
  ];
}

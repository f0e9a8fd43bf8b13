import { describe, expect, it } from "vitest";
import { DEMO_BOARD_SCENARIOS } from "./demo-board";
import { DEMO_SCENARIOS } from "./demo-scenarios";
import { TIGHT_BUDGET_SUBSCRIPTION } from "./demo-tight-budget";
import { parseScenario, type Scenario } from "./scenario-schema";

const scenarios: Scenario[] = [...DEMO_SCENARIOS, ...DEMO_BOARD_SCENARIOS].map((input) => {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
});

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const bodies = (s: Scenario) => s.steps.map((step) => step.body).filter(isObject);
const depth = (node: unknown, key: string): number => {
  if (!isObject(node)) return 0;
  const next = node[key];
  const children = Array.isArray(next) ? next : [next];
  return 1 + Math.max(0, ...children.map((c) => depth(c, key)));
};
const find = (predicate: (s: Scenario) => boolean) => scenarios.filter(predicate);

describe("demo scenarios", () => {
  it("all validate, use the firstRequest clock, have labels and distinct operations", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(11);
    for (const s of scenarios) {
      expect(s.clock).toBe("firstRequest");
      expect(s.label).toBeTruthy();
    }
    const ids = scenarios.map((s) => (s.kind === "devops" ? s.ids.operationResultId : s.ids.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("run on the clock of their first read: none is running since long ago, the API documents' example included", () => {
    const running = scenarios.flatMap((s) => bodies(s).filter((b) => typeof b.startTime === "string" && !/^(succeeded|failed|canceled)$/i.test(String(b.status))));
    expect(running.length).toBeGreaterThan(0);
    for (const body of running) expect(body.startTime).toMatch(/^\{\{(start|start\+\d+s)\}\}$/);
  });

  it("cover the seed examples", () => {
    const ids = scenarios.map((s) => (s.kind === "devops" ? s.ids.operationResultId : s.ids.operationId));
    expect(ids).toEqual(
      expect.arrayContaining(["8d4caace-e7b3-4b3e-af99-73f76829ebcf", "4e826cf1-5c36-4808-a7d2-fb4f5170978b", "fa067167-e49d-41bd-8dd8-de719b9de3b3"]),
    );
  });

  it("cover the richer shapes: moving percent, no percent, child operations and deep errors", () => {
    const last = (s: Scenario) => bodies(s).at(-1) ?? {};
    expect(find((s) => bodies(s).filter((b) => typeof b.percentComplete === "number").length >= 5)).not.toHaveLength(0);
    expect(find((s) => bodies(s).some((b) => b.status === "InProgress" && !("percentComplete" in b)))).not.toHaveLength(0);
    expect(find((s) => bodies(s).some((b) => depth(b, "operations") >= 3))).not.toHaveLength(0);
    expect(find((s) => s.kind === "devops" && depth(last(s).error, "details") >= 4)).not.toHaveLength(0);
    expect(find((s) => isObject(last(s).error) && Array.isArray((last(s).error as Json).additionalInfo))).not.toHaveLength(0);
    expect(find((s) => s.kind === "devcenter" && depth(last(s).error, "innererror") >= 4)).not.toHaveLength(0);
    expect(find((s) => last(s).status === "Canceled")).not.toHaveLength(0);
    expect(find((s) => s.steps[0]?.status === 429 && s.steps[0].headers["Retry-After"] === "5" && last(s).status === "Succeeded")).toHaveLength(1);
    expect(find((s) => s.kind === "devcenter" && s.steps[0]?.status === 503 && last(s).status === "Succeeded")).toHaveLength(1);
  });

  it("have a tight-budget group: devops operations of one subscription of their own, running for minutes", () => {
    const group = find((s) => s.kind === "devops" && s.ids.subscriptionId === TIGHT_BUDGET_SUBSCRIPTION);
    expect(group).toHaveLength(3);
    for (const s of group) {
      if (s.kind !== "devops") throw new Error("the group is devops only");
      expect(s.throttle).toEqual({ capacity: 2, refillPerSecond: 0.2 });
      expect(s.label).toMatch(/^Tight read budget \d\/3/);
      expect(s.steps.at(-1)?.afterMs).toBeGreaterThanOrEqual(3 * 60_000);
    }
    const others = scenarios.filter((s) => !group.includes(s));
    expect(others.every((s) => s.kind === "devcenter" || (s.throttle === undefined && s.ids.subscriptionId !== TIGHT_BUDGET_SUBSCRIPTION))).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { parseScenario } from "./scenario-schema";
import { selectStep } from "./step-select";

describe("selectStep", () => {
  const parsed = parseScenario({
    kind: "devops",
    steps: [{ afterMs: 5000, body: "b" }, { afterMs: 1000, body: "a" }, { afterMs: 5000, body: "c" }, { afterMs: 9000, body: "d" }],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  const steps = parsed.value.steps;

  it.each([
    [0, "a"],
    [999, "a"],
    [1000, "a"],
    [4999, "a"],
    [5000, "c"],
    [8999, "c"],
    [9000, "d"],
    [1e9, "d"],
  ])("at %i ms answers step %s", (elapsed, body) => {
    expect(selectStep(steps, elapsed).body).toBe(body);
  });

  it("sorts steps by afterMs, keeping the given order of ties", () => {
    expect(steps.map((s) => s.body)).toEqual(["a", "b", "c", "d"]);
  });
});

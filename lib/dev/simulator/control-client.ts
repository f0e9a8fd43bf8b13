import type { CreatedScenario } from "./scenario-store";
import type { ThrottleSetting } from "./throttle-setting";

/** A scenario as the control API takes it; scenario-schema.ts checks it and says what is wrong. */
export interface ScenarioInput {
  kind: "devops" | "devcenter";
  ids?: Record<string, string>;
  label?: string;
  clock?: "created" | "firstRequest";
  steps: { afterMs: number; status?: number; headers?: Record<string, string | null>; body?: unknown }[];
  /** devops only: the read bucket of the scenario's subscription, or false for none. */
  throttle?: ThrottleSetting;
}

/** Creates a scenario over HTTP (unit tests, benches); anything but 201 is thrown with the simulator's answer. */
export async function createScenario(simulatorUrl: string, scenario: ScenarioInput): Promise<CreatedScenario> {
  const response = await fetch(`${simulatorUrl}/_sim/operations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(scenario),
  });
  if (response.status !== 201) throw new Error(`the simulator refused a scenario: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreatedScenario;
}

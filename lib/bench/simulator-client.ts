import type { CreatedScenario } from "../simulator/azure/scenario-store";

/** The simulator's control API over HTTP, as a bench drives it (README, "The Azure simulator"). */

interface ScenarioStep {
  afterMs: number;
  status?: number;
  headers?: Record<string, string | null>;
  body?: unknown;
}

export interface ScenarioInput {
  kind: "devops" | "devcenter";
  ids?: Record<string, string>;
  label?: string;
  clock?: "created" | "firstRequest";
  steps: ScenarioStep[];
}

export async function createScenario(simulatorUrl: string, scenario: ScenarioInput): Promise<CreatedScenario> {
  const response = await fetch(`${simulatorUrl}/_sim/operations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(scenario),
  });
  if (response.status !== 201) throw new Error(`the simulator refused a scenario: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreatedScenario;
}

/** When the simulator received each request for one scenario (ms since the epoch). */
export async function requestTimes(simulatorUrl: string, id: string): Promise<number[]> {
  const response = await fetch(`${simulatorUrl}/_sim/operations/${encodeURIComponent(id)}/requests`);
  if (!response.ok) throw new Error(`the simulator's request log for ${id} answered ${response.status}`);
  const { requests } = (await response.json()) as { requests: { at: string }[] };
  return requests.map((request) => Date.parse(request.at));
}

/** `fn` over every item with at most `limit` at a time, results in order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

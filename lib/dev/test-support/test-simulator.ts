/** Shared by the simulator's tests: a simulator on a free port with a clock the test moves, and request helpers. */
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "@/lib/dev/simulator/server";
import { createScenario as createOverHttp, type ScenarioInput } from "@/lib/dev/simulator/control-client";
import type { CreatedScenario } from "@/lib/dev/simulator/scenario-store";

export interface TestSimulator {
  sim: RunningSimulator;
  clock: { now: number };
  advance(ms: number): void;
}

export async function startTestSimulator(options: Omit<SimulatorOptions, "port" | "now"> = {}): Promise<TestSimulator> {
  const clock = { now: Date.UTC(2026, 0, 15, 12, 0, 0) };
  const sim = await startSimulator({ ...options, port: 0, now: () => clock.now });
  return { sim, clock, advance: (ms) => (clock.now += ms) };
}

export function createScenario(sim: RunningSimulator, scenario: ScenarioInput): Promise<CreatedScenario> {
  return createOverHttp(sim.url, scenario);
}

export function getOperation(url: string, token: string | null = "test-token", init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token !== null) headers.set("authorization", `Bearer ${token}`);
  return fetch(url, { ...init, headers });
}

export interface ErrorBody {
  error: { code: string; message: string };
}

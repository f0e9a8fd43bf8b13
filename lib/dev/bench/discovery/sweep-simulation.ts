import { discoveryUpstreamPath, DISCOVERY_API_VERSION, type DiscoveryListRequest } from "@/lib/azure/discovery-lists";
import { DEFAULT_READ_BUDGET } from "@/lib/azure/token-bucket";
import { DISCOVERY_INTERVAL_SECONDS, DISCOVERY_READS_PER_MINUTE } from "@/lib/config/discovery-settings";
import { answerDevCenterList } from "@/lib/dev/simulator/devcenter-lists";
import { createDevCenterState } from "@/lib/dev/simulator/devcenter-state";
import { matchDevCenterListRoute } from "@/lib/dev/simulator/routes";
import type { SimResponse } from "@/lib/dev/simulator/sim-response";
import { fetchList } from "@/lib/discovery/fetch-list";
import { EndpointSweep, type SweepSettings } from "@/lib/discovery/sweep";
import { FleetScheduler } from "@/lib/polling/fleet/fleet-scheduler";
import { MIN_TIMER_MS } from "@/lib/polling/fleet/read-loop";
import { SweepReads } from "@/lib/polling/fleet/sweep-reads";
import { percentile } from "../polling/stats";
import { BENCH_OWNER, planOperations, ScenarioDevCenter, type ScenarioOptions } from "./scenario";

/**
 * One endpoint's discovery on virtual time, with the browser's pieces and the simulator's: the fleet scheduler plans
 * the sweep's list reads as background reads within the DevCenter endpoint's budget (as the polling tab's read loop
 * does: again after every read, else at its wake time), each read goes through the real list reader (fetchList) to
 * the simulator's own answer (its dev center model and per-minute limit, as its HTTP route serves it), and what the
 * sweep shares is what the screen shows. Deterministic for a seed, so the benchmark and the tests share it.
 */

export interface SimulationOptions extends ScenarioOptions {
  /** The sweeps go on this much longer than the start window, to find the last operations. */
  tailMs: number;
  /** From a read's start to its answer; the dev center answers halfway. */
  latencyMs: number;
  /** The dev center's page size. */
  pageSize: number;
  /** The dev center's per-minute limit per caller. */
  limitPerMinute: number;
  settings: SweepSettings;
}

export const DEFAULT_SETTINGS: SweepSettings = {
  intervalMs: DISCOVERY_INTERVAL_SECONDS.fallback * 1000,
  readsPerMinute: DISCOVERY_READS_PER_MINUTE.fallback,
};

export const DEFAULT_SIMULATION: SimulationOptions = {
  seed: 1,
  projects: 3,
  devBoxes: 30,
  operations: 30,
  startWindowMs: 10 * 60_000,
  runningMs: [60_000, 10 * 60_000],
  listedStateShowsWork: false,
  tailMs: 3 * 60_000,
  latencyMs: 300,
  pageSize: 100,
  limitPerMinute: 300,
  settings: DEFAULT_SETTINGS,
};

export interface SimulationResult {
  operations: number;
  /** Operations the shared view ever listed. */
  found: number;
  /** From an operation's start to the answer after which the shared view first listed it. */
  delayP50Ms: number;
  delayP95Ms: number;
  delayMaxMs: number;
  reads: number;
  /** Over the whole run, and the most started in any 60 s. */
  readsPerMinute: number;
  maxReadsInAMinute: number;
  /** Answers the dev center refused for its per-minute limit. */
  throttled: number;
}

const HOST = "bench-dc.westeurope.devcenter.azure.com";
const ORIGIN = `https://${HOST}`;
/** A Monday 09:00 UTC, on a minute boundary as the limit's windows are. */
const START = Date.UTC(2025, 5, 2, 9);

/** The Azure URL the proxy calls for a list read: the list's path, or a nextLink's page of it (it must be on the endpoint). */
function upstreamUrl(request: DiscoveryListRequest): URL {
  if (request.nextLink !== undefined) return new URL(request.nextLink);
  const url = new URL(discoveryUpstreamPath(request), ORIGIN);
  url.searchParams.set("api-version", DISCOVERY_API_VERSION);
  return url;
}

const toResponse = (answer: SimResponse) => new Response(answer.body ?? null, { status: answer.status, headers: answer.headers });

export async function simulateDiscovery(overrides: Partial<SimulationOptions> = {}): Promise<SimulationResult> {
  const options = { ...DEFAULT_SIMULATION, ...overrides };
  const plan = planOperations(options, START);
  const state = createDevCenterState(ORIGIN, options.limitPerMinute);
  state.faults.setPageSize(options.pageSize);
  const scenario = new ScenarioDevCenter(state.model, options, plan, START);
  const startOf = new Map(plan.operations.map((o) => [o.operationId, o.startAt]));
  const delays = new Map<string, number>();
  const readStarts: number[] = [];
  let throttled = 0;
  let clock = START;

  // One read's way: the dev center answers halfway through the latency, the browser reads the answer at its end.
  const fetchImpl = (readStart: number, request: DiscoveryListRequest): Promise<Response> => {
    const url = upstreamUrl(request);
    const route = matchDevCenterListRoute(url.pathname);
    const at = readStart + options.latencyMs / 2;
    scenario.advance(at);
    const answer: SimResponse = route ? answerDevCenterList(route, url, BENCH_OWNER, state, at) : { status: 404, headers: {} };
    if (answer.status === 429) throttled++;
    clock = readStart + options.latencyMs;
    return Promise.resolve(toResponse(answer));
  };
  const sweeps = new SweepReads(
    {
      settings: options.settings,
      createSweep: (endpointHost, settings, now) => new EndpointSweep(endpointHost, settings, now),
      fetchList: (request) => {
        const readStart = clock;
        return fetchList(request, () => Promise.resolve("bench-token"), { fetchImpl: () => fetchImpl(readStart, request), now: () => clock });
      },
    },
    (view) => {
      for (const found of view.operations) {
        const startAt = startOf.get(found.ref.operationId);
        if (startAt !== undefined && !delays.has(found.key)) delays.set(found.key, clock - startAt);
      }
    },
    () => clock,
  );
  const scheduler = new FleetScheduler({ devops: DEFAULT_READ_BUDGET, devcenter: DEFAULT_READ_BUDGET });

  const end = START + options.startWindowMs + options.tailMs;
  sweeps.sync([HOST], [], clock);
  while (clock < end) {
    const now = clock;
    const planned = scheduler.plan([], now, sweeps.entries(now));
    // One sweep makes one read at a time, so its reads run one after another here as in the browser.
    for (const entry of planned.startBackground) {
      readStarts.push(clock);
      const signals = await sweeps.read(entry, clock);
      scheduler.finishedBackground(entry, signals, clock);
    }
    if (planned.startBackground.length > 0) continue;
    if (planned.wakeAt === undefined) break;
    clock = now + Math.max(MIN_TIMER_MS, planned.wakeAt - now);
  }

  const values = [...delays.values()];
  let maxReadsInAMinute = 0;
  for (let i = 0, j = 0; i < readStarts.length; i++) {
    while ((readStarts[i] ?? 0) - (readStarts[j] ?? 0) >= 60_000) j++;
    maxReadsInAMinute = Math.max(maxReadsInAMinute, i - j + 1);
  }
  return {
    operations: plan.operations.length,
    found: delays.size,
    delayP50Ms: percentile(values, 0.5),
    delayP95Ms: percentile(values, 0.95),
    delayMaxMs: values.length === 0 ? Number.NaN : Math.max(...values),
    reads: readStarts.length,
    readsPerMinute: readStarts.length / ((end - START) / 60_000),
    maxReadsInAMinute,
    throttled,
  };
}

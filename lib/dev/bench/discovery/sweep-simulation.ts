import type { DiscoveryListRequest } from "@/lib/azure/discovery-lists";
import { EndpointSweep, type ListAnswer, type SweepSettings } from "@/lib/discovery/sweep";
import { percentile } from "../polling/stats";
import { seededRandom, uniform } from "../polling/prng";

/**
 * One endpoint's sweeps on virtual time against a simulated dev center whose operations start at random: how long
 * each operation takes to be found, and how many list reads that costs. Pure and deterministic for a seed, so the
 * benchmark and the tests share it.
 */

export interface SimulationOptions {
  seed: number;
  projects: number;
  devBoxes: number;
  operations: number;
  /** Operations start uniformly at random within this window from the start... */
  startWindowMs: number;
  /** ...and the sweeps go on this much longer, to find the last ones. */
  tailMs: number;
  /** How long an operation runs: uniform in [min, max]. */
  runningMs: readonly [number, number];
  latencyMs: number;
  pageSize: number;
  /** Whether a dev box's listed actionState shows an operation under way, as DevCenter's does for its own actions. */
  listedStateShowsWork: boolean;
  settings: SweepSettings;
}

export const DEFAULT_SIMULATION: SimulationOptions = {
  seed: 1,
  projects: 3,
  devBoxes: 30,
  operations: 30,
  startWindowMs: 10 * 60_000,
  tailMs: 3 * 60_000,
  runningMs: [60_000, 5 * 60_000],
  latencyMs: 300,
  pageSize: 100,
  listedStateShowsWork: false,
  settings: { intervalMs: 60_000, readsPerMinute: 40 },
};

export interface SimulationResult {
  operations: number;
  found: number;
  /** From an operation's start to the end of the read that found it. */
  delayP50Ms: number;
  delayP95Ms: number;
  delayMaxMs: number;
  reads: number;
  /** Over the whole run, and the most started in any 60 s. */
  readsPerMinute: number;
  maxReadsInAMinute: number;
}

const HOST = "sim-dc.westeurope.devcenter.azure.com";

interface SimOperation {
  operationId: string;
  projectName: string;
  devBoxName: string;
  startAt: number;
  endAt: number;
}

function answer(request: DiscoveryListRequest, boxes: readonly { projectName: string; name: string }[], ops: readonly SimOperation[], options: SimulationOptions, now: number): ListAnswer {
  const started = ops.filter((o) => o.startAt <= now);
  const busy = (projectName: string, name: string) =>
    started.some((o) => o.projectName === projectName && o.devBoxName === name && now < o.endAt);
  const all =
    request.list === "devboxes"
      ? boxes.map((b) => ({
          ...b,
          provisioningState: "Succeeded",
          powerState: "Running",
          actionState: options.listedStateShowsWork && busy(b.projectName, b.name) ? "Repairing" : "Repaired",
        }))
      : request.list === "operations"
        ? started
            .filter((o) => o.projectName === request.projectName && o.devBoxName === request.devBoxName)
            .map((o) => ({
              operationId: o.operationId,
              kind: "Repair",
              status: now < o.endAt ? "Running" : "Succeeded",
              startTime: new Date(o.startAt).toISOString(),
              ...(now < o.endAt ? {} : { endTime: new Date(o.endAt).toISOString() }),
            }))
        : [];
  const page = Number(request.nextLink?.split("page=")[1] ?? "0");
  const value = all.slice(page * options.pageSize, (page + 1) * options.pageSize);
  const more = (page + 1) * options.pageSize < all.length;
  return { ok: true, body: { value, ...(more ? { nextLink: `https://${HOST}/list?page=${page + 1}` } : {}) } };
}

export function simulateDiscovery(overrides: Partial<SimulationOptions> = {}): SimulationResult {
  const options = { ...DEFAULT_SIMULATION, ...overrides };
  const random = seededRandom(options.seed);
  const boxes = Array.from({ length: options.devBoxes }, (_, i) => ({ projectName: `project-${i % options.projects}`, name: `box-${i}` }));
  const ops: SimOperation[] = Array.from({ length: options.operations }, (_, i) => {
    const box = boxes[Math.floor(random() * boxes.length)] ?? { projectName: "project-0", name: "box-0" };
    const startAt = uniform(random, 0, options.startWindowMs);
    return {
      operationId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      projectName: box.projectName,
      devBoxName: box.name,
      startAt,
      endAt: startAt + uniform(random, options.runningMs[0], options.runningMs[1]),
    };
  });
  const startOf = new Map(ops.map((o) => [o.operationId.toLowerCase(), o.startAt]));
  const delays = new Map<string, number>();
  const readStarts: number[] = [];
  const end = options.startWindowMs + options.tailMs;
  const sweep = new EndpointSweep(HOST, options.settings, 0);
  let now = 0;
  for (let next = sweep.next(now); next !== undefined && next.at <= end; next = sweep.next(now)) {
    now = next.at;
    sweep.started(next.request, now);
    readStarts.push(now);
    const reply = answer(next.request, boxes, ops, options, now);
    now += options.latencyMs;
    sweep.answered(next.request, reply, now);
    for (const found of sweep.view(now).operations) {
      const startAt = startOf.get(found.ref.operationId.toLowerCase());
      if (startAt !== undefined && !delays.has(found.key)) delays.set(found.key, now - startAt);
    }
  }
  const values = [...delays.values()];
  let maxReadsInAMinute = 0;
  for (let i = 0, j = 0; i < readStarts.length; i++) {
    while ((readStarts[i] ?? 0) - (readStarts[j] ?? 0) >= 60_000) j++;
    maxReadsInAMinute = Math.max(maxReadsInAMinute, i - j + 1);
  }
  return {
    operations: ops.length,
    found: delays.size,
    delayP50Ms: percentile(values, 0.5),
    delayP95Ms: percentile(values, 0.95),
    delayMaxMs: Math.max(...values),
    reads: readStarts.length,
    readsPerMinute: readStarts.length / (end / 60_000),
    maxReadsInAMinute,
  };
}

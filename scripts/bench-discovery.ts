/**
 * `npm run bench:discovery`: one DevCenter endpoint's discovery on virtual time (lib/dev/bench/discovery/), with
 * operations starting at random on a person's dev boxes, for the default settings and two others, each over several
 * seeds; prints how long an operation takes to show up, the list reads that cost, and the dev center's 429s. A script
 * that prints, not a test: the figures are read by people, beside the targets.
 */
import { readOptions, type OptionSpec } from "@/lib/dev/bench/options";
import { mean } from "@/lib/dev/bench/polling/stats";
import { DEFAULT_SETTINGS, DEFAULT_SIMULATION, simulateDiscovery, type SimulationResult } from "@/lib/dev/bench/discovery/sweep-simulation";
import type { SweepSettings } from "@/lib/discovery/sweep";

const OPTIONS = {
  seeds: { kind: "int", min: 1, max: 1000, default: 10, help: "seeds per row (1..N): each one another run of random starts" },
  operations: { kind: "int", min: 1, max: 1000, default: DEFAULT_SIMULATION.operations, help: "operations started in the first 10 minutes" },
  limit: { kind: "int", min: 1, max: 100_000, default: DEFAULT_SIMULATION.limitPerMinute, help: "the dev center's reads per minute per caller" },
} as const satisfies OptionSpec;

const options = readOptions("bench:discovery", OPTIONS);

/** The defaults; a longer interval alone, twice the reads, and a thriftier setting. */
const SETTINGS: [string, SweepSettings][] = [
  ["defaults", DEFAULT_SETTINGS],
  ["", { intervalMs: 60_000, readsPerMinute: DEFAULT_SETTINGS.readsPerMinute }],
  ["", { intervalMs: 30_000, readsPerMinute: 2 * DEFAULT_SETTINGS.readsPerMinute }],
  ["", { intervalMs: 120_000, readsPerMinute: DEFAULT_SETTINGS.readsPerMinute / 2 }],
];
const CASES: [string, boolean][] = [
  ["unchanged", false],
  ["shows work", true],
];

const seconds = (ms: number): string => (ms / 1000).toFixed(1);
const row = (cells: readonly string[], widths: readonly number[]): string =>
  cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
const meanWorst = (results: readonly SimulationResult[], pick: (r: SimulationResult) => number, format: (n: number) => string): string =>
  `${format(mean(results.map(pick)))} / ${format(Math.max(...results.map(pick)))}`;
const total = (results: readonly SimulationResult[], pick: (r: SimulationResult) => number): number => results.reduce((s, r) => s + pick(r), 0);

const { startWindowMs, tailMs, runningMs, projects, devBoxes, latencyMs } = DEFAULT_SIMULATION;
console.info(
  [
    `one endpoint: ${projects} projects, ${devBoxes} dev boxes, ${options.operations} operations starting at random over ${startWindowMs / 60_000} min, each running`,
    `${runningMs[0] / 60_000}-${runningMs[1] / 60_000} min, swept for ${(startWindowMs + tailMs) / 60_000} min; ${latencyMs} ms per read; the simulator's dev center and its limit of ${options.limit}`,
    `reads/min per caller; opwatch's fleet scheduler with the DevCenter endpoint budget's defaults. Seeds 1-${options.seeds} per row.`,
    `listed state: "unchanged" = a dev box lists the same state during an operation (nothing documented says otherwise);`,
    `"shows work" = its actionState names the operation while it runs. Delay: from an operation's start to the answer`,
    `after which the sweep's shared view lists it. mean / worst over the seeds; "max in 60 s": the most reads started in any 60 s.\n`,
  ].join("\n"),
);
const widths = [24, 12, 13, 13, 7, 13, 11, 5, 11];
console.info(row(["setting", "listed state", "p50 s", "p95 s", "max s", "reads/min", "max in 60 s", "429s", "never found"], widths));
let defaults: SimulationResult[] = [];
for (const [name, settings] of SETTINGS) {
  for (const [label, listedStateShowsWork] of CASES) {
    const results: SimulationResult[] = [];
    for (let seed = 1; seed <= options.seeds; seed++) {
      results.push(await simulateDiscovery({ seed, settings, listedStateShowsWork, operations: options.operations, limitPerMinute: options.limit }));
    }
    if (settings === DEFAULT_SETTINGS && !listedStateShowsWork) defaults = results;
    console.info(
      row(
        [
          `${settings.intervalMs / 1000} s, ${settings.readsPerMinute}/min${name === "" ? "" : ` (${name})`}`,
          label,
          meanWorst(results, (r) => r.delayP50Ms, seconds),
          meanWorst(results, (r) => r.delayP95Ms, seconds),
          seconds(Math.max(...results.map((r) => r.delayMaxMs))),
          meanWorst(results, (r) => r.readsPerMinute, (n) => n.toFixed(1)),
          String(Math.max(...results.map((r) => r.maxReadsInAMinute))),
          String(total(results, (r) => r.throttled)),
          String(total(results, (r) => r.operations - r.found)),
        ],
        widths,
      ),
    );
  }
}

// The targets hold for the defaults whatever the dev box lists: the "unchanged" rows are the ones to read.
const worst = (pick: (r: SimulationResult) => number) => Math.max(...defaults.map(pick));
const verdict = (ok: boolean): string => (ok ? "ok" : "MISSED");
const p50 = mean(defaults.map((r) => r.delayP50Ms));
const p95 = mean(defaults.map((r) => r.delayP95Ms));
const perMinute = worst((r) => r.maxReadsInAMinute);
const throttled = total(defaults, (r) => r.throttled);
console.info(`\nat the defaults, listed state unchanged (mean over the seeds; reads and 429s: the worst):`);
console.info(`p50 delay:          ${seconds(p50)} s  (target <= 35 s)  ${verdict(p50 <= 35_000)}`);
console.info(`p95 delay:          ${seconds(p95)} s  (target <= 70 s)  ${verdict(p95 <= 70_000)}`);
console.info(`reads in any 60 s:  ${perMinute}  (target <= 40 per endpoint)  ${verdict(perMinute <= 40)}`);
console.info(`429s:               ${throttled} at a limit of ${options.limit}/min  (target 0 at 300/min)  ${verdict(throttled === 0)}`);

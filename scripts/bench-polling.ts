/**
 * `npm run bench:polling`: replays a fixed, seeded corpus of simulated operation lifetimes in simulated time
 * through opwatch's polling policy and two baselines, and prints polls and detection delays. A script that
 * prints, not a test: the figures are read by people (see lib/operations/bench/corpus.ts for the corpus).
 * It exits 1 only if the policy ever polled before Retry-After allowed: that is a bug, not a figure.
 */
import { decideNextPoll } from "@/lib/polling/policy";
import { CORPUS_SEED, CORPUS_SIZE, generateCorpus, type Lifetime } from "@/lib/polling/bench/corpus";
import { guidancePoller, sdkPoller } from "@/lib/polling/bench/baselines";
import { seededRandom } from "@/lib/polling/bench/prng";
import { type Poller, replay, type ReplayResult } from "@/lib/polling/bench/replay";
import { mean, percentile } from "@/lib/polling/bench/stats";

const JITTER_SEED = 7;

interface Run {
  name: string;
  results: ReplayResult[];
}

/** `--seed N` / `--size N` replay another corpus of the same mix (to check the figures are not one seed's luck). */
const option = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i < 0 ? undefined : Number(process.argv[i + 1]);
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0) {
    console.error(`--${name} needs a positive integer`);
    process.exit(2);
  }
  return value;
};

const started = process.hrtime.bigint();
const seed = option("seed", CORPUS_SEED);
const corpus = generateCorpus(seed, option("size", CORPUS_SIZE));
const pollers: [string, Poller][] = [
  ["opwatch policy", decideNextPoll],
  ["Azure SDK (2 s)", sdkPoller],
  ["guidance (60 s)", guidancePoller],
];
const runs: Run[] = pollers.map(([name, poller]) => {
  const random = seededRandom(JITTER_SEED);
  return { name, results: corpus.map((lifetime) => replay(lifetime, poller, random)) };
});

const seconds = (ms: number): string => (ms / 1000).toFixed(1);
const delays = (results: readonly ReplayResult[]): number[] => results.flatMap((r) => (r.detectionDelayMs === undefined ? [] : [r.detectionDelayMs]));
const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

const row = (cells: readonly string[], widths: readonly number[]): string =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");

const widths = [18, 11, 10, 13, 13, 11, 11, 10];
const durations = corpus.map((l) => l.terminalAtMs);
console.info(
  `corpus (seed ${seed}): ${corpus.length} lifetimes, ${seconds(Math.min(...durations))} s to ${(Math.max(...durations) / 3_600_000).toFixed(2)} h ` +
    `(median ${seconds(percentile(durations, 0.5))} s); Retry-After ${corpus.filter((l) => l.retryAfterMs !== undefined).length}, ` +
    `percentComplete ${corpus.filter((l) => l.progress !== undefined).length}, failed/canceled ${corpus.filter((l) => l.outcome !== "succeeded").length}, ` +
    `with read errors ${corpus.filter((l) => l.readErrors.length > 0).length}\n`,
);
console.info(row(["poller", "polls/op", "polls p50", "detect p50 s", "detect p95 s", "early polls", "read errs", "undetected"], widths));
for (const { name, results } of runs) {
  const polls = results.map((r) => r.polls);
  const d = delays(results);
  console.info(
    row(
      [
        name,
        mean(polls).toFixed(1),
        String(percentile(polls, 0.5)),
        seconds(percentile(d, 0.5)),
        seconds(percentile(d, 0.95)),
        String(sum(results.map((r) => r.earlyPolls))),
        String(sum(results.map((r) => r.readErrorPolls))),
        String(results.length - d.length),
      ],
      widths,
    ),
  );
}

// Where the delays come from: the same figures per kind of lifetime.
const classes: [string, (l: Lifetime) => boolean][] = [
  ["Retry-After sent", (l) => l.retryAfterMs !== undefined],
  ["no R-A, percent", (l) => l.retryAfterMs === undefined && l.progress !== undefined],
  ["no R-A, no percent", (l) => l.retryAfterMs === undefined && l.progress === undefined],
];
console.info(`\nper kind of lifetime (polls/op; detect p50 / p95 s):`);
console.info(row(["", ...runs.map((r) => r.name)], [18, 24, 24, 24]));
for (const [label, test] of classes) {
  const cells = runs.map(({ results }) => {
    const picked = results.filter((_, i) => {
      const l = corpus[i];
      return l !== undefined && test(l);
    });
    const d = delays(picked);
    return `${mean(picked.map((r) => r.polls)).toFixed(1)}; ${seconds(percentile(d, 0.5))} / ${seconds(percentile(d, 0.95))}`;
  });
  console.info(row([label, ...cells], [18, 24, 24, 24]));
}

const [ours, sdk, guidance] = runs;
if (ours && sdk && guidance) {
  const pollRatio = sum(ours.results.map((r) => r.polls)) / sum(sdk.results.map((r) => r.polls));
  const p50 = percentile(delays(ours.results), 0.5);
  const p95 = percentile(delays(ours.results), 0.95);
  const p95Guidance = percentile(delays(guidance.results), 0.95);
  const early = sum(ours.results.map((r) => r.earlyPolls));
  const verdict = (ok: boolean): string => (ok ? "ok" : "MISSED");
  console.info(`\nours/SDK polls:          ${pollRatio.toFixed(3)}  (target <= 0.10)  ${verdict(pollRatio <= 0.1)}`);
  console.info(`median detection delay:  ${seconds(p50)} s  (target <= 5 s)  ${verdict(p50 <= 5_000)}`);
  console.info(`p95 detection delay:     ${seconds(p95)} s vs guidance ${seconds(p95Guidance)} s  ${verdict(p95 <= p95Guidance)}`);
  console.info(`polls before Retry-After: ${early}  (must be 0)  ${verdict(early === 0)}`);
  // Early polls break a promise to the server; the other targets are figures to read, not a gate.
  if (early > 0) process.exitCode = 1;
}
console.info(`\n(${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s)`);

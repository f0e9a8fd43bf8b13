import { chance, logUniform, type Random, seededRandom, uniform, weighted } from "./prng";

/**
 * Simulated operation lifetimes for `npm run bench:polling`. The mix is meant to look like what a person watches
 * on Azure, and is fixed independently of any poller: durations log-uniform from 5 s to 3 h; about a third of
 * services send Retry-After (small values for short operations, ARM's 10-60 s otherwise); half report
 * percentComplete, often not linearly (queues, ease-in/out, stalls and bursts, coarse child-operation steps,
 * a finalising tail after 100%); some fail or are canceled part way; a quarter hit read errors (429 with
 * Retry-After, 503 bursts, network failures), which may straddle the end.
 * All times are ms from the operation's start.
 */

type ProgressShape = "linear" | "easeOut" | "easeIn" | "stallBurst" | "steps";

export interface Progress {
  shape: ProgressShape;
  /** Work runs from `startsAtMs` (after a queue, if any) to `reaches100AtMs`. */
  startsAtMs: number;
  reaches100AtMs: number;
  /** Piecewise-linear knots [x, y] in [0,1]² for "stallBurst"; step count for "steps". */
  knots: readonly (readonly [number, number])[];
  steps: number;
  /** Whole percents (the usual) or one decimal. */
  integer: boolean;
}

interface ReadErrorEpisode {
  fromMs: number;
  toMs: number;
  httpStatus: number; // 0 = network failure or malformed body
  retryAfterMs: number | undefined;
}

export interface Lifetime {
  id: number;
  /** When the terminal status becomes visible on the server. */
  terminalAtMs: number;
  outcome: "succeeded" | "failed" | "canceled";
  /** Queued ("NotStarted") until then. */
  queuedUntilMs: number;
  /** Sent on every status response, when the service sends one at all. */
  retryAfterMs: number | undefined;
  progress: Progress | undefined;
  readErrors: readonly ReadErrorEpisode[];
}

export const CORPUS_SEED = 20261124;
export const CORPUS_SIZE = 400;

const MIN_DURATION_MS = 5_000;
const MAX_DURATION_MS = 3 * 3_600_000;

const retryAfterFor = (random: Random, durationMs: number): number | undefined => {
  if (!chance(random, 0.35)) return undefined;
  // Services tune Retry-After to the kind of operation, hence to its typical length.
  const seconds =
    durationMs < 120_000
      ? weighted(random, [[1, 0.1], [2, 0.15], [5, 0.45], [10, 0.3]] as const)
      : weighted(random, [[10, 0.35], [15, 0.15], [20, 0.15], [30, 0.2], [60, 0.15]] as const);
  return seconds * 1000;
};

const stallBurstKnots = (random: Random): [number, number][] => {
  const segments = 3 + Math.floor(random() * 4);
  const widths = Array.from({ length: segments }, () => uniform(random, 0.2, 1));
  const gains = widths.map(() => (chance(random, 0.35) ? 0 : uniform(random, 0.1, 1) ** 2));
  const gainTotal = gains.reduce((s, g) => s + g, 0) || 1;
  const widthTotal = widths.reduce((s, w) => s + w, 0);
  const knots: [number, number][] = [[0, 0]];
  let x = 0;
  let y = 0;
  widths.forEach((w, i) => {
    x += w / widthTotal;
    y += (gains[i] ?? 0) / gainTotal;
    knots.push([Math.min(1, x), Math.min(1, y)]);
  });
  return knots;
};

const progressFor = (random: Random, queuedUntilMs: number, reaches100AtMs: number): Progress | undefined => {
  if (!chance(random, 0.5)) return undefined;
  const shape = weighted<ProgressShape>(random, [["linear", 0.35], ["easeOut", 0.2], ["easeIn", 0.15], ["stallBurst", 0.2], ["steps", 0.1]]);
  return {
    shape,
    startsAtMs: queuedUntilMs,
    reaches100AtMs,
    knots: shape === "stallBurst" ? stallBurstKnots(random) : [],
    steps: 2 + Math.floor(random() * 9),
    integer: chance(random, 0.7),
  };
};

const readErrorsFor = (random: Random, terminalAtMs: number): ReadErrorEpisode[] => {
  if (!chance(random, 0.25)) return [];
  const count = 1 + Math.floor(random() * 3);
  return Array.from({ length: count }, () => {
    const fromMs = uniform(random, 0, terminalAtMs * 1.1);
    const kind = weighted(random, [["throttled", 0.35], ["unavailable", 0.35], ["network", 0.3]] as const);
    if (kind === "throttled") {
      const retryAfterMs = weighted(random, [[1, 0.1], [5, 0.3], [10, 0.3], [20, 0.2], [30, 0.1]] as const) * 1000;
      return { fromMs, toMs: fromMs + retryAfterMs * uniform(random, 0.5, 2.5), httpStatus: 429, retryAfterMs };
    }
    if (kind === "unavailable") {
      const httpStatus = weighted(random, [[503, 0.6], [502, 0.25], [500, 0.15]] as const);
      const retryAfterMs = httpStatus === 503 && chance(random, 0.5) ? 10_000 : undefined;
      return { fromMs, toMs: fromMs + logUniform(random, 5_000, 180_000), httpStatus, retryAfterMs };
    }
    return { fromMs, toMs: fromMs + logUniform(random, 1_000, 30_000), httpStatus: 0, retryAfterMs: undefined };
  });
};

/** How long the corpus's operations run, log-uniform between the two. */
interface DurationRange {
  minMs: number;
  maxMs: number;
}

const DEFAULT_DURATIONS: DurationRange = { minMs: MIN_DURATION_MS, maxMs: MAX_DURATION_MS };

function lifetime(random: Random, id: number, durations: DurationRange): Lifetime {
  const terminalAtMs = logUniform(random, durations.minMs, durations.maxMs);
  const outcome = weighted(random, [["succeeded", 0.82], ["failed", 0.15], ["canceled", 0.03]] as const);
  const queuedUntilMs = chance(random, 0.3) ? terminalAtMs * uniform(random, 0, 0.15) : 0;
  // A success reaches 100% and may spend a while finalising; a failure stops part way through its work.
  const reaches100AtMs =
    outcome === "succeeded"
      ? terminalAtMs - (terminalAtMs - queuedUntilMs) * uniform(random, 0, 0.08)
      : queuedUntilMs + (terminalAtMs - queuedUntilMs) / uniform(random, 0.1, 1);
  return {
    id,
    terminalAtMs,
    outcome,
    queuedUntilMs,
    retryAfterMs: retryAfterFor(random, terminalAtMs),
    progress: progressFor(random, queuedUntilMs, reaches100AtMs),
    readErrors: readErrorsFor(random, terminalAtMs),
  };
}

export function generateCorpus(seed = CORPUS_SEED, size = CORPUS_SIZE, durations = DEFAULT_DURATIONS): Lifetime[] {
  const random = seededRandom(seed);
  return Array.from({ length: size }, (_, id) => lifetime(random, id, durations));
}

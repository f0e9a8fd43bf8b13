import type { PollRecord } from "@/lib/polling/poll-record";
import type { Lifetime, Progress } from "./corpus";

/** What the simulated service answers at time `t` (ms from the operation's start): one poll's PollRecord. */

const interpolate = (knots: readonly (readonly [number, number])[], x: number): number => {
  for (let i = 1; i < knots.length; i++) {
    const a = knots[i - 1];
    const b = knots[i];
    if (a && b && x <= b[0]) return b[0] === a[0] ? b[1] : a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0]);
  }
  return 1;
};

const shaped = (progress: Progress, x: number): number => {
  switch (progress.shape) {
    case "linear":
      return x;
    case "easeOut":
      return 1 - (1 - x) ** 2;
    case "easeIn":
      return x ** 2;
    case "stallBurst":
      return interpolate(progress.knots, x);
    case "steps":
      return Math.floor(x * progress.steps) / progress.steps;
  }
};

function percentAt(progress: Progress, t: number): number {
  const span = progress.reaches100AtMs - progress.startsAtMs;
  const x = span > 0 ? Math.min(1, Math.max(0, (t - progress.startsAtMs) / span)) : 1;
  const percent = 100 * shaped(progress, x);
  return progress.integer ? Math.floor(percent) : Math.floor(percent * 10) / 10;
}

export function respond(lifetime: Lifetime, t: number): PollRecord {
  const episode = lifetime.readErrors.find((e) => t >= e.fromMs && t < e.toMs);
  if (episode) {
    return { at: t, outcome: "readError", httpStatus: episode.httpStatus, ...(episode.retryAfterMs === undefined ? {} : { retryAfterMs: episode.retryAfterMs }) };
  }
  const terminal = t >= lifetime.terminalAtMs;
  const category = terminal ? lifetime.outcome : t < lifetime.queuedUntilMs ? "notStarted" : "running";
  const progress = lifetime.progress;
  const percent = progress === undefined ? undefined : percentAt(progress, Math.min(t, lifetime.terminalAtMs));
  return {
    at: t,
    outcome: "status",
    category,
    ...(percent === undefined ? {} : { percentComplete: terminal && lifetime.outcome === "succeeded" ? 100 : percent }),
    ...(lifetime.retryAfterMs === undefined ? {} : { retryAfterMs: lifetime.retryAfterMs }),
  };
}

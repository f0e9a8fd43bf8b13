import type { Lifetime } from "@/lib/dev/bench/polling/corpus";

/** A lifetime for the polling benches' tests: succeeds at `terminalAtMs`, no queue, no Retry-After, no read errors. */
export const plainLifetime = (terminalAtMs: number, extra: Partial<Lifetime> = {}): Lifetime => ({
  id: 0,
  terminalAtMs,
  outcome: "succeeded",
  queuedUntilMs: 0,
  retryAfterMs: undefined,
  progress: undefined,
  readErrors: [],
  ...extra,
});

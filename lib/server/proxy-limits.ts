import "server-only";
import { TokenBucket, type BucketSpec } from "@/lib/azure/token-bucket";
import type { ProxyLimits } from "@/lib/config/proxy-config";

/**
 * The proxy's own limits, checked before any upstream call: a token bucket per client address (429 ProxyRateLimited)
 * and a cap on upstream calls in flight across every client (503 ProxyOverloaded). Both live in one process: behind a
 * load balancer each replica counts on its own.
 */

/** Buckets kept at most; past it the least recently seen address is forgotten (it comes back with a full bucket). */
export const MAX_TRACKED_CLIENTS = 10_000;

export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number };

const wholeSeconds = (ms: number) => (Number.isFinite(ms) ? Math.max(1, Math.ceil(ms / 1000)) : 1);

export class ClientRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    readonly spec: BucketSpec,
    private readonly maxClients = MAX_TRACKED_CLIENTS,
  ) {}

  /** Spends one of `key`'s tokens, or says how long until it has one (whole seconds, at least 1). */
  take(key: string, now: number): Admission {
    const bucket = this.buckets.get(key) ?? new TokenBucket(this.spec, now);
    // A Map iterates in insertion order: re-inserting keeps the least recently seen address first, to be dropped.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxClients) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
    return bucket.take(now) ? { ok: true } : { ok: false, retryAfterSeconds: wholeSeconds(bucket.msUntilToken(now)) };
  }

  get trackedClients(): number {
    return this.buckets.size;
  }
}

export class InFlightGate {
  private count = 0;

  constructor(readonly max: number) {}

  /** A slot and the function that gives it back (safe to call twice), or undefined when all `max` are taken. */
  tryEnter(): (() => void) | undefined {
    if (this.count >= this.max) return undefined;
    this.count += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.count -= 1;
    };
  }

  get inFlight(): number {
    return this.count;
  }
}

export interface ProxyLimiter {
  limits: ProxyLimits;
  clients: ClientRateLimiter;
  inFlight: InFlightGate;
  now: () => number;
}

export function createProxyLimiter(limits: ProxyLimits, now: () => number = Date.now, maxClients = MAX_TRACKED_CLIENTS): ProxyLimiter {
  return { limits, clients: new ClientRateLimiter(limits.perClient, maxClients), inFlight: new InFlightGate(limits.maxInFlight), now };
}

/** 503's Retry-After: a slot frees when any upstream call ends, which is usually well within a second. */
export const OVERLOADED_RETRY_AFTER_SECONDS = 1;

const PROCESS_LIMITER = Symbol.for("opwatch.proxyLimiter");
type LimiterHolder = typeof globalThis & { [PROCESS_LIMITER]?: ProxyLimiter };

const sameLimits = (a: ProxyLimits, b: ProxyLimits) =>
  a.maxInFlight === b.maxInFlight && a.perClient.capacity === b.perClient.capacity && a.perClient.refillPerSecond === b.perClient.refillPerSecond;

/**
 * The one limiter of this process, for both proxy routes. Held on globalThis rather than in a module variable because
 * Next may bundle each route file with its own copy of this module, and two copies would each allow the full limits.
 */
export function processProxyLimiter(limits: ProxyLimits): ProxyLimiter {
  const holder = globalThis as LimiterHolder;
  const current = holder[PROCESS_LIMITER];
  if (current !== undefined && sameLimits(current.limits, limits)) return current;
  const created = createProxyLimiter(limits);
  holder[PROCESS_LIMITER] = created;
  return created;
}

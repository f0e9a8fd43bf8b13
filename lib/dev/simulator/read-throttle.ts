import { ARM_GLOBAL_READS_FACTOR, TokenBucket, type BucketSpec } from "@/lib/azure/token-bucket";
import { takeArmRead } from "./arm-read-verdict";
import type { ThrottleSetting } from "./throttle-setting";

/** ARM's names for what is left of the read budget after a request. */
const REMAINING_READS_HEADER = "x-ms-ratelimit-remaining-subscription-reads";
const REMAINING_GLOBAL_READS_HEADER = "x-ms-ratelimit-remaining-subscription-global-reads";

/** What one read may do, and the headers that say what is left; `retryAfterSeconds` only when it is refused. */
export type ReadVerdict =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; headers: Record<string, string>; retryAfterSeconds: number };

interface SubscriptionReads {
  subscription: TokenBucket;
  global: TokenBucket;
}

/**
 * ARM's read throttling, per subscription (case-insensitive, as ARM compares ids): a bucket of the subscription's
 * setting and a global one 15 times larger. ARM keys the first per principal too; the simulator serves one person,
 * so one principal per subscription is enough, and the global bucket only ever shows in its header.
 * Memory is bounded: past `maxSubscriptions` the oldest entries go (a forgotten bucket comes back full).
 */
export class ReadThrottle {
  private readonly settings = new Map<string, ThrottleSetting>();
  private readonly buckets = new Map<string, SubscriptionReads>();

  constructor(
    private readonly defaults: ThrottleSetting,
    private readonly now: () => number,
    private readonly maxSubscriptions = 10_000,
  ) {}

  /** Gives a subscription its own setting, with a full bucket from now on. */
  configure(subscriptionId: string, setting: ThrottleSetting): void {
    const key = keyOf(subscriptionId);
    setBounded(this.settings, key, setting, this.maxSubscriptions);
    this.buckets.delete(key);
  }

  /** Takes one read from the subscription's buckets; undefined when the subscription is not throttled (no headers). */
  read(subscriptionId: string): ReadVerdict | undefined {
    const reads = this.readsOf(keyOf(subscriptionId));
    if (!reads) return undefined;
    const verdict = takeArmRead([reads.subscription, reads.global], this.now());
    const [subscription = 0, global = 0] = verdict.remaining;
    const headers = { [REMAINING_READS_HEADER]: String(subscription), [REMAINING_GLOBAL_READS_HEADER]: String(global) };
    return verdict.allowed ? { allowed: true, headers } : { allowed: false, headers, retryAfterSeconds: verdict.retryAfterSeconds };
  }

  private readsOf(key: string): SubscriptionReads | undefined {
    const existing = this.buckets.get(key);
    if (existing) return existing;
    const setting = this.settings.get(key) ?? this.defaults;
    if (setting === false) return undefined;
    const at = this.now();
    const created = { subscription: new TokenBucket(setting, at), global: new TokenBucket(globalSpec(setting), at) };
    setBounded(this.buckets, key, created, this.maxSubscriptions);
    return created;
  }
}

const keyOf = (subscriptionId: string) => subscriptionId.toLowerCase();

const globalSpec = (spec: BucketSpec): BucketSpec => ({
  capacity: spec.capacity * ARM_GLOBAL_READS_FACTOR,
  refillPerSecond: spec.refillPerSecond * ARM_GLOBAL_READS_FACTOR,
});

function setBounded<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  while (map.size >= max) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
  map.set(key, value);
}

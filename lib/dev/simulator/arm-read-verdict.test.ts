import { describe, expect, it } from "vitest";
import { TokenBucket } from "@/lib/azure/token-bucket";
import { takeArmRead } from "./arm-read-verdict";

describe("takeArmRead", () => {
  it("takes a token from every bucket and says what each has left", () => {
    const buckets = [new TokenBucket({ capacity: 2, refillPerSecond: 1 }, 0), new TokenBucket({ capacity: 30, refillPerSecond: 15 }, 0)];
    expect(takeArmRead(buckets, 0)).toEqual({ allowed: true, remaining: [1, 29] });
  });

  it("refuses while any bucket lacks a whole token, spends nothing, and rounds Retry-After up to whole seconds", () => {
    const small = new TokenBucket({ capacity: 1, refillPerSecond: 0.4 }, 0);
    const large = new TokenBucket({ capacity: 10, refillPerSecond: 5 }, 0);
    takeArmRead([small, large], 0);
    expect(takeArmRead([small, large], 100)).toEqual({ allowed: false, remaining: [0, 9], retryAfterSeconds: 3 });
    expect(large.available(100)).toBeCloseTo(9.5);
    // Waiting the Retry-After it was given finds the token there.
    expect(takeArmRead([small, large], 100 + 3000).allowed).toBe(true);
  });

  it("gives a bucket that never refills a finite Retry-After", () => {
    const empty = new TokenBucket({ capacity: 1, refillPerSecond: 0 }, 0);
    takeArmRead([empty], 0);
    expect(takeArmRead([empty], 0)).toEqual({ allowed: false, remaining: [0], retryAfterSeconds: 3600 });
  });
});

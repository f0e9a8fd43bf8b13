import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TIGHT_BUDGET_SUBSCRIPTION } from "./demo-tight-budget";
import type { RequestLogEntry } from "./request-log";
import type { CreatedScenario } from "./scenario-store";
import { startSimulator } from "./server";
import type { ThrottleSetting } from "./throttle-setting";
import { createScenario, getOperation, startTestSimulator, type ErrorBody, type TestSimulator } from "@/lib/dev/test-support/test-simulator";

const READS = "x-ms-ratelimit-remaining-subscription-reads";
const GLOBAL = "x-ms-ratelimit-remaining-subscription-global-reads";

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(async () => {
  await t.sim.close();
});

const running = { afterMs: 0, body: { status: "Running" } };

/** A devops operation in a subscription of its own (or the one given), optionally setting that subscription's bucket. */
function devops(sim: TestSimulator, throttle?: ThrottleSetting, subscriptionId: string = randomUUID()): Promise<CreatedScenario> {
  return createScenario(sim.sim, { kind: "devops", ids: { subscriptionId }, steps: [running], ...(throttle === undefined ? {} : { throttle }) });
}

const remaining = (res: Response) => [res.headers.get(READS), res.headers.get(GLOBAL)];

async function statuses(sim: TestSimulator, id: string): Promise<number[]> {
  const res = await fetch(`${sim.sim.url}/_sim/operations/${id}/requests`);
  return ((await res.json()) as { requests: RequestLogEntry[] }).requests.map((r) => r.status);
}

describe("ARM read throttling, default bucket (250, 25/s; global 15 times)", () => {
  it("counts down both remainders on every read", async () => {
    const op = await devops(t);
    expect(remaining(await getOperation(op.url))).toEqual(["249", "3749"]);
    expect(remaining(await getOperation(op.url))).toEqual(["248", "3748"]);
    expect(remaining(await getOperation(op.url))).toEqual(["247", "3747"]);
  });

  it("puts the headers on errors and 404s of that subscription too, sharing its bucket", async () => {
    const op = await devops(t);
    const unknown = await getOperation(op.url.replace(/operationResults\/[^?]+/, `operationResults/${randomUUID()}`));
    expect(unknown.status).toBe(404);
    expect(remaining(unknown)).toEqual(["249", "3749"]);
    const noVersion = await getOperation(op.url.replace(/\?.*$/, ""));
    expect(noVersion.status).toBe(400);
    expect(remaining(noVersion)).toEqual(["248", "3748"]);
    const failing = await createScenario(t.sim, {
      kind: "devops",
      ids: { subscriptionId: op.ref.kind === "devops" ? op.ref.subscriptionId : "" },
      steps: [{ afterMs: 0, status: 500, body: { error: { code: "InternalServerError", message: "boom" } } }],
    });
    const error = await getOperation(failing.url);
    expect(error.status).toBe(500);
    expect(remaining(error)).toEqual(["247", "3747"]);
  });

  it("matches the subscription id case-insensitively", async () => {
    const op = await devops(t, undefined, "abcdef00-1111-4222-8333-444455556666");
    await getOperation(op.url);
    const upper = await getOperation(op.url.replace("abcdef00-1111-4222-8333-444455556666", "ABCDEF00-1111-4222-8333-444455556666"));
    expect(upper.status).toBe(200);
    expect(upper.headers.get(READS)).toBe("248");
  });

  it("spends nothing and says nothing on a 401: throttling comes after authentication", async () => {
    const op = await devops(t);
    const unauthorized = await getOperation(op.url, null);
    expect(unauthorized.status).toBe(401);
    expect(remaining(unauthorized)).toEqual([null, null]);
    expect((await getOperation(op.url)).headers.get(READS)).toBe("249");
  });

  it("leaves DevCenter alone", async () => {
    const dc = await createScenario(t.sim, { kind: "devcenter", steps: [running] });
    const res = await getOperation(dc.url);
    expect(res.status).toBe(200);
    expect(remaining(res)).toEqual([null, null]);
  });

  it("lets a scenario step set or remove the headers, as it can any default", async () => {
    const op = await createScenario(t.sim, {
      kind: "devops",
      steps: [{ afterMs: 0, headers: { [READS]: "11999", [GLOBAL]: null }, body: { status: "Running" } }],
    });
    expect(remaining(await getOperation(op.url))).toEqual(["11999", null]);
  });
});

describe("an empty bucket", () => {
  it("answers ARM's 429 with Retry-After until a token is back, and logs every answer", async () => {
    const op = await devops(t, { capacity: 2, refillPerSecond: 0.4 });
    expect((await getOperation(op.url)).headers.get(READS)).toBe("1");
    expect((await getOperation(op.url)).headers.get(READS)).toBe("0");
    const refused = await getOperation(op.url);
    expect(refused.status).toBe(429);
    // A token every 2.5 s: whole seconds, rounded up.
    expect(refused.headers.get("retry-after")).toBe("3");
    expect(refused.headers.get("x-ms-error-code")).toBe("TooManyRequests");
    expect(refused.headers.get(READS)).toBe("0");
    // The global bucket (30, 6/s) is not empty: a refused read spends nothing from it.
    expect(refused.headers.get(GLOBAL)).toBe("28");
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.code).toBe("TooManyRequests");
    expect(body.error.message).toContain(op.ref.kind === "devops" ? op.ref.subscriptionId : "");
    expect(body.error.message).toContain("'3' seconds");
    // Throttling comes before the api-version check, as the bucket is ARM's front door.
    expect((await getOperation(op.url.replace(/\?.*$/, ""))).status).toBe(429);

    t.advance(2_000);
    const stillEmpty = await getOperation(op.url);
    expect(stillEmpty.status).toBe(429);
    expect(stillEmpty.headers.get("retry-after")).toBe("1");
    t.advance(500);
    const refilled = await getOperation(op.url);
    expect(refilled.status).toBe(200);
    expect(refilled.headers.get(READS)).toBe("0");
    expect(await statuses(t, op.id)).toEqual([200, 200, 429, 429, 429, 200]);
  });

  it("does not start a firstRequest clock on a throttled read", async () => {
    const op = await createScenario(t.sim, {
      kind: "devops",
      clock: "firstRequest",
      throttle: { capacity: 1, refillPerSecond: 1 },
      ids: { subscriptionId: randomUUID() },
      steps: [
        { afterMs: 0, body: { status: "Running", startTime: "{{start}}" } },
        { afterMs: 2_000, body: { status: "Succeeded" } },
      ],
    });
    const other = await devops(t, undefined, op.ref.kind === "devops" ? op.ref.subscriptionId : "");
    await getOperation(other.url);
    expect((await getOperation(op.url)).status).toBe(429);
    t.advance(1_000);
    const first = await getOperation(op.url);
    expect(await first.json()).toEqual({ status: "Running", startTime: new Date(t.clock.now).toISOString() });
  });

  it("asks for at most an hour when the bucket never refills", async () => {
    const op = await devops(t, { capacity: 1, refillPerSecond: 0 });
    expect((await getOperation(op.url)).status).toBe(200);
    const refused = await getOperation(op.url);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("3600");
  });
});

describe("a scenario's throttle", () => {
  it("sets its subscription's bucket for every operation there, and no other", async () => {
    const subscriptionId = randomUUID();
    const a = await devops(t, { capacity: 3, refillPerSecond: 1 }, subscriptionId);
    const b = await devops(t, undefined, subscriptionId);
    expect(remaining(await getOperation(a.url))).toEqual(["2", "44"]);
    expect(remaining(await getOperation(b.url))).toEqual(["1", "43"]);
    const elsewhere = await devops(t);
    expect((await getOperation(elsewhere.url)).headers.get(READS)).toBe("249");
  });

  it("replaces an earlier bucket, starting full", async () => {
    const subscriptionId = randomUUID();
    const first = await devops(t, { capacity: 1, refillPerSecond: 0 }, subscriptionId);
    await getOperation(first.url);
    expect((await getOperation(first.url)).status).toBe(429);
    await devops(t, { capacity: 5, refillPerSecond: 0 }, subscriptionId);
    const again = await getOperation(first.url);
    expect(again.status).toBe(200);
    expect(again.headers.get(READS)).toBe("4");
  });

  it("false turns throttling off for that subscription: no 429, no headers", async () => {
    const throttled = await startTestSimulator({ throttle: { capacity: 1, refillPerSecond: 0 } });
    try {
      const off = await devops(throttled, false);
      for (let i = 0; i < 3; i += 1) {
        const res = await getOperation(off.url);
        expect(res.status).toBe(200);
        expect(remaining(res)).toEqual([null, null]);
      }
      const other = await devops(throttled);
      expect((await getOperation(other.url)).status).toBe(200);
      expect((await getOperation(other.url)).status).toBe(429);
    } finally {
      await throttled.sim.close();
    }
  });

  const post = (body: unknown) =>
    fetch(`${t.sim.url}/_sim/operations`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });

  const bad: [string, unknown, RegExp][] = [
    ["on DevCenter", { kind: "devcenter", throttle: { capacity: 2, refillPerSecond: 1 } }, /throttle: throttle applies to devops \(ARM\) scenarios only/],
    ["false on DevCenter", { kind: "devcenter", throttle: false }, /throttle applies to devops/],
    ["capacity 0", { kind: "devops", throttle: { capacity: 0, refillPerSecond: 1 } }, /throttle\.capacity: capacity must be between 1 and 100000/],
    ["capacity too large", { kind: "devops", throttle: { capacity: 100_001, refillPerSecond: 1 } }, /capacity must be between 1 and 100000/],
    ["fractional capacity", { kind: "devops", throttle: { capacity: 1.5, refillPerSecond: 1 } }, /capacity must be a whole number/],
    ["negative refill", { kind: "devops", throttle: { capacity: 1, refillPerSecond: -1 } }, /refillPerSecond must be between 0 and 100000/],
    ["refill too large", { kind: "devops", throttle: { capacity: 1, refillPerSecond: 100_001 } }, /refillPerSecond must be between 0 and 100000/],
    ["missing refill", { kind: "devops", throttle: { capacity: 1 } }, /throttle\.refillPerSecond: refillPerSecond must be a finite number/],
    ["a number", { kind: "devops", throttle: 250 }, /throttle: throttle must be false or \{"capacity"/],
    ["true", { kind: "devops", throttle: true }, /throttle must be false or/],
    ["unknown field", { kind: "devops", throttle: { capacity: 1, refillPerSecond: 1, burst: 2 } }, /throttle: Unrecognized key: "burst"/],
  ];
  it.each(bad)("refuses a throttle %s with 400 naming it", async (_name, fields, message) => {
    const res = await post({ steps: [running], ...(fields as object) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("InvalidScenario");
    expect(body.error.message).toMatch(message);
  });
});

describe("the demo's tight-budget group", () => {
  it("meets 429s when a dashboard reads its three operations, while the rest of the demo does not", async () => {
    const demo = await startTestSimulator({ seedDemo: true });
    try {
      const group = demo.sim.demo.filter((d) => d.ref.kind === "devops" && d.ref.subscriptionId === TIGHT_BUDGET_SUBSCRIPTION);
      expect(group).toHaveLength(3);
      const answers = [];
      for (const op of group) answers.push((await getOperation(op.url)).status);
      expect(answers).toEqual([200, 200, 429]);
      const elsewhere = demo.sim.demo.find((d) => d.ref.kind === "devops" && d.ref.subscriptionId !== TIGHT_BUDGET_SUBSCRIPTION);
      if (!elsewhere) throw new Error("no other devops demo");
      expect((await getOperation(elsewhere.url)).headers.get(READS)).toBe("249");
      demo.advance(5_000);
      expect((await getOperation(group[2]?.url ?? "")).status).toBe(200);
    } finally {
      await demo.sim.close();
    }
  });
});

describe("SimulatorOptions.throttle", () => {
  it("sets the bucket of every subscription", async () => {
    const small = await startTestSimulator({ throttle: { capacity: 2, refillPerSecond: 1 } });
    try {
      const op = await devops(small);
      expect(remaining(await getOperation(op.url))).toEqual(["1", "29"]);
      expect(remaining(await getOperation(op.url))).toEqual(["0", "28"]);
      const refused = await getOperation(op.url);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("1");
    } finally {
      await small.sim.close();
    }
  });

  it("false turns it off", async () => {
    const off = await startTestSimulator({ throttle: false });
    try {
      const op = await devops(off);
      const res = await getOperation(op.url);
      expect(res.status).toBe(200);
      expect(remaining(res)).toEqual([null, null]);
    } finally {
      await off.sim.close();
    }
  });

  it("leaves DevCenter alone even when ARM's bucket is empty", async () => {
    const tiny = await startTestSimulator({ throttle: { capacity: 1, refillPerSecond: 0 } });
    try {
      const dc = await createScenario(tiny.sim, { kind: "devcenter", steps: [running] });
      for (let i = 0; i < 3; i += 1) {
        const res = await getOperation(dc.url);
        expect(res.status).toBe(200);
        expect(remaining(res)).toEqual([null, null]);
      }
    } finally {
      await tiny.sim.close();
    }
  });

  it("refuses an invalid bucket before listening", async () => {
    await expect(startSimulator({ port: 0, throttle: { capacity: 0, refillPerSecond: 1 } })).rejects.toThrow(
      "SimulatorOptions.throttle: capacity must be between 1 and 100000",
    );
    await expect(startSimulator({ port: 0, throttle: { capacity: 1, refillPerSecond: Number.POSITIVE_INFINITY } })).rejects.toThrow(
      "refillPerSecond must be a finite number",
    );
  });
});

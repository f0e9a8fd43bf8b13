import { describe, expect, it } from "vitest";
import { DEFAULT_SIMULATION, simulateDiscovery } from "./sweep-simulation";

describe("simulateDiscovery", () => {
  it.each([false, true])("finds every operation after it started, and counts the reads it took (listed state shows work: %s)", async (listedStateShowsWork) => {
    const result = await simulateDiscovery({ seed: 7, listedStateShowsWork });
    expect(result.operations).toBe(DEFAULT_SIMULATION.operations);
    expect(result.found).toBe(result.operations);
    expect(result.delayP50Ms).toBeGreaterThan(0);
    expect(result.delayP95Ms).toBeGreaterThanOrEqual(result.delayP50Ms);
    expect(result.delayMaxMs).toBeGreaterThanOrEqual(result.delayP95Ms);
    expect(result.reads).toBeGreaterThan(DEFAULT_SIMULATION.devBoxes);
    expect(result.maxReadsInAMinute).toBeGreaterThan(0);
  });

  it("gives the same figures for the same seed, and other figures for another", async () => {
    expect(await simulateDiscovery({ seed: 3 })).toEqual(await simulateDiscovery({ seed: 3 }));
    expect(await simulateDiscovery({ seed: 3 })).not.toEqual(await simulateDiscovery({ seed: 4 }));
  });

  it("follows the dev center's nextLinks when it pages its lists", async () => {
    const small = { seed: 5, devBoxes: 6, operations: 20 };
    const onePage = await simulateDiscovery(small);
    const paged = await simulateDiscovery({ ...small, pageSize: 2 });
    expect(paged.found).toBe(paged.operations);
    expect(paged.reads).toBeGreaterThan(onePage.reads);
  });

  it("counts the dev center's 429s under a limit below the pacing, and still finds everything once the pauses are over", async () => {
    const result = await simulateDiscovery({ seed: 2, devBoxes: 6, operations: 6, limitPerMinute: 5, tailMs: 10 * 60_000 });
    expect(result.throttled).toBeGreaterThan(0);
    expect(result.found).toBe(result.operations);
  });
});

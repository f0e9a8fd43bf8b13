import { describe, expect, it } from "vitest";
import { DEFAULT_SIMULATION, simulateDiscovery } from "./sweep-simulation";

describe("simulateDiscovery", () => {
  it("finds every operation, each after it started, and counts the reads it took", () => {
    const result = simulateDiscovery({ seed: 7 });
    expect(result.operations).toBe(DEFAULT_SIMULATION.operations);
    expect(result.found).toBe(result.operations);
    expect(result.delayP50Ms).toBeGreaterThan(0);
    expect(result.delayP95Ms).toBeGreaterThanOrEqual(result.delayP50Ms);
    expect(result.delayMaxMs).toBeGreaterThanOrEqual(result.delayP95Ms);
    expect(result.maxReadsInAMinute).toBeLessThanOrEqual(DEFAULT_SIMULATION.settings.readsPerMinute);
    expect(result.reads).toBeGreaterThan(0);
  });

  it("gives the same figures for the same seed, and other figures for another", () => {
    expect(simulateDiscovery({ seed: 3 })).toEqual(simulateDiscovery({ seed: 3 }));
    expect(simulateDiscovery({ seed: 3 })).not.toEqual(simulateDiscovery({ seed: 4 }));
  });

  it("reads more pages when the lists are paged", () => {
    const onePage = simulateDiscovery({ seed: 5, devBoxes: 6, operations: 40, listedStateShowsWork: true });
    const paged = simulateDiscovery({ seed: 5, devBoxes: 6, operations: 40, listedStateShowsWork: true, pageSize: 2 });
    expect(paged.found).toBe(paged.operations);
    expect(paged.reads).toBeGreaterThan(onePage.reads);
  });
});

import { describe, expect, it } from "vitest";
import { DiscoveryFaults, DEFAULT_PAGE_SIZE } from "./discovery-faults";

describe("DiscoveryFaults", () => {
  it("answers a planted fault `count` times, only to its owner and project when it names them", () => {
    const faults = new DiscoveryFaults();
    faults.add({ list: "operations", status: 503, headers: {}, owner: "ADA", projectName: "proj-a" }, 2);
    faults.add({ list: "projects", status: 403, headers: {} }, 1);
    expect(faults.take("operations", "grace", "proj-a")).toBeUndefined();
    expect(faults.take("operations", "ada", "proj-b")).toBeUndefined();
    expect(faults.take("devboxes", "ada", "proj-a")).toBeUndefined();
    expect(faults.take("operations", "ada", "PROJ-A")?.status).toBe(503);
    expect(faults.take("operations", "ada", "proj-a")?.status).toBe(503);
    expect(faults.take("operations", "ada", "proj-a")).toBeUndefined();
    expect(faults.take("projects", "anyone")?.status).toBe(403);
    expect(faults.take("projects", "anyone")).toBeUndefined();
  });

  it("pages by the owner's own size, else by the size set for all", () => {
    const faults = new DiscoveryFaults();
    expect(faults.pageSize("ada")).toBe(DEFAULT_PAGE_SIZE);
    faults.setPageSize(2, "ADA");
    faults.setPageSize(50);
    expect([faults.pageSize("ada"), faults.pageSize("grace")]).toEqual([2, 50]);
  });
});

import { describe, expect, it } from "vitest";
import { discoveredOperations, RECENT_MS } from "./group-operations";
import type { ListedOperation } from "./list-readers";

const NOW = Date.UTC(2025, 5, 1, 12);
const HOST = "tenant-dc.westeurope.devcenter.azure.com";
const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, "0")}`;

const op = (n: number, status: string, startTime?: number, endTime?: number): ListedOperation => ({
  operationId: id(n),
  kind: "Start",
  status,
  createdByObjectId: undefined,
  startTime,
  endTime,
  error: undefined,
});

const box = (operations: ListedOperation[], devBoxName = "box-1", projectName = "Proj-A") => ({ projectName, devBoxName, operations });
const ids = (ops: { ref: { operationId: string } }[]) => ops.map((o) => Number(o.ref.operationId.slice(-12)));

describe("discoveredOperations", () => {
  it("lists active (newest start first), then failed, then done, each newest first", () => {
    const listed = discoveredOperations(
      HOST,
      [
        box([op(1, "Succeeded", NOW - 50_000, NOW - 10_000), op(2, "Running", NOW - 60_000), op(3, "Failed", NOW - 90_000, NOW - 20_000)]),
        box([op(4, "NotStarted"), op(5, "Canceled", NOW - 9_000, NOW - 5_000), op(6, "Failed", NOW - 3_000_000, NOW - 1_000), op(7, "running", NOW - 1_000)], "box-2"),
      ],
      NOW,
    );
    expect(ids(listed)).toEqual([4, 7, 2, 6, 3, 5, 1]);
    expect(listed.map((o) => o.group)).toEqual(["active", "active", "active", "failed", "failed", "done", "done"]);
  });

  it("counts an unknown status as active and matches terminal ones in any case", () => {
    const listed = discoveredOperations(HOST, [box([op(1, "Pondering", NOW - 5), op(2, "SUCCEEDED", NOW - 9, NOW - 1), op(3, "failed", NOW - 9, NOW - 2)])], NOW);
    expect(listed.map((o) => [o.status, o.group])).toEqual([
      ["Pondering", "active"],
      ["failed", "failed"],
      ["SUCCEEDED", "done"],
    ]);
  });

  it("keeps finished ones for 24 h after they ended, or started when no end is known", () => {
    const listed = discoveredOperations(
      HOST,
      [
        box([
          op(1, "Failed", NOW - RECENT_MS - 60_000, NOW - RECENT_MS),
          op(2, "Failed", NOW - RECENT_MS - 60_000, NOW - RECENT_MS - 1),
          op(3, "Succeeded", NOW - RECENT_MS),
          op(4, "Canceled", NOW - RECENT_MS - 1),
          op(5, "Succeeded"),
          op(6, "Running", NOW - 90 * RECENT_MS),
        ]),
      ],
      NOW,
    );
    expect(ids(listed)).toEqual([6, 1, 3]);
  });

  it("names each operation by its Operation Statuses ref and key", () => {
    const [found] = discoveredOperations(HOST, [box([op(1, "Running", NOW)])], NOW);
    expect(found).toMatchObject({
      ref: { kind: "devcenter", endpointHost: HOST, projectName: "Proj-A", operationId: id(1) },
      key: `devcenter/${HOST}/proj-a/${id(1)}`,
      projectName: "Proj-A",
      devBoxName: "box-1",
      kind: "Start",
    });
  });

  it("skips an operationId that cannot name an Operation Statuses URL, and shows a repeated one once", () => {
    const bad = ["", "not-a-guid", `${id(1)}/x`, "../../../../etc", `${id(1)}0`].map((operationId) => ({ ...op(9, "Running", NOW), operationId }));
    const listed = discoveredOperations(HOST, [box([...bad, op(1, "Running", NOW)]), box([op(1, "Running", NOW)], "box-2")], NOW);
    expect(ids(listed)).toEqual([1]);
    expect(listed[0]?.devBoxName).toBe("box-1");
  });
});

import { describe, expect, it } from "vitest";
import { refKey, type OperationRef } from "@/lib/azure/operation-ref";
import {
  addWatchItem,
  MAX_LABEL_CHARS,
  mergeWatchItems,
  MAX_STORED_CHARS,
  MAX_WATCH_ITEMS,
  parseStoredWatchList,
  removeWatchItems,
  restoreWatchItems,
  seedItems,
  serializeWatchList,
  setWatchItemLabel,
  takeWatchItems,
  type WatchItem,
} from "./watch-list";

const devops: OperationRef = {
  kind: "devops",
  subscriptionId: "00000000-0000-0000-0000-000000000001",
  resourceGroupName: "rg-one",
  securityConnectorName: "conn",
  operationResultId: "op-1",
};
const devcenter: OperationRef = {
  kind: "devcenter",
  endpointHost: "tenant-dc.westus3.devcenter.azure.com",
  projectName: "proj",
  operationId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
};

describe("parseStoredWatchList", () => {
  it("reports a list that was never stored as absent", () => {
    expect(parseStoredWatchList(null)).toEqual({ status: "absent", items: [], endpoints: [] });
  });

  it("round-trips a serialized list", () => {
    const items: WatchItem[] = [
      { ref: devops, addedAt: 1 },
      { ref: devcenter, addedAt: 2, label: "deploy" },
    ];
    expect(parseStoredWatchList(serializeWatchList(items))).toEqual({ status: "ok", items, endpoints: [] });
  });

  it("sets aside text that is not JSON", () => {
    const parsed = parseStoredWatchList("{not json");
    expect(parsed.status).toBe("damaged");
    expect(parsed.items).toEqual([]);
    if (parsed.status === "damaged") expect(parsed.problem).toMatch(/not valid JSON/);
  });

  it("names a foreign version instead of reading it", () => {
    const parsed = parseStoredWatchList(JSON.stringify({ version: 2, items: [{ ref: devops, addedAt: 1 }] }));
    expect(parsed.status).toBe("damaged");
    if (parsed.status === "damaged") expect(parsed.problem).toMatch(/version 2/);
  });

  it("sets aside JSON of another shape", () => {
    const parsed = parseStoredWatchList(JSON.stringify(["a", "b"]));
    expect(parsed.status).toBe("damaged");
    if (parsed.status === "damaged") expect(parsed.problem).toMatch(/not an opwatch watch list/);
  });

  it("keeps the readable entries when some are bad", () => {
    const raw = JSON.stringify({
      version: 1,
      items: [
        { ref: devops, addedAt: 1 },
        { ref: { ...devops, resourceGroupName: "bad/rg" }, addedAt: 2 },
        { ref: devcenter },
        "junk",
        { ref: devcenter, addedAt: 3 },
      ],
    });
    const parsed = parseStoredWatchList(raw);
    expect(parsed.status).toBe("damaged");
    expect(parsed.items.map((i) => i.ref)).toEqual([devops, devcenter]);
    if (parsed.status === "damaged") expect(parsed.problem).toMatch(/3 entries were unreadable/);
  });

  it("merges duplicates that differ only in case", () => {
    const upper = { ...devops, resourceGroupName: "RG-ONE" };
    const parsed = parseStoredWatchList(
      serializeWatchList([
        { ref: devops, addedAt: 5 },
        { ref: upper, addedAt: 2, label: "x" },
      ]),
    );
    expect(parsed).toEqual({ status: "ok", items: [{ ref: devops, addedAt: 2, label: "x" }], endpoints: [] });
  });

  it("refuses oversized data without parsing it", () => {
    const parsed = parseStoredWatchList("x".repeat(MAX_STORED_CHARS + 1));
    expect(parsed.status).toBe("damaged");
  });

  it("keeps at most MAX_WATCH_ITEMS and says so", () => {
    const items: WatchItem[] = Array.from({ length: MAX_WATCH_ITEMS + 5 }, (_, i) => ({
      ref: { ...devops, operationResultId: `op-${i}` },
      addedAt: i,
    }));
    const parsed = parseStoredWatchList(serializeWatchList(items));
    expect(parsed.status).toBe("damaged");
    expect(parsed.items).toHaveLength(MAX_WATCH_ITEMS);
  });
});

describe("editing", () => {
  it("adds once per operation", () => {
    const once = addWatchItem([], devops, 1);
    const twice = addWatchItem(once, { ...devops, subscriptionId: devops.subscriptionId.toUpperCase() }, 2);
    expect(twice).toEqual([{ ref: devops, addedAt: 1 }]);
  });

  it("removes by key", () => {
    const items = [
      { ref: devops, addedAt: 1 },
      { ref: devcenter, addedAt: 2 },
    ];
    expect(removeWatchItems(items, new Set([refKey(devops)]))).toEqual([{ ref: devcenter, addedAt: 2 }]);
    expect(removeWatchItems(items, new Set(["not/watched"]))).toEqual(items);
  });

  it("merge keeps the earliest addedAt", () => {
    expect(mergeWatchItems([{ ref: devops, addedAt: 9 }, { ref: devops, addedAt: 3 }])).toEqual([{ ref: devops, addedAt: 3 }]);
  });

  it("seeds from permalink paths and skips bad ones", () => {
    const items = seedItems(
      [
        { permalink: "/op/devops/00000000-0000-0000-0000-000000000001/rg-one/conn/op-1" },
        { permalink: "/op/nope/x", label: "not an operation" },
        { permalink: "/op/devcenter/tenant-dc.westus3.devcenter.azure.com/proj/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" },
      ],
      7,
    );
    expect(items).toEqual([
      { ref: devops, addedAt: 7 },
      { ref: devcenter, addedAt: 7 },
    ]);
  });

  it("seeds each operation under its label, as a person's label is kept: clipped, a blank one none, the first of two", () => {
    const long = "x".repeat(MAX_LABEL_CHARS + 20);
    const third: OperationRef = { ...devops, operationResultId: "op-3" };
    const items = seedItems(
      [
        { permalink: "/op/devops/00000000-0000-0000-0000-000000000001/rg-one/conn/op-1", label: "Steady progress, then Succeeded" },
        { permalink: "/op/devcenter/tenant-dc.westus3.devcenter.azure.com/proj/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", label: long },
        { permalink: "/op/devops/00000000-0000-0000-0000-000000000001/rg-one/conn/op-1", label: "the same operation again" },
        { permalink: "/op/devops/00000000-0000-0000-0000-000000000001/rg-one/conn/op-3", label: "   " },
      ],
      7,
    );
    expect(items).toEqual([
      { ref: devops, addedAt: 7, label: "Steady progress, then Succeeded" },
      { ref: devcenter, addedAt: 7, label: long.slice(0, MAX_LABEL_CHARS) },
      { ref: third, addedAt: 7 },
    ]);
  });
});

describe("undo and labels", () => {
  const third: OperationRef = { ...devops, operationResultId: "op-3" };
  const list: WatchItem[] = [
    { ref: devops, addedAt: 1, label: "first" },
    { ref: devcenter, addedAt: 2 },
    { ref: third, addedAt: 3, label: "third" },
  ];

  it("puts removed items back where they were, labels included", () => {
    const { items, removal } = takeWatchItems(list, new Set([refKey(devops), refKey(third)]));
    expect(items).toEqual([{ ref: devcenter, addedAt: 2 }]);
    expect(restoreWatchItems(items, removal)).toEqual(list);
  });

  it("does not double an item added again in the meantime, and appends when the list shrank", () => {
    const { items, removal } = takeWatchItems(list, new Set([refKey(third)]));
    const readded = addWatchItem(items, third, 9);
    expect(restoreWatchItems(readded, removal)).toEqual(readded);
    const emptied = removeWatchItems(items, new Set([refKey(devops), refKey(devcenter)]));
    expect(restoreWatchItems(emptied, removal)).toEqual([list[2]]);
  });

  it("sets, trims and clears a label without touching other items", () => {
    const labelled = setWatchItemLabel(list, refKey(devcenter), "  Project build  ");
    expect(labelled[1]).toEqual({ ref: devcenter, addedAt: 2, label: "Project build" });
    expect(labelled[0]).toBe(list[0]);
    expect(setWatchItemLabel(list, refKey(devops), "   ")[0]).toEqual({ ref: devops, addedAt: 1 });
    expect(setWatchItemLabel(list, refKey(devops), "x".repeat(500))[0]?.label).toHaveLength(200);
  });

  it("keeps labels through storage", () => {
    expect(parseStoredWatchList(serializeWatchList(list))).toEqual({ status: "ok", items: list, endpoints: [] });
  });
});

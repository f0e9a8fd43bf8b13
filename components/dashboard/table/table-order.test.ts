import { describe, expect, it } from "vitest";
import { refKey, type OperationRef } from "@/lib/azure/operation-ref";
import type { Operation } from "@/lib/operations/model";
import { nextSnapshot, type OperationSnapshot } from "@/lib/polling/snapshot";
import { readErrorResult, runningOperation, statusResult } from "@/lib/dev/test-support/fetch-results";
import type { WatchItem } from "@/lib/watch-list/watch-list";
import { rowFacts, scopeOf } from "./table-facts";
import { defaultOrder, matchesQuery, matchesStatus, sortRows, visibleRows } from "./table-order";
import type { TableQuery } from "./table-query";

const T0 = Date.UTC(2026, 0, 1);
const devops = (id: string, rg = "rg"): OperationRef => ({ kind: "devops", subscriptionId: "1a2b3c4d-0000-0000-0000-00000000beef", resourceGroupName: rg, securityConnectorName: "conn", operationResultId: id });
const devcenter = (id: string): OperationRef => ({ kind: "devcenter", endpointHost: "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0-contoso.westus3.devcenter.azure.com", projectName: "proj-a", operationId: id });

const read = (operation: Operation, at = T0): OperationSnapshot => nextSnapshot(undefined, statusResult(at, operation), at);
const ended = (category: "succeeded" | "failed" | "canceled", endTime: number, at = endTime) =>
  read({ ...runningOperation(T0, category, category, 100), endTime }, at);
const unreadable = (): OperationSnapshot => nextSnapshot(undefined, readErrorResult(T0, 404, undefined, { code: "NotFound" }), T0);

/** Items with snapshots, in list order; a label names each so the expectations read well. */
function fixture(rows: [label: string, ref: OperationRef, snapshot: OperationSnapshot | undefined][]) {
  const items: WatchItem[] = rows.map(([label, ref]) => ({ ref, addedAt: 0, label }));
  const keys = items.map((item) => refKey(item.ref));
  const snapshots = rows.map(([, , snapshot]) => snapshot);
  return { items, keys, snapshots, facts: items.map((item, i) => rowFacts(item, keys[i] ?? "", snapshots[i], T0 + 60_000)) };
}
const labels = (rows: readonly { item: WatchItem }[]) => rows.map((row) => row.item.label);
const noFilters: Pick<TableQuery, "sort" | "status" | "kind" | "q"> = { sort: undefined, status: [], kind: [], q: "" };

const list = fixture([
  ["old-success", devops("a"), ended("succeeded", T0 + 1_000)],
  ["running-40", devops("b", "rg-web"), read(runningOperation(T0 - 5_000, "InProgress", "running", 40), T0 + 30_000)],
  ["failed", devcenter("c"), ended("failed", T0 + 2_000)],
  ["new-cancel", devops("d"), ended("canceled", T0 + 9_000)],
  ["not-read", devcenter("e"), undefined],
  ["gone", devops("f"), unreadable()],
  ["running-90", devcenter("g"), read(runningOperation(T0 - 1_000, "Accepted", "running", 90), T0 + 10_000)],
]);
const attention = [list.keys[2] ?? "", list.keys[5] ?? ""];

describe("defaultOrder", () => {
  it("puts attention first (list order), then what runs (list order), then the most recent ends", () => {
    expect(labels(defaultOrder(list.facts, attention))).toEqual(["failed", "gone", "running-40", "not-read", "running-90", "new-cancel", "old-success"]);
  });
});

describe("sortRows", () => {
  const base = defaultOrder(list.facts, attention);
  it("sorts by progress, a missing percent last in either direction", () => {
    expect(labels(sortRows(base, { column: "progress", dir: "desc" }))).toEqual(["failed", "new-cancel", "old-success", "running-90", "running-40", "gone", "not-read"]);
    expect(labels(sortRows(base, { column: "progress", dir: "asc" })).slice(0, 2)).toEqual(["running-40", "running-90"]);
    expect(labels(sortRows(base, { column: "progress", dir: "asc" })).slice(-2)).toEqual(["gone", "not-read"]);
  });
  it("sorts by name A to Z, and by status with what to act on first", () => {
    expect(labels(sortRows(base, { column: "name", dir: "asc" }))).toEqual(["failed", "gone", "new-cancel", "not-read", "old-success", "running-40", "running-90"]);
    expect(labels(sortRows(base, { column: "status", dir: "asc" }))).toEqual(["gone", "failed", "running-40", "running-90", "not-read", "new-cancel", "old-success"]);
  });
  it("sorts by last read and by start, newest first, ties in default order", () => {
    expect(labels(sortRows(base, { column: "lastRead", dir: "desc" })).slice(0, 2)).toEqual(["running-40", "running-90"]);
    expect(labels(sortRows(base, { column: "started", dir: "desc" })).slice(0, 2)).toEqual(["failed", "new-cancel"]);
  });
  it("sorts by duration with the clock for what still runs", () => {
    expect(labels(sortRows(base, { column: "duration", dir: "desc" })).slice(0, 2)).toEqual(["running-40", "running-90"]);
  });
  it("sorts by kind and by scope", () => {
    expect(labels(sortRows(base, { column: "kind", dir: "asc" })).slice(0, 3)).toEqual(["failed", "not-read", "running-90"]);
    expect(labels(sortRows(base, { column: "scope", dir: "desc" }))[0]).toBe("running-40");
  });
});

describe("filters", () => {
  it("matches status categories, attention being failed or unreadable", () => {
    expect(matchesStatus("failed", "attention")).toBe(true);
    expect(matchesStatus("unreadable", "attention")).toBe(true);
    expect(matchesStatus("running", "attention")).toBe(false);
    expect(matchesStatus("pending", "running")).toBe(true);
    expect(matchesStatus("notStarted", "running")).toBe(true);
    expect(matchesStatus("succeeded", "running")).toBe(false);
    expect(matchesStatus("canceled", "canceled")).toBe(true);
  });

  it("needs every filter to hold and any value within one", () => {
    const shown = (query: Partial<TableQuery>) => labels(list.facts.filter((row) => matchesQuery(row, { ...noFilters, ...query })));
    expect(shown({ status: ["failed", "canceled"] })).toEqual(["failed", "new-cancel"]);
    expect(shown({ status: ["running"], kind: ["devcenter"] })).toEqual(["not-read", "running-90"]);
    expect(shown({ status: ["unreadable"] })).toEqual(["gone"]);
  });

  it("finds free text in labels, names, ids and scope, case-insensitive, all words", () => {
    const shown = (q: string) => labels(list.facts.filter((row) => matchesQuery(row, { ...noFilters, q })));
    expect(shown("RUNNING-4")).toEqual(["running-40"]);
    expect(shown("rg-web")).toEqual(["running-40"]);
    expect(shown("proj-a contoso")).toEqual(["failed", "not-read", "running-90"]);
    expect(shown("  ")).toHaveLength(7);
    expect(shown("beef")).toEqual(["old-success", "running-40", "new-cancel", "gone"]);
    expect(shown("beef proj-a")).toEqual([]);
  });
});

describe("visibleRows", () => {
  it("filters, then orders by default or by the chosen column", () => {
    const input = { items: list.items, keys: list.keys, snapshots: list.snapshots, attention, now: T0 + 60_000 };
    expect(labels(visibleRows({ ...input, query: { ...noFilters, kind: ["devops"] } }))).toEqual(["gone", "running-40", "new-cancel", "old-success"]);
    expect(labels(visibleRows({ ...input, query: { ...noFilters, status: ["attention"], sort: { column: "name", dir: "desc" } } }))).toEqual(["gone", "failed"]);
  });
});

describe("scopeOf", () => {
  it("shortens the subscription and the endpoint, and keeps them whole for the title", () => {
    expect(scopeOf(devops("a"))).toEqual({ main: "rg", within: "sub 1a2b3…eef", full: "Subscription 1a2b3c4d-0000-0000-0000-00000000beef, resource group rg" });
    expect(scopeOf(devcenter("a"))).toMatchObject({ main: "proj-a", within: "contoso.westus3" });
  });
});

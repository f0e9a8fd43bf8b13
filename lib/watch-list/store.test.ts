import { describe, expect, it } from "vitest";
import type { OperationRef } from "@/lib/azure/operation-ref";
import { serializeWatchList, WATCHLIST_BACKUP_PREFIX, WATCHLIST_KEY } from "./watch-list";
import { createWatchListStore, type StorageLike } from "./store";
import { sampleDevopsRef } from "@/lib/dev/test-support/operation-fixtures";

const ref: OperationRef = sampleDevopsRef;

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

describe("watch list store", () => {
  it("seeds a never-used list once and not after it was emptied", () => {
    const storage = memoryStorage();
    const store = createWatchListStore(() => storage, () => 1000);
    store.load([{ permalink: "/op/devops/sub/rg/conn/op-1" }]);
    expect(store.getSnapshot().items).toEqual([{ ref, addedAt: 1000 }]);
    store.remove(["devops/sub/rg/conn/op-1"]);
    const again = createWatchListStore(() => storage, () => 2000);
    again.load([{ permalink: "/op/devops/sub/rg/conn/op-1" }]);
    expect(again.getSnapshot().items).toEqual([]);
  });

  it("seeds each demo operation under its label, and saves them so a reload keeps them", () => {
    const storage = memoryStorage();
    const store = createWatchListStore(() => storage, () => 1000);
    const other = "/op/devops/sub/rg/conn/op-2";
    store.load([
      { permalink: "/op/devops/sub/rg/conn/op-1", label: "Steady progress" },
      { permalink: other, label: "Canceling, then Canceled" },
    ]);
    const seeded = [
      { ref, addedAt: 1000, label: "Steady progress" },
      { ref: { ...ref, operationResultId: "op-2" }, addedAt: 1000, label: "Canceling, then Canceled" },
    ];
    expect(store.getSnapshot().items).toEqual(seeded);
    const reloaded = createWatchListStore(() => storage, () => 2000);
    reloaded.load([]);
    expect(reloaded.getSnapshot().items).toEqual(seeded);
  });

  it("sets corrupt data aside, keeps what it could read, and shows a notice", () => {
    const raw = JSON.stringify({ version: 1, items: [{ ref, addedAt: 5 }, { ref: { kind: "x" }, addedAt: 1 }] });
    const storage = memoryStorage({ [WATCHLIST_KEY]: raw });
    const store = createWatchListStore(() => storage, () => Date.UTC(2026, 0, 1));
    store.load([]);
    const state = store.getSnapshot();
    expect(state.items).toEqual([{ ref, addedAt: 5 }]);
    expect(state.notice?.message).toMatch(/1 entry was unreadable/);
    const backup = [...storage.data.keys()].find((k) => k.startsWith(WATCHLIST_BACKUP_PREFIX));
    expect(backup).toBeDefined();
    expect(storage.data.get(backup ?? "")).toBe(raw);
    expect(storage.data.get(WATCHLIST_KEY)).toBe(serializeWatchList([{ ref, addedAt: 5 }]));
  });

  it("keeps working in memory when storage throws", () => {
    const store = createWatchListStore(() => {
      throw new Error("SecurityError");
    });
    store.load([]);
    store.add(ref);
    expect(store.getSnapshot().items).toHaveLength(1);
    expect(store.getSnapshot().notice?.message).toMatch(/only as long as this tab/);
  });

  it("notifies subscribers and re-reads on reload", () => {
    const storage = memoryStorage();
    const store = createWatchListStore(() => storage);
    let calls = 0;
    store.subscribe(() => calls++);
    store.load([]);
    storage.setItem(WATCHLIST_KEY, serializeWatchList([{ ref, addedAt: 3 }]));
    store.reload();
    expect(store.getSnapshot().items).toEqual([{ ref, addedAt: 3 }]);
    expect(calls).toBe(2);
  });

  it("undoes a removal and keeps labels across a reload", () => {
    const storage = memoryStorage();
    const store = createWatchListStore(() => storage, () => 1000);
    store.load([]);
    const other: OperationRef = { ...ref, operationResultId: "op-2" };
    store.add(ref, "Mine");
    store.add(other);
    store.setLabel("devops/sub/rg/conn/op-2", "Theirs");
    const removal = store.remove(["devops/sub/rg/conn/op-1"]);
    expect(removal.removed.map((r) => r.index)).toEqual([0]);
    expect(store.getSnapshot().items).toHaveLength(1);
    store.restore(removal);
    const reloaded = createWatchListStore(() => storage);
    reloaded.load([]);
    expect(reloaded.getSnapshot().items).toEqual([
      { ref, addedAt: 1000, label: "Mine" },
      { ref: other, addedAt: 1000, label: "Theirs" },
    ]);
  });
});

describe("discovery endpoints in the watch list's document", () => {
  const HOST = "tenant-dc.westus3.devcenter.azure.com";

  it("seeds a first visit with the configured endpoints, and keeps them across a reload", () => {
    const storage = memoryStorage();
    const store = createWatchListStore(() => storage, () => 1000);
    store.load([], [`https://${HOST}/`, "bad host"]);
    expect(store.getSnapshot().endpoints.map((e) => e.host)).toEqual([HOST]);
    const reloaded = createWatchListStore(() => storage);
    reloaded.load([], ["other.devcenter.azure.com"]);
    expect(reloaded.getSnapshot().endpoints).toEqual([{ host: HOST, addedAt: 1000, autoWatch: false, autoWatched: [] }]);
  });

  it("reads a document written before endpoints existed, and adds them without losing its operations", () => {
    const storage = memoryStorage({ [WATCHLIST_KEY]: JSON.stringify({ version: 1, items: [{ ref, addedAt: 5, label: "Mine" }] }) });
    const store = createWatchListStore(() => storage, () => 2000);
    store.load([], [HOST]);
    expect(store.getSnapshot().endpoints).toEqual([]);
    expect(store.getSnapshot().notice).toBeUndefined();
    store.addEndpoint(`https://${HOST.toUpperCase()}/projects`);
    const stored = JSON.parse(storage.data.get(WATCHLIST_KEY) ?? "") as { version: number; items: unknown[]; endpoints: unknown[] };
    expect(stored.version).toBe(1);
    expect(stored.items).toEqual([{ ref, addedAt: 5, label: "Mine" }]);
    expect(stored.endpoints).toEqual([{ host: HOST, addedAt: 2000, autoWatch: false, autoWatched: [] }]);
  });

  it("round-trips the switch, its start and the remembered keys; removal and undo", () => {
    const storage = memoryStorage();
    let clock = 100;
    const store = createWatchListStore(() => storage, () => clock);
    store.load([]);
    store.addEndpoint(HOST);
    store.addEndpoint("second.devcenter.azure.com");
    clock = 300;
    store.setAutoWatch(HOST, true);
    store.noteAutoWatched(HOST, ["devcenter/a", "devcenter/b"]);
    const removal = store.removeEndpoint(HOST);
    expect(store.getSnapshot().endpoints.map((e) => e.host)).toEqual(["second.devcenter.azure.com"]);
    expect(removal).toBeDefined();
    if (removal) store.restoreEndpoint(removal);
    const reloaded = createWatchListStore(() => storage);
    reloaded.load([]);
    expect(reloaded.getSnapshot().endpoints).toEqual([
      { host: HOST, addedAt: 100, autoWatch: true, autoWatchSince: 300, autoWatched: ["devcenter/a", "devcenter/b"] },
      { host: "second.devcenter.azure.com", addedAt: 100, autoWatch: false, autoWatched: [] },
    ]);
  });

  it("sets a document with a damaged endpoint aside, keeping the operations and the readable endpoints", () => {
    const raw = JSON.stringify({ version: 1, items: [{ ref, addedAt: 5 }], endpoints: [{ host: HOST, addedAt: 1, autoWatch: false }, { host: "x/y" }] });
    const storage = memoryStorage({ [WATCHLIST_KEY]: raw });
    const store = createWatchListStore(() => storage, () => Date.UTC(2026, 0, 1));
    store.load([]);
    expect(store.getSnapshot().items).toEqual([{ ref, addedAt: 5 }]);
    expect(store.getSnapshot().endpoints.map((e) => e.host)).toEqual([HOST]);
    expect(store.getSnapshot().notice?.message).toMatch(/1 endpoint was unreadable/);
    const backup = [...storage.data.keys()].find((k) => k.startsWith(WATCHLIST_BACKUP_PREFIX));
    expect(storage.data.get(backup ?? "")).toBe(raw);
  });

  it("writes nothing before the list was read", () => {
    const storage = memoryStorage({ [WATCHLIST_KEY]: serializeWatchList([{ ref, addedAt: 5 }]) });
    const store = createWatchListStore(() => storage);
    store.addEndpoint(HOST);
    store.setAutoWatch(HOST, true);
    expect(storage.data.get(WATCHLIST_KEY)).toBe(serializeWatchList([{ ref, addedAt: 5 }]));
  });
});

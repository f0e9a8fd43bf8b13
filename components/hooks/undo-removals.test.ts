import { describe, expect, it, vi } from "vitest";
import { refKey, type OperationRef } from "@/lib/azure/operation-ref";
import { createWatchListStore } from "@/lib/watch-list/store";
import { createUndoRemovals } from "./undo-removals";

const ref = (id: string): OperationRef => ({ kind: "devops", subscriptionId: "s", resourceGroupName: "rg", securityConnectorName: "c", operationResultId: id });

function setup() {
  const data = new Map<string, string>();
  const store = createWatchListStore(() => ({ getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) }), () => 1);
  store.load([]);
  store.add(ref("a"), "Alpha");
  store.add(ref("b"));
  store.add(ref("c"));
  const onFinal = vi.fn();
  return { store, onFinal, undo: createUndoRemovals(store, onFinal) };
}

const ids = (items: readonly { ref: OperationRef }[]) => items.map((i) => (i.ref.kind === "devops" ? i.ref.operationResultId : ""));

describe("createUndoRemovals", () => {
  it("removes at once and puts back where it was, label included, without finalizing", () => {
    const { store, onFinal, undo } = setup();
    undo.remove([refKey(ref("a")), refKey(ref("c"))], (r) => `Cleared ${r.removed.length}`);
    expect(ids(store.getSnapshot().items)).toEqual(["b"]);
    expect(undo.getSnapshot()?.message).toBe("Cleared 2");
    undo.undo();
    expect(ids(store.getSnapshot().items)).toEqual(["a", "b", "c"]);
    expect(store.getSnapshot().items[0]?.label).toBe("Alpha");
    expect(undo.getSnapshot()).toBeUndefined();
    expect(onFinal).not.toHaveBeenCalled();
  });

  it("finalizes when the offer ends or the next removal replaces it", () => {
    const { onFinal, undo } = setup();
    undo.remove([refKey(ref("a"))], () => "one");
    const first = undo.getSnapshot()?.id;
    undo.remove([refKey(ref("b"))], () => "two");
    expect(onFinal).toHaveBeenCalledWith([refKey(ref("a"))]);
    expect(undo.getSnapshot()?.id).not.toBe(first);
    undo.finish();
    expect(onFinal).toHaveBeenLastCalledWith([refKey(ref("b"))]);
    expect(undo.getSnapshot()).toBeUndefined();
  });

  it("offers nothing when nothing was removed", () => {
    const { undo } = setup();
    const listener = vi.fn();
    undo.subscribe(listener);
    undo.remove(["not/watched"], () => "none");
    expect(undo.getSnapshot()).toBeUndefined();
    expect(listener).not.toHaveBeenCalled();
  });
});

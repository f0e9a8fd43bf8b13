import { describe, expect, it } from "vitest";
import type { DevcenterRef } from "@/lib/azure/operation-ref";
import { createWatchListStore, type StorageLike } from "@/lib/watch-list/store";
import { addBoardItems, addedMessage } from "./add-board";

const ref = (operationId: string): DevcenterRef => ({ kind: "devcenter", endpointHost: "x.devcenter.azure.com", projectName: "proj", operationId });
const A = ref("11111111-2222-4333-8444-555555555555");
const B = ref("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");

function memoryStore() {
  const data = new Map<string, string>();
  const storage: StorageLike = { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => data.set(k, v) };
  const store = createWatchListStore(() => storage, () => 1000);
  store.load([]);
  return store;
}

describe("addBoardItems", () => {
  it("adds what is not watched with the board's labels, and leaves a watched operation's own label alone", () => {
    const store = memoryStore();
    store.add(A, "my own name");
    const outcome = addBoardItems(store, [{ ref: { ...A, operationId: A.operationId.toUpperCase() }, label: "board name" }, { ref: B, label: "board B" }]);
    expect(outcome).toEqual({ added: 1, skipped: 1 });
    expect(store.getSnapshot().items.map((item) => ({ ref: item.ref, label: item.label }))).toEqual([
      { ref: A, label: "my own name" },
      { ref: B, label: "board B" },
    ]);
    expect(addedMessage(outcome)).toBe("Added 1 operation to your watch list; 1 was already on it.");
    expect(addedMessage({ added: 3, skipped: 0 })).toBe("Added 3 operations to your watch list.");
  });
});

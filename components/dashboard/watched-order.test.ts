import { describe, expect, it } from "vitest";
import { refKey, type OperationRef } from "@/lib/azure/operation-ref";
import type { WatchItem } from "@/lib/watch-list/watch-list";
import { attentionFirst, clearMessage, removeMessage } from "./watched-order";

const ref = (id: string): OperationRef => ({ kind: "devops", subscriptionId: "s", resourceGroupName: "rg", securityConnectorName: "conn", operationResultId: id });
const items: WatchItem[] = ["a", "b", "c", "d"].map((id) => ({ ref: ref(id), addedAt: 0 }));
const keys = items.map((i) => refKey(i.ref));

describe("attentionFirst", () => {
  it("puts attention rows first, each group in list order", () => {
    const order = attentionFirst(items, keys, [keys[3] ?? "", keys[1] ?? ""]).map((r) => r.key);
    expect(order).toEqual([keys[1], keys[3], keys[0], keys[2]]);
  });
  it("keeps the list as it is when nothing needs attention", () => {
    expect(attentionFirst(items, keys, []).map((r) => r.item)).toEqual(items);
  });
});

describe("undo messages", () => {
  const one = { removed: [{ item: { ref: ref("2a7b1c9e-3f00-4b1a-9c1d-5e6f7a9f3e1d"), addedAt: 0 }, index: 0 }] };
  it("names a single removed operation by its resource", () => {
    expect(removeMessage(one)).toBe("Removed conn in rg (2a7b1c9e…9f3e1d).");
  });
  it("counts what a clear took", () => {
    const two = { removed: [...one.removed, ...one.removed] };
    expect(clearMessage(two, "succeededOrCanceled")).toBe("Cleared 2 succeeded or canceled operations.");
    expect(clearMessage(one, "failedOrUnreadable")).toBe("Cleared 1 failed or unreadable operation.");
  });
});

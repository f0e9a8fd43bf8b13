import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DevopsRef } from "@/lib/azure/operation-ref";
import { LocalInterest } from "./local-interest";
import type { InterestItem } from "./tab-messages";

const ref = (id: string): DevopsRef => ({ kind: "devops", subscriptionId: "sub", resourceGroupName: "rg", securityConnectorName: "c", operationResultId: id });
const KEY_A = "devops/sub/rg/c/a";

function create(canSend = () => true) {
  const sent: { items: InterestItem[]; requested: string[] }[] = [];
  let changes = 0;
  const interest = new LocalInterest({
    changed: () => {
      changes++;
    },
    canSend,
    send: ({ items, requested }) => sent.push({ items, requested }),
  });
  return { interest, sent, changes: () => changes };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("this tab's interest", () => {
  it("gives each operation once, with the strongest use any view declared, until the views undo it", () => {
    const { interest, changes } = create();
    interest.setWatched([ref("a"), ref("b")]);
    const undoRow = interest.declare(ref("a"), "onScreen");
    const undoPage = interest.declare(ref("a"), "open");
    const undoOther = interest.declare(ref("c"), "onScreen");
    expect(interest.items()).toEqual([
      { ref: ref("a"), interest: "open" },
      { ref: ref("b"), interest: "watched" },
      { ref: ref("c"), interest: "onScreen" },
    ]);
    undoPage();
    undoOther();
    expect(interest.items()).toEqual([
      { ref: ref("a"), interest: "onScreen" },
      { ref: ref("b"), interest: "watched" },
    ]);
    undoRow();
    expect(interest.items().map((item) => item.interest)).toEqual(["watched", "watched"]);
    expect(changes()).toBe(7);
  });

  it("asks for a read only of an operation it uses", () => {
    const { interest } = create();
    interest.request(ref("a"));
    expect(interest.isRequested(KEY_A)).toBe(false);
    interest.setWatched([ref("a")]);
    interest.request(ref("a"));
    expect(interest.requestedKeys()).toEqual([KEY_A]);
    interest.clearRequest(KEY_A);
    expect(interest.isRequested(KEY_A)).toBe(false);
  });

  it("sends once the changes settle, and hands its requests over with it", async () => {
    const { interest, sent } = create();
    interest.setWatched([ref("a")]);
    interest.request(ref("a"));
    interest.sendSoon();
    interest.sendSoon();
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(sent).toEqual([{ items: [{ ref: ref("a"), interest: "watched" }], requested: [KEY_A] }]);
    expect(interest.isRequested(KEY_A)).toBe(false);
  });

  it("keeps its requests while there is no polling tab to send them to", () => {
    const { interest, sent } = create(() => false);
    interest.setWatched([ref("a")]);
    interest.request(ref("a"));
    interest.send();
    expect(sent).toHaveLength(0);
    expect(interest.isRequested(KEY_A)).toBe(true);
  });
});

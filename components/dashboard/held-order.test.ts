import { describe, expect, it } from "vitest";
import { heldOrder } from "./held-order";

const rows = (...keys: string[]) => keys.map((key) => ({ key }));
const keysOf = (list: readonly { key: string }[]) => list.map((row) => row.key);

describe("heldOrder", () => {
  it("keeps the order the person saw when rows changed places", () => {
    expect(keysOf(heldOrder(rows("c", "a", "b"), ["a", "b", "c"]))).toEqual(["a", "b", "c"]);
  });
  it("puts a new row where the current order puts it, and closes up after a removed one", () => {
    expect(keysOf(heldOrder(rows("new", "c", "a"), ["a", "b", "c"]))).toEqual(["new", "a", "c"]);
    expect(keysOf(heldOrder(rows("b", "x", "a"), ["a", "b"]))).toEqual(["a", "x", "b"]);
  });
  it("hands back the same array when nothing moved", () => {
    const order = rows("a", "b");
    expect(heldOrder(order, ["a", "b"])).toBe(order);
    expect(heldOrder(order, [])).toBe(order);
  });
});

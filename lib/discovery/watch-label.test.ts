import { describe, expect, it } from "vitest";
import { watchLabelOf } from "./watch-label";

describe("watchLabelOf", () => {
  it("names what was done and to which dev box, an unknown kind verbatim", () => {
    expect(watchLabelOf({ kind: "Restart", devBoxName: "ada-main-box" })).toBe("Restart on ada-main-box");
    expect(watchLabelOf({ kind: "Hibernate", devBoxName: "box-2" })).toBe("Hibernate on box-2");
  });
});

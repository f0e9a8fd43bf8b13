import { describe, expect, it } from "vitest";
import { devBoxStateWords, whoStarted } from "./discovered-groups";

describe("whoStarted", () => {
  it("says you for the signed-in person's object id, in any case", () => {
    expect(whoStarted("ABCDEF12-0000-0000-0000-000000000000", "abcdef12-0000-0000-0000-000000000000").text).toBe("you");
  });

  it("shortens another object id and keeps the whole for the tooltip", () => {
    expect(whoStarted("99999999-8888-7777-6666-000000000000", undefined)).toEqual({ text: "999999…0000", full: "99999999-8888-7777-6666-000000000000" });
    expect(whoStarted(undefined, "me")).toEqual({ text: "—", full: undefined });
  });
});

describe("devBoxStateWords", () => {
  it("words the transitional states and leaves the others (and unknown ones) alone", () => {
    expect(devBoxStateWords("Creating")).toBe("being created");
    expect(devBoxStateWords("Provisioning")).toBe("being created");
    expect(devBoxStateWords("Deleting")).toBe("being deleted");
    expect(devBoxStateWords("Succeeded")).toBeUndefined();
    expect(devBoxStateWords("Hibernating")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { isPlainClick } from "./opening-operation";

const click = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };

describe("isPlainClick", () => {
  it("is a primary click with no modifier, in this tab", () => {
    expect(isPlainClick(click, undefined)).toBe(true);
    expect(isPlainClick(click, "_self")).toBe(true);
  });

  it.each([
    ["the middle button", { ...click, button: 1 }, undefined],
    ["Ctrl (a new tab)", { ...click, ctrlKey: true }, undefined],
    ["Cmd (a new tab)", { ...click, metaKey: true }, undefined],
    ["Shift (a new window)", { ...click, shiftKey: true }, undefined],
    ["Alt (save the link)", { ...click, altKey: true }, undefined],
    ["a click someone already handled", { ...click, defaultPrevented: true }, undefined],
    ["a link to another tab", click, "_blank"],
  ])("is not %s", (_name, event, target) => {
    expect(isPlainClick(event, target)).toBe(false);
  });
});

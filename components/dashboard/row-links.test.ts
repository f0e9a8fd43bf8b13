import { describe, expect, it } from "vitest";
import { createRowLinks, neighbourOf } from "./row-links";

/** A stand-in for a name link: the registry only focuses links and compares them. */
function fakeLink(name: string, focused: string[]) {
  return {
    focus: () => {
      focused.push(name);
    },
  } as unknown as HTMLElement;
}

function setup(keys: string[]) {
  const focused: string[] = [];
  const links = createRowLinks();
  const elements = new Map(keys.map((key) => [key, fakeLink(key, focused)]));
  for (const [key, link] of elements) links.register(key, link);
  links.show(keys);
  return { links, focused, elements };
}

describe("neighbourOf", () => {
  it("is the next row, else the previous one, else none", () => {
    expect(neighbourOf(["a", "b", "c"], "b")).toBe("c");
    expect(neighbourOf(["a", "b", "c"], "c")).toBe("b");
    expect(neighbourOf(["a"], "a")).toBeUndefined();
    expect(neighbourOf(["a", "b"], "x")).toBeUndefined();
  });
});

describe("createRowLinks", () => {
  it("focuses the next row's name after a removal, else the previous row's", () => {
    const { links, focused } = setup(["a", "b", "c"]);
    expect(links.focusNeighbour("a")).toBe(true);
    expect(links.focusNeighbour("c")).toBe(true);
    expect(focused).toEqual(["b", "b"]);
  });

  it("follows the shown order, not the order rows registered in", () => {
    const { links, focused } = setup(["a", "b", "c"]);
    links.show(["c", "a", "b"]);
    links.focusNeighbour("c");
    expect(focused).toEqual(["a"]);
  });

  it("says so when there is no neighbour to take the focus", () => {
    const { links, focused } = setup(["a"]);
    expect(links.focusNeighbour("a")).toBe(false);
    expect(links.focusNeighbour("unknown")).toBe(false);
    expect(focused).toEqual([]);
  });

  it("forgets a link React detaches (a row's name replaced by its label form): that neighbour has no name to focus", () => {
    const { links, focused } = setup(["a", "b", "c"]);
    links.register("b", null);
    expect(links.focusNeighbour("a")).toBe(false);
    expect(focused).toEqual([]);
  });

  it("moves between names with the arrows, and only from a name", () => {
    const { links, focused, elements } = setup(["a", "b", "c"]);
    expect(links.focusBeside(elements.get("b") ?? null, 1)).toBe(true);
    expect(links.focusBeside(elements.get("b") ?? null, -1)).toBe(true);
    expect(links.focusBeside(elements.get("c") ?? null, 1)).toBe(false);
    expect(links.focusBeside(elements.get("a") ?? null, -1)).toBe(false);
    expect(links.focusBeside(fakeLink("elsewhere", focused), 1)).toBe(false);
    expect(links.focusBeside(null, 1)).toBe(false);
    expect(focused).toEqual(["c", "a"]);
  });
});

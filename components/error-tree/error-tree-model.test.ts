import { describe, expect, it } from "vitest";
import type { ErrorNode } from "@/lib/operations/model";
import { allBranchIds, buildTree, countNodes, nodeJson, visibleNodes } from "./error-tree-model";

const leaf = (code: string): ErrorNode => ({
  code,
  message: `${code} message`,
  target: undefined,
  details: [],
  additionalInfo: [],
  innerErrors: [],
});

const root: ErrorNode = {
  ...leaf("Root"),
  details: [{ ...leaf("Child"), details: [leaf("Grandchild")] }, leaf("Sibling")],
  additionalInfo: [{ type: "PolicyViolation", info: { policy: "p1" } }],
  innerErrors: [{ code: "Inner1" }, { code: "Inner2" }],
};

describe("error tree model", () => {
  const tree = buildTree(root);

  it("puts details, additionalInfo and the innererror chain under a node", () => {
    expect(tree.children.map((c) => c.kind)).toEqual(["error", "error", "additionalInfo", "innerError"]);
    const inner = tree.children[3];
    expect(inner?.kind === "innerError" && inner.code).toBe("Inner1");
    expect(inner?.children[0]?.kind === "innerError" && inner.children[0].code).toBe("Inner2");
    expect(countNodes([tree])).toBe(7);
  });

  it("shows only the children of expanded nodes, in order, with levels", () => {
    expect(visibleNodes([tree], new Set()).map((v) => v.node.id)).toEqual(["e"]);
    const open = visibleNodes([tree], new Set(["e", "e.d0"]));
    expect(open.map((v) => [v.node.id, v.level])).toEqual([
      ["e", 1],
      ["e.d0", 2],
      ["e.d0.d0", 3],
      ["e.d1", 2],
      ["e.a0", 2],
      ["e.i", 2],
    ]);
    expect(open[2]?.parentId).toBe("e.d0");
  });

  it("finds every branch for expand all", () => {
    expect([...allBranchIds([tree])].sort()).toEqual(["e", "e.d0", "e.i"]);
  });

  it("copies a node in Azure's shape", () => {
    expect(nodeJson(tree)).toEqual({
      code: "Root",
      message: "Root message",
      details: [
        { code: "Child", message: "Child message", details: [{ code: "Grandchild", message: "Grandchild message" }] },
        { code: "Sibling", message: "Sibling message" },
      ],
      additionalInfo: [{ type: "PolicyViolation", info: { policy: "p1" } }],
      innererror: { code: "Inner1", innererror: { code: "Inner2" } },
    });
    const info = tree.children[2];
    expect(info && nodeJson(info)).toEqual({ type: "PolicyViolation", info: { policy: "p1" } });
  });

  it("walks a very deep tree without overflowing", () => {
    let deep = leaf("L0");
    for (let i = 1; i < 2000; i++) deep = { ...leaf(`L${i}`), details: [deep] };
    const big = buildTree(deep);
    expect(visibleNodes([big], allBranchIds([big])).length).toBe(2000);
  });
});

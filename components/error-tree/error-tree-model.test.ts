import { describe, expect, it } from "vitest";
import type { ErrorNode } from "@/lib/operations/model";
import { normalizeOperation } from "@/lib/operations/normalize";
import { rootCauseOf } from "@/lib/operations/root-cause";
import { allBranchIds, buildRoots, buildTree, countNodes, hasErrorTree, nodeJson, openAlong, visibleNodes } from "./error-tree-model";

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

describe("child operations in the error tree", () => {
  const parent = normalizeOperation("devops", {
    status: "Failed",
    error: { code: "ChildFailed", message: "One child operation failed." },
    operations: [
      { name: "prepare", status: "Succeeded" },
      { name: "install-app", status: "Failed", error: { code: "GitHubAppNotInstalled", message: "Install the app." } },
      { name: "sync", status: "InProgress", operations: [{ name: "sync-1", status: "Failed" }] },
    ],
  });
  const roots = buildRoots(parent.error, parent.children);

  it("adds a branch for each failed child, and for a child holding a failed one, after the own error", () => {
    expect(roots.map((r) => [r.id, r.kind])).toEqual([
      ["e", "error"],
      ["c1", "childOperation"],
      ["c2", "childOperation"],
    ]);
    const install = roots[1];
    expect(install?.kind === "childOperation" && install.label).toBe("install-app");
    expect(install?.children.map((c) => c.id)).toEqual(["c1.e"]);
    expect(roots[2]?.children.map((c) => c.id)).toEqual(["c2.c0"]);
  });

  it("names the nodes the root cause's path names, so the tree can open along it", () => {
    const path = rootCauseOf(parent)?.path ?? [];
    expect(path).toEqual(["c1", "c1.e"]);
    const shown = visibleNodes(roots, openAlong(path)).map((v) => v.node.id);
    expect(shown).toContain("c1.e");
  });

  it("copies a child operation as Azure sent it", () => {
    const install = roots[1];
    expect(install && nodeJson(install)).toMatchObject({ name: "install-app", status: "Failed", error: { code: "GitHubAppNotInstalled" } });
  });

  it("is only the children when the operation has no error of its own", () => {
    expect(buildRoots(undefined, parent.children).map((r) => r.id)).toEqual(["c1", "c2"]);
    expect(buildRoots(undefined, [])).toEqual([]);
    expect(hasErrorTree(undefined, parent.children)).toBe(true);
    expect(hasErrorTree(undefined, parent.children.slice(0, 1))).toBe(false);
  });
});

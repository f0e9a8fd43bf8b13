import { describe, expect, it } from "vitest";
import type { DevopsRef } from "@/lib/azure/operation-ref";
import { mergeInterest } from "./merge-interest";

const ref = (id: string): DevopsRef => ({ kind: "devops", subscriptionId: "sub", resourceGroupName: "rg", securityConnectorName: "c", operationResultId: id });

describe("every tab's interest merged", () => {
  it("keeps each operation once, where it first appears, with the strongest use of any tab", () => {
    const merged = mergeInterest([
      [{ ref: ref("a"), interest: "watched" }, { ref: ref("b"), interest: "onScreen" }],
      [{ ref: ref("c"), interest: "watched" }, { ref: ref("a"), interest: "open" }],
      [{ ref: ref("b"), interest: "watched" }],
    ]);
    expect(merged).toEqual([
      { key: "devops/sub/rg/c/a", ref: ref("a"), interest: "open" },
      { key: "devops/sub/rg/c/b", ref: ref("b"), interest: "onScreen" },
      { key: "devops/sub/rg/c/c", ref: ref("c"), interest: "watched" },
    ]);
  });
});

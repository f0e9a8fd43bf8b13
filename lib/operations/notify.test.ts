import { describe, expect, it } from "vitest";
import type { StatusCategory } from "./model";
import { normalizeOperation } from "./normalize";
import { detectEndings, endingCause, endingText, notificationBody } from "./notify";

describe("detectEndings", () => {
  it("announces a running operation that ends, once", () => {
    const first = detectEndings(new Map(), [{ key: "a", label: "A", category: "running", status: "InProgress" }]);
    expect(first.endings).toEqual([]);
    const second = detectEndings(first.seen, [{ key: "a", label: "A", category: "failed", status: "Failed" }]);
    expect(second.endings).toEqual([{ key: "a", label: "A", category: "failed", status: "Failed" }]);
    expect(endingText(second.endings[0] ?? { key: "", label: "", category: "failed", status: "" })).toBe("A ended: Failed");
    const third = detectEndings(second.seen, [{ key: "a", label: "A", category: "failed", status: "Failed" }]);
    expect(third.endings).toEqual([]);
  });

  it("does not announce operations already finished when first seen", () => {
    const result = detectEndings(new Map(), [{ key: "a", label: "A", category: "succeeded", status: "Succeeded" }]);
    expect(result.endings).toEqual([]);
  });

  it("keeps what it knew about an operation that has no reading now", () => {
    const previous = new Map<string, StatusCategory>([["a", "running"]]);
    const gap = detectEndings(previous, [{ key: "a", label: "A", category: undefined, status: undefined }]);
    expect(gap.seen.get("a")).toBe("running");
    const end = detectEndings(gap.seen, [{ key: "a", label: "A", category: "canceled", status: "Canceled" }]);
    expect(end.endings).toHaveLength(1);
  });
});

describe("the innermost error in notices and notifications", () => {
  const failedParent = normalizeOperation("devops", {
    status: "Failed",
    error: { code: "ChildFailed", message: "One child operation failed." },
    operations: [{ name: "install-app", status: "Failed", error: { code: "GitHubAppNotInstalled", message: "Install the app." } }],
  });
  const end = (category: StatusCategory, status: string) =>
    detectEndings(new Map([["a", "running" as const]]), [{ key: "a", label: "A", category, status, operation: failedParent }]).endings[0];

  it("says why a failed operation failed, from the child that failed", () => {
    const ending = end("failed", "Failed");
    expect(ending?.cause?.code).toBe("GitHubAppNotInstalled");
    expect(endingCause(ending ?? {})).toBe("GitHubAppNotInstalled: Install the app. (in child operation install-app)");
    expect(notificationBody(ending ?? { key: "", label: "", category: "failed", status: "" })).toBe(
      "A ended: Failed\nGitHubAppNotInstalled: Install the app. (in child operation install-app)",
    );
  });

  it("gives a success no cause, and a notice without an operation only its status", () => {
    expect(end("succeeded", "Succeeded")?.cause).toBeUndefined();
    const bare = detectEndings(new Map([["a", "running" as const]]), [{ key: "a", label: "A", category: "failed", status: "Failed" }]).endings[0];
    expect(bare && notificationBody(bare)).toBe("A ended: Failed");
  });
});

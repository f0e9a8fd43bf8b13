import { describe, expect, it } from "vitest";
import { normalizeOperation } from "./normalize";
import { innermostError, rootCauseOf, rootCauseText } from "./root-cause";

/** The demo's "detailed failure": the useful leaf sits three levels below the top error. */
const DEEP_ERROR = {
  code: "DevOpsConfigurationFailed",
  message: "The DevOps connector could not be configured.",
  details: [
    {
      code: "OrganizationOnboardingFailed",
      message: "Onboarding of organization 'contoso' failed.",
      details: [
        {
          code: "ProjectDiscoveryFailed",
          message: "2 of 14 projects could not be discovered.",
          details: [
            { code: "PermissionDenied", message: "The identity lacks 'Project Collection Administrator'.", target: "projects/Legacy" },
            { code: "ProjectNotFound", message: "Project 'Archive-2019' no longer exists." },
          ],
        },
      ],
    },
    { code: "WebhookRegistrationSkipped", message: "Webhooks were not registered." },
  ],
};

const op = (body: Record<string, unknown>) => normalizeOperation("devops", { status: "Failed", ...body });
const errorOf = (error: unknown) => {
  const node = op({ error }).error;
  if (!node) throw new Error("no error node");
  return node;
};

describe("innermostError", () => {
  it("follows the first detail down to the leaf", () => {
    const cause = innermostError(errorOf(DEEP_ERROR));
    expect(cause).toMatchObject({ code: "PermissionDenied", target: "projects/Legacy", depth: 3, child: undefined });
    expect(cause.message).toContain("Project Collection Administrator");
    expect(cause.path).toEqual(["e", "e.d0", "e.d0.d0", "e.d0.d0.d0"]);
  });

  it("is the top error itself when it has nothing below it", () => {
    const cause = innermostError(errorOf({ code: "Conflict", message: "Busy.", target: "x" }));
    expect(cause).toEqual({ code: "Conflict", message: "Busy.", target: "x", path: ["e"], depth: 0, child: undefined });
  });

  it("takes the innererror chain's last code, keeping the message of the error that owns the chain", () => {
    const cause = innermostError(
      errorOf({ code: "DeploymentFailed", message: "Deploy failed.", innererror: { code: "Quota", innererror: { code: "PlanFull" } } }),
    );
    expect(cause).toMatchObject({ code: "PlanFull", message: "Deploy failed.", depth: 2, path: ["e", "e.i", "e.i.i"] });
  });

  it("stops the chain at its last link that has a code", () => {
    const cause = innermostError(errorOf({ code: "A", message: "a", innererror: { code: "B", innererror: { innererror: {} } } }));
    expect(cause).toMatchObject({ code: "B", path: ["e", "e.i"], depth: 1 });
  });

  it("follows details before innererror, then the leaf's own chain", () => {
    const cause = innermostError(
      errorOf({ code: "A", details: [{ code: "B", message: "b", innererror: { code: "C" } }], innererror: { code: "Ignored" } }),
    );
    expect(cause).toMatchObject({ code: "C", message: "b", path: ["e", "e.d0", "e.d0.i"] });
  });

  it("does not let an empty leaf hide its parent's words", () => {
    const cause = innermostError(errorOf({ code: "A", message: "a", details: [{ code: "B", message: "b", details: [{}] }] }));
    expect(cause).toMatchObject({ code: "B", message: "b", depth: 1, path: ["e", "e.d0"] });
  });

  it("walks a very deep tree without overflowing the stack", () => {
    const node = { code: "Top", message: undefined, target: undefined, details: [] as never[], additionalInfo: [], innerErrors: [] };
    // Built by hand: the normalizer caps depth, this function must not need to.
    let built = { ...node, code: "Leaf", message: "deepest" } as ReturnType<typeof errorOf>;
    for (let i = 0; i < 20_000; i++) built = { ...node, code: `L${i}`, details: [built] };
    expect(innermostError(built)).toMatchObject({ code: "Leaf", depth: 20_000 });
  });
});

describe("rootCauseOf", () => {
  const child = (name: string, status: string, extra: Record<string, unknown> = {}) => ({ name, status, ...extra });

  it("prefers a failed child's cause over the parent's bare leaf, and says which child", () => {
    const cause = rootCauseOf(
      op({
        error: { code: "ChildFailed", message: "One child operation failed." },
        operations: [
          child("prepare", "Succeeded"),
          child("install-app", "Failed", { error: { code: "GitHubAppNotInstalled", message: "Install the GitHub app." } }),
        ],
      }),
    );
    expect(cause).toMatchObject({
      code: "GitHubAppNotInstalled",
      path: ["c1", "c1.e"],
      child: { indexPath: [1], label: "install-app", status: "Failed" },
    });
  });

  it("keeps the parent's own tree when it goes deeper than one error", () => {
    const cause = rootCauseOf(op({ error: DEEP_ERROR, operations: [child("x", "Failed", { error: { code: "Other" } })] }));
    expect(cause).toMatchObject({ code: "PermissionDenied", child: undefined });
  });

  it("finds a failed grandchild when the parent has no error at all", () => {
    const cause = rootCauseOf(
      op({
        operations: [
          child("a", "Succeeded"),
          child("b", "Failed", {
            error: { code: "ChildFailed" },
            operations: [child("b1", "Failed", { error: { code: "Deep", details: [{ code: "Deeper", message: "here" }] } })],
          }),
        ],
      }),
    );
    expect(cause).toMatchObject({
      code: "Deeper",
      message: "here",
      path: ["c1", "c1.c0", "c1.c0.e", "c1.c0.e.d0"],
      child: { indexPath: [1, 0], label: "b1" },
    });
  });

  it("skips a failed child with nothing to say and keeps looking", () => {
    const cause = rootCauseOf(
      op({ operations: [child("silent", "Failed"), child("loud", "Failed", { error: { code: "Why" } })] }),
    );
    expect(cause).toMatchObject({ code: "Why", child: { label: "loud", indexPath: [1] } });
  });

  it("falls back to the parent's leaf when no child says anything, and to nothing without errors", () => {
    expect(rootCauseOf(op({ error: { code: "Top" }, operations: [child("s", "Failed")] }))).toMatchObject({ code: "Top", child: undefined });
    expect(rootCauseOf(op({ operations: [child("s", "Succeeded")] }))).toBeUndefined();
  });

  it("names an unnamed child by its position", () => {
    const cause = rootCauseOf(op({ operations: [{ status: "Failed", error: { code: "X" } }] }));
    expect(cause?.child?.label).toBe("child operation 1");
  });
});

describe("rootCauseText", () => {
  it("joins code and message, and says when there is no code", () => {
    expect(rootCauseText({ code: "A", message: "b" })).toBe("A: b");
    expect(rootCauseText({ code: "A", message: undefined })).toBe("A");
    expect(rootCauseText({ code: undefined, message: "b" })).toBe("(no code): b");
  });
});

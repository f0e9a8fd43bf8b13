import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEVCENTER_RUNNING_EXAMPLE, DEVOPS_FAILED_EXAMPLE, DEVOPS_SUCCEEDED_EXAMPLE } from "@/lib/azure/seed-examples";
import { normalizeErrorBody, normalizeOperation, statusCategory } from "./normalize";

describe("normalizeOperation on the documented examples", () => {
  it("devops Failed", () => {
    const op = normalizeOperation("devops", DEVOPS_FAILED_EXAMPLE);
    expect(op).toMatchObject({
      kind: "devops",
      name: "8d4caace-e7b3-4b3e-af99-73f76829ebcf",
      id: DEVOPS_FAILED_EXAMPLE.id,
      status: "Failed",
      category: "failed",
      percentComplete: 100,
      startTime: Date.UTC(2023, 5, 21, 3, 23, 15),
      endTime: Date.UTC(2023, 5, 21, 3, 25, 15),
      error: {
        code: "TokenExchangeFailed",
        message: "AzureDevOps OAuth token exchange failed",
        target: undefined,
        details: [],
        additionalInfo: [],
        innerErrors: [],
      },
      children: [],
      issues: [],
      raw: DEVOPS_FAILED_EXAMPLE,
    });
  });
  it("devops Succeeded", () => {
    const op = normalizeOperation("devops", DEVOPS_SUCCEEDED_EXAMPLE);
    expect(op.category).toBe("succeeded");
    expect(op.error).toBeUndefined();
  });
  it("DevCenter Running", () => {
    const op = normalizeOperation("devcenter", DEVCENTER_RUNNING_EXAMPLE);
    expect(op).toMatchObject({
      kind: "devcenter",
      status: "Running",
      category: "running",
      percentComplete: undefined,
      startTime: Date.UTC(2024, 0, 24, 21, 14, 58, 472),
      endTime: undefined,
      issues: [],
    });
  });
});

describe("statusCategory", () => {
  it.each([
    ["NotStarted", "notStarted"],
    ["notstarted", "notStarted"],
    ["Running", "running"],
    ["InProgress", "running"],
    ["Accepted", "running"],
    ["Canceling", "running"],
    ["SUCCEEDED", "succeeded"],
    ["failed", "failed"],
    ["Canceled", "canceled"],
    ["Cancelled", "canceled"],
    [" Succeeded ", "succeeded"],
    ["Weird", "unknown"],
    ["", "unknown"],
    [null, "unknown"],
  ] as const)("%j -> %s", (status, category) => {
    expect(statusCategory(status)).toBe(category);
  });
});

describe("normalizeOperation with odd bodies", () => {
  it("keeps an unknown status verbatim, treats it as running (unknown) and says so", () => {
    const op = normalizeOperation("devops", { status: "Reticulating" });
    expect(op.status).toBe("Reticulating");
    expect(op.category).toBe("unknown");
    expect(op.issues).toEqual(['status "Reticulating" is not one opwatch knows; treated as still running']);
  });
  it("missing status", () => {
    const op = normalizeOperation("devcenter", { name: "x" });
    expect(op.status).toBeNull();
    expect(op.category).toBe("unknown");
    expect(op.issues).toEqual(["status: missing"]);
  });
  it("clamps percent and reports it", () => {
    const op = normalizeOperation("devops", { status: "InProgress", percentComplete: 140 });
    expect(op.percentComplete).toBe(100);
    expect(op.issues).toEqual(["percentComplete: 140 is outside 0-100; shown as 100"]);
  });
  it.each([["text"], [17], [null], [[{ status: "Running" }]], [true]])("non-object body %j", (body) => {
    const op = normalizeOperation("devops", body);
    expect(op.category).toBe("unknown");
    expect(op.raw).toBe(body);
    expect(op.issues[0]).toMatch(/^the body is not a JSON object/);
  });
  it("nests children with their own issues, and the parent lists them all", () => {
    const body = {
      status: "Failed",
      operations: [
        { name: "a", status: "Succeeded" },
        { name: "b", status: "Failed", percentComplete: -1, error: { code: "X", details: [{ code: "Y" }] } },
      ],
    };
    const op = normalizeOperation("devops", body);
    expect(op.children.map((c) => [c.name, c.category])).toEqual([
      ["a", "succeeded"],
      ["b", "failed"],
    ]);
    expect(op.children[1]?.error?.details[0]?.code).toBe("Y");
    expect(op.children[1]?.issues).toEqual(["percentComplete: -1 is outside 0-100; shown as 0"]);
    expect(op.children[1]?.raw).toBe(body.operations[1]);
    expect(op.issues).toEqual(["operations[1].percentComplete: -1 is outside 0-100; shown as 0"]);
  });
  it("keeps DevCenter resourceId and properties", () => {
    const op = normalizeOperation("devcenter", { status: "Succeeded", resourceId: "r", properties: { k: "v" } });
    expect(op.resourceId).toBe("r");
    expect(op.properties).toEqual({ k: "v" });
  });
  it("survives a body whose getter throws", () => {
    const body = Object.defineProperty({}, "status", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    const op = normalizeOperation("devops", body);
    expect(op.category).toBe("unknown");
    expect(op.issues).toEqual(["the body could not be read (Error)"]);
  });
  it("never throws on arbitrary JSON-like input (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom("devops" as const, "devcenter" as const), fc.anything({ withNullPrototype: true }), (kind, body) => {
        const op = normalizeOperation(kind, body);
        expect(op.kind).toBe(kind);
        expect(Array.isArray(op.issues)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it("never throws on operation-shaped input with wrong types (property)", () => {
    const field = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.anything(), { maxLength: 3 }), fc.object());
    const { op } = fc.letrec((tie) => ({
      op: fc.record(
        {
          status: field,
          percentComplete: field,
          startTime: fc.oneof(field, fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
          endTime: field,
          error: fc.oneof(field, tie("err")),
          operations: fc.oneof(field, fc.array(tie("op"), { maxLength: 3 })),
        },
        { requiredKeys: [] },
      ),
      err: fc.record(
        {
          code: field,
          message: field,
          details: fc.oneof(field, fc.array(tie("err"), { maxLength: 3 })),
          additionalInfo: fc.oneof(field, fc.array(fc.record({ type: field, info: fc.anything() }), { maxLength: 2 })),
          innererror: fc.oneof(field, tie("err")),
        },
        { requiredKeys: [] },
      ),
    }));
    fc.assert(
      fc.property(op, (body) => {
        const result = normalizeOperation("devops", body);
        expect(result.issues.every((i) => typeof i === "string")).toBe(true);
        if (result.percentComplete !== undefined) {
          expect(result.percentComplete).toBeGreaterThanOrEqual(0);
          expect(result.percentComplete).toBeLessThanOrEqual(100);
        }
        expect(normalizeErrorBody({ error: body.error })).toSatisfy((e) => e === undefined || typeof e === "object");
      }),
      { numRuns: 300 },
    );
  });
});

describe("normalizeErrorBody", () => {
  it("reads an ARM error response", () => {
    const node = normalizeErrorBody({
      error: { code: "A", message: "m", details: [{ code: "B", additionalInfo: [{ type: "T", info: { x: 1 } }] }] },
    });
    expect(node).toEqual({
      code: "A",
      message: "m",
      target: undefined,
      additionalInfo: [],
      innerErrors: [],
      details: [
        { code: "B", message: undefined, target: undefined, details: [], innerErrors: [], additionalInfo: [{ type: "T", info: { x: 1 } }] },
      ],
    });
  });
  it("reads an Azure Core error response with an innererror chain", () => {
    const node = normalizeErrorBody({ error: { code: "A", message: "m", innererror: { code: "B", innererror: { code: "C" } } } });
    expect(node?.innerErrors).toEqual([{ code: "B" }, { code: "C" }]);
  });
  it.each([[undefined], [null], ["x"], [[]], [{}], [{ error: 5 }]])("no error in %j", (body) => {
    expect(normalizeErrorBody(body)).toBeUndefined();
  });
});

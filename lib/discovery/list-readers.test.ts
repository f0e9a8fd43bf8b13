import { describe, expect, it } from "vitest";
import { isTransitionalState, readDevBoxPage, readOperationPage, readProjectPage } from "./list-readers";

const page = <T>(read: { ok: true; page: T } | { ok: false; message: string }): T => {
  if (!read.ok) throw new Error(`expected a page, got: ${read.message}`);
  return read.page;
};

const DEV_BOX = {
  name: "box-1",
  projectName: "proj-a",
  poolName: "pool",
  provisioningState: "Succeeded",
  actionState: "Started",
  powerState: "Running",
  uniqueId: "00000000-0000-0000-0000-000000000001",
  user: "00000000-0000-0000-0000-00000000000a",
  createdTime: "2025-03-01T10:00:00.1234567+00:00",
};

const OPERATION = {
  uri: "https://x.devcenter.azure.com/projects/proj-a/operationstatuses/11111111-2222-3333-4444-555555555555",
  operationId: "11111111-2222-3333-4444-555555555555",
  kind: "Start",
  status: "Running",
  createdByObjectId: "00000000-0000-0000-0000-00000000000a",
  startTime: "2025-03-01T10:00:00.1234567Z",
};

describe("list pages", () => {
  it("reads a page of each list and keeps the nextLink as a string", () => {
    const projects = page(readProjectPage({ value: [{ name: "proj-a", maxDevBoxesPerUser: 3 }], nextLink: "https://x/projects?$skipToken=1" }));
    expect(projects).toEqual({
      items: [{ name: "proj-a", displayName: undefined, description: undefined, maxDevBoxesPerUser: 3, uri: undefined }],
      skipped: 0,
      nextLink: "https://x/projects?$skipToken=1",
    });
    expect(page(readDevBoxPage({ value: [DEV_BOX] })).items).toEqual([
      {
        name: "box-1",
        projectName: "proj-a",
        poolName: "pool",
        provisioningState: "Succeeded",
        actionState: "Started",
        powerState: "Running",
        transitional: false,
        createdTime: Date.UTC(2025, 2, 1, 10, 0, 0, 123),
        error: undefined,
      },
    ]);
    expect(page(readOperationPage({ value: [OPERATION] })).items).toEqual([
      {
        operationId: OPERATION.operationId,
        kind: "Start",
        status: "Running",
        createdByObjectId: OPERATION.createdByObjectId,
        startTime: Date.UTC(2025, 2, 1, 10, 0, 0, 123),
        endTime: undefined,
        error: undefined,
      },
    ]);
  });

  it.each([null, 3, "text", [], [OPERATION], { value: null }, { value: {} }, { items: [OPERATION] }])(
    "says a body that is no list page (%j) cannot be read",
    (body) => {
      const read = readOperationPage(body);
      expect(read.ok).toBe(false);
      expect(read.ok ? "" : read.message).toMatch(/not (a JSON object|a list)/);
    },
  );

  it("skips and counts the entries it cannot read, keeping the rest", () => {
    const read = page(
      readOperationPage({
        value: [null, 7, "x", [], {}, { ...OPERATION, operationId: 5 }, { ...OPERATION, status: null }, { ...OPERATION, operationId: "" }, OPERATION],
      }),
    );
    expect(read.skipped).toBe(8);
    expect(read.items.map((o) => o.operationId)).toEqual([OPERATION.operationId]);
  });

  it("ignores a nextLink that is not a string", () => {
    for (const nextLink of [null, 1, {}, "", ["https://x"], "h".repeat(9000)]) {
      expect(page(readDevBoxPage({ value: [], nextLink })).nextLink).toBeUndefined();
    }
  });
});

describe("entries", () => {
  it("keeps unknown kinds, states and statuses verbatim", () => {
    const box = page(readDevBoxPage({ value: [{ ...DEV_BOX, provisioningState: "Hibernating", powerState: "Frozen" }] })).items[0];
    expect(box).toMatchObject({ provisioningState: "Hibernating", powerState: "Frozen", transitional: false });
    const op = page(readOperationPage({ value: [{ ...OPERATION, kind: "Teleport", status: "Pondering" }] })).items[0];
    expect(op).toMatchObject({ kind: "Teleport", status: "Pondering" });
  });

  it("reads wrong-typed optional fields as absent, a missing kind or state as Unknown", () => {
    const box = page(readDevBoxPage({ value: [{ name: "b", projectName: "p", poolName: 3, powerState: {}, createdTime: "yesterday", provisioningState: 1 }] }))
      .items[0];
    expect(box).toMatchObject({ poolName: undefined, powerState: undefined, createdTime: undefined, provisioningState: "Unknown" });
    const op = page(readOperationPage({ value: [{ operationId: "id", status: "Failed", kind: null, startTime: 12, endTime: "2025-02-30T00:00:00Z" }] })).items[0];
    expect(op).toMatchObject({ kind: "Unknown", startTime: undefined, endTime: undefined });
  });

  it("reads both offset forms and seven fraction digits", () => {
    const op = page(
      readOperationPage({ value: [{ ...OPERATION, startTime: "2025-03-01T12:00:00.9999999+02:00", endTime: "2025-03-01T10:00:01Z" }] }),
    ).items[0];
    expect(op?.startTime).toBe(Date.UTC(2025, 2, 1, 10, 0, 0, 999));
    expect(op?.endTime).toBe(Date.UTC(2025, 2, 1, 10, 0, 1));
  });

  it("keeps the error as sent, null as none, and cuts very long verbatim values", () => {
    const error = { code: "RepairFailed", details: [{ code: "Inner" }] };
    const [withError, withNull] = page(readOperationPage({ value: [{ ...OPERATION, error }, { ...OPERATION, error: null }] })).items;
    expect(withError?.error).toEqual(error);
    expect(withNull?.error).toBeUndefined();
    const long = page(readOperationPage({ value: [{ ...OPERATION, status: "S".repeat(150), kind: "K".repeat(5000) }] })).items[0];
    expect(long?.status).toHaveLength(150);
    expect(long?.kind).toHaveLength(200);
  });

  it("flags transitional provisioning states in any case", () => {
    for (const state of ["Creating", "provisioning", "DELETING", "Updating", "Starting", "Stopping"]) expect(isTransitionalState(state)).toBe(true);
    for (const state of ["Succeeded", "Failed", "Canceled", "ProvisionedWithWarning", "InGracePeriod", "NotProvisioned", "Unknown"]) {
      expect(isTransitionalState(state)).toBe(false);
    }
    expect(page(readDevBoxPage({ value: [{ ...DEV_BOX, provisioningState: "creating" }] })).items[0]?.transitional).toBe(true);
  });

  it("never throws on a hostile body", () => {
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 10_000; i++) cursor = cursor.error = {} as Record<string, unknown>;
    const bodies: unknown[] = [
      { value: [{ ...OPERATION, error: deep }] },
      { value: [Object.create(null), { __proto__: { operationId: "x" } }, { ...OPERATION, constructor: 1 }] },
      { value: new Array(1000).fill(OPERATION), nextLink: "javascript:alert(1)" },
    ];
    for (const body of bodies) for (const read of [readProjectPage, readDevBoxPage, readOperationPage]) expect(read(body).ok).toBe(true);
    expect(page(readOperationPage(bodies[2])).nextLink).toBe("javascript:alert(1)");
  });
});

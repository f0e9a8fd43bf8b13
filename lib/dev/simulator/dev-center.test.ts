import { describe, expect, it } from "vitest";
import { DevCenter, LISTED_OPERATIONS_MS } from "./dev-center";
import { stepsSchema } from "./scenario-schema";

const ORIGIN = "http://127.0.0.1:4010";
const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);
const ADA = "a0a0a0a0-0000-4000-8000-00000000ada1";
const GRACE = "a0a0a0a0-0000-4000-8000-000000091ace";
const box = (name: string, owner = ADA, extra = {}) => ({ projectName: "proj-a", name, owner, provisioningState: "Succeeded", powerState: "Running", ...extra });
const OP_ID = "11111111-2222-4333-8444-555555555555";

function operation(steps: unknown, start = T0, operationId = OP_ID) {
  return { operationId, kind: "Start", createdBy: ADA, steps: stepsSchema.parse(steps), start };
}

describe("DevCenter", () => {
  it("creates a project on a dev box's first use and lists projects by name", () => {
    const dc = new DevCenter(ORIGIN);
    dc.putDevBox({ ...box("box-1"), projectName: "Zeta" }, T0);
    dc.putDevBox(box("box-2"), T0);
    dc.ensureProject({ name: "ZETA", displayName: "ignored: the project exists" });
    expect(dc.projects()).toEqual([
      { name: "proj-a", uri: `${ORIGIN}/projects/proj-a` },
      { name: "Zeta", uri: `${ORIGIN}/projects/Zeta` },
    ]);
  });

  it("lists only the owner's dev boxes, per project or in all, and knows no unknown project", () => {
    const dc = new DevCenter(ORIGIN);
    dc.putDevBox(box("ada-1"), T0);
    dc.putDevBox({ ...box("ada-2"), projectName: "proj-b" }, T0);
    dc.putDevBox(box("grace-1", GRACE), T0);
    expect(dc.devBoxes(ADA, T0)?.map((b) => `${b.projectName}/${b.name}/${b.user}`)).toEqual([`proj-a/ada-1/${ADA}`, `proj-b/ada-2/${ADA}`]);
    expect(dc.devBoxes(GRACE, T0, "PROJ-A")?.map((b) => b.name)).toEqual(["grace-1"]);
    expect(dc.devBoxes(GRACE, T0, "proj-b")).toEqual([]);
    expect(dc.devBoxes(ADA, T0, "nope")).toBeUndefined();
    expect(dc.operations(GRACE, "proj-a", "ada-1", T0)).toBeUndefined();
    expect(dc.operations(ADA, "proj-a", "ADA-1", T0)).toEqual([]);
  });

  it("settles Creating into Succeeded and removes a Deleting box once its time has come, and never without one", () => {
    const dc = new DevCenter(ORIGIN);
    dc.putDevBox(box("new", ADA, { provisioningState: "Creating", powerState: "Unknown", settleAfterMs: 60_000 }), T0);
    dc.putDevBox(box("old", ADA, { provisioningState: "Deleting", settleAfterMs: 30_000 }), T0);
    dc.putDevBox(box("stuck", ADA, { provisioningState: "Creating", powerState: "Unknown" }), T0);
    const states = (now: number) => dc.devBoxes(ADA, now)?.map((b) => `${b.name}:${b.provisioningState}:${b.powerState}`);
    expect(states(T0 + 29_999)).toEqual(["new:Creating:Unknown", "old:Deleting:Running", "stuck:Creating:Unknown"]);
    expect(states(T0 + 30_000)).toEqual(["new:Creating:Unknown", "stuck:Creating:Unknown"]);
    expect(states(T0 + 60_000)).toEqual(["new:Succeeded:Running", "stuck:Creating:Unknown"]);
    expect(states(T0 + 365 * 24 * 3600_000)).toEqual(["new:Succeeded:Running", "stuck:Creating:Unknown"]);
  });

  it("replaces a dev box of the same name and owner, keeping its id, creation time and operations", () => {
    const dc = new DevCenter(ORIGIN);
    dc.putDevBox(box("box-1", ADA, { provisioningState: "Creating" }), T0);
    const first = dc.devBoxes(ADA, T0)?.[0];
    dc.addOperation("proj-a", "box-1", ADA, operation([{ afterMs: 0, body: { status: "Running" } }]));
    dc.putDevBox(box("BOX-1", ADA, { powerState: "Deallocated" }), T0 + 5000);
    const boxes = dc.devBoxes(ADA, T0 + 5000) ?? [];
    expect(boxes).toHaveLength(1);
    expect(boxes[0]).toMatchObject({ name: "BOX-1", provisioningState: "Succeeded", powerState: "Deallocated", uniqueId: first?.uniqueId, createdTime: first?.createdTime });
    expect(dc.operations(ADA, "proj-a", "box-1", T0 + 5000)?.map((o) => o.operationId)).toEqual([OP_ID]);
  });

  it("lists an operation as the body of the last 200 step that has passed says, NotStarted before any", () => {
    const dc = new DevCenter(ORIGIN);
    dc.putDevBox(box("box-1"), T0);
    const error = { code: "RepairFailed", message: "no", details: [{ code: "Inner", message: "deeper" }] };
    dc.addOperation(
      "proj-a",
      "box-1",
      ADA,
      operation([
        { afterMs: 1000, body: { status: "Running", startTime: "{{start}}" } },
        { afterMs: 5000, status: 503, body: { error: { code: "ServiceUnavailable", message: "busy" } } },
        { afterMs: 9000, body: { status: "Failed", startTime: "{{start}}", endTime: "{{end}}", error, result: { repairOutcome: "FixFailed" } } },
      ]),
    );
    const at = (ms: number) => dc.operations(ADA, "proj-a", "box-1", T0 + ms)?.[0];
    const start = new Date(T0).toISOString();
    expect(at(0)).toEqual({
      uri: `${ORIGIN}/projects/proj-a/users/${ADA}/devboxes/box-1/operations/${OP_ID}`,
      operationId: OP_ID,
      kind: "Start",
      status: "NotStarted",
      createdByObjectId: ADA,
      startTime: start,
    });
    expect(at(6000)).toMatchObject({ status: "Running", startTime: start });
    expect(at(6000)).not.toHaveProperty("error");
    expect(at(9000)).toMatchObject({ status: "Failed", endTime: new Date(T0 + 9000).toISOString(), error, result: { repairOutcome: "FixFailed" } });
  });

  it("lists the last 90 days' operations, newest first, and one id once", () => {
    const dc = new DevCenter(ORIGIN);
    dc.putDevBox(box("box-1"), T0);
    const running = [{ afterMs: 0, body: { status: "Running" } }];
    const ids = ["aaaaaaaa-0000-4000-8000-000000000001", "aaaaaaaa-0000-4000-8000-000000000002", "aaaaaaaa-0000-4000-8000-000000000003"];
    dc.addOperation("proj-a", "box-1", ADA, operation(running, T0, ids[0]));
    dc.addOperation("proj-a", "box-1", ADA, operation(running, T0 + 2 * 24 * 3600_000, ids[1]));
    dc.addOperation("proj-a", "box-1", ADA, operation(running, T0 + 24 * 3600_000, ids[2]));
    dc.addOperation("proj-a", "box-1", ADA, operation(running, T0 + 24 * 3600_000, ids[2]));
    const listed = (now: number) => dc.operations(ADA, "proj-a", "box-1", now)?.map((o) => o.operationId);
    expect(listed(T0 + 3 * 24 * 3600_000)).toEqual([ids[1], ids[2], ids[0]]);
    expect(listed(T0 + LISTED_OPERATIONS_MS)).toEqual([ids[1], ids[2]]);
    expect(listed(T0 + LISTED_OPERATIONS_MS + 2 * 24 * 3600_000)).toEqual([]);
  });

  it("adds no operation to a dev box that is not there", () => {
    const dc = new DevCenter(ORIGIN);
    dc.putDevBox(box("box-1"), T0);
    expect(dc.addOperation("proj-a", "box-1", GRACE, operation([{ afterMs: 0, body: {} }]))).toBe(false);
    expect(dc.findDevBox("proj-a", "BOX-1", undefined, T0)?.owner).toBe(ADA);
    expect(dc.findDevBox("proj-a", "box-1", GRACE, T0)).toBeUndefined();
  });
});

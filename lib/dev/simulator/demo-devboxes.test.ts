import { describe, expect, it } from "vitest";
import { DEMO_USERS } from "@/lib/dev/signin/users";
import { DEMO_DEVBOX_PROJECTS } from "./demo-ids";
import { seedDemoDevCenter } from "./demo-devboxes";
import { DevCenter } from "./dev-center";
import { ScenarioStore } from "./scenario-store";

const ORIGIN = "http://127.0.0.1:4010";
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const [ADA = "", GRACE = ""] = DEMO_USERS.map((u) => u.oid);

describe("the demo's dev center", () => {
  const store = new ScenarioStore({ origin: ORIGIN, now: () => NOW });
  const model = new DevCenter(ORIGIN);
  seedDemoDevCenter(store, model, NOW);
  const boxes = [...(model.devBoxes(ADA, NOW) ?? []), ...(model.devBoxes(GRACE, NOW) ?? [])];
  const operations = boxes.flatMap((box) => model.operations(box.user, box.projectName, box.name, NOW) ?? []);

  it("holds 2 projects and 5 dev boxes of the demo users, mostly the first's", () => {
    expect(model.projects().map((p) => p.name)).toEqual([DEMO_DEVBOX_PROJECTS.apps, DEMO_DEVBOX_PROJECTS.data]);
    expect(boxes).toHaveLength(5);
    expect(boxes.filter((box) => box.user === ADA)).toHaveLength(4);
  });

  it("has a Start running, a Repair failed with an error tree, a dev box being created, and successes of the last day", () => {
    expect(operations.filter((op) => op.kind === "Start" && op.status === "Running")).toHaveLength(1);
    const repair = operations.find((op) => op.kind === "Repair");
    expect(repair).toMatchObject({ status: "Failed", error: { details: [{ details: [{}, {}] }, {}] } });
    expect(boxes.filter((box) => box.provisioningState === "Creating")).toHaveLength(1);
    const succeeded = operations.filter((op) => op.status === "Succeeded");
    expect(succeeded.length).toBeGreaterThanOrEqual(4);
    for (const op of succeeded) expect(NOW - Date.parse(op.startTime)).toBeLessThan(24 * 3600_000);
  });

  it("serves each operation at its Operation Statuses URL, with the same status as its list entry", () => {
    for (const op of operations) {
      const project = boxes.find((box) => op.uri.includes(`/projects/${box.projectName}/`))?.projectName ?? "";
      const stored = store.find({ kind: "devcenter", projectName: project, operationId: op.operationId });
      const last = stored?.steps.filter((step) => step.afterMs <= NOW - (stored.clockStart ?? NOW)).at(-1);
      expect((last?.body as { status?: string } | undefined)?.status).toBe(op.status);
    }
    expect(operations.length).toBe(8);
  });
});

import { DEMO_DEVBOX_PROJECTS, DEMO_OTHER_OWNER, DEMO_OWNER, demoId, devcenterHead } from "./demo-ids";
import type { DevBoxInput, DevCenter } from "./dev-center";
import { startDevBoxOperation } from "./devcenter-state";
import { stepsSchema, type ScenarioInput } from "./scenario-schema";
import type { ScenarioStore } from "./scenario-store";

/**
 * The demo's dev center, seeded at start: 2 projects and 5 dev boxes of the demo users (mostly the first), one with
 * a Start running, one whose Repair failed with an error tree, one being created, the others idle with operations that
 * succeeded in the last day. Operation ids are fixed, so their permalinks survive restarts.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const { apps, data } = DEMO_DEVBOX_PROJECTS;

interface DemoOperation {
  n: number;
  kind: string;
  /** How long before the seed it started. */
  ago: number;
  /** How long it runs; its end comes with `end`. */
  runs: number;
  end: "Succeeded" | "Failed";
  error?: unknown;
}

interface DemoBox extends DevBoxInput {
  operations: DemoOperation[];
}

const REPAIR_ERROR = {
  code: "RepairFailed",
  message: "The dev box could not be repaired.",
  target: "ada-gpu-box",
  details: [
    {
      code: "ConnectivityCheckFailed",
      message: "2 of 3 connectivity checks failed.",
      details: [
        { code: "NetworkConnectionUnhealthy", message: "The network connection 'westeurope-corp' failed its health check.", target: "networkConnections/westeurope-corp" },
        { code: "DnsResolutionFailed", message: "The domain 'corp.contoso.com' could not be resolved from the dev box." },
      ],
    },
    { code: "AgentRestartFailed", message: "The dev box agent did not come back after a restart." },
  ],
};

const DEMO_BOXES: readonly DemoBox[] = [
  {
    projectName: apps,
    name: "ada-main-box",
    owner: DEMO_OWNER,
    poolName: "win11-16c-64gb",
    provisioningState: "Succeeded",
    powerState: "Deallocated",
    actionState: "Starting",
    operations: [
      { n: 401, kind: "Stop", ago: 18 * HOUR, runs: 3 * MINUTE, end: "Succeeded" },
      { n: 402, kind: "Start", ago: MINUTE, runs: 20 * MINUTE, end: "Succeeded" },
    ],
  },
  {
    projectName: apps,
    name: "ada-gpu-box",
    owner: DEMO_OWNER,
    poolName: "win11-gpu",
    provisioningState: "Succeeded",
    powerState: "Running",
    operations: [
      { n: 403, kind: "Restart", ago: 3 * HOUR, runs: 4 * MINUTE, end: "Succeeded" },
      { n: 404, kind: "Repair", ago: 2 * HOUR, runs: 7 * MINUTE, end: "Failed", error: REPAIR_ERROR },
    ],
  },
  {
    projectName: data,
    name: "ada-data-box",
    owner: DEMO_OWNER,
    poolName: "win11-8c-32gb",
    provisioningState: "Creating",
    powerState: "Unknown",
    settleAfterMs: 30 * MINUTE,
    operations: [],
  },
  {
    projectName: data,
    name: "ada-analytics-box",
    owner: DEMO_OWNER,
    poolName: "win11-8c-32gb",
    provisioningState: "Succeeded",
    powerState: "Hibernated",
    operations: [
      { n: 405, kind: "Start", ago: 9 * HOUR, runs: 2 * MINUTE, end: "Succeeded" },
      { n: 406, kind: "CaptureSnapshot", ago: 6 * HOUR, runs: 5 * MINUTE, end: "Succeeded" },
      { n: 407, kind: "Stop", ago: 5 * HOUR, runs: 3 * MINUTE, end: "Succeeded" },
    ],
  },
  {
    projectName: apps,
    name: "grace-main-box",
    owner: DEMO_OTHER_OWNER,
    poolName: "win11-16c-64gb",
    provisioningState: "Succeeded",
    powerState: "Running",
    operations: [{ n: 408, kind: "Start", ago: 7 * HOUR, runs: 2 * MINUTE, end: "Succeeded" }],
  },
];

/** The operation's status as the Operation Statuses URL answers it: Running, then its end. */
function operationSteps(box: DevBoxInput, operation: DemoOperation): ScenarioInput["steps"] {
  const id = demoId(operation.n);
  const head = { ...devcenterHead(box.projectName, id), resourceId: `/projects/${box.projectName}/users/${box.owner}/devboxes/${box.name}` };
  const ended = { ...head, status: operation.end, startTime: "{{start}}", endTime: "{{end}}", ...(operation.error ? { error: operation.error } : {}) };
  return [
    { afterMs: 0, body: { ...head, status: "Running", startTime: "{{start}}" } },
    { afterMs: operation.runs, body: ended },
  ];
}

export function seedDemoDevCenter(store: ScenarioStore, model: DevCenter, now: number): void {
  model.ensureProject({ name: apps, displayName: "Apps team", description: "Dev boxes for the web and mobile apps.", maxDevBoxesPerUser: 3 });
  model.ensureProject({ name: data, displayName: "Data platform", description: "Dev boxes with the analytics toolchain.", maxDevBoxesPerUser: 2 });
  for (const { operations, ...box } of DEMO_BOXES) {
    model.putDevBox(box, now);
    for (const operation of operations) {
      const steps = stepsSchema.parse(operationSteps(box, operation));
      startDevBoxOperation(store, model, {
        projectName: box.projectName,
        devBoxName: box.name,
        owner: box.owner,
        operationId: demoId(operation.n),
        kind: operation.kind,
        createdBy: box.owner,
        steps,
        start: now - operation.ago,
      });
    }
  }
}

import type { CreatedScenario, ScenarioStore } from "./scenario-store";
import { DevCenter } from "./dev-center";
import { DiscoveryFaults } from "./discovery-faults";
import { MinuteLimit } from "./minute-limit";
import type { Step } from "./scenario-schema";

/** The simulator's one dev center: its model, DevCenter's per-minute limit (absent: off) and the planted list faults. */
export interface DevCenterState {
  /** The simulator's origin: the endpoint the lists' nextLinks point at. */
  origin: string;
  model: DevCenter;
  limit: MinuteLimit | undefined;
  faults: DiscoveryFaults;
}

/** DevCenter's recent limit per caller, high enough for the demo and the e2e tests. */
export const DEFAULT_DEVCENTER_READS_PER_MINUTE = 1000;

export function createDevCenterState(origin: string, readsPerMinute: number | false): DevCenterState {
  return { origin, model: new DevCenter(origin), limit: readsPerMinute === false ? undefined : new MinuteLimit(readsPerMinute), faults: new DiscoveryFaults() };
}

export interface DevBoxOperationStart {
  projectName: string;
  devBoxName: string;
  owner: string;
  operationId: string;
  kind: string;
  createdBy: string;
  steps: Step[];
  start: number;
}

/**
 * An operation on a dev box: a DevCenter scenario served at its Operation Statuses URL, and the same steps, from the
 * same start, behind its entry in the box's list. The caller has found the box.
 */
export function startDevBoxOperation(store: ScenarioStore, model: DevCenter, operation: DevBoxOperationStart): CreatedScenario {
  const created = store.create(
    {
      kind: "devcenter",
      ids: { projectName: operation.projectName, operationId: operation.operationId },
      steps: operation.steps,
      clock: "created",
      label: `${operation.kind} on ${operation.devBoxName}`,
    },
    operation.start,
  );
  model.addOperation(operation.projectName, operation.devBoxName, operation.owner, {
    operationId: operation.operationId,
    kind: operation.kind,
    createdBy: operation.createdBy,
    steps: operation.steps,
    start: operation.start,
  });
  return created;
}

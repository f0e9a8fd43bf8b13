import { randomUUID } from "node:crypto";
import { fillTemplate } from "./body-template";
import type { Step } from "./scenario-schema";
import { lastPassedStep } from "./step-select";

/**
 * One dev center as its data plane lists it: projects, each person's dev boxes, and the operations on them. Pure and
 * in memory, with the time passed in, so that a virtual-time benchmark can drive it without HTTP; the simulator's
 * list routes and control API wrap it. Names match case-insensitively, as DevCenter's do.
 */

/** DevCenter's wire shapes (2025-02-01), as the list routes answer them. */
export interface Project {
  name: string;
  displayName?: string;
  description?: string;
  maxDevBoxesPerUser?: number;
  uri: string;
}

export interface DevBox {
  name: string;
  projectName: string;
  poolName: string;
  provisioningState: string;
  actionState?: string;
  powerState: string;
  uniqueId: string;
  user: string;
  createdTime: string;
  location: string;
  osType: string;
  hibernateSupport: string;
  uri: string;
}

export interface DevBoxOperation {
  uri: string;
  operationId: string;
  kind: string;
  status: string;
  createdByObjectId: string;
  startTime: string;
  endTime?: string;
  error?: unknown;
  result?: unknown;
}

export interface ProjectInput {
  name: string;
  displayName?: string;
  description?: string;
  maxDevBoxesPerUser?: number;
}

export interface DevBoxInput {
  projectName: string;
  name: string;
  /** The owner's object id. */
  owner: string;
  provisioningState: string;
  powerState: string;
  actionState?: string;
  poolName?: string;
  /** After this long, Creating/Provisioning becomes Succeeded (and Running) and Deleting removes the box; absent: never. */
  settleAfterMs?: number;
}

export interface OperationInput {
  operationId: string;
  kind: string;
  createdBy: string;
  /** Sorted by afterMs; the list entry follows the body of the last 200 step that has passed since `start`. */
  steps: readonly Step[];
  start: number;
}

/** Operations DevCenter lists: those of the last 90 days. */
export const LISTED_OPERATIONS_MS = 90 * 24 * 3600 * 1000;

const SETTLING = new Set(["creating", "provisioning"]);
const MAX_DEV_BOXES = 10_000;
const MAX_OPERATIONS_PER_BOX = 1_000;

interface StoredBox {
  input: DevBoxInput;
  uniqueId: string;
  created: number;
  settleAt: number | undefined;
  /** By lower-cased operation id, in the order added. */
  operations: Map<string, OperationInput>;
}

export class DevCenter {
  private readonly projectsByName = new Map<string, ProjectInput>();
  private readonly boxes = new Map<string, StoredBox>();

  /** `origin`: the endpoint's origin, for the `uri` fields. */
  constructor(private readonly origin: string) {}

  /** Adds a project, or keeps the one of that name. */
  ensureProject(project: ProjectInput): void {
    const key = project.name.toLowerCase();
    if (!this.projectsByName.has(key)) this.projectsByName.set(key, project);
  }

  hasProject(name: string): boolean {
    return this.projectsByName.has(name.toLowerCase());
  }

  /** Adds a dev box (its project too, on first use); the same name for the same owner sets the box anew but keeps its operations. */
  putDevBox(input: DevBoxInput, now: number): { projectName: string; name: string; owner: string } {
    this.ensureProject({ name: input.projectName });
    const projectName = this.projectOf(input.projectName);
    const key = boxKey(projectName, input.owner, input.name);
    const previous = this.boxes.get(key);
    this.boxes.delete(key);
    while (this.boxes.size >= MAX_DEV_BOXES) {
      const oldest = this.boxes.keys().next().value;
      if (oldest === undefined) break;
      this.boxes.delete(oldest);
    }
    this.boxes.set(key, {
      input: { ...input, projectName },
      uniqueId: previous?.uniqueId ?? randomUUID(),
      created: previous?.created ?? now,
      settleAt: input.settleAfterMs === undefined ? undefined : now + input.settleAfterMs,
      operations: previous?.operations ?? new Map<string, OperationInput>(),
    });
    return { projectName, name: input.name, owner: input.owner };
  }

  /** The owner's dev box, or with no owner given the first of that name in the project. */
  findDevBox(projectName: string, name: string, owner: string | undefined, now: number): DevBoxInput | undefined {
    this.settle(now);
    return this.find(projectName, name, owner)?.input;
  }

  /** Adds an operation to a dev box (one with the same id is replaced); false when there is no such box. */
  addOperation(projectName: string, devBoxName: string, owner: string, operation: OperationInput): boolean {
    const box = this.find(projectName, devBoxName, owner);
    if (!box) return false;
    box.operations.delete(operation.operationId.toLowerCase());
    if (box.operations.size >= MAX_OPERATIONS_PER_BOX) {
      const oldest = box.operations.keys().next().value;
      if (oldest !== undefined) box.operations.delete(oldest);
    }
    box.operations.set(operation.operationId.toLowerCase(), operation);
    return true;
  }

  /** Every project, by name. */
  projects(): Project[] {
    return [...this.projectsByName.values()]
      .sort((a, b) => compareNames(a.name, b.name))
      .map((project) => ({ ...project, uri: `${this.origin}/projects/${project.name}` }));
  }

  /** The owner's dev boxes, by project then name; undefined when `projectName` names no project. */
  devBoxes(owner: string, now: number, projectName?: string): DevBox[] | undefined {
    if (projectName !== undefined && !this.hasProject(projectName)) return undefined;
    this.settle(now);
    return [...this.boxes.values()]
      .filter(({ input }) => sameName(input.owner, owner) && (projectName === undefined || sameName(input.projectName, projectName)))
      .sort((a, b) => compareNames(a.input.projectName, b.input.projectName) || compareNames(a.input.name, b.input.name))
      .map((box) => this.devBoxOf(box));
  }

  /** The operations of the owner's dev box in the last 90 days, newest first; undefined when there is no such box. */
  operations(owner: string, projectName: string, devBoxName: string, now: number): DevBoxOperation[] | undefined {
    this.settle(now);
    const box = this.find(projectName, devBoxName, owner);
    if (!box) return undefined;
    return [...box.operations.values()]
      .filter((operation) => operation.start > now - LISTED_OPERATIONS_MS)
      .sort((a, b) => b.start - a.start)
      .map((operation) => this.operationOf(box, operation, now));
  }

  private find(projectName: string, name: string, owner: string | undefined): StoredBox | undefined {
    if (owner !== undefined) return this.boxes.get(boxKey(projectName, owner, name));
    return [...this.boxes.values()].find(({ input }) => sameName(input.projectName, projectName) && sameName(input.name, name));
  }

  /** The project's name as it was first given. */
  private projectOf(name: string): string {
    return this.projectsByName.get(name.toLowerCase())?.name ?? name;
  }

  private settle(now: number): void {
    for (const [key, box] of this.boxes) {
      if (box.settleAt === undefined || box.settleAt > now) continue;
      box.settleAt = undefined;
      const state = box.input.provisioningState.toLowerCase();
      if (state === "deleting") this.boxes.delete(key);
      else if (SETTLING.has(state)) box.input = { ...box.input, provisioningState: "Succeeded", powerState: "Running" };
    }
  }

  private devBoxOf({ input, uniqueId, created }: StoredBox): DevBox {
    return {
      name: input.name,
      projectName: input.projectName,
      poolName: input.poolName ?? "default-pool",
      provisioningState: input.provisioningState,
      ...(input.actionState === undefined ? {} : { actionState: input.actionState }),
      powerState: input.powerState,
      uniqueId,
      user: input.owner,
      createdTime: new Date(created).toISOString(),
      location: "westeurope",
      osType: "Windows",
      hibernateSupport: "Enabled",
      uri: `${this.origin}${boxPath(input)}`,
    };
  }

  private operationOf(box: StoredBox, operation: OperationInput, now: number): DevBoxOperation {
    const { start, steps } = operation;
    const step = lastPassedStep(
      steps.filter((s) => s.status === 200),
      now - start,
    );
    const body = step === undefined ? {} : asRecord(fillTemplate(step.body, { start, now, end: start + step.afterMs }));
    return {
      uri: `${this.origin}${boxPath(box.input)}/operations/${operation.operationId}`,
      operationId: operation.operationId,
      kind: operation.kind,
      status: typeof body.status === "string" ? body.status : "NotStarted",
      createdByObjectId: operation.createdBy,
      startTime: typeof body.startTime === "string" ? body.startTime : new Date(start).toISOString(),
      ...(typeof body.endTime === "string" ? { endTime: body.endTime } : {}),
      ...(body.error === undefined ? {} : { error: body.error }),
      ...(body.result === undefined ? {} : { result: body.result }),
    };
  }
}

const boxPath = (box: DevBoxInput) => `/projects/${box.projectName}/users/${box.owner}/devboxes/${box.name}`;

const boxKey = (projectName: string, owner: string, name: string) => `${projectName}\n${owner}\n${name}`.toLowerCase();

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const compareNames = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

import { DevCenter } from "@/lib/dev/simulator/dev-center";
import { stepsSchema } from "@/lib/dev/simulator/scenario-schema";
import { seededRandom, uniform } from "../polling/prng";

/**
 * The benchmark's dev center: one person's dev boxes in a few projects, and operations on them that start at random
 * (seeded), each on a box with nothing else under way, running for a random while. Put into the simulator's own model
 * as virtual time passes, as the control API would put them when they start.
 */

export interface ScenarioOptions {
  seed: number;
  projects: number;
  devBoxes: number;
  operations: number;
  /** Operations start uniformly at random within this long from the start. */
  startWindowMs: number;
  /** How long an operation runs: uniform in [min, max]. */
  runningMs: readonly [number, number];
  /**
   * Whether the dev box's listed actionState shows the operation while it runs. Nothing documents that it does, so
   * the figures are given both ways.
   */
  listedStateShowsWork: boolean;
}

/** The documented kinds of a dev box operation. */
const KINDS = ["Start", "Stop", "Restart", "Repair", "CaptureSnapshot", "RestoreSnapshot"] as const;
type Kind = (typeof KINDS)[number];

export interface PlannedOperation {
  operationId: string;
  kind: Kind;
  projectName: string;
  devBoxName: string;
  startAt: number;
  endAt: number;
}

/** What the listed actionState says while an operation of that kind runs, in the variant where it says anything. */
const ACTION_STATES: Record<Kind, string> = {
  Start: "Starting",
  Stop: "Stopping",
  Restart: "Restarting",
  Repair: "Repairing",
  CaptureSnapshot: "CapturingSnapshot",
  RestoreSnapshot: "RestoringSnapshot",
};

export const BENCH_OWNER = "b0b0b0b0-0000-4000-8000-000000000001";

const boxName = (i: number) => `box-${String(i).padStart(2, "0")}`;

export function planOperations(options: ScenarioOptions, start: number): { boxes: { projectName: string; name: string }[]; operations: PlannedOperation[] } {
  const random = seededRandom(options.seed);
  const boxes = Array.from({ length: options.devBoxes }, (_, i) => ({ projectName: `project-${i % options.projects}`, name: boxName(i) }));
  const starts = Array.from({ length: options.operations }, () => start + uniform(random, 0, options.startWindowMs)).sort((a, b) => a - b);
  const busyUntil = new Map<string, number>();
  const operations = starts.map((startAt, i): PlannedOperation => {
    const free = boxes.filter((b) => (busyUntil.get(b.name) ?? 0) <= startAt);
    const pool = free.length > 0 ? free : boxes;
    const box = pool[Math.floor(random() * pool.length)] ?? boxes[0] ?? { projectName: "project-0", name: boxName(0) };
    const kind = KINDS[Math.floor(random() * KINDS.length)] ?? "Repair";
    const endAt = Math.round(startAt + uniform(random, options.runningMs[0], options.runningMs[1]));
    busyUntil.set(box.name, endAt);
    return {
      operationId: `0b0b0b0b-0000-4000-8000-${String(i).padStart(12, "0")}`,
      kind,
      projectName: box.projectName,
      devBoxName: box.name,
      startAt: Math.round(startAt),
      endAt,
    };
  });
  return { boxes, operations };
}

/** Puts the planned dev boxes and, as `advance` passes their times, their operations and listed states into the model. */
export class ScenarioDevCenter {
  private readonly events: { at: number; apply: () => void }[];

  constructor(
    private readonly model: DevCenter,
    private readonly options: ScenarioOptions,
    plan: ReturnType<typeof planOperations>,
    start: number,
  ) {
    for (const box of plan.boxes) this.putBox(box.projectName, box.name, undefined, start);
    this.events = plan.operations
      .flatMap((op) => [
        {
          at: op.startAt,
          apply: () => {
            this.startOperation(op);
          },
        },
        {
          at: op.endAt,
          apply: () => {
            this.putBox(op.projectName, op.devBoxName, undefined, op.endAt);
          },
        },
      ])
      .sort((a, b) => a.at - b.at);
  }

  /** Everything due by `now` happens. */
  advance(now: number): void {
    while (this.events.length > 0 && (this.events[0]?.at ?? Number.POSITIVE_INFINITY) <= now) this.events.shift()?.apply();
  }

  private startOperation(op: PlannedOperation): void {
    const steps = stepsSchema.parse([
      { afterMs: 0, body: { status: "Running", startTime: "{{start}}" } },
      { afterMs: op.endAt - op.startAt, body: { status: "Succeeded", startTime: "{{start}}", endTime: "{{end}}" } },
    ]);
    this.model.addOperation(op.projectName, op.devBoxName, BENCH_OWNER, { operationId: op.operationId, kind: op.kind, createdBy: BENCH_OWNER, steps, start: op.startAt });
    this.putBox(op.projectName, op.devBoxName, ACTION_STATES[op.kind], op.startAt);
  }

  private putBox(projectName: string, name: string, actionState: string | undefined, now: number): void {
    const shown = this.options.listedStateShowsWork ? actionState : undefined;
    this.model.putDevBox(
      { projectName, name, owner: BENCH_OWNER, provisioningState: "Succeeded", powerState: "Running", ...(shown === undefined ? {} : { actionState: shown }) },
      now,
    );
  }
}

import type { Step } from "./scenario-schema";

/**
 * The step that answers `elapsedMs` after the clock start: the last one whose `afterMs` has passed, or the first
 * step while none has. `steps` is sorted by `afterMs` and never empty (the schema guarantees both).
 */
export function selectStep(steps: readonly Step[], elapsedMs: number): Step {
  const chosen = lastPassedStep(steps, elapsedMs) ?? steps[0];
  if (!chosen) throw new Error("a scenario has at least one step");
  return chosen;
}

/** The last of `steps` (sorted by `afterMs`) whose `afterMs` has passed, or undefined while none has. */
export function lastPassedStep(steps: readonly Step[], elapsedMs: number): Step | undefined {
  let chosen: Step | undefined;
  for (const step of steps) {
    if (step.afterMs <= elapsedMs) chosen = step;
    else break;
  }
  return chosen;
}

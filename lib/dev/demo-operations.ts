import { permalinkPath, type OperationRef } from "@/lib/azure/operation-ref";
import { encodeBoard } from "@/lib/board/board-codec";
import { boardLink } from "@/lib/board/board-link";
import type { DemoOperation } from "@/lib/config/public-config";
import { DEMO_BOARD_SCENARIOS } from "./simulator/demo-board";
import { DEMO_SCENARIOS } from "./simulator/demo-scenarios";
import { parseScenario, type ScenarioInput } from "./simulator/scenario-schema";
import { scenarioRef } from "./simulator/scenario-store";

/**
 * The demo's operations as the app is told of them, worked out from the scenarios the simulator at `simulatorOrigin`
 * serves (their ids are fixed), so that the demo, the screenshots and the e2e stack name them all the same way.
 */

interface DemoItem {
  ref: OperationRef;
  label: string;
}

function demoItem(input: ScenarioInput, simulatorOrigin: string): DemoItem {
  const parsed = parseScenario(input);
  // The demo's scenarios are fixed: one that does not validate, or does not say what it shows, is a bug.
  if (!parsed.ok) throw new Error(`demo scenario "${input.label ?? input.kind}" is invalid: ${parsed.error}`);
  if (parsed.value.label === undefined) throw new Error(`a demo scenario of kind ${input.kind} has no label`);
  return { ref: scenarioRef(parsed.value, new URL(simulatorOrigin).host), label: parsed.value.label };
}

const asDemoOperation = ({ ref, label }: DemoItem): Required<DemoOperation> => ({ permalink: permalinkPath(ref), label });

/** The operations a first visit's watch list starts with (OPWATCH_DEMO_OPERATIONS), each labelled with what it shows. */
export function demoWatchList(simulatorOrigin: string): Required<DemoOperation>[] {
  return DEMO_SCENARIOS.map((input) => asDemoOperation(demoItem(input, simulatorOrigin)));
}

/** The operations of the demo's board: none of them is on a first visit's watch list, so its link offers "Add all". */
export function demoBoard(simulatorOrigin: string): Required<DemoOperation>[] {
  return DEMO_BOARD_SCENARIOS.map((input) => asDemoOperation(demoItem(input, simulatorOrigin)));
}

/** The link to the demo's board, with its labels, as `npm run demo` prints it. */
export function demoBoardLink(appOrigin: string, simulatorOrigin: string): string {
  return boardLink(new URL(appOrigin).origin, encodeBoard(DEMO_BOARD_SCENARIOS.map((input) => demoItem(input, simulatorOrigin))));
}

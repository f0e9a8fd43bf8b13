import { describe, expect, it } from "vitest";
import { parseAppPath } from "@/lib/azure/operation-ref";
import { decodeBoard } from "@/lib/board/board-codec";
import { demoBoard, demoBoardLink, demoWatchList } from "./demo-operations";
import { seedDemo } from "./simulator/demo-scenarios";
import { ScenarioStore } from "./simulator/scenario-store";

const SIMULATOR = "http://127.0.0.1:4010";

describe("the demo's operations", () => {
  const seeded = seedDemo(new ScenarioStore({ origin: SIMULATOR, now: () => 0 }));
  const watched = demoWatchList(SIMULATOR);
  const board = demoBoard(SIMULATOR);

  it("are the operations the simulator seeds, under the labels it gives them", () => {
    expect([...watched, ...board]).toEqual(seeded.map(({ permalink, label }) => ({ permalink, label })));
  });

  it("name a first visit's rows apart, and the board holds none of them", () => {
    expect(new Set(watched.map((op) => op.label)).size).toBe(watched.length);
    expect(board.length).toBeGreaterThan(1);
    const onTheList = new Set(watched.map((op) => op.permalink));
    expect(board.filter((op) => onTheList.has(op.permalink))).toEqual([]);
  });

  it("print a board link that opens exactly the board's operations, with their labels", () => {
    const link = demoBoardLink("http://localhost:3000/", SIMULATOR);
    const [page, fragment = ""] = link.split("#");
    expect(page).toBe("http://localhost:3000/board");
    const decoded = decodeBoard(fragment);
    expect(decoded.problems).toEqual([]);
    expect(decoded.items).toEqual(
      board.map(({ permalink, label }) => {
        const ref = parseAppPath(permalink);
        if (!ref.ok) throw new Error(permalink);
        return { ref: ref.value, label };
      }),
    );
  });
});

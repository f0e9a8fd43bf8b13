/**
 * `npm run bench:board-link`: the length of a board link (origin + `/board#` + fragment) for 10, 100 and 500
 * operations of realistic boards (lib/board/sample-boards.ts, seeded), one subscription's rollout or spread over
 * many, with and without labels, and the most operations that fit in 8 KB. A script that prints, not a test.
 */
import { encodeBoard } from "@/lib/board/board-codec";
import { sampleBoard, type BoardShape } from "@/lib/board/sample-boards";
import { readOptions } from "@/lib/dev/bench/options";
import { seededRandom } from "@/lib/polling/seeded-random";

// No options but --help; anything else is refused rather than ignored.
readOptions("bench:board-link", {});

const ORIGIN = "https://opwatch.contoso.com";
const LIMIT = 8192;
const SEED = 2026;
const COUNTS = [10, 100, 500];

const linkLength = (shape: BoardShape, labelled: boolean, count: number): number =>
  `${ORIGIN}/board#${encodeBoard(sampleBoard(seededRandom(SEED), count, shape, labelled))}`.length;

/** The largest count whose link is within the limit (lengths grow with the count, so a binary search will do). */
function mostWithin(shape: BoardShape, labelled: boolean): number {
  let lo = 0;
  let hi = 1000;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (linkLength(shape, labelled, mid) <= LIMIT) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const rows: string[][] = [];
for (const shape of ["oneRollout", "spread"] as const) {
  for (const labelled of [false, true]) {
    rows.push([
      `${shape === "oneRollout" ? "one subscription's rollout" : "spread over many subscriptions"}${labelled ? ", labelled" : ""}`,
      ...COUNTS.map((count) => {
        const length = linkLength(shape, labelled, count);
        return `${length} (${(length / count).toFixed(1)}/op)`;
      }),
      String(mostWithin(shape, labelled)),
    ]);
  }
}

const header = ["board", ...COUNTS.map((count) => `${count} ops`), `most in ${LIMIT / 1024} KB`];
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
console.info(`Board link length in characters, ${ORIGIN}/board#..., seed ${SEED}`);
console.info(line(header));
for (const row of rows) console.info(line(row));

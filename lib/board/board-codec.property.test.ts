import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { refKey, type OperationRef } from "@/lib/azure/operation-ref";
import { seededRandom } from "@/lib/polling/seeded-random";
import { decodeBoard, encodeBoard, type BoardItem } from "./board-codec";
import { sampleBoard } from "./sample-boards";

const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
const guid = fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((parts) => parts.join("-"));
const cased = (value: fc.Arbitrary<string>) => fc.tuple(value, fc.boolean()).map(([v, upper]) => (upper ? v.toUpperCase() : v));
const name = fc.stringMatching(/^[-\w()]{0,20}[-\w()]$/);
const operationId = fc.oneof(cased(guid), fc.stringMatching(/^[-\w]{1,30}$/));

const devops: fc.Arbitrary<OperationRef> = fc.record({
  kind: fc.constant("devops" as const),
  subscriptionId: fc.oneof(cased(guid), fc.stringMatching(/^[A-Za-z0-9-]{1,40}$/)),
  resourceGroupName: fc.constantFrom("rg-a", "rg-b(prod)", "RG_c.d"),
  securityConnectorName: fc.oneof(fc.constantFrom("conn", "github-contoso"), name),
  operationResultId: operationId,
});
const devcenter: fc.Arbitrary<OperationRef> = fc.record({
  kind: fc.constant("devcenter" as const),
  endpointHost: fc.constantFrom("x-dc.westus3.devcenter.azure.com", "127.0.0.1:4010", "a.b"),
  projectName: fc.constantFrom("proj-a", "Project_1.x"),
  operationId: cased(guid),
});
const label = fc.option(fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: "grapheme", maxLength: 10 })), { nil: undefined });
const items: fc.Arbitrary<BoardItem[]> = fc.array(
  fc.tuple(fc.oneof(devops, devcenter), label).map(([ref, l]) => (l === undefined ? { ref } : { ref, label: l })),
  { maxLength: 25 },
);

/** What the decoder must give back for these items: the first of each operation, labels trimmed, blank ones dropped. */
function expectedItems(input: readonly BoardItem[]): BoardItem[] {
  const seen = new Set<string>();
  const out: BoardItem[] = [];
  for (const { ref, label } of input) {
    if (seen.has(refKey(ref))) continue;
    seen.add(refKey(ref));
    const trimmed = label?.trim();
    out.push(trimmed ? { ref, label: trimmed } : { ref });
  }
  return out;
}

/** Every decoded ref was encoded (same spelling), and the readable entries up to the damage are all there, in order. */
function checkDamaged(original: BoardItem[], fragment: string, damagedAt: number) {
  const decoded = decodeBoard(fragment);
  const encoded = new Map(original.map((item) => [JSON.stringify(item.ref), item]));
  for (const item of decoded.items) expect(encoded.get(JSON.stringify(item.ref))?.ref).toEqual(item.ref);
  // Entries that end before the damaged token (its `~` included) must all be read.
  const clean = fragment.slice(0, damagedAt).split("~").slice(0, -1).join("~");
  const before = decodeBoard(clean).items;
  expect(decoded.items.slice(0, before.length)).toEqual(before);
  return decoded;
}

describe("board link properties", () => {
  it("round-trips any set of valid refs and labels", () => {
    fc.assert(
      fc.property(items, (input) => {
        const decoded = decodeBoard(encodeBoard(input));
        expect(decoded.problems).toEqual([]);
        expect(decoded.items).toEqual(expectedItems(input));
      }),
      { numRuns: 300 },
    );
  });

  it("a link cut off anywhere never throws, keeps every operation before the cut, and says what was lost", () => {
    const board = sampleBoard(seededRandom(5), 40, "spread", true);
    const fragment = encodeBoard(board);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: fragment.length - 1 }), (cut) => {
        const decoded = checkDamaged(board, fragment.slice(0, cut), cut);
        expect(board.slice(0, decoded.items.length)).toEqual(decoded.items);
        if (cut > 10) expect(decoded.problems.join(" ")).toMatch(/could not be read from this link: it was cut off (after|before)/);
      }),
      { numRuns: 400 },
    );
  });

  it("one changed character never throws and never gives an operation that was not in the link", () => {
    const boards = [sampleBoard(seededRandom(6), 30, "spread", true), sampleBoard(seededRandom(7), 30, "oneRollout", false)];
    fc.assert(
      fc.property(fc.constantFrom(...boards), fc.nat(), fc.oneof(fc.string({ minLength: 1, maxLength: 1 }), fc.constantFrom("~", "!", "%", "+", ".", "=")), (board, at, char) => {
        const fragment = encodeBoard(board);
        const i = at % fragment.length;
        fc.pre(fragment[i] !== char);
        const changed = fragment.slice(0, i) + char + fragment.slice(i + 1);
        const decoded = checkDamaged(board, changed, i);
        expect(decoded.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});

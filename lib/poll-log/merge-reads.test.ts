import { describe, expect, it } from "vitest";
import type { PollRecord } from "@/lib/polling/poll-record";
import { HISTORY_LIMIT } from "@/lib/polling/snapshot";
import { mergeReads } from "./merge-reads";

const read = (at: number, extra: Partial<PollRecord> = {}): PollRecord => ({ at, outcome: "status", requestId: `r-${at}`, ...extra });

describe("mergeReads", () => {
  it("puts the stored reads before the live ones, each read once", () => {
    const merged = mergeReads([read(1), read(2), read(3)], [read(3), read(4)]);
    expect(merged.map((r) => r.at)).toEqual([1, 2, 3, 4]);
  });

  it("keeps the copy that knows why the next read is when it is", () => {
    const annotated = read(3, { next: { at: 8, reason: "Next read in 5 s." } });
    expect(mergeReads([annotated], [read(3)])[0]?.next).toEqual(annotated.next);
    expect(mergeReads([read(3)], [annotated])[0]?.next).toEqual(annotated.next);
  });

  it("tells apart two reads at the same moment with different request ids", () => {
    expect(mergeReads([read(1, { requestId: "a" })], [read(1, { requestId: "b" })])).toHaveLength(2);
  });

  it(`keeps the last ${HISTORY_LIMIT}`, () => {
    const stored = Array.from({ length: HISTORY_LIMIT }, (_, i) => read(i));
    const merged = mergeReads(stored, [read(HISTORY_LIMIT)]);
    expect(merged).toHaveLength(HISTORY_LIMIT);
    expect(merged[0]?.at).toBe(1);
  });

  it("is the live history when nothing was stored", () => {
    expect(mergeReads(undefined, [read(1)])).toEqual([read(1)]);
  });
});

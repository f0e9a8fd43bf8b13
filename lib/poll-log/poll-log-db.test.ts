import "fake-indexeddb/auto";
import { openDB } from "idb";
import { describe, expect, it } from "vitest";
import type { PollRecord } from "@/lib/polling/poll-record";
import { HISTORY_LIMIT } from "@/lib/polling/snapshot";
import {
  MAX_AGE_MS,
  MAX_LOGS,
  deletePollLogDb,
  dropExpiredLogs,
  openPollLogDb,
  pollLogDbName,
  readLastStatus,
  readPollLog,
  writePollLog,
  type PollLogDb,
} from "./poll-log-db";

const T0 = Date.UTC(2026, 10, 28, 12);
let accounts = 0;
const open = (): Promise<{ db: PollLogDb; account: string }> => {
  const account = `account-${++accounts}`;
  return openPollLogDb(account, { onClosed: () => undefined }).then((db) => ({ db, account }));
};

const read = (at: number, extra: Partial<PollRecord> = {}): PollRecord => ({
  at,
  outcome: "status",
  category: "running",
  percentComplete: 10,
  status: "InProgress",
  startTime: T0 - 600_000,
  latencyMs: 120,
  requestId: `req-${at}`,
  next: { at: at + 5000, reason: "Next read in 5 s: read at least every 5 s while this page is open." },
  ...extra,
});

const batchOf = (op: string, records: PollRecord[]) => new Map([[op, records]]);

describe("the stored poll log", () => {
  it("keeps each read's fields as they were, oldest first", async () => {
    const { db } = await open();
    const failed: PollRecord = { at: T0 + 1, outcome: "readError", httpStatus: 429, retryAfterMs: 10_000, errorCode: "TooManyRequests", next: { at: undefined, reason: "x" } };
    await writePollLog(db, batchOf("op", [read(T0), failed]), T0);
    expect(await readPollLog(db, "op")).toEqual([read(T0), failed]);
    expect(await readPollLog(db, "other")).toEqual([]);
  });

  it("never stores more than the record's own fields (no body, no token)", async () => {
    const { db } = await open();
    const carrying = { ...read(T0), body: { secret: 1 }, authorization: "Bearer abc" } as PollRecord;
    await writePollLog(db, batchOf("op", [carrying]), T0);
    const raw = await db.getAll("reads");
    expect(JSON.stringify(raw)).not.toMatch(/secret|Bearer/);
  });

  it("keeps the last 200 reads of an operation, dropping the oldest", async () => {
    const { db } = await open();
    for (let batch = 0; batch < 3; batch++) {
      const records = Array.from({ length: 90 }, (_, i) => read(T0 + (batch * 90 + i) * 1000));
      await writePollLog(db, batchOf("op", records), T0 + batch);
    }
    const kept = await readPollLog(db, "op");
    expect(kept).toHaveLength(HISTORY_LIMIT);
    expect(kept[0]?.at).toBe(T0 + 70 * 1000);
    expect(kept.at(-1)?.at).toBe(T0 + 269 * 1000);
    // Stored: trimmed back to 200 once a log may hold 20 more, so never more than 220.
    expect(await db.count("reads")).toBeLessThanOrEqual(HISTORY_LIMIT + 20);
  });

  it("writing the same read twice keeps it once", async () => {
    const { db } = await open();
    await writePollLog(db, batchOf("op", [read(T0)]), T0);
    await writePollLog(db, batchOf("op", [read(T0)]), T0 + 1);
    expect(await readPollLog(db, "op")).toHaveLength(1);
  });

  it(`keeps ${MAX_LOGS} operations' logs, dropping the one written least recently first`, async () => {
    const { db } = await open();
    const ops = Array.from({ length: MAX_LOGS }, (_, i) => `op-${i}`);
    // op-0 is written last, so op-1 is the least recently written when a new log arrives.
    for (const [i, op] of ops.entries()) await writePollLog(db, batchOf(op, [read(T0 + i)]), T0 + (i === 0 ? MAX_LOGS : i));
    await writePollLog(db, batchOf("new", [read(T0)]), T0 + MAX_LOGS + 1);
    expect(await db.count("logs")).toBe(MAX_LOGS);
    expect(await readPollLog(db, "op-1")).toEqual([]);
    expect(await db.count("reads", IDBKeyRange.bound(["op-1", 0], ["op-1", Infinity]))).toBe(0);
    expect(await readPollLog(db, "op-0")).toHaveLength(1);
    expect(await readPollLog(db, "op-2")).toHaveLength(1);
    expect(await readPollLog(db, "new")).toHaveLength(1);
  });

  it("drops the logs not written for 30 days", async () => {
    const { db } = await open();
    await writePollLog(db, batchOf("old", [read(T0)]), T0);
    await writePollLog(db, batchOf("recent", [read(T0 + 1)]), T0 + MAX_AGE_MS / 2);
    await dropExpiredLogs(db, T0 + MAX_AGE_MS + 1);
    expect(await readPollLog(db, "old")).toEqual([]);
    expect(await readPollLog(db, "recent")).toHaveLength(1);
  });

  it("skips damaged rows and rows of another shape, keeping the good ones", async () => {
    const { db, account } = await open();
    await writePollLog(db, batchOf("op", [read(T0), read(T0 + 2000)]), T0);
    db.close();
    const raw = await openDB(pollLogDbName(account), 1);
    await raw.put("reads", { op: "op", at: T0 + 1000, outcome: "weird", latencyMs: "slow" });
    await raw.put("reads", { op: "op", at: T0 + 1500, outcome: "status", percentComplete: 400 });
    await raw.put("reads", { op: "op", at: T0 + 1700, outcome: "status", next: "soon" });
    raw.close();
    const reopened = await openPollLogDb(account, { onClosed: () => undefined });
    expect((await readPollLog(reopened, "op")).map((r) => r.at)).toEqual([T0, T0 + 2000]);
  });

  it("keeps the operation as read: its status verbatim (a long one cut) and its own times", async () => {
    const { db } = await open();
    const ended = read(T0, { category: "failed", status: "Failed", endTime: T0 - 1000 });
    await writePollLog(db, batchOf("op", [ended, read(T0 + 1, { status: "x".repeat(2000) })]), T0);
    const [first, second] = await readPollLog(db, "op");
    expect(first).toEqual(ended);
    expect(second?.status).toBe("x".repeat(500));
  });

  it("finds the latest read of the status, passing over failed reads and damaged rows", async () => {
    const { db, account } = await open();
    const last = read(T0 + 1000, { percentComplete: 30 });
    await writePollLog(db, batchOf("op", [read(T0), last, read(T0 + 2000, { outcome: "readError", httpStatus: 503, category: undefined, percentComplete: undefined })]), T0);
    db.close();
    const raw = await openDB(pollLogDbName(account), 1);
    await raw.put("reads", { op: "op", at: T0 + 3000, outcome: "status", category: "running", percentComplete: 999 });
    raw.close();
    const reopened = await openPollLogDb(account, { onClosed: () => undefined });
    expect(await readLastStatus(reopened, "op")).toEqual(last);
    expect(await readLastStatus(reopened, "other")).toBeUndefined();
  });

  it("closes its connection when another tab deletes the database (sign-out)", async () => {
    let closed = 0;
    const account = `account-${++accounts}`;
    await openPollLogDb(account, { onClosed: () => (closed += 1) });
    await deletePollLogDb(account);
    expect(closed).toBe(1);
  });
});

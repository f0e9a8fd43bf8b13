import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PollRecord } from "@/lib/polling/poll-record";
import { openPollLogDb, type PollLogDb } from "./poll-log-db";
import { PollLogWriter } from "./poll-log-writer";

const T0 = Date.UTC(2026, 10, 28, 12);
let accounts = 0;
const read = (at: number): PollRecord => ({ at, outcome: "status", category: "running", latencyMs: 80, requestId: `r-${at}` });

function writerOn(open: (onClosed: () => void) => Promise<PollLogDb>) {
  return new PollLogWriter(open, () => T0, 1000);
}
const freshDb = (onClosed: () => void) => openPollLogDb(`writer-${++accounts}`, { onClosed });

/** A writer on a fresh database, once it is open, and that database (to watch its transactions). */
async function openedWriter(flushEveryMs = 1000): Promise<{ writer: PollLogWriter; db: PollLogDb }> {
  const opened: PollLogDb[] = [];
  const writer = new PollLogWriter(
    async (onClosed) => {
      const db = await freshDb(onClosed);
      opened.push(db);
      return db;
    },
    () => T0,
    flushEveryMs,
  );
  await vi.waitFor(() => {
    expect(writer.state()).toBe("kept");
  });
  const [db] = opened;
  if (!db) throw new Error("opened");
  return { writer, db };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("PollLogWriter", () => {
  it("writes the reads of a second in one transaction, then reads them back", async () => {
    const { writer, db } = await openedWriter(50);
    const transaction = vi.spyOn(db, "transaction");
    for (let i = 0; i < 50; i++) writer.append(`op-${i % 5}`, read(T0 + i));
    expect(transaction).not.toHaveBeenCalled();
    // The timer writes the batch: one write transaction for the 50 reads of 5 operations.
    await vi.waitFor(() => {
      expect(transaction).toHaveBeenCalledTimes(1);
    });
    await writer.flush();
    expect(await writer.read("op-0")).toHaveLength(10);
    expect(transaction.mock.calls.filter((call) => call[1] === "readwrite")).toHaveLength(1);
  });

  it("says the log is not kept when IndexedDB cannot be opened, and the page goes on", async () => {
    const writer = writerOn(() => Promise.reject(new DOMException("private window", "InvalidStateError")));
    writer.append("op", read(T0));
    await writer.flush();
    expect(writer.state()).toBe("unavailable");
    expect(await writer.read("op")).toBeUndefined();
    // Later reads are not even queued.
    writer.append("op", read(T0 + 1));
    await expect(writer.flush()).resolves.toBeUndefined();
  });

  it("stops writing once another tab closed the database (a sign-out elsewhere)", async () => {
    let close: () => void = () => undefined;
    const writer = writerOn(async (onClosed) => {
      close = onClosed;
      return freshDb(onClosed);
    });
    await vi.waitFor(() => {
      expect(writer.state()).toBe("kept");
    });
    close();
    expect(writer.state()).toBe("unavailable");
  });

  it("on a full storage drops the older half of the logs and tries once more; if still full, says so", async () => {
    const { writer, db } = await openedWriter();
    writer.append("a", read(T0));
    writer.append("b", read(T0));
    await writer.flush();
    // A full disk, as Chromium reports it: the write transaction fails with QuotaExceededError.
    const real = db.transaction.bind(db);
    let refusals = 1;
    vi.spyOn(db, "transaction").mockImplementation(((...args: Parameters<PollLogDb["transaction"]>) => {
      if (args[1] === "readwrite" && refusals-- > 0) throw new DOMException("quota", "QuotaExceededError");
      return real(...args);
    }));
    writer.append("c", read(T0 + 1));
    await writer.flush();
    expect(writer.state()).toBe("kept");
    expect(await writer.read("c")).toHaveLength(1);
    // One of the two older logs made room.
    const older = [...((await writer.read("a")) ?? []), ...((await writer.read("b")) ?? [])];
    expect(older).toHaveLength(1);

    refusals = 2;
    writer.append("d", read(T0 + 2));
    await writer.flush();
    expect(writer.state()).toBe("full");
  });
});

describe("a backlog", () => {
  it("is written in steps of 50 logs, each its own transaction", async () => {
    const { writer, db } = await openedWriter();
    const transaction = vi.spyOn(db, "transaction");
    for (let i = 0; i < 120; i++) writer.append(`op-${i}`, read(T0 + i));
    await writer.flush();
    expect(transaction.mock.calls.filter((call) => call[1] === "readwrite")).toHaveLength(3);
    expect(await writer.read("op-119")).toHaveLength(1);
  });
});

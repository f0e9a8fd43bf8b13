import { deleteDB, openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from "idb";
import type { PollRecord } from "@/lib/polling/poll-record";
import { HISTORY_LIMIT } from "@/lib/polling/snapshot";
import { readStoredRead, toStoredRead } from "./stored-read";

/**
 * The poll log in IndexedDB, one database per signed-in account (two people on one machine never see each other's
 * reads). One row per read, keyed by operation and time, so a write adds rows instead of rewriting a log; a row per
 * operation says when its log was last written. The bounds: the last HISTORY_LIMIT reads per operation, the logs of
 * MAX_LOGS operations (the least recently written go first), and no log left unwritten for MAX_AGE_MS.
 */

/** Logs of this many operations are kept, as many as the largest watch list opwatch is built for; one more pushes out the log written least recently. */
export const MAX_LOGS = 500;
/** A log not written for 30 days is of an operation nobody watches any more. */
export const MAX_AGE_MS = 30 * 24 * 3_600_000;

/** In the name: a later shape gets a new database instead of misreading this one (the old one is deleted on sign-out). */
const DB_PREFIX = "opwatch.poll-log.v1:";
const DB_VERSION = 1;
/** A log is trimmed back to 200 once it may hold this many more. */
const TRIM_SLACK = 20;

interface PollLogSchema extends DBSchema {
  /** Values are checked on the way out (stored-read.ts), so they are typed as what they may be. */
  reads: { key: [string, number]; value: unknown };
  /** `atMost`: how many reads the log may hold (trimmed back to 200 once past 200 + TRIM_SLACK). */
  logs: { key: string; value: { op: string; writtenAt: number; atMost: number }; indexes: { writtenAt: number } };
}

export type PollLogDb = IDBPDatabase<PollLogSchema>;
type WriteTx = IDBPTransaction<PollLogSchema, ("reads" | "logs")[], "readwrite">;

export const pollLogDbName = (accountId: string): string => `${DB_PREFIX}${accountId}`;

const readsOf = (op: string) => IDBKeyRange.bound([op, Number.NEGATIVE_INFINITY], [op, Number.POSITIVE_INFINITY]);

export interface OpenHooks {
  /** Another tab wants the database gone or upgraded (a sign-out, a newer opwatch): this connection has been closed. */
  onClosed: () => void;
}

export async function openPollLogDb(accountId: string, hooks: OpenHooks): Promise<PollLogDb> {
  const db = await openDB<PollLogSchema>(pollLogDbName(accountId), DB_VERSION, {
    upgrade(database) {
      for (const name of database.objectStoreNames) database.deleteObjectStore(name);
      database.createObjectStore("reads", { keyPath: ["op", "at"] });
      database.createObjectStore("logs", { keyPath: "op" }).createIndex("writtenAt", "writtenAt");
    },
    blocking() {
      db.close();
      hooks.onClosed();
    },
    terminated() {
      hooks.onClosed();
    },
  });
  return db;
}

export function deletePollLogDb(accountId: string): Promise<void> {
  return deleteDB(pollLogDbName(accountId));
}

/** An operation's stored reads, oldest first; rows that fail the check are skipped. */
export async function readPollLog(db: PollLogDb, op: string): Promise<PollRecord[]> {
  const rows = await db.getAll("reads", readsOf(op));
  const records: PollRecord[] = [];
  for (const row of rows) {
    const record = readStoredRead(row);
    if (record) records.push(record);
  }
  return records.slice(-HISTORY_LIMIT);
}

/**
 * An operation's latest stored read that read its status (newest first, so a reload of 500 rows reads a row or two
 * of each, not its whole log); rows that fail the check are passed over.
 */
export async function readLastStatus(db: PollLogDb, op: string): Promise<PollRecord | undefined> {
  let cursor = await db.transaction("reads").store.openCursor(readsOf(op), "prev");
  while (cursor) {
    const record = readStoredRead(cursor.value);
    if (record?.outcome === "status" && record.category !== undefined) return record;
    cursor = await cursor.continue();
  }
  return undefined;
}

/**
 * Adds a batch of reads in one transaction, then trims the logs that may have grown past their bound, and the number
 * of logs. A log's row says how many reads it holds at most, so a log is counted and trimmed once every TRIM_SLACK
 * reads rather than at every read (a read costs a get and two puts, not five requests); readers take the last 200.
 */
export function writePollLog(db: PollLogDb, batch: ReadonlyMap<string, readonly PollRecord[]>, now: number): Promise<void> {
  return inWriteTx(db, async (tx) => {
    const reads = tx.objectStore("reads");
    const logs = tx.objectStore("logs");
    const ops = [...batch.keys()];
    const rows = await Promise.all(ops.map((op) => logs.get(op)));
    const puts: Promise<unknown>[] = [];
    const toTrim: string[] = [];
    for (const [i, op] of ops.entries()) {
      const records = batch.get(op) ?? [];
      for (const record of records) puts.push(reads.put(toStoredRead(op, record)));
      // Unknown (a new log, or a damaged row): counted now, to be safe.
      const held = rows[i]?.atMost;
      let atMost = (typeof held === "number" ? held : HISTORY_LIMIT + TRIM_SLACK) + records.length;
      if (atMost > HISTORY_LIMIT + TRIM_SLACK) {
        toTrim.push(op);
        atMost = HISTORY_LIMIT;
      }
      puts.push(logs.put({ op, writtenAt: now, atMost }));
    }
    await Promise.all(puts);
    // All at once: requests queue in the transaction, so many logs cost one wait, not a round trip each.
    await Promise.all(toTrim.map((op) => trimLog(tx, op)));
    const excess = (await logs.count()) - MAX_LOGS;
    if (excess > 0) await dropOldestLogs(tx, excess);
  });
}

/** One transaction over both stores; it fails as a whole with the first error (a full storage: QuotaExceededError). */
async function inWriteTx(db: PollLogDb, work: (tx: WriteTx) => Promise<void>): Promise<void> {
  const tx = db.transaction(["reads", "logs"], "readwrite");
  const done = tx.done;
  // Reported below, through `work`'s error or by awaiting `done`; never as an unhandled rejection.
  done.catch(() => undefined);
  try {
    await work(tx);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the error itself.
    }
    throw error;
  }
  await done;
}

async function trimLog(tx: WriteTx, op: string): Promise<void> {
  const reads = tx.objectStore("reads");
  const excess = (await reads.count(readsOf(op))) - HISTORY_LIMIT;
  if (excess <= 0) return;
  const oldest = await reads.getAllKeys(readsOf(op), excess);
  const last = oldest.at(-1);
  if (last) await reads.delete(IDBKeyRange.bound([op, Number.NEGATIVE_INFINITY], last));
}

/** Drops the `count` logs written least recently (used by the bound, and to make room when storage is full). */
async function dropOldestLogs(tx: WriteTx, count: number, writtenBefore?: number): Promise<void> {
  const range = writtenBefore === undefined ? undefined : IDBKeyRange.upperBound(writtenBefore, true);
  let cursor = await tx.objectStore("logs").index("writtenAt").openCursor(range);
  for (let dropped = 0; cursor && dropped < count; dropped++) {
    await tx.objectStore("reads").delete(readsOf(cursor.primaryKey));
    await cursor.delete();
    cursor = await cursor.continue();
  }
}

/** Logs not written for MAX_AGE_MS go (once per page: an open dashboard keeps writing the logs it watches). */
export function dropExpiredLogs(db: PollLogDb, now: number): Promise<void> {
  return inWriteTx(db, (tx) => dropOldestLogs(tx, Number.POSITIVE_INFINITY, now - MAX_AGE_MS));
}

/** Storage is full: the least recently written half of the logs makes room for the ones being read now. */
export function dropOlderHalf(db: PollLogDb): Promise<void> {
  return inWriteTx(db, async (tx) => {
    await dropOldestLogs(tx, Math.ceil((await tx.objectStore("logs").count()) / 2));
  });
}

import type { PollRecord } from "@/lib/polling/poll-record";
import { dropExpiredLogs, dropOlderHalf, readLastStatus, readPollLog, writePollLog, type PollLogDb } from "./poll-log-db";

/**
 * This page's side of the stored poll log: reads are appended as they come and written in one transaction about
 * once a second (at 500 operations a transaction per read would be hundreds a minute on the main thread), and read
 * back per operation. Storage is a convenience: when IndexedDB is missing, refused (private windows), closed by
 * another tab or full, the page goes on and `state` says the log is not kept.
 */

export type PollLogState = "opening" | "kept" | "unavailable" | "full";

const FLUSH_EVERY_MS = 1000;
/**
 * Logs per transaction: a transaction's requests answer in bursts on the main thread, and in Chromium 50 logs' worth
 * stays well under a 50 ms task while 500 at once does not (a backlog after a stall is written in steps).
 */
const LOGS_PER_WRITE = 50;

function* chunks(batch: ReadonlyMap<string, readonly PollRecord[]>): Generator<Map<string, readonly PollRecord[]>> {
  const entries = [...batch];
  for (let i = 0; i < entries.length; i += LOGS_PER_WRITE) yield new Map(entries.slice(i, i + LOGS_PER_WRITE));
}

const isQuotaError = (error: unknown): boolean => error instanceof DOMException && error.name === "QuotaExceededError";

export class PollLogWriter {
  private pending = new Map<string, PollRecord[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private current: PollLogState = "opening";
  private readonly listeners = new Set<() => void>();
  private readonly db: Promise<PollLogDb | undefined>;

  constructor(
    open: (onClosed: () => void) => Promise<PollLogDb>,
    private readonly now: () => number,
    private readonly flushEveryMs = FLUSH_EVERY_MS,
  ) {
    this.db = this.start(open);
  }

  private async start(open: (onClosed: () => void) => Promise<PollLogDb>): Promise<PollLogDb | undefined> {
    try {
      const db = await open(() => {
        this.setState("unavailable");
      });
      await dropExpiredLogs(db, this.now());
      if (this.current === "opening") this.setState("kept");
      return db;
    } catch {
      this.setState("unavailable");
      return undefined;
    }
  }

  state = (): PollLogState => this.current;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private setState(state: PollLogState): void {
    if (state === this.current) return;
    this.current = state;
    for (const listener of this.listeners) listener();
  }

  private get writable(): boolean {
    return this.current === "opening" || this.current === "kept";
  }

  append(op: string, record: PollRecord): void {
    if (!this.writable) return;
    const list = this.pending.get(op);
    if (list) list.push(record);
    else this.pending.set(op, [record]);
    this.timer ??= setTimeout(() => void this.flush(), this.flushEveryMs);
  }

  /** Writes what is pending now (the timer, tests, and the page going away); resolves once it is written or given up. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = new Map();
    if (batch.size > 0) this.writing = this.writing.then(() => this.write(batch));
    return this.writing;
  }

  private async write(batch: ReadonlyMap<string, readonly PollRecord[]>): Promise<void> {
    for (const chunk of chunks(batch)) await this.writeChunk(chunk);
  }

  private async writeChunk(batch: ReadonlyMap<string, readonly PollRecord[]>): Promise<void> {
    const db = await this.db;
    if (!db || !this.writable) return;
    try {
      await writePollLog(db, batch, this.now());
    } catch (error) {
      if (!isQuotaError(error)) {
        this.setState("unavailable");
        return;
      }
      try {
        await dropOlderHalf(db);
        await writePollLog(db, batch, this.now());
      } catch {
        this.setState("full");
      }
    }
  }

  /** The stored reads of one operation, oldest first; undefined when the log is not kept. */
  read(op: string): Promise<PollRecord[] | undefined> {
    return this.query((db) => readPollLog(db, op));
  }

  /** The latest stored read of the operation's status; undefined when there is none or the log is not kept. */
  lastStatus(op: string): Promise<PollRecord | undefined> {
    return this.query((db) => readLastStatus(db, op));
  }

  /** A read of the log; a log that is not kept, or a read that fails, answers nothing rather than an error. */
  private async query<T>(read: (db: PollLogDb) => Promise<T>): Promise<T | undefined> {
    const db = await this.db;
    if (!db || this.current === "unavailable") return undefined;
    try {
      return await read(db);
    } catch {
      return undefined;
    }
  }

  async close(): Promise<void> {
    await this.flush();
    (await this.db)?.close();
    this.listeners.clear();
  }
}

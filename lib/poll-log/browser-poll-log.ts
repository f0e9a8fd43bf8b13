import { deletePollLogDb, openPollLogDb } from "./poll-log-db";
import { PollLogWriter } from "./poll-log-writer";

/**
 * The page's poll log of each signed-in account: one writer per account for the page's life, shared by the fleet
 * runner (which appends) and the views (which read), and written out when the page goes away.
 */

const writers = new Map<string, PollLogWriter>();

/** Undefined on the server and when nobody is signed in; a writer whose state is "unavailable" without IndexedDB. */
export function browserPollLog(accountId: string | undefined): PollLogWriter | undefined {
  if (typeof window === "undefined" || accountId === undefined) return undefined;
  const found = writers.get(accountId);
  if (found) return found;
  const writer = new PollLogWriter(
    (onClosed) => (typeof indexedDB === "undefined" ? Promise.reject(new Error("no IndexedDB")) : openPollLogDb(accountId, { onClosed })),
    () => Date.now(),
  );
  window.addEventListener("pagehide", () => void writer.flush());
  writers.set(accountId, writer);
  return writer;
}

/** Sign-out: the account's reads leave this machine. Never throws: a log that cannot be deleted must not keep anyone signed in. */
export async function forgetPollLog(accountId: string): Promise<void> {
  const writer = writers.get(accountId);
  writers.delete(accountId);
  try {
    await writer?.close();
    if (typeof indexedDB !== "undefined") await deletePollLogDb(accountId);
  } catch {
    // Deleting is best effort; logs not written for 30 days go in any case.
  }
}


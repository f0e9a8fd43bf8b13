import type { PollRecord } from "@/lib/polling/poll-record";
import { HISTORY_LIMIT } from "@/lib/polling/snapshot";

/**
 * The stored log (reads before this page) and the live history (reads since, and whatever the cache still holds)
 * as one list, oldest first, each read once. The same read may be in both: the copy that knows its next-read reason
 * wins (the live copy lacks it for the moment between a read's end and the scheduler's word on it).
 */

const identity = (record: Pick<PollRecord, "at" | "requestId">): string => `${record.at}|${record.requestId ?? ""}`;

export function mergeReads(stored: readonly PollRecord[] | undefined, live: readonly PollRecord[]): PollRecord[] {
  if (!stored || stored.length === 0) return live.slice(-HISTORY_LIMIT);
  const byIdentity = new Map<string, PollRecord>();
  for (const record of [...stored, ...live]) {
    const key = identity(record);
    const found = byIdentity.get(key);
    if (!found || record.next || !found.next) byIdentity.set(key, record);
  }
  return [...byIdentity.values()].sort((a, b) => a.at - b.at).slice(-HISTORY_LIMIT);
}

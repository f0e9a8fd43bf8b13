import "@/lib/config/zod-jitless";
import { z } from "zod";
import { CATEGORY_LABELS } from "@/lib/operations/format";
import type { StatusCategory } from "@/lib/operations/model";
import type { PollRecord } from "@/lib/polling/poll-record";

/**
 * One read as the poll log stores it: the operation's key and the read's record, field by field. Only these fields
 * are ever written (no body, no token, no header beyond the ids), and a row read back is checked the same way: a
 * damaged row, or one an older opwatch wrote in another shape, is skipped rather than shown or trusted.
 */

const categories = Object.keys(CATEGORY_LABELS) as [StatusCategory, ...StatusCategory[]];
const epochMs = z.number().nonnegative();
const duration = z.number().nonnegative().max(24 * 3_600_000);
/** Azure's own clock: any time it sends, even one before 1970, is the operation's. */
const operationTime = z.number();
/** Azure's status is a free string; a longer one is stored cut rather than losing the read. */
const MAX_STATUS_CHARS = 500;
/** Azure's ids are GUIDs; anything far longer is not one of ours. */
const id = z.string().min(1).max(200);

const storedRead = z.object({
  op: z.string().min(1).max(2000),
  at: epochMs,
  outcome: z.enum(["status", "readError"]),
  category: z.enum(categories).optional(),
  percentComplete: z.number().min(0).max(100).optional(),
  status: z.string().max(MAX_STATUS_CHARS).optional(),
  startTime: operationTime.optional(),
  endTime: operationTime.optional(),
  httpStatus: z.number().int().min(0).max(999).optional(),
  retryAfterMs: duration.optional(),
  latencyMs: duration.optional(),
  requestId: id.optional(),
  correlationId: id.optional(),
  clientRequestId: id.optional(),
  errorCode: z.string().min(1).max(500).optional(),
  next: z.object({ at: epochMs.optional(), reason: z.string().max(1000) }).optional(),
});

export type StoredRead = PollRecord & { op: string };

/** The row to store: the record's own fields only, whatever else the object may carry. */
export function toStoredRead(op: string, record: PollRecord): StoredRead {
  const row: StoredRead = { op, at: record.at, outcome: record.outcome };
  const fields = ["category", "percentComplete", "status", "startTime", "endTime", "httpStatus", "retryAfterMs", "latencyMs", "requestId", "correlationId", "clientRequestId", "errorCode"] as const;
  for (const field of fields) if (record[field] !== undefined) Object.assign(row, { [field]: record[field] });
  if (row.status !== undefined) row.status = row.status.slice(0, MAX_STATUS_CHARS);
  if (record.next) row.next = { at: record.next.at, reason: record.next.reason };
  return row;
}

/** The record of a stored row, or undefined when the row is not one (damaged, or another version's). */
export function readStoredRead(value: unknown): PollRecord | undefined {
  const parsed = storedRead.safeParse(value);
  if (!parsed.success) return undefined;
  const { op: _op, next, ...record } = parsed.data;
  const read: PollRecord = record;
  if (next) read.next = { at: next.at, reason: next.reason };
  return read;
}

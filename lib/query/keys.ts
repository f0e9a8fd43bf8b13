import { refKey, type OperationRef } from "@/lib/azure/operation-ref";

/** The one key factory: every query of an operation, whoever asks, shares one cache entry. */
export const operationKeys = {
  /** By `refKey`, for views that hold keys rather than refs. */
  byKey: (key: string) => ["operation", key] as const,
  detail: (ref: OperationRef) => operationKeys.byKey(refKey(ref)),
  /** An operation's poll log as this browser stored it for an account (read once per page; live reads come on top). */
  storedLog: (accountId: string, key: string) => ["poll-log", accountId, key] as const,
  /** An operation's latest stored read of its status for an account: what a reload shows until the first read. */
  lastStatus: (accountId: string, key: string) => ["poll-log", accountId, key, "last-status"] as const,
};

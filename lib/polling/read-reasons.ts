import { isRecord } from "@/lib/azure/wire-reader";

/**
 * Why a read is timed as it is: the policy's reasons (policy.ts), and the one the scheduler adds, a read the person
 * asked for. Plain data with numbers as numbers: it crosses tabs in the fleet's status, and fleet-text.ts alone puts
 * it into words.
 */
export type PolicyReason =
  /** Nothing is known yet. */
  | { kind: "firstRead" }
  /** The age rule: young operations are read more often. */
  | { kind: "age" }
  /** The percent predicts the finish before the age rule's next read: just after it. */
  | { kind: "predictedFinish" }
  | { kind: "predictedFinishFar" }
  | { kind: "pastPredictedFinish" }
  /** The open page's cap on our own timing. */
  | { kind: "openPage"; maxIntervalMs: number }
  /** Azure's Retry-After waits at least as long as our own timing would. */
  | { kind: "retryAfter" }
  /** The back-off after this many read errors in a row. */
  | { kind: "backoff"; readErrors: number };

export type ReadReason = PolicyReason | { kind: "requested" };

const isCount = (value: unknown): boolean => typeof value === "number" && Number.isSafeInteger(value) && value > 0;
const always = (): boolean => true;

/** What each kind carries, checked: a `satisfies` table, so a kind added to the type must be added here. */
const PAYLOAD_CHECKS = {
  firstRead: always,
  age: always,
  predictedFinish: always,
  predictedFinishFar: always,
  pastPredictedFinish: always,
  openPage: (reason) => isCount(reason.maxIntervalMs),
  retryAfter: always,
  backoff: (reason) => isCount(reason.readErrors),
  requested: always,
} satisfies Record<ReadReason["kind"], (reason: Record<string, unknown>) => boolean>;

const isKind = (value: unknown): value is ReadReason["kind"] => typeof value === "string" && Object.hasOwn(PAYLOAD_CHECKS, value);

/** A reason that came from elsewhere (another tab), checked before it is put into words. */
export function isReadReason(value: unknown): value is ReadReason {
  return isRecord(value) && isKind(value.kind) && PAYLOAD_CHECKS[value.kind](value);
}

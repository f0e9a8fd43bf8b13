import type { OperationKind } from "@/lib/azure/operation-ref";

/**
 * The one model both APIs' bodies are turned into (by `normalize.ts`), and everything on screen reads.
 * Times are epoch milliseconds so the model survives structured cloning and JSON (React Query, localStorage).
 */

export type StatusCategory = "notStarted" | "running" | "succeeded" | "failed" | "canceled" | "unknown";

/** `unknown` is a status we do not recognise (or none at all): it is treated as still running. */
const TERMINAL_CATEGORIES: ReadonlySet<StatusCategory> = new Set(["succeeded", "failed", "canceled"]);

export interface AdditionalInfo {
  type: string | undefined;
  info: unknown;
}

/** One node of an error tree: ARM `ErrorDetail` and Azure Core `Error` both map here. */
export interface ErrorNode {
  code: string | undefined;
  message: string | undefined;
  target: string | undefined;
  details: ErrorNode[];
  additionalInfo: AdditionalInfo[];
  /** Azure Core's `innererror` chain, outermost first (each link has a code; deeper links nest). */
  innerErrors: { code: string | undefined }[];
}

export interface Operation {
  kind: OperationKind;
  /** `name` from the body (the operation id), if sent. */
  name: string | undefined;
  /** `id` from the body, kept verbatim: its shape differs between the APIs and their versions, so it is never parsed. */
  id: string | undefined;
  /** The status exactly as Azure sent it; null when missing or null. */
  status: string | null;
  category: StatusCategory;
  /** 0-100 when Azure sent a usable number; out-of-range values are clamped and reported in `issues`. */
  percentComplete: number | undefined;
  startTime: number | undefined;
  endTime: number | undefined;
  error: ErrorNode | undefined;
  /** devops `operations[]`, normalized the same way, nested. */
  children: Operation[];
  /** DevCenter only. */
  resourceId: string | undefined;
  properties: unknown;
  /** What was wrong with the body, in words a person can read; the value above is still the best reading. */
  issues: string[];
  /** The body as received. */
  raw: unknown;
}

export const isTerminal = (category: StatusCategory): boolean => TERMINAL_CATEGORIES.has(category);

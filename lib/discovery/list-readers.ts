import "@/lib/config/zod-jitless";
import { z } from "zod";
import { describeValue, isRecord, parseAzureDate } from "@/lib/azure/wire-reader";
import type { DiscoveredDevBox } from "./discovery-types";

/**
 * Reads DevCenter list pages (`{"value": [...], "nextLink"?}`) tolerantly: each entry is read on its own, one that
 * cannot be read is skipped and counted rather than losing the page, and values opwatch does not know (a new kind,
 * state or status) are kept verbatim. The body is outside input: any JSON.
 */

interface ListPage<T> {
  items: T[];
  /** Entries that could not be read (not an object, or a required field missing). */
  skipped: number;
  /** Azure's nextLink as it came: only the proxy decides whether it may be followed. */
  nextLink: string | undefined;
}

export type PageRead<T> = { ok: true; page: ListPage<T> } | { ok: false; message: string };

/** Verbatim values past this length are cut: a hostile body cannot put a megabyte into a table cell. */
const MAX_TEXT = 200;
/** Longer than any URL a proxy would forward. */
const MAX_NEXT_LINK = 8_000;

const text = z.string().transform((s) => s.slice(0, MAX_TEXT));
const required = z.string().min(1).max(MAX_TEXT);
const optionalText = text.optional().catch(undefined);
/** ms since the epoch; 7 fraction digits and `+00:00` both occur. */
const time = z
  .string()
  .transform((s) => parseAzureDate(s))
  .optional()
  .catch(undefined);
/** Kept as Azure sent it (an ErrorDetail-like object) for the error tree; null reads as none. */
const error = z
  .unknown()
  .transform((e) => e ?? undefined)
  .optional();

const project = z.object({
  name: required,
  displayName: optionalText,
  description: z.string().optional().catch(undefined),
  maxDevBoxesPerUser: z.number().int().nonnegative().optional().catch(undefined),
  uri: optionalText,
});

export type ListedProject = z.infer<typeof project>;

/** States in which a dev box runs work of its own that no operation list shows (creating, deleting, ...). */
const TRANSITIONAL_STATES: ReadonlySet<string> = new Set(["creating", "provisioning", "deleting", "updating", "starting", "stopping"]);

export const isTransitionalState = (provisioningState: string): boolean =>
  TRANSITIONAL_STATES.has(provisioningState.trim().toLowerCase());

/** A dev box as listed; the sweep adds the endpoint it came from. */
export type ListedDevBox = Omit<DiscoveredDevBox, "endpointHost">;

const devBox = z
  .object({
    name: required,
    projectName: required,
    poolName: optionalText,
    provisioningState: text.catch("Unknown"),
    actionState: optionalText,
    powerState: optionalText,
    createdTime: time,
    error,
  })
  .transform(
    (box): ListedDevBox => ({
      name: box.name,
      projectName: box.projectName,
      poolName: box.poolName,
      provisioningState: box.provisioningState,
      actionState: box.actionState,
      powerState: box.powerState,
      transitional: isTransitionalState(box.provisioningState),
      createdTime: box.createdTime,
      error: box.error,
    }),
  );

const operation = z.object({
  operationId: required,
  status: required,
  kind: text.catch("Unknown"),
  createdByObjectId: optionalText,
  startTime: time,
  endTime: time,
  error,
});

export type ListedOperation = z.infer<typeof operation>;

function readPage<T>(body: unknown, entry: z.ZodType<T>): PageRead<T> {
  if (!isRecord(body)) return { ok: false, message: `The list answer is not a JSON object (got ${describeValue(body)}).` };
  const { value, nextLink } = body;
  if (!Array.isArray(value)) return { ok: false, message: `The list answer's value is not a list (got ${describeValue(value)}).` };
  const page: ListPage<T> = {
    items: [],
    skipped: 0,
    nextLink: typeof nextLink === "string" && nextLink !== "" && nextLink.length <= MAX_NEXT_LINK ? nextLink : undefined,
  };
  for (const item of value) {
    const read = entry.safeParse(item);
    if (read.success) page.items.push(read.data);
    else page.skipped++;
  }
  return { ok: true, page };
}

export const readProjectPage = (body: unknown): PageRead<ListedProject> => readPage(body, project);
export const readDevBoxPage = (body: unknown): PageRead<ListedDevBox> => readPage(body, devBox);
export const readOperationPage = (body: unknown): PageRead<ListedOperation> => readPage(body, operation);

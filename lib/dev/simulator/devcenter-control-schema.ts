import { z } from "zod";
import { fail, ok, type Result } from "@/lib/azure/params";
import { formatIssues, headersSchema, param, stepsSchema } from "./scenario-schema";

/**
 * The bodies of the control API's dev center calls (README, "The Azure simulator"): a dev box, an operation on one,
 * and the faults and page size of the discovery lists.
 */

const MAX_SETTLE_MS = 7 * 24 * 3600 * 1000;
const MAX_FAULT_COUNT = 1000;
const MAX_PAGE_SIZE = 1000;

const objectId = (field: string) =>
  z
    .string({ message: `${field} must be an object id (a string)` })
    .min(1, { message: `${field} must not be empty` })
    .max(100, { message: `${field} must be at most 100 characters` });

const state = (field: string) =>
  z
    .string({ message: `${field} must be a string` })
    .min(1, { message: `${field} must not be empty` })
    .max(50, { message: `${field} must be at most 50 characters` });

const devBoxSchema = z.strictObject({
  projectName: param("projectName"),
  name: param("devBoxName"),
  owner: objectId("owner").optional(),
  provisioningState: state("provisioningState").default("Succeeded"),
  powerState: state("powerState").default("Running"),
  settleAfterMs: z
    .number({ message: "settleAfterMs must be a number of milliseconds" })
    .int({ message: "settleAfterMs must be a whole number of milliseconds" })
    .min(0, { message: "settleAfterMs must be 0 or more" })
    .max(MAX_SETTLE_MS, { message: "settleAfterMs must be at most 7 days" })
    .default(0),
});

const operationSchema = z.strictObject({
  operationKind: state("operationKind"),
  steps: stepsSchema,
  createdBy: objectId("createdBy").optional(),
  operationId: param("operationId").optional(),
  /** Which owner's box of that name, when several people have one. */
  owner: objectId("owner").optional(),
});

const faultSchema = z
  .strictObject({
    list: z.enum(["projects", "devboxes", "operations"], { message: 'list must be "projects", "devboxes" or "operations"' }).optional(),
    status: z.union([z.literal(403), z.literal(429), z.literal(503)], { message: "status must be 403, 429 or 503" }).optional(),
    count: z
      .number({ message: "count must be a number of answers" })
      .int({ message: "count must be a whole number" })
      .min(1, { message: `count must be between 1 and ${MAX_FAULT_COUNT}` })
      .max(MAX_FAULT_COUNT, { message: `count must be between 1 and ${MAX_FAULT_COUNT}` })
      .default(1),
    headers: headersSchema.default({}),
    owner: objectId("owner").optional(),
    projectName: param("projectName").optional(),
    pageSize: z
      .number({ message: "pageSize must be a number of items" })
      .int({ message: "pageSize must be a whole number" })
      .min(1, { message: `pageSize must be between 1 and ${MAX_PAGE_SIZE}` })
      .max(MAX_PAGE_SIZE, { message: `pageSize must be between 1 and ${MAX_PAGE_SIZE}` })
      .optional(),
  })
  .superRefine((fault, ctx) => {
    if (fault.list === undefined && fault.pageSize === undefined) ctx.addIssue({ code: "custom", message: "give a list (with a status) or a pageSize" });
    if (fault.list !== undefined && fault.status === undefined) ctx.addIssue({ code: "custom", path: ["status"], message: "status is required with list" });
    if (fault.list === undefined && fault.status !== undefined) ctx.addIssue({ code: "custom", path: ["list"], message: "list is required with status" });
    if (fault.projectName !== undefined && fault.list === "projects") {
      ctx.addIssue({ code: "custom", path: ["projectName"], message: "the projects list has no project to scope to" });
    }
  });

const parseWith =
  <S extends z.ZodType>(schema: S, what: string) =>
  (input: unknown): Result<z.output<S>, string> => {
    const parsed = schema.safeParse(input);
    return parsed.success ? ok(parsed.data) : fail(formatIssues(parsed.error.issues, what));
  };

export const parseDevBox = parseWith(devBoxSchema, "dev box");
export const parseDevBoxOperation = parseWith(operationSchema, "dev box operation");
export const parseFault = parseWith(faultSchema, "fault");

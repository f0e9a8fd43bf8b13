import { z } from "zod";
import { checkParam, fail, ok, type ParamName, type Result } from "@/lib/azure/params";
import { throttleSettingSchema } from "./throttle-setting";

/**
 * The body of `POST /_sim/operations` (README, "The Azure simulator"; other teams' tests rely on it):
 * `{"kind", "ids"?, "steps":[{"afterMs","status"?,"headers"?,"body"?}], "clock"?, "label"?, "throttle"?}`.
 * A step's `body` is any JSON (sent as JSON) or a string (sent raw with the step's Content-Type, else text/plain);
 * without `body` the response is empty. Step headers are merged over the simulator's defaults; a header set to null
 * removes the default (e.g. `"Retry-After": null`). `throttle` (devops only) sets the read bucket of the scenario's
 * subscription: `{"capacity","refillPerSecond"}`, or `false` for none.
 */

const MAX_STEPS = 1000;
const MAX_AFTER_MS = 7 * 24 * 3600 * 1000;
// Headers that would corrupt the framing of the response if a scenario could set them.
const FRAMING_HEADERS = new Set(["content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "trailer"]);

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

const headerValue = z
  .string()
  .max(8192, { message: "a header value is at most 8192 characters" })
  .regex(/^[^\r\n\0]*$/, { message: "a header value must not contain CR, LF or NUL" })
  .nullable();

/** Response headers a scenario step or a planted fault sets; null removes a default. */
export const headersSchema = z
  .record(z.string(), headerValue)
  .superRefine((headers, ctx) => {
    for (const name of Object.keys(headers)) {
      if (!HEADER_NAME.test(name)) ctx.addIssue({ code: "custom", path: [name], message: "a header name is 1-100 token characters" });
      else if (FRAMING_HEADERS.has(name.toLowerCase())) {
        ctx.addIssue({ code: "custom", path: [name], message: "this header is set by the server and cannot be overridden" });
      }
    }
  });

const stepSchema = z.strictObject({
  afterMs: z
    .number({ message: "afterMs must be a number of milliseconds" })
    .int({ message: "afterMs must be a whole number of milliseconds" })
    .min(0, { message: "afterMs must be 0 or more" })
    .max(MAX_AFTER_MS, { message: "afterMs must be at most 7 days" }),
  status: z
    .number({ message: "status must be an HTTP status number" })
    .int({ message: "status must be a whole number" })
    // 1xx are interim responses: they cannot be a request's final answer (Node would leave the client waiting).
    .min(200, { message: "status must be between 200 and 599 (1xx responses are interim, never final)" })
    .max(599, { message: "status must be between 200 and 599" })
    .default(200),
  headers: headersSchema.default({}),
  // Any JSON: the control API only ever receives parsed JSON, and demo bodies are literals.
  body: z.unknown().optional(),
});

/** A path parameter under the same rule as the proxy's, with the same message. */
export const param = (name: ParamName) =>
  z.string().superRefine((value, ctx) => {
    const checked = checkParam(name, value);
    if (!checked.ok) ctx.addIssue({ code: "custom", message: checked.error });
  });

const id = (name: ParamName) => param(name).optional();

const devopsIds = z.strictObject({
  subscriptionId: id("subscriptionId"),
  resourceGroupName: id("resourceGroupName"),
  securityConnectorName: id("securityConnectorName"),
  operationResultId: id("operationResultId"),
});

// endpointHost is not settable: a DevCenter scenario always lives on the simulator's own host.
const devcenterIds = z.strictObject({
  projectName: id("projectName"),
  operationId: id("operationId"),
});

/** A scenario's steps, sorted by `afterMs`. */
export const stepsSchema = z
  .array(stepSchema, { message: "steps must be an array of steps" })
  .min(1, { message: "steps must hold at least one step" })
  .max(MAX_STEPS, { message: `steps must hold at most ${MAX_STEPS} steps` })
  .transform((steps) => [...steps].sort((a, b) => a.afterMs - b.afterMs));

const common = {
  steps: stepsSchema,
  clock: z.enum(["created", "firstRequest"], { message: 'clock must be "created" or "firstRequest"' }).default("created"),
  label: z.string().max(500, { message: "label must be at most 500 characters" }).optional(),
};

// Named rather than left to strictObject's "Unrecognized key", so that the refusal says why.
const devcenterThrottle = z
  .never({ message: "throttle applies to devops (ARM) scenarios only: the simulator does not throttle DevCenter" })
  .optional();

const scenarioSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("devops"), ids: devopsIds.default({}), throttle: throttleSettingSchema.optional(), ...common }),
    z.strictObject({ kind: z.literal("devcenter"), ids: devcenterIds.default({}), throttle: devcenterThrottle, ...common }),
  ],
  { message: 'kind must be "devops" or "devcenter"' },
);

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type Step = z.output<typeof stepSchema>;

/** Validates a scenario; the message names every field that is wrong. Steps come back sorted by `afterMs`. */
export function parseScenario(input: unknown): Result<Scenario, string> {
  const parsed = scenarioSchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail(formatIssues(parsed.error.issues, "scenario"));
}

/** Every field that is wrong (the first ten), each with where it is. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], what: string): string {
  const lines = issues.slice(0, 10).map((issue) => {
    const where = issue.path.reduce<string>(
      (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc === "" ? String(key) : `${acc}.${String(key)}`),
      "",
    );
    return where === "" ? issue.message : `${where}: ${issue.message}`;
  });
  const more = issues.length > 10 ? `; and ${issues.length - 10} more` : "";
  return `Invalid ${what}: ${lines.join("; ")}${more}`;
}

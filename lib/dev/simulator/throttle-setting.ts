import { z } from "zod";
import { fail, ok, type Result } from "@/lib/azure/params";
import type { BucketSpec } from "@/lib/azure/token-bucket";

/**
 * How the simulator throttles ARM reads, as every entry point takes it: `SimulatorOptions.throttle`, the env variable
 * `SIM_ARM_READ_BUCKET` of `npm run simulator`, and a devops scenario's `throttle` field. One rule for all three, so a
 * value that one accepts the others accept too. `false` turns throttling off.
 */
export type ThrottleSetting = BucketSpec | false;

const MAX_CAPACITY = 100_000;
const MAX_REFILL_PER_SECOND = 100_000;

const SHAPE = `false or {"capacity": a whole number 1-${MAX_CAPACITY}, "refillPerSecond": a number 0-${MAX_REFILL_PER_SECOND}}`;

const bucketSpecSchema = z.strictObject({
  capacity: z
    .number({ message: "capacity must be a finite number" })
    .int({ message: "capacity must be a whole number of reads" })
    .min(1, { message: `capacity must be between 1 and ${MAX_CAPACITY}` })
    .max(MAX_CAPACITY, { message: `capacity must be between 1 and ${MAX_CAPACITY}` }),
  // 0 is allowed: a bucket that never refills shows what a client does once a budget is spent for good.
  refillPerSecond: z
    .number({ message: "refillPerSecond must be a finite number" })
    .min(0, { message: `refillPerSecond must be between 0 and ${MAX_REFILL_PER_SECOND}` })
    .max(MAX_REFILL_PER_SECOND, { message: `refillPerSecond must be between 0 and ${MAX_REFILL_PER_SECOND}` }),
});

/**
 * `false` or a bucket. Branching by hand rather than with z.union: a union reports "no option matched" for most
 * mistakes, where people need to read which number is wrong.
 */
export const throttleSettingSchema = z.custom<ThrottleSetting>().transform((value: unknown, ctx): ThrottleSetting => {
  if (value === false) return false;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    ctx.addIssue({ code: "custom", message: `throttle must be ${SHAPE}` });
    return z.NEVER;
  }
  const parsed = bucketSpecSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  return z.NEVER;
});

/** Checks a setting given in code (SimulatorOptions), with the same words as the scenario field. */
export function checkThrottleSetting(value: unknown): Result<ThrottleSetting, string> {
  const parsed = throttleSettingSchema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  return fail(issue?.message ?? `throttle must be ${SHAPE}`);
}

const BUCKET_TEXT = /^\s*(\d+)\s*\/\s*(\d+(?:\.\d+)?|\.\d+)\s*$/;

/** `SIM_ARM_READ_BUCKET`: "capacity/refillPerSecond" such as "250/25", or "off". */
export function parseThrottleText(text: string): Result<ThrottleSetting, string> {
  if (text.trim().toLowerCase() === "off") return ok(false);
  const match = BUCKET_TEXT.exec(text);
  if (!match) return fail(`must be "capacity/refillPerSecond" (e.g. "250/25") or "off", not "${text.slice(0, 50)}"`);
  const checked = checkThrottleSetting({ capacity: Number(match[1]), refillPerSecond: Number(match[2]) });
  return checked.ok ? checked : fail(`"${text.trim()}": ${checked.error}`);
}

const MAX_READS_PER_MINUTE = 100_000;

/** DevCenter's per-minute limit, as `SimulatorOptions.devCenterReadsPerMinute` takes it: 1-100000 reads, or false. */
export function checkReadsPerMinute(value: unknown): Result<number | false, string> {
  if (value === false) return ok(false);
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_READS_PER_MINUTE) {
    return fail(`must be false or a whole number of reads from 1 to ${MAX_READS_PER_MINUTE}`);
  }
  return ok(value);
}

/** `SIM_DEVCENTER_READS_PER_MINUTE`: a whole number such as "1000", or "off". */
export function parseReadsPerMinuteText(text: string): Result<number | false, string> {
  if (text.trim().toLowerCase() === "off") return ok(false);
  if (!/^\s*\d{1,6}\s*$/.test(text)) return fail(`must be a whole number of reads (e.g. "1000") or "off", not "${text.slice(0, 50)}"`);
  return checkReadsPerMinute(Number(text));
}

import "server-only";
/**
 * The operating settings' values, ranges and checks (lib/config/schema.ts holds the rules): what the server logs and
 * where it sends its telemetry (lib/telemetry).
 */

/** pino's levels, least to most verbose, and `silent`. */
export const LOG_LEVELS = ["silent", "fatal", "error", "warn", "info", "debug", "trace"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const isLogLevel = (value: string): value is LogLevel => (LOG_LEVELS as readonly string[]).includes(value);

/**
 * Milliseconds between exports. The fallbacks are OpenTelemetry's own defaults; the minimum keeps a typo from sending
 * a request per span.
 */
export const TELEMETRY_INTERVALS = {
  metricExport: { min: 100, max: 3_600_000, fallback: 60_000 },
  spanBatch: { min: 10, max: 60_000, fallback: 5_000 },
} as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What is wrong with an Application Insights connection string (`InstrumentationKey=<guid>;IngestionEndpoint=https://…`,
 * as the portal shows it), or undefined. The sentence never holds the value: anyone may read it.
 */
export function connectionStringProblem(raw: string): string | undefined {
  const pairs = raw
    .split(";")
    .map((pair) => pair.trim())
    .filter((pair) => pair.length > 0)
    .map((pair) => {
      const at = pair.indexOf("=");
      return at <= 0 ? undefined : ([pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1).trim()] as const);
    });
  if (pairs.some((pair) => pair === undefined)) return "is not a list of Key=value pairs separated by semicolons.";
  const values = new Map(pairs.filter((pair) => pair !== undefined));
  if (!GUID.test(values.get("instrumentationkey") ?? "")) return "has no InstrumentationKey=<GUID>.";
  for (const [key, value] of values) {
    if (key.endsWith("endpoint") && !(/^https:\/\//i.test(value) && URL.canParse(value))) {
      return "has an endpoint that is not an https:// URL.";
    }
  }
  return undefined;
}

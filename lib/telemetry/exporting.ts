import "server-only";

/**
 * Whether this process exports traces and metrics, set once by start-telemetry.ts. Without it the proxy makes no span
 * and records no metric at all, so its cost with telemetry off is the log line's. On globalThis because Next may load
 * a copy of a module per route bundle.
 */
const EXPORTING = Symbol.for("opwatch.telemetryExporting");
type Holder = typeof globalThis & { [EXPORTING]?: boolean };

export function markExporting(holder: Holder = globalThis): void {
  holder[EXPORTING] = true;
}

export const isExporting = (holder: Holder = globalThis): boolean => holder[EXPORTING] === true;

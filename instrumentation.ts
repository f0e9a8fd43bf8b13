/**
 * Next runs register() once per server process before it serves a request. The Node.js server gets its logger and,
 * when the operator named a destination, its trace and metric exporters (lib/telemetry); nothing of it reaches the
 * browser or the edge runtime, and nothing is loaded that the settings do not ask for.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerTelemetry } = await import("./lib/telemetry/server-telemetry");
  await startServerTelemetry();
}

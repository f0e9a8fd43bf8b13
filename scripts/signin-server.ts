/**
 * `npm run signin-server`: the local OpenID Connect server alone (the demo starts it itself).
 * SIGNIN_PORT (4443), APP_ORIGIN (http://localhost:3000; comma-separated for several), SIGNIN_TOKEN_TTL_SECONDS (3600).
 */
import { IN_MEMORY_SESSIONS_NOTE, startSigninServer } from "../lib/dev/signin/server";
import { stopOnSignal } from "../lib/dev/process/stop-on-signal";

function integer(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
    process.exit(2);
  }
  return value;
}

const appOrigins = (process.env.APP_ORIGIN?.trim() ? process.env.APP_ORIGIN : "http://localhost:3000")
  .split(",")
  .map((o) => o.trim())
  .filter((o) => o.length > 0);

let server;
try {
  server = await startSigninServer({
    port: integer("SIGNIN_PORT", 4443, 0, 65535),
    appOrigins,
    accessTokenTtlSeconds: integer("SIGNIN_TOKEN_TTL_SECONDS", 3600, 1, 86_400),
  });
} catch (error) {
  console.error(`the sign-in server did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const running = server;
console.info(`local sign-in server on ${running.issuer} for ${appOrigins.join(", ")}
users: ${running.users.map((u) => `${u.username} / ${u.password}`).join(", ")}
${IN_MEMORY_SESSIONS_NOTE}`);
stopOnSignal(() => running.close());

/**
 * `npm run demo`: builds the app, starts the local sign-in server and the Azure simulator (seeded with demo
 * operations), then serves the app against them. Nothing here reaches the internet.
 *
 * Settings: PORT (app, 3000), SIM_PORT (4010), SIGNIN_PORT (4443), DEMO_SKIP_BUILD=1 to reuse the last build.
 * Any app setting given here (AZURE_*, DEVCENTER_ALLOWED_HOSTS, PROXY_TIMEOUT_MS, ...) wins over the demo's own.
 */
import { startLocalStack } from "../lib/simulator/local-stack";
import { IN_MEMORY_SESSIONS_NOTE } from "../lib/simulator/signin/server";
import { buildNext, startNext } from "./next-process";
import { stopOnSignal } from "./stop-on-signal";

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`${name} must be a port number from 1 to 65535, not "${raw}"`);
    process.exit(2);
  }
  return value;
}

const appPort = port("PORT", 3000);
const appOrigin = `http://localhost:${appPort}`;

if (process.env.DEMO_SKIP_BUILD !== "1") {
  console.info("Building the app (next build)...");
  const status = buildNext({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  if (status !== 0) {
    console.error("next build failed: see above");
    process.exit(status);
  }
}

const stack = await startLocalStack({
  appOrigin,
  simulatorPort: port("SIM_PORT", 4010),
  signinPort: port("SIGNIN_PORT", 4443),
  seedDemo: true,
});

// The person's own settings win, so `AZURE_CLIENT_ID=... npm run demo` can point the demo at a real tenant.
const given = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ""));
const appEnv: NodeJS.ProcessEnv = { ...process.env, ...stack.appEnv, ...given, NEXT_TELEMETRY_DISABLED: "1" };
const app = startNext(appPort, appEnv, "inherit");
app.on("exit", (code) => {
  console.error(`the app stopped (exit ${code ?? "signal"}); stopping the demo`);
  void stack.close().finally(() => process.exit(code ?? 1));
});

console.info(`
opwatch demo
  dashboard   ${appOrigin}
  simulator   ${stack.simulator.url}   (${stack.simulator.demo.length} demo operations)
  sign-in     ${stack.signin.issuer}   (self-signed certificate: accept it once in the browser)
  users       ${stack.signin.users.map((user) => `${user.username} / ${user.password}`).join(", ")}
  note        ${IN_MEMORY_SESSIONS_NOTE}
Ctrl-C stops everything.
`);

stopOnSignal(async () => {
  app.kill("SIGTERM");
  await stack.close();
});

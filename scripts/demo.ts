/**
 * `npm run demo`: builds the app, starts the local sign-in server and the Azure simulator (seeded with demo
 * operations), then serves the app against them. Nothing here reaches the internet.
 *
 * Settings: PORT (app, 3000), SIM_PORT (4010), SIGNIN_PORT (4443), DEMO_SKIP_BUILD=1 to reuse the last build.
 * Any app setting given here (AZURE_*, DEVCENTER_ALLOWED_HOSTS, PROXY_TIMEOUT_MS, ...) wins over the demo's own.
 */
import { demoBoard, demoBoardLink, demoWatchList } from "../lib/dev/demo-operations";
import { simulatorOrigins, withGivenSettings } from "../lib/dev/local-app-env";
import { startLocalStack } from "../lib/dev/local-stack";
import { IN_MEMORY_SESSIONS_NOTE } from "../lib/dev/signin/server";
import { buildNext, startNext } from "../lib/dev/process/next-process";
import { stopOnSignal } from "../lib/dev/process/stop-on-signal";

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

if (process.env.DEMO_SKIP_BUILD === "1") {
  console.info("Using the last build (DEMO_SKIP_BUILD=1).");
} else {
  // Compiling prints nothing for a minute or so: say so first, so the wait is not taken for a hang.
  console.info("Building the app (next build, 1-2 minutes on a laptop; its first step, compiling, is quiet until it is done)...");
  const startedAt = Date.now();
  const status = buildNext({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  if (status !== 0) {
    console.error("next build failed: see above");
    process.exit(status);
  }
  console.info(`Built in ${Math.round((Date.now() - startedAt) / 1000)} s.`);
}

console.info("Starting the local sign-in server and the Azure simulator...");
const stack = await startLocalStack({
  appOrigin,
  simulatorPort: port("SIM_PORT", 4010),
  signinPort: port("SIGNIN_PORT", 4443),
  seedDemo: true,
});

// The person's own settings win, so `AZURE_CLIENT_ID=... npm run demo` can point the demo at a real tenant.
const given = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""));
// A line per proxied read would bury this terminal's own messages: the demo logs what needs a look (warn) unless told.
const appEnv: NodeJS.ProcessEnv = {
  ...process.env,
  ...withGivenSettings({ ...stack.appEnv, OPWATCH_LOG_LEVEL: "warn" }, given),
  NEXT_TELEMETRY_DISABLED: "1",
};
console.info(`Starting the app on ${appOrigin}...`);
const app = startNext(appPort, appEnv, "inherit");
app.on("exit", (code) => {
  console.error(`the app stopped (exit ${code ?? "signal"}); stopping the demo`);
  void stack.close().finally(() => process.exit(code ?? 1));
});

stopOnSignal(async () => {
  app.kill("SIGTERM");
  await stack.close();
});

const ready = await appAnswers(`${appOrigin}/api/health`, 60_000);
// Named as the app and the sign-in server are; the app reads the simulator's URLs under either loopback name.
const [simulatorOrigin = stack.simulator.url] = simulatorOrigins(stack.simulator.url);
console.info(`
opwatch demo ${ready ? "ready" : "started (the app has not answered yet; it may still be starting)"}
  dashboard   ${appOrigin}   (open this: a first visit watches ${demoWatchList(stack.simulator.url).length} demo operations, each labelled with what it shows)
  board       ${demoBoardLink(appOrigin, stack.simulator.url)}
              (a colleague's board of ${demoBoard(stack.simulator.url).length} operations you do not watch yet: open it, then Add all)
  simulator   ${simulatorOrigin}   (${stack.simulator.demo.length} demo operations)
  sign-in     ${stack.signin.issuer}   (certificate made on this machine: the browser warns once; the app's sign-in prompt links here)
  users       ${stack.signin.users.map((user) => `${user.username} / ${user.password}`).join(", ")}
  note        ${IN_MEMORY_SESSIONS_NOTE}
Ctrl-C stops everything.
`);

/** Whether the app answers within `timeoutMs`, asking every half second. */
async function appAnswers(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

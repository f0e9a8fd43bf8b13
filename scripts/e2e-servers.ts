/**
 * Starts the local sign-in server and the simulator for the Playwright run (its `webServer`), and stops them when
 * Playwright does. The app itself is Playwright's second web server. The simulator holds the demo's operations too, as
 * in `npm run demo`, for the tests of a first visit and of the demo's board link; tests make their own besides.
 */
import { E2E } from "../e2e/fixtures/stack";
import { startLocalStack } from "../lib/dev/local-stack";
import { IN_MEMORY_SESSIONS_NOTE } from "../lib/dev/signin/server";
import { stopOnSignal } from "../lib/dev/process/stop-on-signal";

const stack = await startLocalStack({
  appOrigin: E2E.appOrigin,
  simulatorPort: E2E.simulatorPort,
  signinPort: E2E.signinPort,
  seedDemo: true,
  accessTokenTtlSeconds: E2E.accessTokenTtlSeconds,
});
console.info(`e2e stack ready: simulator ${stack.simulator.url}, sign-in ${stack.signin.issuer}\n${IN_MEMORY_SESSIONS_NOTE}`);
stopOnSignal(() => stack.close());

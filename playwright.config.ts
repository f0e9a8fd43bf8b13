import { defineConfig, devices } from "@playwright/test";
import { localAppEnv } from "./lib/dev/local-app-env";
import { demoWatchList } from "./lib/dev/demo-operations";
import { CHROMIUM_LAUNCH, TEST_CHROMIUM_LAUNCH } from "./e2e/fixtures/chromium";
import { E2E } from "./e2e/fixtures/stack";
import { E2E_BUILD_ENV, E2E_DIST_DIR, E2E_PREBUILT_FLAG } from "./e2e/fixtures/app-build";

/**
 * End-to-end tests: the production build on its standalone server (what `npm start` and the Docker image run), the
 * real MSAL library in Debian's Chromium, the local sign-in server and the Azure simulator, all on loopback. Ports
 * differ from the demo's so both can run at once.
 */
/** The tag of tests about the browser's own pages rather than the app's (e2e/fixtures/chromium.ts). */
const BROWSER_UI = /@browser-ui/;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 3,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: E2E.appOrigin,
    ignoreHTTPSErrors: true,
    // A trace records every test as it runs, failed or not, at a cost in CPU that slows the whole suite. CI keeps only
    // what it prints (the failure and its call log), so it records none; locally a
    // failed test leaves its DOM snapshots, network and console, without the screencast.
    trace: process.env.CI ? "off" : { mode: "retain-on-failure", screenshots: false },
    screenshot: "only-on-failure",
    serviceWorkers: "block",
  },
  projects: [
    {
      name: "chromium",
      grepInvert: BROWSER_UI,
      use: { ...devices["Desktop Chrome"], launchOptions: TEST_CHROMIUM_LAUNCH },
    },
    {
      // What only the full browser has, such as its certificate warning page.
      name: "chromium-browser-ui",
      grep: BROWSER_UI,
      use: { ...devices["Desktop Chrome"], launchOptions: CHROMIUM_LAUNCH },
    },
  ],
  webServer: [
    {
      name: "stack",
      command: "npx tsx scripts/e2e-servers.ts",
      url: `${E2E.simulatorOrigin}/_sim/operations`,
      timeout: 60_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 3_000 },
      stdout: "pipe",
    },
    {
      name: "app",
      // The build runs here so `npx playwright test` alone is enough on a fresh clone (`npm test` builds beforehand,
      // beside the static checks). Then the standalone server, as `npm start` and the Docker image run it: every test
      // signs in and polls through that server.
      command: `${process.env[E2E_PREBUILT_FLAG] === "1" ? "" : "npm run build && "}node ${E2E_DIST_DIR}/standalone/server.js`,
      url: `${E2E.appOrigin}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 3_000 },
      env: {
        ...(process.env as Record<string, string>),
        ...E2E_BUILD_ENV,
        PORT: new URL(E2E.appOrigin).port,
        HOSTNAME: "127.0.0.1",
        // As `npm run demo` configures it: a first visit watches the demo's operations (e2e/fixtures/watch-list-start.ts).
        ...localAppEnv({
          appOrigin: E2E.appOrigin,
          simulatorOrigin: E2E.simulatorOrigin,
          issuer: E2E.issuer,
          demoOperations: demoWatchList(E2E.simulatorOrigin),
        }),
        // Sweeps as often as the settings allow, so a test sees a new operation in seconds rather than a minute.
        OPWATCH_DISCOVERY_INTERVAL_SECONDS: "10",
        OPWATCH_DISCOVERY_READS_PER_MINUTE: "300",
      },
    },
  ],
});

/**
 * `npm run screenshots`: the README's pictures, taken from the real app on the demo stack in Debian's Chromium.
 * Builds into .next-shots or NEXT_DIST_DIR (`--no-build` reuses it), signs in as a demo user, lets the demo operations move, and
 * writes public/screenshots/{dashboard,cards,dev-boxes,board,operation,poll-log,error-tree}.png and
 * phone-{dashboard,table,error-tree}.png (at 390x844 in dark mode). Ports 3200/4210/4643 keep clear of a running demo.
 */
import { mkdirSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "../e2e/fixtures/chromium";
import { SignInPage } from "../e2e/pages/sign-in-page";
import { demoBoardLink } from "../lib/dev/demo-operations";
import { startLocalStack } from "../lib/dev/local-stack";
import { readOptions } from "../lib/dev/bench/options";
import { buildNext, startNext } from "../lib/dev/process/next-process";

const options = readOptions("screenshots", { "no-build": { kind: "flag", help: "reuse the build in .next-shots (or NEXT_DIST_DIR)" } });

const APP_PORT = 3200;
const appOrigin = `http://localhost:${APP_PORT}`;
const distDir = process.env.NEXT_DIST_DIR ?? ".next-shots";
const outDir = "public/screenshots";

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" };
if (!options["no-build"]) {
  const status = buildNext(env);
  if (status !== 0) process.exit(status);
}

const stack = await startLocalStack({ appOrigin, simulatorPort: 4210, signinPort: 4643, seedDemo: true });
const app = startNext(APP_PORT, { ...env, ...stack.appEnv }, "ignore");

async function waitForApp(): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${appOrigin}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the app did not start on ${appOrigin}`);
}

function demoPermalink(labelStart: string): string {
  const scenario = stack.simulator.demo.find((s) => s.label?.startsWith(labelStart));
  if (!scenario) throw new Error(`no demo scenario labelled "${labelStart}..."`);
  return scenario.permalink;
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: false });
  console.info(`wrote ${outDir}/${name}.png`);
}

const browser = await chromium.launch(CHROMIUM_LAUNCH);
try {
  await waitForApp();
  mkdirSync(outDir, { recursive: true });
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${appOrigin}/`);
  await new SignInPage(page).signIn();
  // Let the demo operations move: some finish, some fail, some are still running.
  await page.waitForTimeout(25_000);
  await shoot(page, "dashboard");
  // The demo watches more than 10 operations, so the dashboard's default is the table: the cards are asked for.
  await page.goto(`${appOrigin}/?view=cards`);
  await page.getByTestId("watch-list").waitFor();
  await page.getByTestId("watch-list").scrollIntoViewIfNeeded();
  await page.waitForTimeout(2_000);
  await shoot(page, "cards");

  // The demo's dev center, offered at first sign-in: the person's dev boxes found without pasting.
  await page.goto(`${appOrigin}/`);
  const devBoxes = page.getByTestId("dev-boxes");
  await devBoxes.getByTestId("dev-boxes-swept").filter({ hasText: /^Looked/ }).waitFor();
  await devBoxes.scrollIntoViewIfNeeded();
  await page.waitForTimeout(1_000);
  await devBoxes.screenshot({ path: `${outDir}/dev-boxes.png` });
  console.info(`wrote ${outDir}/dev-boxes.png`);

  // The demo's board (the link `npm run demo` prints): a colleague's operations this browser does not watch yet.
  await page.goto(demoBoardLink(appOrigin, stack.simulator.url));
  await page.getByTestId("board-row").first().waitFor();
  await page.waitForTimeout(3_000);
  await shoot(page, "board");

  await page.goto(`${appOrigin}${demoPermalink("Nested operations")}`);
  await page.getByTestId("child-operation").first().waitFor();
  await page.waitForTimeout(3_000);
  await shoot(page, "operation");
  await page.getByTestId("poll-log").scrollIntoViewIfNeeded();
  await shoot(page, "poll-log");

  await page.goto(`${appOrigin}${demoPermalink("Failed with a three-level details tree")}`);
  const tree = page.getByTestId("error-tree").first();
  await tree.getByRole("button", { name: "Expand all" }).click();
  await tree.scrollIntoViewIfNeeded();
  await shoot(page, "error-tree");

  // A phone in dark mode, signed in through the same browser (the session is shared by the context's cookies).
  const phone = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 390, height: 844 }, colorScheme: "dark", isMobile: true, hasTouch: true });
  const phonePage = await phone.newPage();
  await phonePage.goto(`${appOrigin}/`);
  await new SignInPage(phonePage).signIn();
  await phonePage.waitForTimeout(5_000);
  await shoot(phonePage, "phone-dashboard");
  // The same table, scrolled to its rows: each a few short lines.
  await phonePage.getByTestId("operation-row").first().scrollIntoViewIfNeeded();
  await phonePage.waitForTimeout(1_000);
  await shoot(phonePage, "phone-table");
  await phonePage.goto(`${appOrigin}${demoPermalink("Failed with a three-level details tree")}`);
  await phonePage.getByTestId("error-tree").first().scrollIntoViewIfNeeded();
  await shoot(phonePage, "phone-error-tree");
} finally {
  await browser.close();
  app.kill("SIGTERM");
  await stack.close();
}

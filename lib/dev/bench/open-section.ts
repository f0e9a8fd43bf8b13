import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { createScenario } from "../simulator/control-client";
import type { CreatedScenario } from "../simulator/scenario-store";
import { OPEN_PROBE_SCRIPT, printOpenTimings, readOpenTiming, type OpenTiming } from "./open-timing";

/**
 * `npm run bench:dashboard`'s opening section: how soon a signed-in person (token in the session, scripts cached)
 * sees the status of the operation they open, by a permalink's full load and from the dashboard's row, while the
 * watch list's other operations are read too. The first run of each warms the cache and is not counted.
 */

const WATCH_LIST_KEY = "opwatch.watchlist.v1";
const ROW = '[data-testid="operation-row"]';

/** A running operation no page has read yet. */
const freshOperation = (simulatorUrl: string): Promise<CreatedScenario> =>
  createScenario(simulatorUrl, {
    kind: "devops",
    ids: { subscriptionId: randomUUID(), operationResultId: randomUUID() },
    steps: [{ afterMs: 0, body: { status: "InProgress", startTime: "{{start}}", percentComplete: 40 } }],
  });

async function permalinkLoads(page: Page, simulatorUrl: string, runs: number): Promise<OpenTiming[]> {
  const timings: OpenTiming[] = [];
  for (let i = 0; i <= runs; i++) {
    const created = await freshOperation(simulatorUrl);
    await page.goto(created.permalink, { waitUntil: "commit" });
    const timing = await readOpenTiming(page, created.proxyPath);
    if (i > 0) timings.push(timing);
    // The reads the page lets go once its operation is shown end before the next load: a person does not leave that
    // soon, and those reads would otherwise compete with the next page for the two cores.
    await page.waitForLoadState("networkidle");
  }
  return timings;
}

/** Adds the operations to the watch list the page keeps (the demo's first-visit list stays on it). */
async function watchToo(page: Page, created: readonly CreatedScenario[]): Promise<void> {
  await page.evaluate(
    ({ key, refs }) => {
      const stored = JSON.parse(localStorage.getItem(key) ?? '{"version":1,"items":[]}') as { version: number; items: unknown[] };
      stored.items.push(...refs.map((ref) => ({ ref, addedAt: Date.now() })));
      localStorage.setItem(key, JSON.stringify(stored));
    },
    { key: WATCH_LIST_KEY, refs: created.map((c) => c.ref) },
  );
}

/**
 * From the dashboard's row: clicked at once (Playwright's pointer arrives and clicks in the same moment), or pointed
 * at first and clicked once the page the pointer asked for is in, as a person whose pointer rests on a name for that
 * long would (`dwell` says how long that took).
 */
async function fromDashboard(page: Page, simulatorUrl: string, runs: number, pointFirst: boolean): Promise<{ timings: OpenTiming[]; dwell: number[] }> {
  const created: CreatedScenario[] = [];
  for (let i = 0; i <= runs; i++) created.push(await freshOperation(simulatorUrl));
  await page.goto("/");
  await watchToo(page, created);
  const timings: OpenTiming[] = [];
  const dwell: number[] = [];
  for (const [i, operation] of created.entries()) {
    await page.goto("/");
    const link = `a[href="${operation.permalink}"]`;
    await page.locator(`${ROW}:has(${link}):not([data-status-category="pending"])`).waitFor({ timeout: 60_000 });
    const name = page.locator(`${ROW} ${link}`).first();
    if (pointFirst) {
      // From elsewhere: the pointer still rests where the last click was, maybe on this very name.
      await page.mouse.move(0, 0);
      const pointedAt = Date.now();
      // The page itself answering, not the route tree Next fetches first on its way to it. (Playwright may never see
      // the end of a prefetch's body, which Next stops reading once it has what it needs.)
      const pageIn = page.waitForEvent("response", {
        predicate: (response) =>
          new URL(response.url()).pathname === operation.permalink && response.request().headers()["next-router-segment-prefetch"] === undefined,
        timeout: 30_000,
      });
      await name.hover();
      await pageIn;
      if (i > 0) dwell.push(Date.now() - pointedAt);
    }
    await name.click();
    const timing = await readOpenTiming(page, operation.proxyPath);
    if (i > 0) timings.push(timing);
  }
  return { timings, dwell };
}

/** Runs both measures on a signed-in page of the demo stack and prints them. */
export async function openSection(page: Page, simulatorUrl: string, runs: number): Promise<void> {
  await page.addInitScript(OPEN_PROBE_SCRIPT);
  printOpenTimings("a permalink's full load, a fresh operation", await permalinkLoads(page, simulatorUrl, runs));
  printOpenTimings("from the dashboard's row (in-app navigation), clicked at once", (await fromDashboard(page, simulatorUrl, runs, false)).timings);
  const pointed = await fromDashboard(page, simulatorUrl, runs, true);
  printOpenTimings("from the dashboard's row, pointed at until its page is in, then clicked", pointed.timings);
  const dwell = [...pointed.dwell].sort((a, b) => a - b);
  console.info(`  ${"pointer on the name until then".padEnd(31)}${`${(dwell[Math.floor(dwell.length / 2)] ?? Number.NaN).toFixed(0)} ms`.padStart(8)}`);
}

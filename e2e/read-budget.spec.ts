import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoSidewaysScroll } from "./fixtures/layout";
import { turnOnCue } from "./fixtures/turn-on-cue";
import { answering, devops, running, succeeded, uniqueId } from "./fixtures/scenarios";
import type { CreatedScenario, LoggedRequest, SimulatorClient } from "./fixtures/simulator-client";
import { BoardPage } from "./pages/board-page";
import { DashboardPage } from "./pages/dashboard-page";

/** Azure's read budget in a real browser: ARM's throttling of a subscription is obeyed for all its operations. */

/** Requests of several operations in the order the simulator received them. */
async function requestsOf(sim: SimulatorClient, ids: readonly string[]) {
  const all: LoggedRequest[] = (await Promise.all(ids.map((id) => sim.requests(id)))).flat();
  return all.map((r) => ({ at: Date.parse(r.at), status: r.status })).sort((a, b) => a.at - b.at);
}

/**
 * Every text a read-budget notice showed, in order, recorded by the page itself: a pause lasts only as long as Azure's
 * Retry-After, and may come and go while the test is still pasting, so sampling from the test could miss it.
 */
async function recordBudgetNotices(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __budgetNotices: seen });
    new MutationObserver(() => {
      for (const notice of document.querySelectorAll('[data-testid="read-budget-notice"]')) {
        const text = notice.textContent;
        if (text && !seen.includes(text)) seen.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __budgetNotices?: string[] }).__budgetNotices ?? []);
}

const PHONE = { width: 390, height: 844 };

/** A subscription as the table's scope column names it: "sub 1a2b3…eef". */
const shortSubscription = (id: string): string => `sub ${id.slice(0, 5)}…${id.slice(-3)}`;

/**
 * A subscription's bucket that holds 3 reads, one more every 5 s: slower than opwatch ever slows down by itself (a
 * tenth of its budget), as when other tools of the person drain the subscription. Three operations read every 6 s
 * while young need far more reads than that, so Azure answers 429 however the reads fall.
 */
const DRAINED_BUCKET = { capacity: 3, refillPerSecond: 0.2 };

/** Three operations of one subscription behind DRAINED_BUCKET, ending `endAfterMs` after their first read. */
function throttledOperations(sim: SimulatorClient, subscriptionId: string, endAfterMs: number): Promise<CreatedScenario[]> {
  return Promise.all(
    [0, 1, 2].map(() =>
      sim.create(
        devops(
          [
            { afterMs: 0, body: running(20) },
            { afterMs: endAfterMs / 2, body: running(70) },
            { afterMs: endAfterMs, body: succeeded },
          ],
          { ids: { subscriptionId }, throttle: DRAINED_BUCKET },
        ),
      ),
    ),
  );
}

/**
 * Three such operations that run until the test turns `end`: from then on the page's reads of each go to a succeeded
 * operation of the same subscription, so they still draw on its bucket (which the succeeded ones leave as it is).
 */
async function throttledUntilCue(page: Page, sim: SimulatorClient, subscriptionId: string): Promise<{ scenarios: CreatedScenario[]; end: () => void }> {
  const scenarios = await Promise.all(
    [0, 1, 2].map(() => sim.create(devops(answering(running(20)), { ids: { subscriptionId }, throttle: DRAINED_BUCKET }))),
  );
  const cues = await Promise.all(
    scenarios.map(async (scenario) => turnOnCue(page, scenario, await sim.create(devops(answering(succeeded), { ids: { subscriptionId } })))),
  );
  return {
    scenarios,
    end: () => {
      for (const cue of cues) cue.turn();
    },
  };
}

test("Azure's throttling pauses the whole subscription, the dashboard says so, and every operation still reaches its end", async ({ page, sim }) => {
  const dashboard = new DashboardPage(page);
  const budgetNotices = await recordBudgetNotices(page);
  await page.goto("/");

  const subscriptionId = uniqueId();
  const scenarios = await throttledOperations(sim, subscriptionId, 12_000);
  for (const scenario of scenarios) await dashboard.watch(scenario);

  // Slowed, as Azure reports the reads left falling, and paused, when it answers 429: each said for this subscription.
  const ofThisSubscription = (pattern: string) => expect.stringMatching(new RegExp(`${shortSubscription(subscriptionId)}.*${pattern}`, "i"));
  await expect
    .poll(budgetNotices, { timeout: 30_000 })
    .toContainEqual(ofThisSubscription(String.raw`slowed to [\d.]+/s \(budget 5/s\)\. Azure reports \d+ reads? left`));
  await expect.poll(budgetNotices, { timeout: 45_000 }).toContainEqual(ofThisSubscription("paused \\d+ s: Azure asked us to wait"));

  for (const scenario of scenarios) {
    await expect(dashboard.statusBadge(scenario.permalink)).toHaveAttribute("data-status-category", "succeeded", { timeout: 60_000 });
    await expect(dashboard.progressBar(scenario.permalink)).toHaveAttribute("aria-valuenow", "100");
    await expect(dashboard.readError(scenario.permalink)).toHaveCount(0);
  }
  // Once every operation ended, nothing is left to read there, and the notice goes.
  const notice = page.getByTestId("read-budget-notice").filter({ hasText: shortSubscription(subscriptionId) });
  await expect(notice).toHaveCount(0, { timeout: 15_000 });
  await expect(dashboard.rows).toHaveCount(3);

  // After each 429, the whole subscription waits: no read of any of its operations in the next second (Retry-After is
  // at least 1 s; reads already on their way when the 429 arrived may land just after it).
  const requests = await requestsOf(sim, scenarios.map((s) => s.id));
  const throttled = requests.filter((r) => r.status === 429);
  expect(throttled.length, "the simulator throttled").toBeGreaterThan(0);
  for (const { at } of throttled) {
    const during = requests.filter((r) => r.at > at + 300 && r.at < at + 1_000);
    expect(during, `reads within a second of the 429 at ${new Date(at).toISOString()}`).toEqual([]);
  }
});

test("a held-back subscription is named as the table names it, whole on hover and copy; its notice moves nothing and goes with its reads", async ({
  page,
  context,
  sim,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const subscriptionId = uniqueId();
  // They end once the test has seen the notice, as the test decides: not after a time it would have to guess.
  const { scenarios, end } = await throttledUntilCue(page, sim, subscriptionId);
  const dashboard = new DashboardPage(page);
  await page.goto("/");
  for (const scenario of scenarios) await dashboard.watch(scenario);
  const board = new BoardPage(page);
  await page.goto(await board.share());

  const notice = board.budgetNotices.filter({ hasText: shortSubscription(subscriptionId) });
  await expect(notice).toBeVisible({ timeout: 20_000 });
  await expect(notice).toContainText(new RegExp(`^Reads for ${shortSubscription(subscriptionId)} (paused|slowed)`));
  await expect(notice).not.toContainText(subscriptionId);
  await expect(notice).toHaveAttribute("title", new RegExp(subscriptionId));
  await notice.getByRole("button", { name: /^Copy subscription id/ }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(subscriptionId);
  // Where the rows start, with the notice, on a desktop and on a phone.
  const headingTop = async () => {
    const box = await board.listHeading.boundingBox();
    return box && box.y + (await page.evaluate(() => window.scrollY));
  };
  const desktop = page.viewportSize();
  const shownOnDesktop = await headingTop();
  await page.setViewportSize(PHONE);
  await expect(notice).toBeVisible();
  await expectNoSidewaysScroll(page);
  const shownOnPhone = await headingTop();

  // Once every operation of the subscription ended, nothing of it waits: the notice goes, and the rows stay put.
  end();
  for (const scenario of scenarios) {
    await expect(board.row(scenario.permalink).getByTestId("status-badge")).toHaveAttribute("data-status-category", "succeeded", { timeout: 60_000 });
  }
  await expect(notice).toHaveCount(0, { timeout: 15_000 });
  expect(shownOnPhone).not.toBeNull();
  expect(await headingTop(), "the rows do not move as the notice goes, on a phone").toBe(shownOnPhone);
  if (desktop) await page.setViewportSize(desktop);
  expect(shownOnDesktop).not.toBeNull();
  expect(await headingTop(), "nor on a desktop").toBe(shownOnDesktop);
});

test("a board without a held-back subscription's operations says nothing of it", async ({ page, sim }) => {
  const subscriptionId = uniqueId();
  const elsewhere = await sim.create(devops(answering(running(40)), { clock: "created" }));
  const dashboard = new DashboardPage(page);
  const board = new BoardPage(page);
  await page.goto("/");
  await dashboard.watch(elsewhere);
  const link = await board.share();

  // The watch list also holds the throttled subscription's operations: the board's tab reads them too.
  const throttled = await throttledOperations(sim, subscriptionId, 60_000);
  for (const scenario of throttled) await dashboard.watch(scenario);
  const budgetNotices = await recordBudgetNotices(page);
  const openedAt = Date.now();
  await page.goto(link);
  await expect(board.row(elsewhere.permalink).getByTestId("status-badge")).toHaveAttribute("data-status-category", "running");

  // Read from the board's tab twice each, the second a whole young interval after the first, with Azure reporting
  // few reads left (its bucket holds 3): the scheduler holds that subscription back all the while.
  const since = async (scenario: CreatedScenario) => (await sim.requests(scenario.id)).filter((r) => Date.parse(r.at) >= openedAt);
  for (const scenario of throttled) await expect.poll(async () => (await since(scenario)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);

  const ofTheSubscription = (await budgetNotices()).filter((text) => text.includes(subscriptionId) || text.includes(shortSubscription(subscriptionId)));
  expect(ofTheSubscription, "notices about a subscription the board does not show").toEqual([]);
});

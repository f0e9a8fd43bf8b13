import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { devops, running, succeeded, uniqueId } from "./fixtures/scenarios";
import type { LoggedRequest, SimulatorClient } from "./fixtures/simulator-client";
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

test("Azure's throttling pauses the whole subscription, the dashboard says so, and every operation still reaches its end", async ({ page, sim }) => {
  const dashboard = new DashboardPage(page);
  const budgetNotices = await recordBudgetNotices(page);
  await page.goto("/");

  const subscriptionId = uniqueId();
  // A bucket of 3 reads, one more every 5 s: slower than opwatch ever slows down by itself (a tenth of its budget), as
  // when other tools of the person drain the subscription. Three operations read every 6 s while young need far more
  // reads than that bucket holds before they end, so Azure answers 429 however the reads fall.
  const scenarios = await Promise.all(
    [0, 1, 2].map(() =>
      sim.create(
        devops(
          [
            { afterMs: 0, body: running(20) },
            { afterMs: 6_000, body: running(70) },
            { afterMs: 12_000, body: succeeded },
          ],
          { ids: { subscriptionId }, throttle: { capacity: 3, refillPerSecond: 0.2 } },
        ),
      ),
    ),
  );
  for (const scenario of scenarios) await dashboard.watch(scenario);

  // Slowed, as Azure reports the reads left falling, and paused, when it answers 429: each said for this subscription.
  const ofThisSubscription = (pattern: string) => expect.stringMatching(new RegExp(`${subscriptionId}.*${pattern}`, "i"));
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
  const notice = page.getByTestId("read-budget-notice").filter({ hasText: subscriptionId.toLowerCase() });
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

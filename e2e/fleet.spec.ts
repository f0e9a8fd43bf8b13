import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import type { LoggedRequest, ScenarioInput } from "./fixtures/simulator-client";
import { E2E } from "./fixtures/stack";
import { DashboardPage } from "./pages/dashboard-page";
import { OperationPage } from "./pages/operation-page";
import { SignInPage } from "./pages/sign-in-page";

/** The fleet scheduler in a real browser: one poller for the tabs of a browser, and Azure's throttling obeyed. */

const uniqueId = () => crypto.randomUUID();
const running = (percentComplete: number) => ({ status: "InProgress", startTime: "{{start}}", percentComplete });
const succeeded = { status: "Succeeded", startTime: "{{start}}", endTime: "{{end}}", percentComplete: 100 };

/** The proxy reads a page makes for one operation, as the page sends them. */
function recordReads(page: Page, operationId: string): string[] {
  const reads: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith("/api/") && path.endsWith(`/${operationId}`)) reads.push(path);
  });
  return reads;
}

test("two pages of one browser read an operation once between them, and the other page takes over when one closes", async ({
  page,
  context,
  sim,
  signInPage,
}) => {
  const operationResultId = uniqueId();
  const scenario = await sim.create({
    kind: "devops",
    ids: { subscriptionId: uniqueId(), operationResultId },
    // Its time starts at the first read, so a slow sign-in of the second page cannot eat into it; long enough that the
    // second page has signed in before it moves, and that the end comes after the reading page has closed.
    clock: "firstRequest",
    steps: [
      { afterMs: 0, body: running(10) },
      { afterMs: 40_000, body: running(60) },
      { afterMs: 75_000, body: succeeded },
    ],
  } satisfies ScenarioInput);
  test.setTimeout(210_000);

  const dashboard = new DashboardPage(page);
  const dashboardReads = recordReads(page, operationResultId);
  await page.goto("/");
  await signInPage.signIn();
  await dashboard.paste(`${E2E.appOrigin}${scenario.permalink}`);
  await expect(dashboard.progressBar(scenario.permalink)).toHaveAttribute("aria-valuenow", "10");

  const second = await context.newPage();
  const operationReads = recordReads(second, operationResultId);
  const operationPage = new OperationPage(second);
  await operationPage.goto(scenario.permalink);
  await new SignInPage(second).signInAlongside();
  await expect(operationPage.progressBar).toHaveAttribute("aria-valuenow", "10");
  // Why the next read is when it is, from the scheduler.
  await expect(second.getByTestId("next-read")).toContainText(/Next read|Reading now|Due now/);

  // Both pages are open and settled: from now on only one of them may read.
  const fromDashboard = dashboardReads.length;
  const fromOperationPage = operationReads.length;
  const simulatorBefore = (await sim.requests(scenario.id)).length;
  // Two reads at the policy's pace (6 s while young, slower after a minute) show which page reads.
  await expect
    .poll(() => dashboardReads.length - fromDashboard + operationReads.length - fromOperationPage, { timeout: 40_000 })
    .toBeGreaterThanOrEqual(2);
  const dashboardWindow = dashboardReads.length - fromDashboard;
  const operationWindow = operationReads.length - fromOperationPage;
  expect(Math.min(dashboardWindow, operationWindow), "only one of the two pages reads").toBe(0);
  const simulatorAfter = (await sim.requests(scenario.id)).length;
  expect(simulatorAfter - simulatorBefore).toBeLessThanOrEqual(dashboardWindow + operationWindow + 1);

  // The page that does not read shows the same results, and says another tab reads for it.
  const follower = dashboardWindow === 0 ? page : second;
  const poller = follower === page ? second : page;
  if (follower === page) await expect(page.getByTestId("fleet-role")).toBeVisible();
  await expect(operationPage.progressBar).toHaveAttribute("aria-valuenow", "60", { timeout: 40_000 });
  await expect(dashboard.progressBar(scenario.permalink)).toHaveAttribute("aria-valuenow", "60");

  // The reading page goes away; the other takes over and sees the end.
  const followerReads = follower === page ? dashboardReads : operationReads;
  const followerBefore = followerReads.length;
  await poller.close();
  const followerBadge = follower === page ? dashboard.statusBadge(scenario.permalink) : operationPage.statusBadge;
  // Past a minute of age the policy reads less often (up to about 40 s apart here), so the end may take that long to see.
  await expect(followerBadge).toHaveAttribute("data-status-category", "succeeded", { timeout: 90_000 });
  expect(followerReads.length).toBeGreaterThan(followerBefore);
});

/** Requests of several operations in the order the simulator received them. */
async function requestsOf(sim: { requests: (id: string) => Promise<LoggedRequest[]> }, ids: readonly string[]) {
  const all = (await Promise.all(ids.map((id) => sim.requests(id)))).flat();
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

test("Azure's throttling pauses the whole subscription, the dashboard says so, and every operation still reaches its end", async ({
  page,
  sim,
  signInPage,
}) => {
  test.setTimeout(120_000);
  const dashboard = new DashboardPage(page);
  const budgetNotices = await recordBudgetNotices(page);
  await page.goto("/");
  await signInPage.signIn();

  const subscriptionId = uniqueId();
  // A bucket of 3 reads, one more every 5 s: slower than opwatch ever slows down by itself (a tenth of its budget), as
  // when other tools of the person drain the subscription. The operations start only now, after sign-in, and run long
  // enough to need far more reads than that bucket holds, so Azure answers 429 however the reads fall.
  const scenarios = await Promise.all(
    [0, 1, 2].map(() =>
      sim.create({
        kind: "devops",
        ids: { subscriptionId, operationResultId: uniqueId() },
        throttle: { capacity: 3, refillPerSecond: 0.2 },
        steps: [
          { afterMs: 0, body: running(20) },
          { afterMs: 10_000, body: running(70) },
          { afterMs: 20_000, body: succeeded },
        ],
      } satisfies ScenarioInput),
    ),
  );
  for (const scenario of scenarios) await dashboard.paste(`${E2E.appOrigin}${scenario.permalink}`);

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

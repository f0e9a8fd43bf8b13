import { expect, test } from "./fixtures";
import { recordReads } from "./fixtures/reads";
import { answering, devops, running, succeeded } from "./fixtures/scenarios";
import { turnOnCue } from "./fixtures/turn-on-cue";
import { DashboardPage } from "./pages/dashboard-page";
import { OperationPage } from "./pages/operation-page";

/** The scheduler reads for every tab of a browser from one of them, and another takes over when that one closes. */

test("two pages of one browser read an operation once between them, and the other page takes over when one closes", async ({ page, context, sim }) => {
  // It moves when the test says, once two reads have shown which page reads, and ends once the reading page has
  // closed: only the page that took over can have read its end. The cues hold for every page of the browser.
  const scenario = await sim.create(devops(answering(running(10))));
  const moves = await turnOnCue(context, scenario, await sim.create(devops(answering(running(60)))));
  const ends = await turnOnCue(context, scenario, await sim.create(devops(answering(succeeded))));

  const dashboard = new DashboardPage(page);
  const dashboardReads = recordReads(page, scenario);
  await page.goto("/");
  await dashboard.watch(scenario);
  await expect(dashboard.progressBar(scenario.permalink)).toHaveAttribute("aria-valuenow", "10");

  const second = await context.newPage();
  const operationReads = recordReads(second, scenario);
  const operationPage = new OperationPage(second);
  await operationPage.goto(scenario.permalink);
  await expect(operationPage.progressBar).toHaveAttribute("aria-valuenow", "10");
  // Why the next read is when it is, from the scheduler.
  await expect(second.getByTestId("next-read")).toContainText(/Next read|Reading now|Due now/);

  // Both pages are open and settled: from now on only one of them may read.
  const fromDashboard = dashboardReads.length;
  const fromOperationPage = operationReads.length;
  const simulatorBefore = (await sim.requests(scenario.id)).length;
  // Two reads at the open page's pace (at least every 5 s) show which page reads.
  await expect
    .poll(() => dashboardReads.length - fromDashboard + operationReads.length - fromOperationPage, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(2);
  const dashboardWindow = dashboardReads.length - fromDashboard;
  const operationWindow = operationReads.length - fromOperationPage;
  expect(Math.min(dashboardWindow, operationWindow), "only one of the two pages reads").toBe(0);
  const simulatorAfter = (await sim.requests(scenario.id)).length;
  expect(simulatorAfter - simulatorBefore).toBeLessThanOrEqual(dashboardWindow + operationWindow + 1);

  // The page that does not read shows the same results; the dashboard also says another tab reads for it (the
  // operation page says why its next read is when it is, checked above).
  const follower = dashboardWindow === 0 ? page : second;
  const poller = follower === page ? second : page;
  if (follower === page) await expect(page.getByTestId("fleet-role")).toBeVisible();
  moves.turn();
  await expect(operationPage.progressBar).toHaveAttribute("aria-valuenow", "60", { timeout: 20_000 });
  await expect(dashboard.progressBar(scenario.permalink)).toHaveAttribute("aria-valuenow", "60");

  // The reading page goes away; the other takes over and sees the end.
  const followerReads = follower === page ? dashboardReads : operationReads;
  const followerBefore = followerReads.length;
  await poller.close();
  ends.turn();
  const followerBadge = follower === page ? dashboard.statusBadge(scenario.permalink) : operationPage.statusBadge;
  await expect(followerBadge).toHaveAttribute("data-status-category", "succeeded", { timeout: 40_000 });
  expect(followerReads.length).toBeGreaterThan(followerBefore);
});

test("moving from the dashboard to an operation's page and back keeps the page's poller: it never says bye to the other tabs", async ({ page, sim }) => {
  const scenario = await sim.create(devops([{ afterMs: 0, body: running(10) }]));
  // What the page's scheduler tells the other tabs, kept across its in-app navigations (one document throughout).
  await page.addInitScript(() => {
    const said: unknown[] = [];
    (window as unknown as { __tabMessages: unknown[] }).__tabMessages = said;
    const prototype = BroadcastChannel.prototype;
    const post = Object.getOwnPropertyDescriptor(prototype, "postMessage")?.value as (this: BroadcastChannel, message: unknown) => void;
    prototype.postMessage = function (this: BroadcastChannel, message: unknown) {
      said.push((message as { type?: unknown } | null)?.type);
      post.call(this, message);
    };
  });
  const saidBye = () => page.evaluate(() => (window as unknown as { __tabMessages: unknown[] }).__tabMessages.filter((type) => type === "bye").length);

  const dashboard = new DashboardPage(page);
  await page.goto("/");
  await dashboard.watch(scenario);
  await expect(dashboard.progressBar(scenario.permalink)).toHaveAttribute("aria-valuenow", "10");

  await dashboard.rowName(scenario.permalink).click();
  const operationPage = new OperationPage(page);
  await expect(operationPage.progressBar).toHaveAttribute("aria-valuenow", "10");
  expect(await saidBye(), "the scheduler stopped on the way to the operation's page").toBe(0);

  await page.getByRole("banner").getByRole("link", { name: "opwatch" }).click();
  await expect(dashboard.progressBar(scenario.permalink)).toHaveAttribute("aria-valuenow", "10");
  expect(await saidBye(), "the scheduler stopped on the way back to the dashboard").toBe(0);
});

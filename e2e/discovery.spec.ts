import { expect, test } from "./fixtures";
import { BOTH_SCHEMES, expectAxeClean } from "./fixtures/axe";
import { expectNoSidewaysScroll } from "./fixtures/layout";
import { DashboardPage } from "./pages/dashboard-page";
import { DevBoxesSection } from "./pages/dev-boxes-section";
import { OperationPage } from "./pages/operation-page";
import { RETRY_AFTER_2, type Step } from "./fixtures/scenarios";

/**
 * "Your dev boxes": a person's DevCenter operations found by sweeping the simulator's dev center, without pasting. The
 * e2e app sweeps every 10 s (playwright.config.ts). Every sweep reads all of the person's dev boxes, so each worker
 * signs in as a person of its own: a fault planted by a test is met only by its own browser.
 */
test.use({
  signedInAs: async ({ workersOwnPerson }, use) => {
    await use(workersOwnPerson);
  },
});

/** Running, its status read again 2 s on (DevCenter itself asks for 30 s). */
const running = (kind: string): Step => ({ afterMs: 0, headers: RETRY_AFTER_2, body: { status: "Running", startTime: "{{start}}", name: kind } });
const succeededAfter = (ms: number): Step => ({ afterMs: ms, body: { status: "Succeeded", startTime: "{{start}}", endTime: "{{end}}" } });
/** Someone else's object id: an admin who restarted the person's dev box. */
const ADMIN = "b1b1b1b1-0000-4000-8000-0000000ad111";

test("an operation started on a dev box after sign-in appears without any paste, and Watch makes it an ordinary watched one", async ({ page, devCenter }) => {
  await devCenter.devBox("e2e-box");
  await page.goto("/");
  const section = new DevBoxesSection(page);
  await section.addEndpoint(devCenter.host);

  const mine = await devCenter.startOperation("e2e-box", { operationKind: "Restart", steps: [running("Restart")] });
  const theirs = await devCenter.startOperation("e2e-box", { operationKind: "Repair", steps: [running("Repair")], createdBy: ADMIN });
  const row = section.row(devCenter.keyOf(mine.operationId));
  await expect(row).toContainText("Restart on e2e-box", { timeout: 30_000 });
  await expect(row).toContainText(devCenter.projectName);
  await expect(row).toContainText("by you");
  await expect(row.getByTestId("status-badge")).toContainText("Running");
  await expect(section.row(devCenter.keyOf(theirs.operationId))).not.toContainText("by you");
  await expectAxeClean(page, { colorSchemes: BOTH_SCHEMES });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);

  await section.watchButton(devCenter.keyOf(mine.operationId)).click();
  await expect(section.watchingLink(devCenter.keyOf(mine.operationId))).toHaveAttribute("href", mine.permalink);
  const dashboard = new DashboardPage(page);
  await expect(dashboard.statusBadge(mine.permalink)).toHaveAttribute("data-status-category", "running");
  await expect(dashboard.row(mine.permalink)).toContainText("Restart on e2e-box");
  // Not watched until asked: the other one is offered, not added.
  await expect(dashboard.row(theirs.permalink)).toHaveCount(0);
});

test("with auto-watch on, a new operation is watched without a click, notified when it ends, and its permalink opens in a fresh browser", async ({
  page,
  devCenter,
  newBrowserPage,
}) => {
  await devCenter.devBox("e2e-auto");
  await page.goto("/");
  const section = new DevBoxesSection(page);
  await section.addEndpoint(devCenter.host);
  await section.autoWatchSwitch(devCenter.host).click();
  await expect(section.autoWatchSwitch(devCenter.host)).toHaveAttribute("aria-checked", "true");

  // Found running (Look now, not the next sweep: the test is of the switch), so it ends after it was watched.
  const started = await devCenter.startOperation("e2e-auto", { operationKind: "Start", steps: [running("Start"), succeededAfter(8_000)] });
  await section.lookNowButton(devCenter.host).click();
  const dashboard = new DashboardPage(page);
  await expect(dashboard.row(started.permalink)).toContainText("Start on e2e-auto", { timeout: 30_000 });
  await expect(dashboard.completionNotices.filter({ hasText: "ended: Succeeded" })).toHaveCount(1, { timeout: 45_000 });

  const elsewhere = new OperationPage(await newBrowserPage());
  await elsewhere.goto(started.permalink);
  await expect(elsewhere.statusBadge).toHaveAttribute("data-status-category", "succeeded");
});

test("a 429 on a list pauses the endpoint, its watched operations included, and says until when", async ({ page, devCenter }) => {
  await devCenter.devBox("e2e-throttled");
  const watched = await devCenter.startOperation("e2e-throttled", { operationKind: "Stop", steps: [running("Stop")] });
  await page.goto("/");
  const section = new DevBoxesSection(page);
  await section.addEndpoint(devCenter.host);
  await section.watchButton(devCenter.keyOf(watched.operationId)).click();

  await devCenter.fault({ list: "operations", status: 429, headers: { "Retry-After": "40" } });
  await section.lookNowButton(devCenter.host).click();
  await expect(section.sweptLine(devCenter.host)).toHaveText(/^DevCenter asked opwatch to wait; looking again at \d/);
  const dashboard = new DashboardPage(page);
  await expect(page.getByTestId("read-budget-notice").filter({ hasText: "paused" })).toContainText(/Azure asked us to wait/);
  await expect(dashboard.nextRead(watched.permalink)).toContainText("paused");
});

test("a dev center that refuses the person says so and what to do", async ({ page, devCenter }) => {
  await devCenter.devBox("e2e-forbidden");
  await devCenter.fault({ list: "operations", status: 403, count: 100 });
  await page.goto("/");
  const section = new DevBoxesSection(page);
  // The operator's endpoint, offered to a person who does not have it (the e2e app names the simulator's).
  await section.offers.filter({ hasText: devCenter.host }).click();
  await expect(section.problem(devCenter.host)).toHaveAttribute("data-problem", "forbidden");
  await expect(section.problem(devCenter.host)).toContainText("Dev Box User");
});

test("an endpoint this server does not call is refused with what to do, and never read", async ({ page }) => {
  const host = "contoso-dc.westus3.devcenter.azure.com";
  await page.goto("/");
  const section = new DevBoxesSection(page);
  await section.addEndpoint(`https://${host}/`);
  await expect(section.endpointFormStatus).toContainText("DEVCENTER_ALLOWED_HOSTS");
  await section.addEndpoint(`https://${host}/`);
  await expect(section.problem(host)).toHaveAttribute("data-problem", "refused");
  await expect(section.problem(host)).toContainText("Ask whoever runs opwatch");
});

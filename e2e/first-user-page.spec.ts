import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import type { LoggedRequest, ScenarioInput, SimulatorClient } from "./fixtures/simulator-client";
import { E2E } from "./fixtures/stack";
import { DashboardPage } from "./pages/dashboard-page";
import { OperationPage } from "./pages/operation-page";
import type { SignInPage } from "./pages/sign-in-page";

/**
 * Issue 12, what a first-time user trips over on one operation's page: no way to look now (Refresh now, a read at
 * least every 5 s while the page is open), the page's order, the progress chart, the timeline's scale, and the 404 page.
 */

const uniqueId = () => crypto.randomUUID();

/** Started ten minutes ago: by its age alone the policy would wait 50 s between reads, so faster reads are the page's. */
const tenMinutesAgo = () => new Date(Date.now() - 10 * 60_000).toISOString();
/** The simulator asks running operations for Retry-After 5 by default; these steps ask for nothing unless they say. */
const NO_RETRY_AFTER = { "Retry-After": null };
const runningSince = (startTime: string, percentComplete: number) => ({ status: "InProgress", startTime, percentComplete });

async function openSignedIn(page: Page, signInPage: SignInPage, path: string): Promise<void> {
  await page.goto(path);
  await signInPage.signIn();
}

/** Request times in the order the simulator received them. */
const times = (requests: readonly LoggedRequest[]) => requests.map((r) => Date.parse(r.at)).sort((a, b) => a - b);

async function readCount(sim: SimulatorClient, id: string): Promise<number> {
  return (await sim.requests(id)).length;
}

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
}

/** axe in light and in dark mode: both must hold. */
async function expectAxeCleanInBothSchemes(page: Page): Promise<void> {
  await page.emulateMedia({ colorScheme: "light" });
  await expectNoSeriousAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoSeriousAxeViolations(page);
  await page.emulateMedia({ colorScheme: null });
}

test.describe("the operation page for a first-time user", () => {
  test("refresh now reads once, at once; the open page is read at least every 5 s", async ({ page, sim, signInPage }) => {
    const scenario = await sim.create({
      kind: "devops",
      clock: "firstRequest",
      ids: { operationResultId: uniqueId() },
      steps: [{ afterMs: 0, headers: NO_RETRY_AFTER, body: runningSince(tenMinutesAgo(), 30) }],
    } satisfies ScenarioInput);
    const op = new OperationPage(page);
    await openSignedIn(page, signInPage, scenario.permalink);
    await expect(op.progressBar).toHaveAttribute("aria-valuenow", "30");

    // Open and visible: at least every 5 s, though the operation's age alone asks for 50 s.
    await expect.poll(() => readCount(sim, scenario.id), { timeout: 25_000 }).toBeGreaterThanOrEqual(4);
    const cadence = times(await sim.requests(scenario.id));
    // 5 s after the previous answer came back, so the simulator sees a gap of 5 s plus that read's own time, which on a
    // loaded machine can pass a second: still far below the 50 s the operation's age alone would ask for.
    for (let i = 1; i < cadence.length; i++) expect((cadence[i] ?? 0) - (cadence[i - 1] ?? 0)).toBeLessThanOrEqual(10_000);

    // Just after a read (and once the page knows it ended), a refresh reads at once: long before the next 5 s step.
    const before = await readCount(sim, scenario.id);
    await expect.poll(() => readCount(sim, scenario.id), { timeout: 8_000 }).toBeGreaterThan(before);
    await expect(op.nextRead).not.toHaveAttribute("data-cause", "reading");
    const afterRead = await sim.requests(scenario.id);
    const lastReadAt = Math.max(...times(afterRead));
    await expect(op.refreshButton).not.toHaveAttribute("aria-disabled", "true");
    const clickedAt = Date.now();
    await op.refreshButton.click();
    await expect.poll(() => readCount(sim, scenario.id), { timeout: 3_000 }).toBe(afterRead.length + 1);
    const refreshedAt = Math.max(...times(await sim.requests(scenario.id)));
    expect(refreshedAt - clickedAt, "the refresh read follows the click").toBeLessThan(2_000);
    expect(refreshedAt - lastReadAt, "sooner than the 5 s step").toBeLessThan(4_500);
    // Once: no second read follows the click.
    await page.waitForTimeout(1_500);
    expect(await readCount(sim, scenario.id)).toBe(afterRead.length + 1);
  });

  test("refresh now waits for Retry-After, says when it will be allowed, and reads nothing before", async ({ page, sim, signInPage }) => {
    const startTime = tenMinutesAgo();
    const scenario = await sim.create({
      kind: "devops",
      clock: "firstRequest",
      ids: { operationResultId: uniqueId() },
      steps: [
        { afterMs: 0, headers: { "Retry-After": "20" }, body: runningSince(startTime, 10) },
        { afterMs: 10_000, headers: NO_RETRY_AFTER, body: runningSince(startTime, 50) },
      ],
    } satisfies ScenarioInput);
    test.setTimeout(120_000);
    const op = new OperationPage(page);
    await openSignedIn(page, signInPage, scenario.permalink);
    await expect(op.progressBar).toHaveAttribute("aria-valuenow", "10");

    await expect(op.refreshButton).toHaveAttribute("aria-disabled", "true");
    await expect(op.refreshHold).toContainText(
      /^Refresh allowed in \d+ s \(at \d\d:\d\d:\d\d\): Azure asked not to read this operation before then \(Retry-After\)\.$/,
    );
    // The wait counts down.
    const secondsLeft = async () => Number(/in (\d+) s/.exec((await op.refreshHold.textContent()) ?? "")?.[1]);
    const first = await secondsLeft();
    // By keyboard and by mouse: the button stays focusable, and does nothing while held.
    await op.refreshButton.focus();
    await page.keyboard.press("Enter");
    await expect(op.refreshButton).toBeFocused();
    await op.refreshButton.click({ force: true });
    await page.waitForTimeout(3_000);
    expect(await secondsLeft()).toBeLessThan(first);
    expect(await readCount(sim, scenario.id), "no read before Retry-After").toBe(1);

    // At the end of Retry-After the page reads, and the hold is gone.
    await expect(op.progressBar).toHaveAttribute("aria-valuenow", "50", { timeout: 30_000 });
    const [firstRead = 0, secondRead = 0] = times(await sim.requests(scenario.id));
    expect(secondRead - firstRead).toBeGreaterThanOrEqual(19_900);
    await expect(op.refreshHold).toHaveCount(0);
    await expect(op.refreshButton).not.toHaveAttribute("aria-disabled", "true");
    // Without Retry-After, the open page is read again within about 5 s.
    await expect.poll(() => readCount(sim, scenario.id), { timeout: 8_000 }).toBeGreaterThanOrEqual(3);
    const [, second = 0, third = 0] = times(await sim.requests(scenario.id));
    expect(third - second).toBeLessThanOrEqual(6_500);
  });

  test("order: the error first, identifiers folded, and a title without the GUID on a phone", async ({ page, sim, signInPage }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const operationResultId = uniqueId();
    const scenario = await sim.create({
      kind: "devops",
      clock: "firstRequest",
      ids: { operationResultId, securityConnectorName: "contoso-github-connector", resourceGroupName: "rg-devops-prod" },
      steps: [
        {
          afterMs: 0,
          body: {
            status: "Failed",
            startTime: "{{start}}",
            endTime: "{{end}}",
            percentComplete: 100,
            error: {
              code: "DevOpsConfigurationFailed",
              message: "The DevOps connector could not be configured.",
              details: [{ code: "PermissionDenied", message: "The account lacks 'Project Collection Administrator'." }],
            },
          },
        },
      ],
    } satisfies ScenarioInput);
    const op = new OperationPage(page);
    await openSignedIn(page, signInPage, scenario.permalink);
    await expect(op.statusBadge).toHaveAttribute("data-status-category", "failed");

    // Named as rows name it; the GUID is shortened beside it, in full in the (folded) identifiers.
    await expect(op.heading).toHaveText("contoso-github-connector in rg-devops-prod");
    await expect(page).toHaveTitle(/contoso-github-connector/);
    expect(await page.title()).not.toContain(operationResultId);
    expect(await op.heading.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);

    // The error comes before progress and identifiers.
    await expect(op.errorSection).toBeVisible();
    const errorBox = await op.errorSection.boundingBox();
    const progressBox = await page.getByTestId("progress-section").boundingBox();
    const idsBox = await op.identifiers.boundingBox();
    expect(errorBox && progressBox && idsBox).toBeTruthy();
    expect(errorBox?.y ?? 0).toBeLessThan(progressBox?.y ?? 0);
    expect(progressBox?.y ?? 0).toBeLessThan(idsBox?.y ?? 0);
    // One read of a finished operation: no chart.
    await expect(op.progressChart).toHaveCount(0);

    // Identifiers are folded, and open from the keyboard.
    await expect(op.identifiers).toHaveJSProperty("open", false);
    await expect(op.identifiers.getByText(operationResultId, { exact: true })).toBeHidden();
    await op.identifiersSummary.focus();
    await page.keyboard.press("Enter");
    await expect(op.identifiers).toHaveJSProperty("open", true);
    await expect(op.identifiers.getByText(operationResultId, { exact: true })).toBeVisible();

    await expectAxeCleanInBothSchemes(page);
  });

  test("chart: only from two reads, drawn as steps, named, and no Tab stop", async ({ page, sim, signInPage }) => {
    const startTime = tenMinutesAgo();
    const scenario = await sim.create({
      kind: "devops",
      clock: "firstRequest",
      ids: { operationResultId: uniqueId() },
      steps: [
        { afterMs: 0, headers: NO_RETRY_AFTER, body: runningSince(startTime, 10) },
        { afterMs: 2_000, headers: NO_RETRY_AFTER, body: runningSince(startTime, 40) },
      ],
    } satisfies ScenarioInput);
    const op = new OperationPage(page);
    await openSignedIn(page, signInPage, scenario.permalink);
    await expect(op.progressBar).toHaveAttribute("aria-valuenow", "10");
    await expect(op.progressChart).toHaveCount(0);

    await expect(op.progressBar).toHaveAttribute("aria-valuenow", "40", { timeout: 10_000 });
    await expect(op.progressChart).toHaveAttribute("aria-label", "Progress over the reads");
    // The chart's code loads lazily and its frame is replaced once it has: scroll to whichever is there by then.
    await expect(async () => {
      await op.progressChart.scrollIntoViewIfNeeded({ timeout: 2_000 });
    }).toPass({ timeout: 10_000 });
    await expect(op.progressChart.locator("figcaption")).toContainText(/\d+ reads, from 10% at .* to 40% at/);
    const line = op.progressChart.locator("path.recharts-line-curve");
    await expect(line).toBeAttached();
    // Steps are straight segments; a smooth curve would be drawn with Bézier commands.
    expect(await line.getAttribute("d")).not.toMatch(/[CcSsQq]/);
    // recharts' layers carry tabindex="-1" (focusable by script only); nothing in the chart may be a Tab stop.
    await expect(op.progressChart.locator('[tabindex]:not([tabindex="-1"])')).toHaveCount(0);

    await expectAxeCleanInBothSchemes(page);
  });

  test("timeline: scaled to the last 24 hours, saying what was left out", async ({ page, sim, signInPage }) => {
    const old = await sim.create({
      kind: "devops",
      clock: "firstRequest",
      ids: { operationResultId: uniqueId() },
      steps: [{ afterMs: 0, body: { status: "Succeeded", startTime: "2023-06-21T03:23:15Z", endTime: "2023-06-21T03:25:15Z", percentComplete: 100 } }],
    } satisfies ScenarioInput);
    const today = await sim.create({
      kind: "devops",
      clock: "firstRequest",
      ids: { operationResultId: uniqueId() },
      steps: [{ afterMs: 0, body: { status: "InProgress", startTime: "{{start}}", percentComplete: 20 } }],
    } satisfies ScenarioInput);
    const dashboard = new DashboardPage(page);
    await openSignedIn(page, signInPage, "/");
    for (const scenario of [old, today]) {
      await dashboard.paste(`${E2E.appOrigin}${scenario.permalink}`);
      await expect(dashboard.row(scenario.permalink)).toBeVisible();
    }
    await expect(dashboard.statusBadge(old.permalink)).toHaveAttribute("data-status-category", "succeeded");
    await expect(dashboard.statusBadge(today.permalink)).toHaveAttribute("data-status-category", "running");

    await expect(page.getByTestId("timeline-left-out")).toContainText(/^1 operation ended before \d{4}-\d\d-\d\d \d\d:\d\d is not drawn\./);
    // The chart's code loads as its place nears the screen, replacing its placeholder figure.
    await page.getByRole("heading", { name: "Timeline", exact: true }).scrollIntoViewIfNeeded();
    const timeline = page.getByRole("figure", { name: "Start and end of the watched operations" });
    await expect(timeline.locator("figcaption")).toContainText("running for");
    await expect(timeline.locator("figcaption")).not.toContainText("took");
    // recharts draws tick labels in layers of their own; the time axis's are the ones that read "+…".
    const ticks = timeline.locator(".recharts-cartesian-axis-tick-value").filter({ hasText: /^\+/ });
    await expect(ticks.first()).toBeVisible();
    // Seconds and minutes of today's operation, not days since 2023.
    for (const tick of await ticks.allTextContents()) expect(tick).not.toMatch(/\d d/);
  });

  test("404: our own page with a way back to the dashboard; a bad permalink too", async ({ page }) => {
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("There is no opwatch page here");
    await expect(page).toHaveTitle("Page not found · opwatch");
    await expectAxeCleanInBothSchemes(page);
    await page.getByRole("link", { name: "Go to the dashboard" }).click();
    await expect(page).toHaveURL(`${E2E.appOrigin}/`);

    const op = new OperationPage(page);
    await op.goto("/op/devcenter/example.devcenter.azure.com/proj/not-a-guid");
    await expect(op.badPermalink).toContainText("operationId");
    await expect(op.badPermalink.getByRole("link", { name: "Go to the dashboard" })).toBeVisible();
    await expectAxeCleanInBothSchemes(page);
  });
});

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import type { CreatedScenario, ScenarioInput, SimulatorClient } from "./fixtures/simulator-client";
import { E2E } from "./fixtures/stack";
import { DashboardPage, refKeyOf } from "./pages/dashboard-page";
import type { SignInPage } from "./pages/sign-in-page";

/*
 * Issue 12 on the dashboard's rows: dead rows look dead and come first, names before GUIDs, labels, undo, and the
 * header on a phone. Each test makes its own operations (fresh ids), so tests and reruns never share one.
 */

const uniqueId = () => crypto.randomUUID();
const GUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const running = { status: "InProgress", startTime: "{{start}}", percentComplete: 20 };
const succeeded = { status: "Succeeded", startTime: "{{start}}", endTime: "{{end}}", percentComplete: 100 };
const failed = {
  status: "Failed",
  startTime: "{{start}}",
  endTime: "{{end}}",
  error: {
    code: "DevOpsConfigurationFailed",
    message: "The DevOps connector could not be configured.",
    details: [
      {
        code: "OrganizationOnboardingFailed",
        message: "Onboarding the organization failed.",
        details: [{ code: "PermissionDenied", message: "The identity lacks 'Project Collection Administrator' in the organization." }],
      },
    ],
  },
};

/** A devops operation of connector `connector` in resource group rg-e2e, answering `steps`. */
function devops(sim: SimulatorClient, connector: string, steps: ScenarioInput["steps"]): Promise<CreatedScenario> {
  return sim.create({
    kind: "devops",
    clock: "firstRequest",
    ids: { subscriptionId: uniqueId(), resourceGroupName: "rg-e2e", securityConnectorName: connector, operationResultId: uniqueId() },
    steps,
  });
}

const gone = (sim: SimulatorClient, connector: string) =>
  devops(sim, connector, [{ afterMs: 0, status: 404, body: { error: { code: "NotFound", message: "The operation result was not found." } } }]);

async function openSignedIn(page: Page, signInPage: SignInPage): Promise<DashboardPage> {
  await page.goto("/");
  await signInPage.signIn();
  return new DashboardPage(page);
}

async function watch(dashboard: DashboardPage, scenario: CreatedScenario, label?: string): Promise<void> {
  const url = `${E2E.appOrigin}${scenario.permalink}`;
  if (label === undefined) await dashboard.paste(url);
  else await dashboard.pasteWithLabel(url, label);
  await expect(dashboard.row(scenario.permalink)).toBeVisible();
}

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
}

test.describe("first-time user: rows", () => {
  test("dead rows: a 404 is a still 'Cannot be read' row that needs attention and sorts first; a failure shows its root cause", async ({
    page,
    sim,
    signInPage,
  }) => {
    const dead = await gone(sim, "conn-gone");
    const alive = await devops(sim, "conn-alive", [{ afterMs: 0, headers: { "Retry-After": "2" }, body: running }]);
    const broken = await devops(sim, "conn-broken", [{ afterMs: 0, body: failed }]);
    const dashboard = await openSignedIn(page, signInPage);

    await watch(dashboard, dead);
    await watch(dashboard, alive);
    const deadRow = dashboard.rowByKey(dead.permalink);
    const badge = dashboard.statusBadge(dead.permalink);
    await expect(badge).toHaveAttribute("data-status-category", "unreadable");
    await expect(badge).toContainText("Cannot be read");
    await expect(badge).toHaveAttribute("title", /Polling stopped: the operation id is wrong/);
    await expect(deadRow).not.toContainText("not read yet");
    await expect(deadRow.locator("[data-indeterminate]")).toHaveCount(0);
    await expect(deadRow.getByRole("progressbar")).toHaveAttribute("data-stopped", "true");
    await expect(dashboard.readError(dead.permalink)).toContainText("polling stopped");
    await expect(dashboard.statusBadge(alive.permalink)).toHaveAttribute("data-status-category", "running");

    // Older than the running one, yet first: it needs the person, the running one does not.
    await expect(dashboard.needsAttention).toHaveAttribute("data-count", "1");
    await expect(dashboard.headerCounts).toHaveText("2 watched · 1 running · 1 needs attention");
    await expect.poll(() => dashboard.rowOrder()).toEqual([dead, alive].map((s) => refKeyOf(s.permalink)));

    await watch(dashboard, broken);
    await expect(dashboard.statusBadge(broken.permalink)).toHaveAttribute("data-status-category", "failed");
    await expect(dashboard.rootCause(broken.permalink)).toContainText("PermissionDenied: The identity lacks 'Project Collection Administrator'");
    await expect(dashboard.needsAttention).toHaveAttribute("data-count", "2");
    await expect.poll(() => dashboard.rowOrder()).toEqual([broken, dead, alive].map((s) => refKeyOf(s.permalink)));

    // Names before GUIDs: the resource is the name; the id is shortened in the middle, whole in its title.
    await expect(dashboard.rowName(alive.permalink)).toHaveText("conn-alive in rg-e2e");
    const aliveId = alive.ref.operationResultId ?? "";
    await expect(dashboard.rowOperationId(alive.permalink)).toHaveAttribute("title", aliveId);
    await expect(dashboard.rowOperationId(alive.permalink)).toContainText(`${aliveId.slice(0, 8)}…${aliveId.slice(-6)}`);
    for (const name of await dashboard.rows.getByTestId("operation-name").allTextContents()) expect(name).not.toMatch(GUID_IN_TEXT);

    await expectNoSeriousAxeViolations(page);
  });

  test("labels: given when adding or later (Enter saves, Escape cancels), kept across a reload", async ({ page, sim, signInPage }) => {
    const first = await devops(sim, "conn-label", [{ afterMs: 0, body: running }]);
    const second = await devops(sim, "conn-label", [{ afterMs: 0, body: running }]);
    const dashboard = await openSignedIn(page, signInPage);

    await watch(dashboard, first, "Onboard the Contoso org");
    await expect(dashboard.rowName(first.permalink)).toHaveText("Onboard the Contoso org");
    await watch(dashboard, second);
    await expect(dashboard.rowName(second.permalink)).toHaveText("conn-label in rg-e2e");

    await dashboard.setLabel(second.permalink, "Fabrikam repos");
    await expect(dashboard.rowName(second.permalink)).toHaveText("Fabrikam repos");
    // Focus returns to the button that opened the form.
    await expect(dashboard.labelButton(second.permalink)).toBeFocused();

    await dashboard.setLabel(second.permalink, "Not this", "Escape");
    await expect(dashboard.rowName(second.permalink)).toHaveText("Fabrikam repos");
    await expect(dashboard.labelField(second.permalink)).toHaveCount(0);

    await page.reload();
    await expect(dashboard.rowName(first.permalink)).toHaveText("Onboard the Contoso org");
    await expect(dashboard.rowName(second.permalink)).toHaveText("Fabrikam repos");

    // An emptied label gives the resource's name back.
    await dashboard.setLabel(first.permalink, "");
    await expect(dashboard.rowName(first.permalink)).toHaveText("conn-label in rg-e2e");

    await dashboard.labelButton(second.permalink).click();
    await expectNoSeriousAxeViolations(page);
  });

  test("undo: Remove and both Clear buttons can be undone, putting rows back in place with their labels", async ({ page, sim, signInPage }) => {
    const done = await devops(sim, "conn-done", [{ afterMs: 0, body: succeeded }]);
    const broken = await devops(sim, "conn-broken", [{ afterMs: 0, body: failed }]);
    const busy = await devops(sim, "conn-busy", [{ afterMs: 0, headers: { "Retry-After": "2" }, body: running }]);
    const dashboard = await openSignedIn(page, signInPage);
    await watch(dashboard, done, "Done one");
    await watch(dashboard, busy);
    await watch(dashboard, broken);
    await expect(dashboard.statusBadge(done.permalink)).toHaveAttribute("data-status-category", "succeeded");
    await expect(dashboard.statusBadge(broken.permalink)).toHaveAttribute("data-status-category", "failed");
    await expect(dashboard.statusBadge(busy.permalink)).toHaveAttribute("data-status-category", "running");
    await expect.poll(() => dashboard.rowOrder().then((o) => o.length)).toBe(3);
    const order = await dashboard.rowOrder();

    // Remove: gone at once, the next row's name takes the focus, back with Undo where it was.
    expect(order).toEqual([broken, busy, done].map(({ permalink }) => refKeyOf(permalink)));
    await dashboard.remove(busy.permalink);
    await expect(dashboard.rowByKey(busy.permalink)).toHaveCount(0);
    await expect(dashboard.rowName(done.permalink)).toBeFocused();
    await expect(page.getByRole("status").filter({ has: dashboard.undoNotice })).toContainText("Removed conn-busy in rg-e2e");
    await dashboard.undoButton.click();
    await expect(dashboard.undoNotice).toHaveCount(0);
    await expect.poll(() => dashboard.rowOrder()).toEqual(order);

    // Clear succeeded & canceled leaves the failed one, focus on the list's heading; Undo brings the label back too.
    await dashboard.clearFinishedButton.click();
    await expect(page.getByRole("heading", { name: "Watched operations" })).toBeFocused();
    await expect(dashboard.rowByKey(done.permalink)).toHaveCount(0);
    await expect(dashboard.rowByKey(broken.permalink)).toBeVisible();
    await expect(dashboard.undoNotice).toContainText("Cleared 1 succeeded or canceled operation.");
    await dashboard.undoButton.click();
    await expect(dashboard.rowName(done.permalink)).toHaveText("Done one");
    await expect.poll(() => dashboard.rowOrder()).toEqual(order);

    // Clear failed: the offer waits while hovered, then ends, and the removal holds across a reload.
    await dashboard.clearFailedButton.click();
    await expect(dashboard.rowByKey(broken.permalink)).toHaveCount(0);
    await dashboard.undoNotice.hover();
    await page.waitForTimeout(10_000);
    await expect(dashboard.undoNotice).toBeVisible();
    await page.mouse.move(0, 0);
    await expect(dashboard.undoNotice).toHaveCount(0, { timeout: 10_000 });
    await page.reload();
    await expect(dashboard.rowByKey(done.permalink)).toBeVisible();
    await expect(dashboard.rowByKey(broken.permalink)).toHaveCount(0);
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test("the header's counter stays on one line and names never break inside a GUID", async ({ page, sim, signInPage }) => {
      const dead = await gone(sim, "conn-phone-gone");
      const alive = await devops(sim, "a-rather-long-security-connector-name-for-a-phone", [{ afterMs: 0, body: running }]);
      const dashboard = await openSignedIn(page, signInPage);
      await watch(dashboard, dead);
      await watch(dashboard, alive);
      await expect(dashboard.needsAttention).toHaveAttribute("data-count", "1");

      const lineHeight = await dashboard.headerCounts.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      const counts = await dashboard.headerCounts.boundingBox();
      expect(counts?.height ?? Infinity).toBeLessThan(lineHeight * 1.5);
      expect((counts?.x ?? 0) + (counts?.width ?? Infinity)).toBeLessThanOrEqual(390);

      for (const scenario of [dead, alive]) {
        const name = dashboard.rowName(scenario.permalink);
        await expect(name).not.toHaveText(GUID_IN_TEXT);
        const nameBox = await name.boundingBox();
        const nameLine = await name.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
        expect(nameBox?.height ?? Infinity).toBeLessThan(nameLine * 1.5);
        await expect(dashboard.rowOperationId(scenario.permalink)).toContainText("…");
        const idBox = await dashboard.rowOperationId(scenario.permalink).boundingBox();
        expect((idBox?.x ?? 0) + (idBox?.width ?? Infinity)).toBeLessThanOrEqual(390);
      }
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      await expectNoSeriousAxeViolations(page);
    });
  });
});

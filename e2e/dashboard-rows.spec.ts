import { expect, test } from "./fixtures";
import { expectAxeClean } from "./fixtures/axe";
import { answering, DEEP_DEVOPS_ERROR, failed, NOT_FOUND, ofConnector, RETRY_AFTER_2, running } from "./fixtures/scenarios";
import { DashboardPage, refKeyOf } from "./pages/dashboard-page";
import { expectNoSidewaysScroll } from "./fixtures/layout";

/**
 * The dashboard's rows: a row opwatch can no longer read looks still and comes first, a failure names its root cause,
 * names come before GUIDs, and the header's counts fit a phone.
 */

const GUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

test.describe("dashboard rows", () => {
  test("dead rows: a 404 is a still 'Cannot be read' row that needs attention and sorts first; a failure shows its root cause", async ({ page, sim }) => {
    const dead = await sim.create(ofConnector("conn-gone", [NOT_FOUND]));
    const alive = await sim.create(ofConnector("conn-alive", [{ afterMs: 0, headers: RETRY_AFTER_2, body: running(20) }]));
    const broken = await sim.create(ofConnector("conn-broken", answering(failed(DEEP_DEVOPS_ERROR))));
    await page.goto("/");
    const dashboard = new DashboardPage(page);

    await dashboard.watch(dead);
    await dashboard.watch(alive);
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

    await dashboard.watch(broken);
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

    await expectAxeClean(page);
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test("the header's counter stays on one line and names never break inside a GUID", async ({ page, sim }) => {
      const dead = await sim.create(ofConnector("conn-phone-gone", [NOT_FOUND]));
      const alive = await sim.create(ofConnector("a-rather-long-security-connector-name-for-a-phone", answering(running(20))));
      await page.goto("/");
      const dashboard = new DashboardPage(page);
      await dashboard.watch(dead);
      await dashboard.watch(alive);
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
      await expectNoSidewaysScroll(page);

      await expectAxeClean(page);
    });
  });
});

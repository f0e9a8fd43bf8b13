import { demoWatchList } from "../lib/dev/demo-operations";
import { expect, test } from "./fixtures";
import { expectAxeClean } from "./fixtures/axe";
import { answering, DEEP_DEVOPS_ERROR, devops, failed, ofConnector, RETRY_AFTER_2, running, succeeded } from "./fixtures/scenarios";
import { E2E } from "./fixtures/stack";
import { DashboardPage, refKeyOf } from "./pages/dashboard-page";

/** The watch list: kept across reloads, read back from damaged storage, and every removal undoable for a while. */

test.describe("watch list", () => {
  test("persistence: a reload keeps the list, and corrupt storage shows a notice and the page works", async ({ page, sim }) => {
    const scenario = await sim.create(devops(answering(running(5))));
    await page.goto("/");
    const dashboard = new DashboardPage(page);
    await dashboard.watch(scenario);
    await page.reload();
    await expect(dashboard.row(scenario.permalink)).toBeVisible();

    await page.evaluate(() => {
      localStorage.setItem("opwatch.watchlist.v1", '{"version":1,"items":[{"ref":{"kind":"nope"}}');
    });
    await page.reload();
    await expect(dashboard.watchlistNotice).toContainText("could not be fully read");
    await dashboard.watch(scenario);

    await expectAxeClean(page);
  });

  test("undo: Remove and both Clear buttons can be undone, putting rows back in place with their labels", async ({ page, sim }) => {
    // The offer's own timers run on Playwright's clock, so the test can let its 8 seconds pass at once.
    await page.clock.install();
    const done = await sim.create(ofConnector("conn-done", answering(succeeded)));
    const broken = await sim.create(ofConnector("conn-broken", answering(failed(DEEP_DEVOPS_ERROR))));
    const busy = await sim.create(ofConnector("conn-busy", [{ afterMs: 0, headers: RETRY_AFTER_2, body: running(20) }]));
    await page.goto("/");
    const dashboard = new DashboardPage(page);
    await dashboard.watch(done, "Done one");
    await dashboard.watch(busy);
    await dashboard.watch(broken);
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

    // Clear failed: the offer outlasts its 8 seconds while hovered, ends a few seconds after the pointer leaves, and
    // the removal holds across a reload. (The clock runs ahead by less than the 20 s after which MSAL would renew
    // every token it is handed.)
    await dashboard.clearFailedButton.click();
    await expect(dashboard.rowByKey(broken.permalink)).toHaveCount(0);
    await dashboard.undoNotice.hover();
    await page.clock.fastForward(9_000);
    await expect(dashboard.undoNotice).toBeVisible();
    await page.mouse.move(0, 0);
    await expect(dashboard.undoNotice).toBeVisible();
    await page.clock.fastForward(5_000);
    await expect(dashboard.undoNotice).toHaveCount(0);
    await page.reload();
    await expect(dashboard.rowByKey(done.permalink)).toBeVisible();
    await expect(dashboard.rowByKey(broken.permalink)).toHaveCount(0);
  });

  test.describe("a first visit", () => {
    test.use({ firstVisitSeeded: true });

    test("watches the demo's operations, each row named by what it shows", async ({ page }) => {
      const demo = demoWatchList(E2E.simulatorOrigin);
      await page.goto("/");
      const dashboard = new DashboardPage(page);
      await expect.poll(() => dashboard.rowOrder().then((keys) => [...keys].sort())).toEqual(demo.map(({ permalink }) => refKeyOf(permalink)).sort());
      for (const { permalink, label } of demo) await expect(dashboard.rowName(permalink)).toHaveText(label);
      const names = await dashboard.page.getByTestId("operation-name").allTextContents();
      expect(new Set(names).size, "every row's name differs").toBe(demo.length);
    });
  });
});

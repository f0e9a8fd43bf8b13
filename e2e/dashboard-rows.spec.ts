import type { Page, Request } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectAxeClean } from "./fixtures/axe";
import type { SimulatorClient } from "./fixtures/simulator-client";
import { answering, DEEP_DEVOPS_ERROR, failed, NOT_FOUND, ofConnector, RETRY_AFTER_2, running } from "./fixtures/scenarios";
import { DashboardPage, refKeyOf } from "./pages/dashboard-page";
import { OperationPage } from "./pages/operation-page";
import { expectNoSidewaysScroll } from "./fixtures/layout";
import { turnOnCue } from "./fixtures/turn-on-cue";

/**
 * The dashboard's rows: a row opwatch can no longer read looks still and comes first, a failure names its root cause,
 * names come before GUIDs, and the header's counts fit a phone.
 */

const GUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * Holds every request for `path` (Next's router payload, prefetch or not) until `release`, which resolves once each
 * has gone on to the server (or was dropped by the page meanwhile); `held` lists them.
 */
async function holdRequests(page: Page, path: string): Promise<{ held: string[]; release: () => Promise<void> }> {
  let open: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (open = resolve));
  const held: string[] = [];
  const passed: Promise<void>[] = [];
  await page.route(
    (url) => url.pathname === path,
    (route) => {
      held.push(route.request().url());
      const going = released.then(() => route.continue()).catch(() => undefined);
      passed.push(going);
      return going;
    },
  );
  return {
    held,
    release: async () => {
      open();
      await Promise.all(passed);
    },
  };
}

/** A running operation at `percent`, watched on the dashboard and read there. */
async function runningOnDashboard(page: Page, sim: SimulatorClient, connector: string, percent: number) {
  const scenario = await sim.create(ofConnector(connector, answering(running(percent))));
  const dashboard = new DashboardPage(page);
  await page.goto("/");
  await dashboard.watch(scenario);
  await expect(dashboard.progressBar(scenario.permalink)).toHaveAttribute("aria-valuenow", String(percent));
  return { scenario, dashboard };
}

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

  test("pointing at a row's name fetches its operation's page, and the click opens it without asking the server again", async ({ page, sim }) => {
    const { scenario, dashboard } = await runningOnDashboard(page, sim, "conn-open", 30);

    // Requests for the page itself (Next's router payload), not for its operation's reads; the page's route tree
    // alone (a segment prefetch) is not the page.
    const pageRequests: string[] = [];
    const pageAskedFor: Request[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname !== scenario.permalink) return;
      pageRequests.push(request.url());
      if (request.headers()["next-router-segment-prefetch"] === undefined) pageAskedFor.push(request);
    });
    await dashboard.rowName(scenario.permalink).hover();
    await expect.poll(() => pageAskedFor.length, { message: "the page is asked for while the pointer is on its name" }).toBeGreaterThan(0);
    expect((await pageAskedFor[0]?.response())?.status()).toBe(200);
    const fetched = pageRequests.length;

    await dashboard.rowName(scenario.permalink).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${scenario.permalink}$`));
    expect(pageRequests.length, "the click found the page at hand").toBe(fetched);
  });

  test("a click on a row's name shows its operation's page at once, before the server has answered for the route", async ({ page, sim }) => {
    const { scenario, dashboard } = await runningOnDashboard(page, sim, "conn-at-once", 45);

    const { held, release } = await holdRequests(page, scenario.permalink);
    const name = await dashboard.rowName(scenario.permalink).innerText();
    await dashboard.rowName(scenario.permalink).click();
    const opened = new OperationPage(page);
    await expect(dashboard.rows).toHaveCount(0);
    await expect(opened.heading).toContainText(name);
    await expect(opened.statusBadge).toHaveAttribute("data-status-category", "running");
    await expect(opened.progressBar).toHaveAttribute("aria-valuenow", "45");
    expect(held.length, "the route's answer is still held").toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toBe("/");

    await release();
    await expect(page).toHaveURL(new RegExp(`${scenario.permalink}$`));
    await expect(opened.statusBadge).toHaveAttribute("data-status-category", "running");
    // Back on the list, the list shows (not the operation opened from it).
    await page.goBack();
    await expect(dashboard.rowByKey(scenario.permalink)).toBeVisible();
    await expect(opened.heading).not.toContainText(name);
  });

  test("a link followed before the operation's route is in goes where it leads, even to the list the click came from", async ({ page, sim }) => {
    const { scenario, dashboard } = await runningOnDashboard(page, sim, "conn-changed-mind", 55);
    const { release } = await holdRequests(page, scenario.permalink);
    const name = await dashboard.rowName(scenario.permalink).innerText();
    await dashboard.rowName(scenario.permalink).click();
    const opened = new OperationPage(page);
    await expect(opened.heading).toContainText(name);

    await page.getByRole("banner").getByRole("link", { name: "opwatch" }).click();
    await expect(dashboard.rowByKey(scenario.permalink)).toBeVisible();
    await expect(opened.heading).not.toContainText(name);
    // The requests for the route, let go, do not take the person back to the operation.
    await release();
    await expect(dashboard.rowByKey(scenario.permalink)).toBeVisible();
    await expect(opened.heading).not.toContainText(name);
    expect(new URL(page.url()).pathname).toBe("/");
  });

  test("order holds while the person acts in the list: a row that fails moves once the pointer, the focus and the label form leave", async ({ page, sim }) => {
    const runningSteps = [{ afterMs: 0, headers: RETRY_AFTER_2, body: running(20) }];
    const runningOf = (name: string) => sim.create(ofConnector(name, runningSteps));
    const [first, second, steady] = await Promise.all([runningOf("conn-fails-first"), runningOf("conn-fails-second"), runningOf("conn-steady")]);
    const brokenLater = await sim.create(ofConnector("conn-broken-later", answering(failed(DEEP_DEVOPS_ERROR))));
    const cueFirst = await turnOnCue(page, first, brokenLater);
    const cueSecond = await turnOnCue(page, second, brokenLater);
    await page.goto("/");
    const dashboard = new DashboardPage(page);
    for (const scenario of [second, first, steady]) await dashboard.watch(scenario);
    const keys = (...scenarios: { permalink: string }[]) => scenarios.map((s) => refKeyOf(s.permalink));
    await expect.poll(() => dashboard.rowOrder()).toEqual(keys(steady, first, second));
    await expect(dashboard.rows.and(page.locator('[data-status-category="running"]'))).toHaveCount(3);

    // The pointer rests on the steady row while the one below it fails: nothing moves under the pointer, neither the
    // rows nor the list (the notice of the end waits above it).
    const steadyRow = dashboard.rowByKey(steady.permalink);
    const box = await steadyRow.boundingBox();
    await steadyRow.hover({ position: { x: 40, y: (box?.height ?? 0) - 4 } });
    cueFirst.turn();
    await expect(dashboard.statusBadge(first.permalink)).toHaveAttribute("data-status-category", "failed");
    await expect(dashboard.needsAttention).toHaveAttribute("data-count", "1");
    expect(await dashboard.rowOrder()).toEqual(keys(steady, first, second));
    expect(await steadyRow.boundingBox()).toEqual(box);
    await expect(dashboard.completionNotices).toHaveCount(0);
    // The pointer leaves: the notice shows and the failed row comes first.
    await page.mouse.move(0, 0);
    await expect(dashboard.completionNotices).toHaveCount(1);
    await expect.poll(() => dashboard.rowOrder()).toEqual(keys(first, steady, second));

    // The label form stays open on the steady row, pointer and focus elsewhere: the order still holds.
    await dashboard.labelButton(steady.permalink).click();
    await expect(dashboard.labelField(steady.permalink)).toBeFocused();
    await page.mouse.move(0, 0);
    await page.getByRole("heading", { name: "Watched operations" }).focus();
    cueSecond.turn();
    await expect(dashboard.statusBadge(second.permalink)).toHaveAttribute("data-status-category", "failed");
    await expect(dashboard.needsAttention).toHaveAttribute("data-count", "2");
    expect(await dashboard.rowOrder()).toEqual(keys(first, steady, second));
    // Escape closes the form and gives the focus back to the row's Label button, still in the list; leaving the list
    // shows the new order.
    await dashboard.labelField(steady.permalink).press("Escape");
    await expect(dashboard.labelButton(steady.permalink)).toBeFocused();
    expect(await dashboard.rowOrder()).toEqual(keys(first, steady, second));
    await page.getByRole("heading", { name: "Watched operations" }).focus();
    await expect.poll(() => dashboard.rowOrder()).toEqual(keys(first, second, steady));
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

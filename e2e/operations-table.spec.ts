import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { BOTH_SCHEMES, expectAxeClean } from "./fixtures/axe";
import { childFailure } from "./fixtures/failures";
import { answering, DEEP_DEVOPS_ERROR, devcenter, devops, failed, NOT_FOUND, ofConnector, permalinkUrl, RETRY_AFTER_2, running, type Step, uniqueId } from "./fixtures/scenarios";
import type { CreatedScenario, SimulatorClient } from "./fixtures/simulator-client";
import { E2E } from "./fixtures/stack";
import { BoardPage } from "./pages/board-page";
import { DashboardPage, refKeyOf } from "./pages/dashboard-page";
import { OperationPage } from "./pages/operation-page";
import { OperationsTable } from "./pages/operations-table";
import { PastePanel } from "./pages/paste-panel";
import { expectNoSidewaysScroll } from "./fixtures/layout";
import { turnOnCue } from "./fixtures/turn-on-cue";

/** The dense list: beyond 10 operations the dashboard is a table whose sort and filters live in the URL. */

/** The default order's groups. */
const group = (state: string) => (state === "failed" || state === "unreadable" ? "attention" : state === "succeeded" || state === "canceled" ? "ended" : state);

const ended = (status: string): Step[] => answering({ status, startTime: "{{start}}", endTime: "{{end}}", percentComplete: 100 });
// Started 20 s and 10 s ago: scenarios created at once can share a millisecond, and a sort by start must not depend on
// that.
const failedSince = (startedSecondsAgo: number): Step[] =>
  answering(failed({ code: "DeploymentFailed", message: "It failed." }, { startTime: new Date(Date.now() - startedSecondsAgo * 1000).toISOString() }));

/** Operations of every state, both kinds, by their connector or project name, which says what each is. */
const MIX: readonly { kind: "devops" | "devcenter"; name: string; steps: Step[] }[] = [
  { kind: "devops", name: "tbl-run-10", steps: answering(running(10)) },
  { kind: "devops", name: "tbl-run-30", steps: answering(running(30)) },
  { kind: "devops", name: "tbl-run-60", steps: answering(running(60)) },
  { kind: "devops", name: "tbl-run-90", steps: answering(running(90)) },
  { kind: "devops", name: "tbl-ok-a", steps: ended("Succeeded") },
  { kind: "devops", name: "tbl-ok-b", steps: ended("Succeeded") },
  { kind: "devops", name: "tbl-ok-c", steps: ended("Succeeded") },
  { kind: "devops", name: "tbl-fail-a", steps: failedSince(20) },
  { kind: "devops", name: "tbl-fail-b", steps: failedSince(10) },
  { kind: "devops", name: "tbl-gone", steps: [NOT_FOUND] },
  { kind: "devcenter", name: "tbl-dc-run-40", steps: answering(running(40, { status: "Running" })) },
  { kind: "devcenter", name: "tbl-dc-run-70", steps: answering(running(70, { status: "Running" })) },
  { kind: "devcenter", name: "tbl-dc-cancel", steps: answering({ status: "Canceled", startTime: "{{start}}", endTime: "{{end}}" }) },
];

/** One operation of each state and kind: enough for the table's layout, which `?view=table` shows below 11. */
const ONE_OF_EACH = ["tbl-run-30", "tbl-ok-a", "tbl-fail-a", "tbl-gone", "tbl-dc-run-70", "tbl-dc-cancel"];

/** Creates the operations of `MIX` (all 13 of them, in its order, unless `names` picks some) in one subscription. */
function createOperations(sim: SimulatorClient, names?: readonly string[]): Promise<CreatedScenario[]> {
  const subscriptionId = uniqueId();
  return Promise.all(
    MIX.filter((entry) => names === undefined || names.includes(entry.name)).map(({ kind, name, steps }) =>
      sim.create(
        kind === "devops"
          ? devops(steps, { clock: "created", ids: { subscriptionId, resourceGroupName: "rg-table", securityConnectorName: name } })
          : devcenter(steps, { clock: "created", ids: { projectName: name } }),
      ),
    ),
  );
}

/** The created operation of `MIX` named `name`. */
function named(scenarios: readonly CreatedScenario[], name: string): CreatedScenario {
  const found = scenarios.find((s) => s.ref.securityConnectorName === name || s.ref.projectName === name);
  if (!found) throw new Error(`no operation named ${name}`);
  return found;
}

/** Pastes every operation at once on the dashboard at `path` and waits until each row has read its status. */
async function watchAll(page: Page, scenarios: readonly CreatedScenario[], path = "/"): Promise<OperationsTable> {
  await page.goto(path);
  await new PastePanel(page).paste(scenarios.map(permalinkUrl).join("\n"));
  const table = new OperationsTable(page);
  await expect(table.rows).toHaveCount(scenarios.length);
  await expect(table.rows.and(page.locator('[data-status-category="pending"]'))).toHaveCount(0, { timeout: 30_000 });
  return table;
}

/** Progress of each shown row, top to bottom (undefined where none is reported). */
const percents = (table: OperationsTable) =>
  table.rows.evaluateAll((rows) => rows.map((row) => row.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow") ?? null).map((v) => (v === null ? undefined : Number(v))));

test.describe("operations table", () => {
  test("beyond 10 operations it is the default; sort and filters change the rows and the URL, and survive a reload", async ({ page, sim }) => {
    const scenarios = await createOperations(sim);
    const table = await watchAll(page, scenarios);
    await expect(table.table).toBeVisible();
    await expect(page.getByTestId("watch-list")).toHaveCount(0);
    await expect(table.viewButton("table")).toHaveAttribute("aria-pressed", "true");

    // The default order: what needs attention, then what runs, then what ended (the order follows within a second).
    await expect.poll(async () => (await table.rowStates()).map(group)).toEqual([...Array<string>(3).fill("attention"), ...Array<string>(6).fill("running"), ...Array<string>(4).fill("ended")]);
    await expect(table.countLine).toContainText("13 of 13 shown");

    // Sort by progress: largest first, then smallest first; the URL and aria-sort follow.
    const historyLength = await page.evaluate(() => history.length);
    await table.sortButton("progress").click();
    await expect(table.columnHeader("progress")).toHaveAttribute("aria-sort", "descending");
    await expect.poll(() => table.query().toString()).toBe("sort=progress&dir=desc");
    const down = (await percents(table)).filter((p) => p !== undefined);
    expect(down).toEqual([...down].sort((a, b) => b - a));
    await table.sortButton("progress").click();
    await expect(table.columnHeader("progress")).toHaveAttribute("aria-sort", "ascending");
    await expect.poll(() => table.query().get("dir")).toBe("asc");
    const up = (await percents(table)).filter((p) => p !== undefined);
    expect(up).toEqual([...up].sort((a, b) => a - b));

    // By keyboard: Enter on the Name header sorts A to Z.
    await table.sortButton("name").focus();
    await page.keyboard.press("Enter");
    await expect(table.columnHeader("name")).toHaveAttribute("aria-sort", "ascending");
    await expect(table.columnHeader("progress")).not.toHaveAttribute("aria-sort");
    const names = await table.rows.getByTestId("operation-name").allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: "base", numeric: true })));

    // Filters: status, then kind, then text; each narrows the rows and is written to the URL.
    await table.statusFilter("running").click();
    await expect(table.statusFilter("running")).toHaveAttribute("aria-pressed", "true");
    await expect(table.rows).toHaveCount(6);
    await expect(table.countLine).toContainText("6 of 13 shown");
    await table.kindFilter("devcenter").click();
    await expect(table.rows).toHaveCount(2);
    await expect.poll(() => table.query().toString()).toBe("sort=name&dir=asc&status=running&kind=devcenter");
    await table.clearFilters.click();
    await expect(table.rows).toHaveCount(13);
    await table.textFilter.fill("TBL-FAIL");
    await expect(table.rows).toHaveCount(2);
    await expect.poll(() => table.query().get("q")).toBe("TBL-FAIL");
    // Clear filters empties the box with the rest.
    await table.clearFilters.click();
    await expect(table.rows).toHaveCount(13);
    await expect(table.textFilter).toHaveValue("");
    await expect.poll(() => table.query().get("q")).toBeNull();
    await table.statusFilter("attention").click();
    await expect(table.rows).toHaveCount(3);
    await table.statusFilter("canceled").click();
    await expect(table.rows).toHaveCount(4);
    await table.sortButton("started").click();
    await expect.poll(() => table.query().toString()).toBe("sort=started&dir=desc&status=attention%2Ccanceled");
    // Newest start first; the operation never read (no start) last. The URL changes at once, the order within a second.
    const before = ["tbl-dc-cancel", "tbl-fail-b", "tbl-fail-a", "tbl-gone"].map((name) => refKeyOf(named(scenarios, name).permalink));
    await expect.poll(() => table.rowOrder()).toEqual(before);

    // No history entry per change; the same rows, order and pressed filters after a reload.
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    await page.reload();
    await expect(table.rows).toHaveCount(4);
    await expect(table.columnHeader("started")).toHaveAttribute("aria-sort", "descending");
    await expect(table.statusFilter("attention")).toHaveAttribute("aria-pressed", "true");
    await expect(table.statusFilter("canceled")).toHaveAttribute("aria-pressed", "true");
    await expect.poll(() => table.rowOrder()).toEqual(before);

    // The cards, chosen in the URL; and back.
    await table.viewButton("cards").click();
    await expect(page.getByTestId("watch-list")).toBeVisible();
    await expect(new DashboardPage(page).rows).toHaveCount(13);
    await expect.poll(() => table.query().get("view")).toBe("cards");
    await table.viewButton("table").click();
    await expect(table.rows).toHaveCount(4);

    // Wrong values in the URL are ignored: the default table, no error (the fixture fails the test on page errors).
    await page.goto("/?view=grid&sort=colour&dir=up&status=exploded,,&kind=arm&q=");
    await expect(table.table).toBeVisible();
    await expect(table.rows).toHaveCount(13);
    await expect(table.countLine).toContainText("13 of 13 shown");
    await expect(table.table.locator("[aria-sort]")).toHaveCount(0);
    await expect.poll(async () => (await table.rowStates()).map(group).join(",")).toMatch(/^(attention,){3}(running,){6}(ended,){3}ended$/);
  });

  test("keyboard: Tab reaches a row's name, arrows move between rows, Enter opens it; rows select and remove with undo", async ({ page, sim }) => {
    const scenarios = await createOperations(sim);
    const table = await watchAll(page, scenarios);
    await table.sortButton("name").click();
    await expect.poll(() => table.rows.first().getAttribute("data-ref-key")).toBe(refKeyOf(named(scenarios, "tbl-dc-cancel").permalink));

    // Share board carries what the table shows: every row, the filtered ones, else the ticked ones.
    const board = new BoardPage(page);
    await expect(board.shareButton).toHaveText("Share board");
    await table.statusFilter("failed").click();
    await expect(table.rows).toHaveCount(2);
    await expect(board.shareButton).toHaveText("Share board (2 filtered)");
    // What it made says so on a line of its own: the buttons beside it stay where they were.
    const clearFailed = page.getByTestId("clear-failed");
    const buttonsBefore = await Promise.all([board.shareButton.boundingBox(), clearFailed.boundingBox()]);
    await board.share();
    await expect(board.shareLink).toHaveAttribute("data-count", "2");
    await expect(board.shareStatus).toContainText("2 operations");
    expect(await Promise.all([board.shareButton.boundingBox(), clearFailed.boundingBox()])).toEqual(buttonsBefore);
    await table.clearFilters.click();

    // Selection: a row, then all shown under a filter; the header's count says how many.
    await table.rowCheckbox(named(scenarios, "tbl-run-10").permalink).check();
    await expect(page.getByTestId("selected-count")).toHaveText("1 selected");
    await expect(board.shareButton).toHaveText("Share board (1 selected)");
    await table.statusFilter("failed").click();
    await expect(table.rows).toHaveCount(2);
    await table.selectAllShown.check();
    await expect(page.getByTestId("selected-count")).toHaveText("3 selected");
    await board.share();
    await expect(board.shareLink).toHaveAttribute("data-count", "3");
    await table.selectAllShown.uncheck();
    await expect(page.getByTestId("selected-count")).toHaveText("1 selected");
    await table.clearFilters.click();
    await expect(table.rows).toHaveCount(13);

    // Tab from the text filter into the table, to the first row's name.
    await table.textFilter.focus();
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.getAttribute("data-testid") === "operation-name")) break;
    }
    const first = table.rows.first().getByTestId("operation-name");
    await expect(first).toBeFocused();
    expect(await first.evaluate((link) => getComputedStyle(link).outlineStyle)).not.toBe("none");
    await page.keyboard.press("ArrowDown");
    const second = table.rows.nth(1).getByTestId("operation-name");
    await expect(second).toBeFocused();

    // Remove by the row's action: the next row's name takes the focus; Undo brings the row back.
    const gone = named(scenarios, "tbl-ok-b").permalink;
    const order = await table.rowOrder();
    const next = scenarios.find(({ permalink }) => refKeyOf(permalink) === order[order.indexOf(refKeyOf(gone)) + 1]);
    await table.rowByPermalink(gone).getByRole("button", { name: /^Remove / }).click();
    await expect(table.rows).toHaveCount(12);
    await expect(table.nameLink(next?.permalink ?? "")).toBeFocused();
    const dashboard = new DashboardPage(page);
    await dashboard.undoButton.click();
    await expect(table.rows).toHaveCount(13);

    // After a reload (the list now comes from storage), clearing the three that need attention leaves 10: the table,
    // the default until then, stays.
    await page.reload();
    await expect(dashboard.clearFailedButton).toHaveText("Clear failed & unreadable (3)");
    await dashboard.clearFailedButton.click();
    await expect(table.rows).toHaveCount(10);
    await dashboard.undoButton.click();
    await expect(table.rows).toHaveCount(13);

    const target = (await second.getAttribute("href")) ?? "";
    await second.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`${E2E.appOrigin}${target}`);
    await expect(new OperationPage(page).statusBadge).toBeVisible();
  });

  test("a failed row names its innermost error, also a failed child's; a long label is cut short, whole on hover", async ({ page, sim }) => {
    const deep = await sim.create(ofConnector("tbl-deep", answering(failed(DEEP_DEVOPS_ERROR))));
    const parent = await sim.create(childFailure(0));
    const others = await createOperations(sim, ["tbl-run-30", "tbl-ok-a"]);
    const label = "Onboard the Contoso GitHub organisation to Defender for DevOps, second attempt";
    await page.goto("/?view=table");
    const dashboard = new DashboardPage(page);
    for (const scenario of others) await dashboard.watch(scenario);
    await dashboard.watch(parent);
    await dashboard.watch(deep, label);
    const table = new OperationsTable(page);

    await expect(dashboard.rootCause(deep.permalink)).toHaveText(/^PermissionDenied: The identity lacks 'Project Collection Administrator'/, { timeout: 30_000 });
    await expect(dashboard.rootCause(parent.permalink)).toContainText("GitHubAppNotInstalled: The GitHub app is not installed");
    await expect(dashboard.rootCause(parent.permalink)).toContainText("(in child operation install-github-app)");
    for (const scenario of [deep, parent]) await expect(table.rowByPermalink(scenario.permalink).getByTestId("root-cause")).toBeVisible();
    await expect(table.table.getByTestId("root-cause")).toHaveCount(2);

    // The label has room, and what does not fit is in the name's title.
    const name = table.nameLink(deep.permalink);
    await expect(name).toHaveText(label);
    await expect(name).toHaveAttribute("title", new RegExp(`^${label}`));
    expect(await name.evaluate((link) => link.clientWidth), "pixels the name column gives a label").toBeGreaterThanOrEqual(300);
    await expectAxeClean(page, { colorSchemes: BOTH_SCHEMES });
  });

  test("order holds while the pointer is on the rows: a row that fails moves once it leaves", async ({ page, sim }) => {
    const runningSteps = [{ afterMs: 0, headers: RETRY_AFTER_2, body: running(20) }];
    const runningOf = (name: string) => sim.create(ofConnector(name, runningSteps));
    const [turning, ...steady] = await Promise.all([runningOf("tbl-turns"), runningOf("tbl-steady-1"), runningOf("tbl-steady-2"), runningOf("tbl-steady-3")]);
    const brokenLater = await sim.create(ofConnector("tbl-broken-later", answering(failed(DEEP_DEVOPS_ERROR))));
    const cue = await turnOnCue(page, turning, brokenLater);
    await page.goto("/?view=table");
    const dashboard = new DashboardPage(page);
    for (const scenario of [turning, ...steady]) await dashboard.watch(scenario);
    const table = new OperationsTable(page);
    const before = [...steady].reverse().concat(turning).map((s) => refKeyOf(s.permalink));
    await expect(table.rows.and(page.locator('[data-status-category="running"]'))).toHaveCount(4);
    await expect.poll(() => table.rowOrder()).toEqual(before);

    // The pointer near the foot of the row above the one that fails (the notice of its end, above the list, pushes
    // the rows down under a pointer that does not move: it stays on them).
    const above = table.rowByPermalink(steady[0].permalink);
    const box = await above.boundingBox();
    await above.hover({ position: { x: 40, y: (box?.height ?? 0) - 4 } });
    cue.turn();
    await expect(dashboard.statusBadge(turning.permalink)).toHaveAttribute("data-status-category", "failed");
    await expect(dashboard.needsAttention).toHaveAttribute("data-count", "1");
    expect(await table.rowOrder()).toEqual(before);
    await page.mouse.move(0, 0);
    await expect.poll(() => table.rowOrder()).toEqual([before[3], ...before.slice(0, 3)]);
  });

  test("axe on the table view, light and dark: no serious or critical violation", async ({ page, sim }) => {
    const scenarios = await createOperations(sim, ONE_OF_EACH);
    const table = await watchAll(page, scenarios, "/?view=table");
    await table.rowCheckbox(named(scenarios, "tbl-run-30").permalink).check();
    await table.statusFilter("running").click();
    await table.sortButton("progress").click();
    await expect(table.rows).toHaveCount(2);
    await expectAxeClean(page, { colorSchemes: BOTH_SCHEMES });
    await page.screenshot({ path: test.info().outputPath("table.png"), fullPage: true });
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test("rows are short lines, nothing scrolls sideways, and axe finds nothing serious", async ({ page, sim }) => {
      const scenarios = await createOperations(sim, ONE_OF_EACH);
      const table = await watchAll(page, scenarios, "/?view=table");
      await expectNoSidewaysScroll(page);

      // The header's lines are the rows' lines: no kind or scope column, the progress starting a line as the bars do.
      await expect(table.sortButton("kind")).toBeHidden();
      await expect(table.sortButton("scope")).toBeHidden();
      const [progressHeader, bar] = await Promise.all([table.sortButton("progress").boundingBox(), table.rows.first().getByRole("progressbar").boundingBox()]);
      expect(Math.abs((progressHeader?.x ?? -1) - (bar?.x ?? 1))).toBeLessThanOrEqual(2);

      // Each row: badge and name on one line, its progress, its times; all inside the screen and at most ~3 lines high.
      for (const row of await table.rows.all()) {
        await row.scrollIntoViewIfNeeded();
        const box = await row.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
        expect(box?.height ?? 0).toBeLessThan(120);
        for (const part of [row.getByTestId("status-badge"), row.getByTestId("operation-name"), row.getByRole("progressbar")]) {
          await expect(part).toBeVisible();
          const partBox = await part.boundingBox();
          expect(partBox && partBox.x + partBox.width <= 390).toBe(true);
        }
      }
      await table.textFilter.fill("tbl-run");
      await expect(table.rows).toHaveCount(1);
      await expectNoSidewaysScroll(page);
      await expectAxeClean(page, { colorSchemes: BOTH_SCHEMES });
      await page.emulateMedia({ colorScheme: "dark" });
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: test.info().outputPath("phone-table-dark.png"), fullPage: true });
    });
  });
});

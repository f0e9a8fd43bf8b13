import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { BOTH_SCHEMES, expectAxeClean } from "./fixtures/axe";
import { answering, asyncOperationUrl, devcenter, devops, permalinkUrl, running, uniqueId } from "./fixtures/scenarios";
import type { SimulatorClient } from "./fixtures/simulator-client";
import { simulatorOrigins } from "../lib/dev/local-app-env";
import { E2E } from "./fixtures/stack";
import { DashboardPage } from "./pages/dashboard-page";
import { PastePanel } from "./pages/paste-panel";
import { expectNoSidewaysScroll } from "./fixtures/layout";

/**
 * The paste box takes many lines in the forms people copy them in, adds what it can, keeps and explains the rest; it
 * names the API of a URL opwatch does not read, and refuses a DevCenter host the server will not call before it is
 * added.
 */

const runningDevops = (sim: SimulatorClient) => sim.create(devops(answering(running(20))));

async function openDashboard(page: Page): Promise<{ dashboard: DashboardPage; panel: PastePanel }> {
  await page.goto("/");
  return { dashboard: new DashboardPage(page), panel: new PastePanel(page) };
}

test.describe("pasting operations", () => {
  test("three lines, one bad: two are added, the bad one is listed with why and kept in the box", async ({ page, sim }) => {
    const [a, b] = await Promise.all([runningDevops(sim), runningDevops(sim)]);
    const { dashboard, panel } = await openDashboard(page);
    const bad = asyncOperationUrl(a).replace("/resourceGroups/", "/resourceGroup/").replace(/operationResults\/[^?]+/, `operationResults/${uniqueId()}`);

    await panel.paste([`Azure-AsyncOperation: ${asyncOperationUrl(a)}`, bad, permalinkUrl(b)].join("\n"));

    await expect(dashboard.row(a.permalink)).toBeVisible();
    await expect(dashboard.row(b.permalink)).toBeVisible();
    await expect(dashboard.rows).toHaveCount(2);
    await expect(panel.status).toContainText("Added 2 operations: ");
    await expect(panel.refusals).toContainText("1 line was not added; it is still in the box:");
    await expect(panel.refusedLines).toHaveCount(1);
    await expect(panel.refusedLines.first()).toContainText(bad);
    await expect(panel.refusedLines.first()).toContainText('found "resourceGroup" where "resourceGroups" belongs');
    await expect(panel.box).toHaveValue(bad);
    await expect(panel.box).toHaveAttribute("aria-invalid", "true");
  });

  test("a JSON line with quotes and a trailing comma is read", async ({ page, sim }) => {
    const scenario = await runningDevops(sim);
    const { dashboard, panel } = await openDashboard(page);
    await panel.paste(`  "Location": "${asyncOperationUrl(scenario)}",`);
    await expect(dashboard.row(scenario.permalink)).toBeVisible();
    await expect(panel.box).toHaveValue("");
    await expect(panel.refusals).toHaveCount(0);
  });

  test("a wrong URL gets a precise message and adds nothing", async ({ page }) => {
    const { dashboard, panel } = await openDashboard(page);
    await panel.paste("https://example.com/not/an/operation");
    await expect(panel.refusals).toBeVisible();
    await expect(panel.box).toHaveAttribute("aria-invalid", "true");
    await expect(dashboard.rows).toHaveCount(0);
  });

  test("a Compute URL is explained, not parsed; the error list passes axe in light and dark, and fits a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const { dashboard, panel } = await openDashboard(page);
    const compute = `https://management.azure.com/subscriptions/${uniqueId()}/providers/Microsoft.Compute/locations/westus/operations/${uniqueId()}?api-version=2024-03-01`;
    await panel.paste(`Azure-AsyncOperation: ${compute}`);

    await expect(panel.refusedLines).toHaveCount(1);
    await expect(panel.refusedLines.first()).toContainText(
      "This is a Microsoft.Compute operation (an Azure Resource Manager URL): opwatch does not read this API; it reads two: Microsoft.Security DevOps operation results and DevCenter operation statuses",
    );
    await expect(panel.refusals).not.toContainText("where");
    await expect(panel.box).toHaveValue(`Azure-AsyncOperation: ${compute}`);
    await expect(dashboard.rows).toHaveCount(0);
    await expect(page.getByText("opwatch reads two Azure APIs")).toBeVisible();

    await expectNoSidewaysScroll(page);
    await expectAxeClean(page, { colorSchemes: BOTH_SCHEMES });
  });

  test("a DevCenter host off the allow-list is refused before it is added, naming the variable", async ({ page }) => {
    const { dashboard, panel } = await openDashboard(page);
    const url = `https://contoso-dc.westus3.devcenter.azure.com/projects/myProject/operationstatuses/${uniqueId()}?api-version=2025-02-01`;
    await panel.paste(`Operation-Location: ${url}`);

    await expect(panel.refusals).toContainText("Nothing was added.");
    await expect(panel.refusedLines.first()).toContainText(
      `This server does not read DevCenter endpoint contoso-dc.westus3.devcenter.azure.com: it is not in DEVCENTER_ALLOWED_HOSTS (${simulatorOrigins(E2E.simulatorOrigin).join(",")})`,
    );
    await expect(panel.box).toHaveValue(`Operation-Location: ${url}`);
    await expect(dashboard.rows).toHaveCount(0);
  });

  test("the simulator's URL is read under either loopback name: localhost, as the README writes it, or 127.0.0.1", async ({ page, sim }) => {
    const scenario = await sim.create(devcenter(answering(running(40, { status: "Running" }))));
    const { projectName = "", operationId = "" } = scenario.ref;
    const { dashboard, panel } = await openDashboard(page);
    const port = new URL(E2E.simulatorOrigin).port;
    const statusUrl = (origin: string) => `${origin}/projects/${projectName}/operationstatuses/${operationId}?api-version=2025-02-01`;
    const viaLocalhost = `/op/devcenter/${encodeURIComponent(`localhost:${port}`)}/${projectName}/${operationId}`;

    await panel.paste(`Operation-Location: ${statusUrl(`http://localhost:${port}`)}`);
    await expect(panel.refusals).toHaveCount(0);
    await expect(dashboard.statusBadge(viaLocalhost)).toHaveAttribute("data-status-category", "running");
    await panel.paste(`Operation-Location: ${statusUrl(E2E.simulatorOrigin)}`);
    await expect(dashboard.statusBadge(scenario.permalink)).toHaveAttribute("data-status-category", "running");
  });

  test("anything that is not an operation URL or id gets the same message, spaces or not", async ({ page }) => {
    const { dashboard, panel } = await openDashboard(page);
    await panel.paste("hello world asdf\nlol");

    await expect(panel.refusedLines).toHaveCount(2);
    await expect(panel.refusedLines.nth(0)).toContainText('"hello world asdf" is not an operation URL');
    await expect(panel.refusedLines.nth(1)).toContainText('"lol" is not an operation URL');
    await expect(panel.refusals).not.toContainText("space");
    await expect(dashboard.rows).toHaveCount(0);
  });

  test("by its ids: one form, one Label field and one Watch button, whichever way the operation is given", async ({ page, sim }) => {
    const scenario = await runningDevops(sim);
    const { dashboard, panel } = await openDashboard(page);
    await panel.showIds();

    await expect(panel.root.getByRole("button", { name: "Watch", exact: true })).toHaveCount(1);
    await expect(panel.root.getByRole("textbox", { name: /^Label/ })).toHaveCount(1);
    await panel.enterIds(scenario.ref, { label: "Given by its ids" });
    await expect(dashboard.rowName(scenario.permalink)).toHaveText("Given by its ids");
    await expect(panel.status).toContainText("Added Given by its ids");
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test("with operations watched the add form is folded, the first row is on the first screen, and it opens on request", async ({ page, sim }) => {
      const [a, b, c] = await Promise.all([runningDevops(sim), runningDevops(sim), runningDevops(sim)]);
      const { dashboard, panel } = await openDashboard(page);
      await panel.paste([permalinkUrl(a), permalinkUrl(b)].join("\n"));
      await expect(dashboard.rows).toHaveCount(2);

      await page.reload();
      await expect(dashboard.rows).toHaveCount(2);
      await expect(dashboard.rows.first()).toBeInViewport({ ratio: 1 });
      await expect(panel.box).toBeHidden();
      await expect(panel.toggle).toHaveAttribute("aria-expanded", "false");
      await expectAxeClean(page, { colorSchemes: BOTH_SCHEMES });

      // Its heading is a button: the keyboard opens and folds it.
      await panel.toggle.focus();
      await page.keyboard.press("Enter");
      await expect(panel.box).toBeVisible();
      await expect(panel.toggle).toHaveAttribute("aria-expanded", "true");
      await page.keyboard.press("Space");
      await expect(panel.box).toBeHidden();

      // Folded, it opens to paste (the page object's paste does).
      await dashboard.watch(c);
      await expect(dashboard.rows).toHaveCount(3);
    });
  });
});

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import type { CreatedScenario, ScenarioInput, SimulatorClient } from "./fixtures/simulator-client";
import { E2E } from "./fixtures/stack";
import { DashboardPage } from "./pages/dashboard-page";
import { PastePanel } from "./pages/paste-panel";
import type { SignInPage } from "./pages/sign-in-page";

/**
 * Issue 12, point 5 and the label when adding: the paste box takes many lines in the forms people copy them in, adds
 * what it can, keeps and explains the rest; it names the API of a URL opwatch does not read, and refuses a DevCenter
 * host the server will not call before it is added.
 */

const uniqueId = () => crypto.randomUUID();

async function runningDevops(sim: SimulatorClient): Promise<CreatedScenario> {
  return sim.create({
    kind: "devops",
    clock: "firstRequest",
    ids: { operationResultId: uniqueId() },
    steps: [{ afterMs: 0, body: { status: "InProgress", startTime: "{{start}}", percentComplete: 20 } }],
  } satisfies ScenarioInput);
}

/** The ARM URL of a scenario's operation, as its Azure-AsyncOperation header would carry it. */
function armUrl(scenario: CreatedScenario): string {
  const { subscriptionId = "", resourceGroupName = "", securityConnectorName = "", operationResultId = "" } = scenario.ref;
  return `https://management.azure.com/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/Microsoft.Security/securityConnectors/${securityConnectorName}/devops/default/operationResults/${operationResultId}?api-version=2024-04-01`;
}

async function openDashboard(page: Page, signInPage: SignInPage): Promise<{ dashboard: DashboardPage; panel: PastePanel }> {
  await page.goto("/");
  await signInPage.signIn();
  return { dashboard: new DashboardPage(page), panel: new PastePanel(page) };
}

async function expectAxeCleanInBothSchemes(page: Page): Promise<void> {
  // The pointer is still on Watch after the click; this checks the page at rest, not a button's hover colours.
  await page.mouse.move(0, 0);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

test.describe("pasting operations, as a first-time user", () => {
  test("three lines, one bad: two are added, the bad one is listed with why and kept in the box", async ({ page, sim, signInPage }) => {
    const [a, b] = await Promise.all([runningDevops(sim), runningDevops(sim)]);
    const { dashboard, panel } = await openDashboard(page, signInPage);
    const bad = armUrl(a).replace("/resourceGroups/", "/resourceGroup/").replace(/operationResults\/[^?]+/, `operationResults/${uniqueId()}`);

    await panel.paste([`Azure-AsyncOperation: ${armUrl(a)}`, bad, `${E2E.appOrigin}${b.permalink}`].join("\n"));

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

  test("a JSON line with quotes and a trailing comma is read", async ({ page, sim, signInPage }) => {
    const scenario = await runningDevops(sim);
    const { dashboard, panel } = await openDashboard(page, signInPage);
    await panel.paste(`  "Location": "${armUrl(scenario)}",`);
    await expect(dashboard.row(scenario.permalink)).toBeVisible();
    await expect(panel.box).toHaveValue("");
    await expect(panel.refusals).toHaveCount(0);
  });

  test("a Compute URL is explained, not parsed; the error list passes axe in light and dark, and fits a phone", async ({ page, signInPage }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const { dashboard, panel } = await openDashboard(page, signInPage);
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

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAxeCleanInBothSchemes(page);
  });

  test("a DevCenter host off the allow-list is refused before it is added, naming the variable", async ({ page, signInPage }) => {
    const { dashboard, panel } = await openDashboard(page, signInPage);
    const url = `https://contoso-dc.westus3.devcenter.azure.com/projects/myProject/operationstatuses/${uniqueId()}?api-version=2025-02-01`;
    await panel.paste(`Operation-Location: ${url}`);

    await expect(panel.refusals).toContainText("Nothing was added.");
    await expect(panel.refusedLines.first()).toContainText(
      `This server does not read DevCenter endpoint contoso-dc.westus3.devcenter.azure.com: it is not in DEVCENTER_ALLOWED_HOSTS (${E2E.simulatorOrigin})`,
    );
    await expect(panel.box).toHaveValue(`Operation-Location: ${url}`);
    await expect(dashboard.rows).toHaveCount(0);
  });

  test("a label given when adding shows on the row, from the Label field or a `label | URL` line", async ({ page, sim, signInPage }) => {
    const [a, b, c] = await Promise.all([runningDevops(sim), runningDevops(sim), runningDevops(sim)]);
    const { dashboard, panel } = await openDashboard(page, signInPage);

    await panel.paste(armUrl(a), { label: "Onboard the Contoso org" });
    await expect(dashboard.row(a.permalink)).toContainText("Onboard the Contoso org");
    await expect(panel.labelField).toHaveValue("");

    // The Label is for one operation: with two lines it is refused, and nothing is added.
    await panel.paste(`${armUrl(b)}\n${armUrl(c)}`, { label: "Both" });
    await expect(panel.refusals).toContainText("The Label names one operation, and this paste has 2");
    await expect(dashboard.rows).toHaveCount(1);

    await panel.labelField.fill("");
    await panel.paste(`Nightly scan | ${armUrl(b)}\n${armUrl(c)}`);
    await expect(dashboard.row(b.permalink)).toContainText("Nightly scan");
    await expect(dashboard.row(c.permalink)).toBeVisible();

    await page.reload();
    await expect(dashboard.row(a.permalink)).toContainText("Onboard the Contoso org");
  });
});

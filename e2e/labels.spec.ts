import { expect, test } from "./fixtures";
import { expectAxeClean } from "./fixtures/axe";
import { answering, asyncOperationUrl, ofConnector, running } from "./fixtures/scenarios";
import type { SimulatorClient } from "./fixtures/simulator-client";
import { DashboardPage } from "./pages/dashboard-page";
import { PastePanel } from "./pages/paste-panel";

/** A row shows the label a person gave an operation instead of its resource: given when adding, or later on the row. */

/** A running devops operation of connector `connector` in resource group rg-e2e. */
const runningOf = (sim: SimulatorClient, connector = "conn-label") =>
  sim.create(ofConnector(connector, answering(running(20))));

test.describe("labels", () => {
  test("given when adding, from the Label field or a `label | URL` line; the Label field names one operation only", async ({ page, sim }) => {
    const [a, b, c] = await Promise.all([runningOf(sim), runningOf(sim), runningOf(sim)]);
    await page.goto("/");
    const dashboard = new DashboardPage(page);
    const panel = new PastePanel(page);

    await panel.paste(asyncOperationUrl(a), { label: "Onboard the Contoso org" });
    await expect(dashboard.row(a.permalink)).toContainText("Onboard the Contoso org");
    await expect(panel.labelField).toHaveValue("");

    // The Label is for one operation: with two lines it is refused, and nothing is added.
    await panel.paste(`${asyncOperationUrl(b)}\n${asyncOperationUrl(c)}`, { label: "Both" });
    await expect(panel.refusals).toContainText("The Label names one operation, and this paste has 2");
    await expect(dashboard.rows).toHaveCount(1);

    await panel.labelField.fill("");
    await panel.paste(`Nightly scan | ${asyncOperationUrl(b)}\n${asyncOperationUrl(c)}`);
    await expect(dashboard.row(b.permalink)).toContainText("Nightly scan");
    await expect(dashboard.row(c.permalink)).toBeVisible();

    await page.reload();
    await expect(dashboard.row(a.permalink)).toContainText("Onboard the Contoso org");
  });

  test("changed on the row (Enter saves, Escape cancels), emptied back to the resource's name, kept across a reload", async ({ page, sim }) => {
    const [first, second] = await Promise.all([runningOf(sim), runningOf(sim)]);
    await page.goto("/");
    const dashboard = new DashboardPage(page);

    await dashboard.watch(first, "Onboard the Contoso org");
    await expect(dashboard.rowName(first.permalink)).toHaveText("Onboard the Contoso org");
    await dashboard.watch(second);
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
    await expectAxeClean(page);
  });
});

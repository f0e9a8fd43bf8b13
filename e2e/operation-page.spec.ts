import { expect, test } from "./fixtures";
import { BOTH_SCHEMES, expectAxeClean } from "./fixtures/axe";
import { answering, devops, failed, NO_RETRY_AFTER, ofConnector, permalinkUrl, running, startedMinutesAgo, succeeded } from "./fixtures/scenarios";
import { E2E } from "./fixtures/stack";
import { DashboardPage } from "./pages/dashboard-page";
import { OperationPage } from "./pages/operation-page";

/**
 * One operation's page: what it came to first, its title, the progress chart, the Share button, and the pages for an
 * address or permalink that names nothing.
 */

test.describe("the operation page", () => {
  test("order: the error first, identifiers folded, and a title without the GUID on a phone", async ({ page, sim }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const scenario = await sim.create(
      devops(
        answering(
          failed(
            {
              code: "DevOpsConfigurationFailed",
              message: "The DevOps connector could not be configured.",
              details: [{ code: "PermissionDenied", message: "The account lacks 'Project Collection Administrator'." }],
            },
            { percentComplete: 100 },
          ),
        ),
        { ids: { securityConnectorName: "contoso-github-connector", resourceGroupName: "rg-devops-prod" } },
      ),
    );
    const operationResultId = scenario.ref.operationResultId ?? "";
    const op = new OperationPage(page);
    await op.goto(scenario.permalink);
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

    await expectAxeClean(page, { colorSchemes: BOTH_SCHEMES });
  });

  test("chart: only from two reads, drawn as steps, named, and no Tab stop", async ({ page, sim }) => {
    // Started ten minutes ago, so the second read is the open page's 5 s step.
    const startTime = startedMinutesAgo(10);
    const scenario = await sim.create(
      devops([
        { afterMs: 0, headers: NO_RETRY_AFTER, body: running(10, { startTime }) },
        { afterMs: 2_000, headers: NO_RETRY_AFTER, body: running(40, { startTime }) },
      ]),
    );
    const op = new OperationPage(page);
    await op.goto(scenario.permalink);
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

    await expectAxeClean(page, { colorSchemes: BOTH_SCHEMES });
  });

  test("chart: a finished operation's line ends at its own end time, not when opwatch read it, and stays so after a reload", async ({ page, sim }) => {
    // Read running at 20%; it fails a second later at 65%, which the page learns at its next read, seconds after.
    const startTime = startedMinutesAgo(10);
    const scenario = await sim.create(
      devops([
        { afterMs: 0, headers: NO_RETRY_AFTER, body: running(20, { startTime }) },
        { afterMs: 1_000, headers: NO_RETRY_AFTER, body: failed({ code: "Boom", message: "It broke." }, { startTime, percentComplete: 65 }) },
      ]),
    );
    const op = new OperationPage(page);
    await op.goto(scenario.permalink);
    await expect(op.statusBadge).toHaveAttribute("data-status-category", "failed", { timeout: 20_000 });
    const ended = (await op.time("Ended").textContent()) ?? "";
    expect(ended).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const endClock = ended.slice(11);

    for (const when of ["read live", "after a reload"]) {
      await expect(async () => {
        await op.progressChart.scrollIntoViewIfNeeded({ timeout: 2_000 });
      }, when).toPass({ timeout: 10_000 });
      // The reads after the end (the failed read, and the one after the reload) add nothing: the line ends at the end.
      await expect(op.progressSummary, when).toContainText(/: 2 reads, from 20% at \d\d:\d\d:\d\d to 65% at /);
      await expect(op.progressSummary, when).toContainText(`to 65% at ${endClock} (its end).`);
      if (when === "read live") await page.reload();
    }
  });

  test("a permalink reads its own operation first and alone: the watch list's reads wait for its answer", async ({ page, sim }) => {
    // Without Retry-After: nothing holds their reads back once the permalink loads, but the rule under test.
    const steps = [{ afterMs: 0, headers: NO_RETRY_AFTER, body: running(30) }];
    const watched = await Promise.all(["conn-a", "conn-b"].map((name) => sim.create(ofConnector(name, steps))));
    const dashboard = new DashboardPage(page);
    await page.goto("/");
    for (const scenario of watched) await dashboard.watch(scenario);
    for (const scenario of watched) await expect(dashboard.statusBadge(scenario.permalink)).toHaveAttribute("data-status-category", "running");
    const opened = await sim.create(ofConnector("conn-opened", answering(running(60))));

    // Every read the page makes, and its own read's answer, in the order the browser saw them.
    const seen: string[] = [];
    const ownRead = opened.proxyPath;
    page.on("request", (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith("/api/")) seen.push(pathname === ownRead ? "own read" : "other read");
    });
    page.on("response", (response) => {
      if (new URL(response.url()).pathname === ownRead) seen.push("own answer");
    });
    const op = new OperationPage(page);
    await op.goto(opened.permalink);
    await expect(op.statusBadge).toHaveAttribute("data-status-category", "running");
    // The watch list is read too, once the operation opened has answered.
    await expect.poll(() => seen.filter((event) => event === "other read").length).toBeGreaterThanOrEqual(watched.length);
    expect(seen.slice(0, 2)).toEqual(["own read", "own answer"]);
  });

  test("share: the Share button copies the permalink, which opens the same operation", async ({ page, sim, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const scenario = await sim.create(devops(answering(succeeded)));
    const op = new OperationPage(page);
    await op.goto(scenario.permalink);
    await expect(op.statusBadge).toHaveAttribute("data-status-category", "succeeded");
    await op.shareButton.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(permalinkUrl(scenario));
    await expect(op.addToWatchListButton).toBeVisible();
    await op.addToWatchListButton.click();
    await expect(page.getByText("On your watch list")).toBeVisible();
  });

  test("a permalink that names no operation answers 404, under the app's header, saying what is wrong", async ({ page }) => {
    const response = await page.goto("/op/devops/not-a-guid");
    expect(response?.status()).toBe(404);
    const op = new OperationPage(page);
    await expect(op.badPermalink).toContainText("a devops operation path has 4 segments");
    const header = page.getByRole("banner");
    await expect(header.getByTestId("user-name")).toHaveText("Ada Lovelace");
    await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(op.badPermalink.getByRole("link", { name: "Go to the dashboard" })).toBeVisible();
    await expectAxeClean(page, { colorSchemes: BOTH_SCHEMES });
  });

  test.describe("signed out", () => {
    test.use({ signedIn: false });

    test("404: our own page with a way back to the dashboard; a bad permalink says what is wrong", async ({ page }) => {
      const response = await page.goto("/no/such/page");
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("There is no opwatch page here");
      await expect(page).toHaveTitle("Page not found · opwatch");
      await expectAxeClean(page, { colorSchemes: BOTH_SCHEMES });
      await page.getByRole("link", { name: "Go to the dashboard" }).click();
      await expect(page).toHaveURL(`${E2E.appOrigin}/`);

      const op = new OperationPage(page);
      expect((await page.goto("/op/devcenter/example.devcenter.azure.com/proj/not-a-guid"))?.status()).toBe(404);
      await expect(op.badPermalink).toContainText("operationId");
      await expect(op.badPermalink.getByRole("link", { name: "Go to the dashboard" })).toBeVisible();
      await expectAxeClean(page, { colorSchemes: BOTH_SCHEMES });
    });
  });
});

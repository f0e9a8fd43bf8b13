import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import type { CreatedScenario, LoggedRequest, ScenarioInput } from "./fixtures/simulator-client";
import { E2E } from "./fixtures/stack";
import { DashboardPage } from "./pages/dashboard-page";
import { OperationPage } from "./pages/operation-page";
import type { SignInPage } from "./pages/sign-in-page";

/** Each test gets its own ids, so parallel tests and reruns never share an operation. */
const uniqueId = () => crypto.randomUUID();

const running = (percentComplete?: number) => ({ status: "InProgress", startTime: "{{start}}", ...(percentComplete === undefined ? {} : { percentComplete }) });

/** Opens a page signed out, signs in, and is brought back to it. */
async function openSignedIn(page: Page, signInPage: SignInPage, path: string): Promise<void> {
  await page.goto(path);
  await signInPage.signIn();
}

async function watch(dashboard: DashboardPage, scenario: CreatedScenario): Promise<void> {
  await dashboard.paste(`${E2E.appOrigin}${scenario.permalink}`);
  await expect(dashboard.row(scenario.permalink)).toBeVisible();
}

/** Milliseconds between consecutive requests, in the order the simulator received them. */
function gaps(requests: readonly LoggedRequest[]): number[] {
  const times = requests.map((r) => Date.parse(r.at)).sort((a, b) => a - b);
  return times.slice(1).map((at, i) => at - (times[i] ?? at));
}

test.describe("dashboard", () => {
  test("watch: an operation moves to its end, and polling honours Retry-After and stops at the end", async ({ page, sim, signInPage }) => {
    const scenario = await sim.create({
      kind: "devops",
      clock: "firstRequest",
      ids: { operationResultId: uniqueId() },
      steps: [
        { afterMs: 0, headers: { "Retry-After": "2" }, body: running(10) },
        { afterMs: 4000, headers: { "Retry-After": "2" }, body: running(60) },
        { afterMs: 8000, body: { status: "Succeeded", startTime: "{{start}}", endTime: "{{end}}", percentComplete: 100 } },
      ],
    } satisfies ScenarioInput);

    const dashboard = new DashboardPage(page);
    await openSignedIn(page, signInPage, "/");
    await watch(dashboard, scenario);

    const bar = dashboard.progressBar(scenario.permalink);
    await expect(bar).toHaveAttribute("aria-valuenow", "10");
    await expect(dashboard.statusBadge(scenario.permalink)).toHaveAttribute("data-status-category", "running");
    await expect(bar).toHaveAttribute("aria-valuenow", "60", { timeout: 20_000 });
    await expect(dashboard.statusBadge(scenario.permalink)).toHaveAttribute("data-status-category", "succeeded", { timeout: 30_000 });
    await expect(dashboard.statusBadge(scenario.permalink)).toContainText("Succeeded");
    await expect(dashboard.completionNotices.first()).toContainText("ended: Succeeded");
    await expect(page).toHaveTitle("opwatch");

    const atEnd = await sim.requests(scenario.id);
    await page.waitForTimeout(6_000);
    const later = await sim.requests(scenario.id);
    expect(later.length, "no request after the terminal status").toBe(atEnd.length);
    // Every answer before the last carried Retry-After: 2, so no two requests may be closer than 2 s.
    for (const gap of gaps(later)) expect(gap).toBeGreaterThanOrEqual(1_950);
  });

  test("faults: read failures keep the last status on screen, are shown, and recover", async ({ page, sim, signInPage }) => {
    const scenario = await sim.create({
      kind: "devops",
      clock: "firstRequest",
      ids: { operationResultId: uniqueId() },
      steps: [
        { afterMs: 0, body: running(30) },
        {
          afterMs: 1500,
          status: 429,
          headers: { "Retry-After": "2", "x-ms-error-code": "TooManyRequests" },
          body: { error: { code: "TooManyRequests", message: "slow down" } },
        },
        { afterMs: 4500, status: 503, body: { error: { code: "ServiceUnavailable", message: "try later" } } },
        { afterMs: 7500, status: 502, headers: { "Content-Type": "text/html" }, body: "<html><body>Bad gateway</body></html>" },
        { afterMs: 10500, status: 200, headers: { "Content-Type": "application/json" }, body: '{"status": "InPro' },
        { afterMs: 13500, body: { status: "Succeeded", startTime: "{{start}}", endTime: "{{end}}", percentComplete: 100 } },
      ],
    } satisfies ScenarioInput);

    const dashboard = new DashboardPage(page);
    await openSignedIn(page, signInPage, "/");
    await watch(dashboard, scenario);
    const badge = dashboard.statusBadge(scenario.permalink);
    const readError = dashboard.readError(scenario.permalink);

    await expect(readError).toContainText(/couldn't refresh: (429|503|502|200)/, { timeout: 20_000 });
    // The failure to read is not a failure of the operation: the last status stays.
    await expect(badge).toHaveAttribute("data-status-category", "running");
    await expect(badge).toContainText("InProgress");
    await expect(readError).toContainText(/retrying (in \d|now)/);

    await expect(badge).toHaveAttribute("data-status-category", "succeeded", { timeout: 60_000 });
    await expect(readError).toHaveCount(0);
  });

  test("drill: a failed operation's error tree opens level by level, by mouse and by keyboard", async ({ page, sim, signInPage }) => {
    const scenario = await sim.create({
      kind: "devops",
      clock: "firstRequest",
      ids: { operationResultId: uniqueId() },
      steps: [
        {
          afterMs: 0,
          body: {
            status: "Failed",
            startTime: "{{start}}",
            endTime: "{{end}}",
            error: {
              code: "DeploymentFailed",
              message: "At least one resource deployment operation failed.",
              details: [
                {
                  code: "Conflict",
                  message: "The resource is in a conflicting state.",
                  target: "connector",
                  details: [{ code: "PolicyViolation", message: "Blocked by policy.", additionalInfo: [{ type: "PolicyInfo", info: { policyDefinitionName: "deny-public-ip" } }] }],
                },
                { code: "Core", message: "Azure Core shape", innererror: { code: "OuterInner", innererror: { code: "DeepestInner" } } },
              ],
            },
          },
        },
      ],
    } satisfies ScenarioInput);

    const op = new OperationPage(page);
    await openSignedIn(page, signInPage, scenario.permalink);
    await expect(op.statusBadge).toHaveAttribute("data-status-category", "failed");
    await expect(op.tree).toBeVisible();

    // Mouse: it opens along the root cause (first details down to PolicyViolation); close and reopen Conflict, then
    // open PolicyViolation to its additionalInfo.
    await expect(op.treeItem(/^DeploymentFailed/)).toHaveAttribute("aria-expanded", "true");
    await expect(op.treeItem(/^Conflict/)).toHaveAttribute("aria-expanded", "true");
    await expect(op.tree.getByText("deny-public-ip")).toHaveCount(0);
    await op.tree.getByText("The resource is in a conflicting state.").click();
    await expect(op.tree.getByText("PolicyViolation")).toHaveCount(0);
    await op.tree.getByText("The resource is in a conflicting state.").click();
    await expect(op.treeItem(/^Conflict/)).toHaveAttribute("aria-expanded", "true");
    await op.tree.getByText("Blocked by policy.").click();
    await expect(op.tree.getByText("deny-public-ip")).toBeVisible();
    await expect(op.tree.getByText("PolicyInfo")).toBeVisible();

    // Keyboard: collapse all, then walk to the innererror chain.
    await op.collapseAll();
    const root = op.treeItem(/^DeploymentFailed/);
    await root.focus();
    await page.keyboard.press("ArrowRight"); // open root
    await expect(root).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("ArrowDown"); // Conflict
    await page.keyboard.press("ArrowDown"); // Core
    await expect(op.treeItem(/^Core/)).toBeFocused();
    await page.keyboard.press("ArrowRight"); // open Core
    await page.keyboard.press("ArrowRight"); // to its first child: innererror OuterInner
    await expect(op.treeItem(/OuterInner/)).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(op.treeItem(/DeepestInner/)).toBeFocused();
    await page.keyboard.press("ArrowLeft"); // to parent
    await expect(op.treeItem(/OuterInner/)).toBeFocused();
    await page.keyboard.press("Home");
    await expect(root).toBeFocused();

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  });

  test("persistence: a reload keeps the list, and corrupt storage shows a notice and the page works", async ({ page, sim, signInPage }) => {
    const scenario = await sim.create({ kind: "devops", clock: "firstRequest", ids: { operationResultId: uniqueId() }, steps: [{ afterMs: 0, body: running(5) }] });
    const dashboard = new DashboardPage(page);
    await openSignedIn(page, signInPage, "/");
    await watch(dashboard, scenario);
    await page.reload();
    await expect(dashboard.row(scenario.permalink)).toBeVisible();

    await page.evaluate(() => {
      localStorage.setItem("opwatch.watchlist.v1", '{"version":1,"items":[{"ref":{"kind":"nope"}}');
    });
    await page.reload();
    await expect(dashboard.watchlistNotice).toContainText("could not be fully read");
    await watch(dashboard, scenario);

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  });

  test("paste: a wrong URL gets a precise message and adds nothing", async ({ page, signInPage }) => {
    const dashboard = new DashboardPage(page);
    await openSignedIn(page, signInPage, "/");
    const before = await dashboard.rows.count();
    await dashboard.paste("https://example.com/not/an/operation");
    await expect(dashboard.pasteError).toBeVisible();
    await expect(dashboard.pasteBox).toHaveAttribute("aria-invalid", "true");
    expect(await dashboard.rows.count()).toBe(before);
  });

  test("share: the Share button copies the permalink, which opens the same operation", async ({ page, sim, signInPage, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const scenario = await sim.create({
      kind: "devops",
      clock: "firstRequest",
      ids: { operationResultId: uniqueId() },
      steps: [{ afterMs: 0, body: { status: "Succeeded", startTime: "{{start}}", endTime: "{{end}}", percentComplete: 100 } }],
    });
    const op = new OperationPage(page);
    await openSignedIn(page, signInPage, scenario.permalink);
    await expect(op.statusBadge).toHaveAttribute("data-status-category", "succeeded");
    await op.shareButton.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${E2E.appOrigin}${scenario.permalink}`);
    await expect(op.addToWatchListButton).toBeVisible();
    await op.addToWatchListButton.click();
    await expect(page.getByText("On your watch list")).toBeVisible();
  });

  test("a bad permalink says what is wrong", async ({ page }) => {
    const op = new OperationPage(page);
    await op.goto("/op/devcenter/example.devcenter.azure.com/proj/not-a-guid");
    await expect(op.badPermalink).toContainText("operationId");
  });
});

import { expect, test } from "./fixtures";
import { expectAxeClean } from "./fixtures/axe";
import { childFailure, demoDeepFailure, sooner } from "./fixtures/failures";
import { DashboardPage } from "./pages/dashboard-page";

/**
 * A failure names its innermost error first, in the row and in the notice of its end; when the operation's own error
 * only says a child failed, the first failed child's, saying which child. (The error tree's part is error-tree.spec.ts.)
 */

test("the row and the completion notice name the innermost error, also a failed child's", async ({ page, sim }) => {
  // Both run a few seconds, so the page sees them end; the demo's failure four times sooner than in the demo.
  const deep = await sim.create(sooner(demoDeepFailure(), 4));
  const parent = await sim.create(childFailure(4_000));
  await page.goto("/");
  const dashboard = new DashboardPage(page);
  for (const scenario of [deep, parent]) await dashboard.watch(scenario);

  await expect(dashboard.rootCause(deep.permalink)).toContainText("PermissionDenied", { timeout: 30_000 });
  await expect(dashboard.rootCause(deep.permalink)).toContainText("Project Collection Administrator");
  await expect(dashboard.rootCause(parent.permalink)).toContainText("GitHubAppNotInstalled", { timeout: 30_000 });

  const deepNotice = dashboard.completionNotices.filter({ hasText: "PermissionDenied" });
  await expect(deepNotice).toHaveAttribute("data-status-category", "failed");
  await expect(deepNotice.getByTestId("completion-notice-cause")).toHaveText(/^PermissionDenied: The identity lacks 'Project Collection Administrator'/);
  const childNotice = dashboard.completionNotices.filter({ hasText: "GitHubAppNotInstalled" });
  await expect(childNotice.getByTestId("completion-notice-cause")).toContainText("(in child operation install-github-app)");
  await expectAxeClean(page);
});

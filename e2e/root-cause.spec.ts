import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { DEMO_SCENARIOS } from "../lib/dev/simulator/demo-scenarios";
import { expect, test } from "./fixtures";
import type { CreatedScenario, ScenarioInput, SimulatorClient } from "./fixtures/simulator-client";
import { E2E } from "./fixtures/stack";
import { DashboardPage } from "./pages/dashboard-page";
import { ErrorTreePanel } from "./pages/error-tree-panel";
import { OperationPage } from "./pages/operation-page";
import type { SignInPage } from "./pages/sign-in-page";

/*
 * Issue 12, point 1 (and the error tree's parts of 9 and 10): the innermost error first, in the row, the notice and
 * the tree, which opens along the way to it; a failed child's error inside the tree; nothing overlapping on a phone.
 * Each test makes its own operations (fresh ids), so tests and reruns never share one.
 */

const uniqueId = () => crypto.randomUUID();

/** The demo's own deep failure: PermissionDenied sits four levels down, under the first details. */
function demoDeepFailure(): ScenarioInput {
  const demo = DEMO_SCENARIOS.find((s) => s.label?.startsWith("Failed with a three-level details tree"));
  if (!demo) throw new Error("the demo's deep failure scenario is gone");
  return { ...demo, ids: { ...demo.ids, subscriptionId: uniqueId(), operationResultId: uniqueId() } };
}

const CHILD_FAILED_BODY = {
  status: "Failed",
  startTime: "{{start}}",
  endTime: "{{end}}",
  error: { code: "ChildFailed", message: "One child operation failed." },
  operations: [
    { name: "prepare-connector", status: "Succeeded", startTime: "{{start}}", endTime: "{{start+1s}}" },
    {
      name: "install-github-app",
      status: "Failed",
      startTime: "{{start}}",
      endTime: "{{start+2s}}",
      error: { code: "GitHubAppNotInstalled", message: "The GitHub app is not installed on organization 'contoso'.", target: "organizations/contoso" },
    },
  ],
};

/** A parent that only says a child failed; the reason is the child's. Running for `runMs` first, if any. */
function childFailure(sim: SimulatorClient, runMs: number): Promise<CreatedScenario> {
  const running = { status: "InProgress", startTime: "{{start}}", percentComplete: 30 };
  return sim.create({
    kind: "devops",
    clock: "firstRequest",
    ids: { subscriptionId: uniqueId(), operationResultId: uniqueId() },
    steps: runMs > 0 ? [{ afterMs: 0, body: running }, { afterMs: runMs, body: CHILD_FAILED_BODY }] : [{ afterMs: 0, body: CHILD_FAILED_BODY }],
  });
}

/** Long codes and targets, four levels deep and already failed: the hardest rows for a phone. */
function longDeepFailure(sim: SimulatorClient): Promise<CreatedScenario> {
  const leaf = { code: "PermissionDenied", message: "The identity lacks 'Project Collection Administrator'.", target: "organizations/contoso/projects/Legacy-Payments-Platform" };
  const error = {
    code: "DevOpsConfigurationFailed",
    message: "The DevOps connector could not be configured.",
    target: "demo-connector-with-a-rather-long-name",
    details: [
      {
        code: "OrganizationOnboardingFailed",
        message: "Onboarding of organization 'contoso' failed.",
        target: "organizations/contoso",
        details: [{ code: "ProjectDiscoveryFailedForSeveralProjects", message: "2 of 14 projects could not be discovered.", target: "organizations/contoso/projects", details: [leaf] }],
        additionalInfo: [{ type: "OrganizationInfo", info: { organization: "contoso", projectsTotal: 14 } }],
      },
    ],
  };
  return sim.create({
    kind: "devops",
    clock: "firstRequest",
    ids: { subscriptionId: uniqueId(), operationResultId: uniqueId() },
    steps: [{ afterMs: 0, body: { ...CHILD_FAILED_BODY, error } }],
  });
}

async function openSignedIn(page: Page, signInPage: SignInPage, path: string): Promise<void> {
  await page.goto(path);
  await signInPage.signIn();
}

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error("element has no box");
  return found;
}

test.describe("root cause", () => {
  test("the row and the completion notice name the innermost error, also a failed child's", async ({ page, sim, signInPage }) => {
    const deep = await sim.create(demoDeepFailure());
    const parent = await childFailure(sim, 4_000);
    const dashboard = new DashboardPage(page);
    await openSignedIn(page, signInPage, "/");
    for (const scenario of [deep, parent]) {
      await dashboard.paste(`${E2E.appOrigin}${scenario.permalink}`);
      await expect(dashboard.row(scenario.permalink)).toBeVisible();
    }

    await expect(dashboard.rootCause(deep.permalink)).toContainText("PermissionDenied", { timeout: 45_000 });
    await expect(dashboard.rootCause(deep.permalink)).toContainText("Project Collection Administrator");
    await expect(dashboard.rootCause(parent.permalink)).toContainText("GitHubAppNotInstalled", { timeout: 30_000 });

    const deepNotice = dashboard.completionNotices.filter({ hasText: "PermissionDenied" });
    await expect(deepNotice).toHaveAttribute("data-status-category", "failed");
    await expect(deepNotice.getByTestId("completion-notice-cause")).toHaveText(/^PermissionDenied: The identity lacks 'Project Collection Administrator'/);
    const childNotice = dashboard.completionNotices.filter({ hasText: "GitHubAppNotInstalled" });
    await expect(childNotice.getByTestId("completion-notice-cause")).toContainText("(in child operation install-github-app)");
    await expectNoSeriousAxeViolations(page);
  });

  test("the tree opens along the way to the root cause and stays keyboard operable", async ({ page, sim, signInPage }) => {
    const demo = demoDeepFailure();
    // Only its last step, at once: the tree is what this test reads.
    const deep = await sim.create({ ...demo, steps: demo.steps.slice(-1).map((s) => ({ ...s, afterMs: 0 })) });
    const op = new OperationPage(page);
    const panel = new ErrorTreePanel(page, op.errorTree);
    await openSignedIn(page, signInPage, deep.permalink);
    await expect(op.statusBadge).toHaveAttribute("data-status-category", "failed");

    for (const code of ["DevOpsConfigurationFailed", "OrganizationOnboardingFailed", "ProjectDiscoveryFailed"]) {
      await expect(panel.errorItem(code)).toHaveAttribute("aria-expanded", "true");
    }
    await expect(panel.rootCauseItem).toHaveCount(1);
    await expect(panel.code(panel.rootCauseItem)).toHaveText("PermissionDenied");
    await expect(panel.rootCauseItem).toContainText("root cause");
    await expect(panel.tabStop).toHaveAttribute("data-root-cause", "true");

    // Keyboard from the cause: up to its parent, close and reopen it, back down to the cause.
    await panel.rootCauseItem.focus();
    await page.keyboard.press("ArrowLeft");
    await expect(panel.errorItem("ProjectDiscoveryFailed")).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await expect(panel.errorItem("ProjectDiscoveryFailed")).toHaveAttribute("aria-expanded", "false");
    await expect(panel.errorItem("PermissionDenied")).toHaveCount(0);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(panel.errorItem("PermissionDenied")).toBeFocused();
    await page.keyboard.press("Home");
    await expect(panel.errorItem("DevOpsConfigurationFailed")).toBeFocused();

    await expectNoSeriousAxeViolations(page);
  });

  test("a failed child operation is a branch of the tree, opened to its error", async ({ page, sim, signInPage }) => {
    const parent = await childFailure(sim, 0);
    const op = new OperationPage(page);
    const panel = new ErrorTreePanel(page, op.errorTree);
    await openSignedIn(page, signInPage, parent.permalink);
    await expect(op.statusBadge).toHaveAttribute("data-status-category", "failed");

    const child = panel.childItem("install-github-app");
    await expect(child).toHaveAttribute("aria-expanded", "true");
    await expect(child).toContainText("Failed");
    await expect(panel.code(panel.rootCauseItem)).toHaveText("GitHubAppNotInstalled");
    // The succeeded child is no part of the error.
    await expect(panel.childItem("prepare-connector")).toHaveCount(0);
    await expectNoSeriousAxeViolations(page);
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test("Copy JSON overlaps no code or target; codes select alone; the ids copy", async ({ page, sim, signInPage, context }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      const scenario = await longDeepFailure(sim);
      const op = new OperationPage(page);
      const panel = new ErrorTreePanel(page, op.errorTree);
      await openSignedIn(page, signInPage, scenario.permalink);
      await expect(op.statusBadge).toHaveAttribute("data-status-category", "failed");
      await panel.expandAll();

      const errorItems = panel.tree.locator('[role="treeitem"][data-node-kind="error"]');
      const count = await errorItems.count();
      expect(count).toBeGreaterThanOrEqual(4); // four levels of the own error, and the child's
      let targets = 0;
      for (let i = 0; i < count; i++) {
        const item = errorItems.nth(i);
        const copy = await box(panel.copyJson(item));
        expect(overlaps(copy, await box(panel.code(item))), `Copy JSON over the code of item ${i}`).toBe(false);
        if ((await panel.target(item).count()) > 0) {
          targets++;
          expect(overlaps(copy, await box(panel.target(item))), `Copy JSON over the target of item ${i}`).toBe(false);
        }
        expect(copy.x + copy.width).toBeLessThanOrEqual(390);
      }
      expect(targets).toBeGreaterThanOrEqual(4);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      // A double-click on a code selects the code, not the code glued to its target.
      const organization = panel.errorItem("OrganizationOnboardingFailed");
      await panel.code(organization).dblclick();
      expect((await page.evaluate(() => window.getSelection()?.toString() ?? "")).trim()).toBe("OrganizationOnboardingFailed");

      // The ids of the response copy whole.
      const correlation = (await panel.responseId("x-ms-correlation-request-id").textContent()) ?? "";
      expect(correlation).toMatch(/^[0-9a-f-]{36}$/i);
      await panel.copyResponseId("x-ms-correlation-request-id").click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(correlation);
      const requestId = (await panel.responseId("x-ms-request-id").textContent()) ?? "";
      await panel.copyResponseId("x-ms-request-id").click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(requestId);

      await expectNoSeriousAxeViolations(page);
      // For the README and the closing note: the phone error tree as this test left it, light and dark.
      await page.screenshot({ path: test.info().outputPath("phone-error-tree.png"), fullPage: true });
      await page.emulateMedia({ colorScheme: "dark" });
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: test.info().outputPath("phone-error-tree-dark.png"), fullPage: true });
    });
  });
});

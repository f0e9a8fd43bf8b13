import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectAxeClean } from "./fixtures/axe";
import { childFailure, demoDeepFailure, endedAtOnce, longDeepFailure } from "./fixtures/failures";
import { answering, devops, failed } from "./fixtures/scenarios";
import { ErrorTreePanel } from "./pages/error-tree-panel";
import { OperationPage } from "./pages/operation-page";
import type { SimulatorClient } from "./fixtures/simulator-client";
import { expectNoSidewaysScroll, renderedLines } from "./fixtures/layout";

/**
 * A failed operation's error tree (a WAI-ARIA tree): it opens along the way to the root cause, by mouse and by
 * keyboard; a failed child's error is a branch of it; on a phone nothing in it overlaps.
 */

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

test.describe("error tree", () => {
  test("drill: a failed operation's error tree opens level by level, by mouse and by keyboard", async ({ page, sim }) => {
    const scenario = await sim.create(
      devops(
        answering(
          failed({
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
          }),
        ),
      ),
    );

    const op = new OperationPage(page);
    const panel = new ErrorTreePanel(page, op.errorTree);
    await op.goto(scenario.permalink);
    await expect(op.statusBadge).toHaveAttribute("data-status-category", "failed");
    await expect(panel.tree).toBeVisible();

    // Mouse: it opens along the root cause (first details down to PolicyViolation); close and reopen Conflict, then
    // open PolicyViolation to its additionalInfo.
    await expect(panel.treeItem(/^DeploymentFailed/)).toHaveAttribute("aria-expanded", "true");
    await expect(panel.treeItem(/^Conflict/)).toHaveAttribute("aria-expanded", "true");
    await expect(panel.tree.getByText("deny-public-ip")).toHaveCount(0);
    await panel.tree.getByText("The resource is in a conflicting state.").click();
    await expect(panel.tree.getByText("PolicyViolation")).toHaveCount(0);
    await panel.tree.getByText("The resource is in a conflicting state.").click();
    await expect(panel.treeItem(/^Conflict/)).toHaveAttribute("aria-expanded", "true");
    await panel.tree.getByText("Blocked by policy.").click();
    await expect(panel.tree.getByText("deny-public-ip")).toBeVisible();
    await expect(panel.tree.getByText("PolicyInfo")).toBeVisible();

    // Keyboard: collapse all, then walk to the innererror chain.
    await panel.collapseAll();
    const root = panel.treeItem(/^DeploymentFailed/);
    await root.focus();
    await page.keyboard.press("ArrowRight"); // open root
    await expect(root).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("ArrowDown"); // Conflict
    await page.keyboard.press("ArrowDown"); // Core
    await expect(panel.treeItem(/^Core/)).toBeFocused();
    await page.keyboard.press("ArrowRight"); // open Core
    await page.keyboard.press("ArrowRight"); // to its first child: innererror OuterInner
    await expect(panel.treeItem(/OuterInner/)).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(panel.treeItem(/DeepestInner/)).toBeFocused();
    await page.keyboard.press("ArrowLeft"); // to parent
    await expect(panel.treeItem(/OuterInner/)).toBeFocused();
    await page.keyboard.press("Home");
    await expect(root).toBeFocused();

    await expectAxeClean(page);
  });

  test("the tree opens along the way to the root cause and stays keyboard operable", async ({ page, sim }) => {
    // Only its last answer, at once: the tree is what this test reads.
    const deep = await sim.create(endedAtOnce(demoDeepFailure()));
    const op = new OperationPage(page);
    const panel = new ErrorTreePanel(page, op.errorTree);
    await op.goto(deep.permalink);
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

    await expectAxeClean(page);
  });

  test("a failed child operation is a branch of the tree, opened to its error", async ({ page, sim }) => {
    const parent = await sim.create(childFailure(0));
    const op = new OperationPage(page);
    const panel = new ErrorTreePanel(page, op.errorTree);
    await op.goto(parent.permalink);
    await expect(op.statusBadge).toHaveAttribute("data-status-category", "failed");

    const child = panel.childItem("install-github-app");
    await expect(child).toHaveAttribute("aria-expanded", "true");
    await expect(child).toContainText("Failed");
    await expect(panel.code(panel.rootCauseItem)).toHaveText("GitHubAppNotInstalled");
    // The succeeded child is no part of the error.
    await expect(panel.childItem("prepare-connector")).toHaveCount(0);
    await expectAxeClean(page);
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 } });

    /** A four-level failure with long codes and targets, its tree opened all the way. */
    const openLongFailureExpanded = async (page: Page, sim: SimulatorClient): Promise<ErrorTreePanel> => {
      const scenario = await sim.create(longDeepFailure());
      const op = new OperationPage(page);
      const panel = new ErrorTreePanel(page, op.errorTree);
      await op.goto(scenario.permalink);
      await expect(op.statusBadge).toHaveAttribute("data-status-category", "failed");
      await panel.expandAll();
      return panel;
    };

    test("a long code wraps between its words, never inside one", async ({ page, sim }) => {
      const panel = await openLongFailureExpanded(page, sim);

      const codes = panel.tree.getByTestId("error-code");
      await expect(codes.filter({ hasText: "ProjectDiscoveryFailedForSeveralProjects" })).toBeVisible();
      let wrapped = 0;
      for (const code of await codes.all()) {
        const lines = await renderedLines(code);
        expect(lines.join("")).toBe(await code.textContent());
        if (lines.length > 1) wrapped++;
        // Each break falls where a new word starts: a lower-case letter or digit, then a capital.
        for (let i = 1; i < lines.length; i++) expect(`${lines[i - 1] ?? ""}|${lines[i] ?? ""}`).toMatch(/[a-z0-9]\|[A-Z]/);
      }
      expect(wrapped, "codes too long for one line of a phone").toBeGreaterThan(0);
    });

    test("Copy JSON overlaps no code or target; codes select alone; the ids copy", async ({ page, sim, context }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      const panel = await openLongFailureExpanded(page, sim);

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
      await expectNoSidewaysScroll(page);

      // A double-click on a code selects the code, not the code glued to its target.
      const organization = panel.errorItem("OrganizationOnboardingFailed");
      await panel.code(organization).dblclick();
      expect((await page.evaluate(() => window.getSelection()?.toString() ?? "")).trim()).toBe("OrganizationOnboardingFailed");

      // The ids of the response copy whole.
      const correlation = (await panel.responseId("x-ms-correlation-request-id").textContent()) ?? "";
      expect(correlation).toMatch(/^[0-9a-f-]{36}$/i);
      await panel.copyResponseId("x-ms-correlation-request-id").click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(correlation);
      const requestId = (await panel.responseId("x-ms-request-id").textContent()) ?? "";
      await panel.copyResponseId("x-ms-request-id").click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(requestId);

      await expectAxeClean(page);
      // For reviewers: the phone error tree as this test left it, light and dark, in the test's output folder.
      await page.screenshot({ path: test.info().outputPath("phone-error-tree.png"), fullPage: true });
      await page.emulateMedia({ colorScheme: "dark" });
      await expectAxeClean(page);
      await page.screenshot({ path: test.info().outputPath("phone-error-tree-dark.png"), fullPage: true });
    });
  });
});

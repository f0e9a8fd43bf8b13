import { expect, test } from "./fixtures";
import { answering, devops, running } from "./fixtures/scenarios";
import { DashboardPage } from "./pages/dashboard-page";

/** The dashboard's timeline: scaled to what ran in the last 24 hours, so old operations cannot stretch its axis. */

test("timeline: scaled to the last 24 hours, saying what was left out", async ({ page, sim }) => {
  const old = await sim.create(
    devops(answering({ status: "Succeeded", startTime: "2023-06-21T03:23:15Z", endTime: "2023-06-21T03:25:15Z", percentComplete: 100 })),
  );
  const today = await sim.create(devops(answering(running(20))));
  await page.goto("/");
  const dashboard = new DashboardPage(page);
  for (const scenario of [old, today]) await dashboard.watch(scenario);
  await expect(dashboard.statusBadge(old.permalink)).toHaveAttribute("data-status-category", "succeeded");
  await expect(dashboard.statusBadge(today.permalink)).toHaveAttribute("data-status-category", "running");

  await expect(page.getByTestId("timeline-left-out")).toContainText(/^1 operation ended before \d{4}-\d\d-\d\d \d\d:\d\d is not drawn\./);
  // The chart's code loads as its place nears the screen, replacing its placeholder figure.
  await page.getByRole("heading", { name: "Timeline", exact: true }).scrollIntoViewIfNeeded();
  const timeline = page.getByRole("figure", { name: "Start and end of the watched operations" });
  await expect(timeline.locator("figcaption")).toContainText("running for");
  await expect(timeline.locator("figcaption")).not.toContainText("took");
  // recharts draws tick labels in layers of their own; the time axis's are the ones that read "+…".
  const ticks = timeline.locator(".recharts-cartesian-axis-tick-value").filter({ hasText: /^\+/ });
  await expect(ticks.first()).toBeVisible();
  // Seconds and minutes of today's operation, not days since 2023.
  for (const tick of await ticks.allTextContents()) expect(tick).not.toMatch(/\d d/);
});

test("timeline: a bar's label is its name cut at a word over its short id, and hovering it shows all of it", async ({ page, sim }) => {
  const scenario = await sim.create(devops(answering(running(20))));
  const label = "Onboarding of the Contoso organization with all its repositories";
  await page.goto("/");
  const dashboard = new DashboardPage(page);
  await dashboard.watch(scenario, label);
  await expect(dashboard.statusBadge(scenario.permalink)).toHaveAttribute("data-status-category", "running");

  await page.getByRole("heading", { name: "Timeline", exact: true }).scrollIntoViewIfNeeded();
  const axisLabel = page.getByRole("figure", { name: "Start and end of the watched operations" }).getByTestId("timeline-axis-label");
  const id = scenario.ref.operationResultId ?? "";
  await expect(axisLabel).toHaveCount(1);
  await expect(axisLabel.locator("tspan").first()).toHaveText("Onboarding of the…");
  await expect(axisLabel.locator("tspan").nth(1)).toHaveText(new RegExp(`^${id.slice(0, 5)}…${id.slice(-3)}$`));
  await expect(axisLabel.locator("title")).toHaveText(new RegExp(`^${label} · .* · ${id}$`));
});

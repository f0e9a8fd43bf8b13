import { expect, test } from "./fixtures";
import { DashboardPage } from "./pages/dashboard-page";

const COUNT = 500;

// A trace snapshots all 500 rows on every step, on the page's own main thread: it would be counted as long tasks.
test.use({ trace: "off" });

/**
 * 500 watched operations: every row renders and reads its status. Long tasks during the polling ticks are measured
 * and printed (speed is reported, never asserted: CI machines differ).
 */
test("scale: 500 watched operations render and poll", async ({ page, sim, signInPage }) => {
  test.setTimeout(180_000);
  const created = await Promise.all(
    Array.from({ length: COUNT }, (_, i) =>
      sim.create({
        kind: "devops",
        clock: "firstRequest",
        ids: { operationResultId: crypto.randomUUID() },
        steps: [
          { afterMs: 0, body: { status: "InProgress", startTime: "{{start}}", percentComplete: i % 100 } },
          { afterMs: 20_000 + (i % 50) * 200, body: { status: "Succeeded", startTime: "{{start}}", endTime: "{{end}}", percentComplete: 100 } },
        ],
      }),
    ),
  );

  await page.goto("/");
  await signInPage.signIn();
  await page.evaluate((refs) => {
    const items = refs.map((ref) => ({ ref, addedAt: Date.now() }));
    localStorage.setItem("opwatch.watchlist.v1", JSON.stringify({ version: 1, items }));
  }, created.map((c) => c.ref));
  await page.reload();

  const dashboard = new DashboardPage(page);
  await expect(dashboard.rows).toHaveCount(COUNT, { timeout: 30_000 });
  await expect(dashboard.rows.and(page.locator('[data-status-category="pending"]'))).toHaveCount(0, { timeout: 60_000 });

  const longTasks = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const durations: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) durations.push(Math.round(entry.duration));
        });
        observer.observe({ type: "longtask" });
        setTimeout(() => {
          observer.disconnect();
          resolve(durations);
        }, 10_000);
      }),
  );
  console.info(
    `scale: ${COUNT} rows; long tasks over 10 s of ticks and polls: ${longTasks.length}` +
      (longTasks.length > 0 ? ` (max ${Math.max(...longTasks)} ms)` : ""),
  );
  await expect(page).toHaveTitle(/^(\(\d+\) )?opwatch$/);
});

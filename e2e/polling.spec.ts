import { expect, test } from "./fixtures";
import { recordReads, requestGaps } from "./fixtures/reads";
import { devops, RETRY_AFTER_2, running, succeeded } from "./fixtures/scenarios";
import { DashboardPage } from "./pages/dashboard-page";

/** Polling a watched operation from the dashboard: to its end and no further, through read failures, within Retry-After. */


test.describe("polling", () => {
  test("watch: an operation moves to its end, and polling honours Retry-After and stops at the end", async ({ page, sim }) => {
    // Playwright's clock, to let the page's timers of the seconds after the end run at once.
    await page.clock.install();
    const scenario = await sim.create(
      devops([
        { afterMs: 0, headers: RETRY_AFTER_2, body: running(10) },
        { afterMs: 4000, headers: RETRY_AFTER_2, body: running(60) },
        { afterMs: 8000, body: succeeded },
      ]),
    );
    const reads = recordReads(page, scenario);
    await page.goto("/");
    const dashboard = new DashboardPage(page);
    await dashboard.watch(scenario);

    const bar = dashboard.progressBar(scenario.permalink);
    await expect(bar).toHaveAttribute("aria-valuenow", "10");
    await expect(dashboard.statusBadge(scenario.permalink)).toHaveAttribute("data-status-category", "running");
    await expect(bar).toHaveAttribute("aria-valuenow", "60", { timeout: 20_000 });
    await expect(dashboard.statusBadge(scenario.permalink)).toHaveAttribute("data-status-category", "succeeded", { timeout: 30_000 });
    await expect(dashboard.statusBadge(scenario.permalink)).toContainText("Succeeded");
    await expect(dashboard.completionNotices.first()).toContainText("ended: Succeeded");
    await expect(page).toHaveTitle("opwatch");

    // At the end the scheduler stops: it says so, and sends nothing more. A second, running operation is read by the
    // same scheduler with the same token; once the page's clock has jumped 15 s (past the 2 s of Retry-After and the
    // 6 s the policy would wait) and that operation's next read went out, a read of the ended one would have too.
    await expect(dashboard.nextRead(scenario.permalink)).toHaveText("stopped");
    const atEnd = await sim.requests(scenario.id);
    const readsAtEnd = reads.length;
    const other = await sim.create(devops([{ afterMs: 0, headers: RETRY_AFTER_2, body: running(30) }]));
    const otherReads = recordReads(page, other);
    await dashboard.watch(other);
    await expect(dashboard.statusBadge(other.permalink)).toHaveAttribute("data-status-category", "running");
    const otherBefore = otherReads.length;
    // Less than the 20 s after which MSAL would count every token it is handed as due for renewal.
    await page.clock.fastForward(15_000);
    await expect.poll(() => otherReads.length).toBeGreaterThan(otherBefore);
    expect(reads.length, "no read after the terminal status").toBe(readsAtEnd);
    const later = await sim.requests(scenario.id);
    expect(later.length, "no request after the terminal status").toBe(atEnd.length);
    // Every answer before the last carried Retry-After: 2, so no two requests may be closer than 2 s.
    for (const gap of requestGaps(later)) expect(gap).toBeGreaterThanOrEqual(1_950);
  });

  test("faults: read failures keep the last status on screen, are shown, and recover", async ({ page, sim }) => {
    // The dashboard reads a young operation every 6 s, and again 6 s after a failed read: the read after the first
    // meets one of these failures, the one after that the end.
    const scenario = await sim.create(
      devops([
        { afterMs: 0, body: running(30) },
        {
          afterMs: 1000,
          status: 429,
          headers: { ...RETRY_AFTER_2, "x-ms-error-code": "TooManyRequests" },
          body: { error: { code: "TooManyRequests", message: "slow down" } },
        },
        { afterMs: 2500, status: 503, body: { error: { code: "ServiceUnavailable", message: "try later" } } },
        { afterMs: 4000, status: 502, headers: { "Content-Type": "text/html" }, body: "<html><body>Bad gateway</body></html>" },
        { afterMs: 5500, status: 200, headers: { "Content-Type": "application/json" }, body: '{"status": "InPro' },
        { afterMs: 10_000, body: succeeded },
      ]),
    );

    await page.goto("/");
    const dashboard = new DashboardPage(page);
    await dashboard.watch(scenario);
    const badge = dashboard.statusBadge(scenario.permalink);
    const readError = dashboard.readError(scenario.permalink);

    await expect(readError).toContainText(/couldn't refresh: (429|503|502|200)/, { timeout: 20_000 });
    // The failure to read is not a failure of the operation: the last status stays.
    await expect(badge).toHaveAttribute("data-status-category", "running");
    await expect(badge).toContainText("InProgress");
    await expect(readError).toContainText(/retrying (in \d|now)/);

    await expect(badge).toHaveAttribute("data-status-category", "succeeded", { timeout: 30_000 });
    await expect(readError).toHaveCount(0);
  });
});

import { expect, test } from "./fixtures";
import { BOTH_SCHEMES, expectAxeClean } from "./fixtures/axe";
import { devops, NO_RETRY_AFTER, running, startedMinutesAgo } from "./fixtures/scenarios";
import { holdReads } from "./fixtures/reads";
import { turnOnCue } from "./fixtures/turn-on-cue";
import { DashboardPage } from "./pages/dashboard-page";
import { OperationPage } from "./pages/operation-page";
import { PollLogPanel } from "./pages/poll-log-panel";
import { expectNoSidewaysScroll } from "./fixtures/layout";

/**
 * The operation page's poll log lists every read (status, latency, Retry-After, request id, and the reason for the
 * next read), and its last 200 reads, with the progress chart drawn from them, survive a reload.
 */

test("the poll log lists every read, and it and the chart survive a reload", async ({ page, sim }) => {
  // Playwright's clock brings the open page's next 5 s read now. Started ten minutes ago, so that step times the reads;
  // the operation moves on the test's cues, one read at each of 10%, 30% and 50%, then, once the test has read those
  // rows across a reload, a 503 asking for 8 s, then 80%.
  await page.clock.install();
  const startTime = startedMinutesAgo(10);
  const at = (percent: number) => sim.create(devops([{ afterMs: 0, headers: NO_RETRY_AFTER, body: running(percent, { startTime }) }]));
  const scenario = await at(10);
  const [thirty, fifty] = [await at(30), await at(50)];
  const unavailable = await sim.create(
    devops([
      {
        afterMs: 0,
        status: 503,
        headers: { "Retry-After": "8", "x-ms-error-code": "ServiceUnavailable" },
        body: { error: { code: "ServiceUnavailable", message: "try later" } },
      },
      { afterMs: 8_000, headers: NO_RETRY_AFTER, body: running(80, { startTime }) },
    ]),
  );
  // Of two cues turned, the later one set here wins.
  const movesTo30 = await turnOnCue(page, scenario, thirty);
  const movesTo50 = await turnOnCue(page, scenario, fifty);
  const refuses = await turnOnCue(page, scenario, unavailable);
  const op = new OperationPage(page);
  const log = new PollLogPanel(page);
  await op.goto(scenario.permalink);

  // Three reads, newest first, each with its status, latency, ids and the reason for the next read.
  await expect(op.progressBar).toHaveAttribute("aria-valuenow", "10");
  for (const [cue, percent] of [[movesTo30, "30"], [movesTo50, "50"]] as const) {
    cue.turn();
    await page.clock.fastForward(5_000);
    await expect(op.progressBar).toHaveAttribute("aria-valuenow", percent);
  }
  expect(await log.rows.count()).toBeGreaterThanOrEqual(3);
  await expect(log.table).toBeVisible();
  await expect(log.keptNote).toHaveAttribute("data-state", "kept");
  const newest = log.rows.first();
  await expect(log.status(newest)).toHaveText(/(^|HTTP status)200$/);
  await expect(log.latency(newest)).toHaveText(/\d+ ms$/);
  await expect(log.retryAfter(newest)).toHaveText(/—$/);
  await expect(log.nextRead(newest)).toHaveText(/Next read (now|in \d+ s): /);
  // The newest request id is the one the page's last response shows; the client ids are those the simulator received.
  const lastResponse = page.getByRole("region", { name: "Last response" });
  await expect(async () => {
    const [latest = "missing"] = await log.requestIds();
    await expect(lastResponse).toContainText(`x-ms-request-id ${latest}`, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  const requestIds = await log.requestIds();
  expect(requestIds.length).toBeGreaterThanOrEqual(3);
  const sentIds = (await Promise.all([scenario, thirty, fifty].map((read) => sim.requests(read.id)))).flat().map((r) => r.headers["x-ms-client-request-id"]);
  for (const row of await log.rows.all()) expect(sentIds).toContain((await log.clientRequestId(row).textContent())?.replace(/^client /, ""));
  await expect(op.progressChart.locator("figcaption")).toContainText(/\d+ reads, from 10% at .* to 50% at/);

  // Every line is written to IndexedDB about once a second; reload once the three are.
  await expect.poll(() => log.storedReads(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
  await page.reload();

  // At once, from storage: the reads before the reload (their request ids are unique) and the chart from 10%.
  await expect(log.rows.first()).toBeVisible();
  for (const id of requestIds) await expect(log.section.getByText(id, { exact: true })).toBeVisible();
  await expect(op.progressChart).toBeAttached();
  await expect(op.progressChart.locator("figcaption")).toContainText(/\d+ reads, from 10% at /);

  // A 503 with Retry-After: its status and Retry-After, and a reason that names it.
  refuses.turn();
  await page.clock.fastForward(5_000);
  const refused = log.rowWithStatus("503 ServiceUnavailable");
  await expect(refused).toBeVisible({ timeout: 30_000 });
  await expect(log.retryAfter(refused)).toHaveText(/8 s$/);
  await expect(log.nextRead(refused)).toContainText("(Retry-After)");
  // No read appears twice after the merge of stored and live reads.
  const all = await log.requestIds();
  expect(new Set(all).size).toBe(all.length);

  await expectAxeClean(page, { colorSchemes: BOTH_SCHEMES });

  // A phone: the rows stack, and the page does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await log.section.scrollIntoViewIfNeeded();
  await expectNoSidewaysScroll(page);
  await expectAxeClean(page, { colorSchemes: BOTH_SCHEMES });
});

test("after a reload the last known state shows at once, with its age, until a new read arrives", async ({ page, sim }) => {
  const startTime = startedMinutesAgo(10);
  const scenario = await sim.create(devops([{ afterMs: 0, headers: NO_RETRY_AFTER, body: running(30, { startTime }) }]));
  const { permalink } = scenario;
  const dashboard = new DashboardPage(page);
  const op = new OperationPage(page);
  const log = new PollLogPanel(page);
  await page.goto("/");
  await dashboard.watch(scenario);
  await expect(dashboard.progressBar(permalink)).toHaveAttribute("aria-valuenow", "30");
  const started = (await dashboard.time(permalink, "Started").textContent()) ?? "";
  expect(started).toMatch(/^\d{4}-/);
  await expect.poll(() => log.storedReads(), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);

  // Azure keeps its next answer back: meanwhile the page shows what this browser knew, saying how old it is.
  const held = await holdReads(page, scenario);
  await page.reload();
  await expect(dashboard.headerCounts).toHaveText("1 watched · reading…");
  await expect(dashboard.statusBadge(permalink)).toHaveAttribute("data-status-category", "running");
  await expect(dashboard.statusBadge(permalink)).toContainText("InProgress");
  await expect(dashboard.progressBar(permalink)).toHaveAttribute("aria-valuenow", "30");
  await expect(dashboard.time(permalink, "Started")).toHaveText(started);
  await expect(dashboard.lastKnown(permalink)).toHaveText(/^Last known \d+ s ago/);
  await expect(dashboard.row(permalink)).not.toContainText("not read yet");
  // Still nothing read: the header has nothing to count yet.
  await expect(dashboard.headerCounts).toHaveText("1 watched · reading…");

  await op.goto(permalink);
  await expect(op.statusBadge).toContainText("InProgress");
  await expect(op.progressBar).toHaveAttribute("aria-valuenow", "30");
  await expect(op.time("Started")).toHaveText(started);
  await expect(op.lastKnown).toHaveText(/^Last known \d+ s ago/);
  await expect(page.getByText("Reading status…", { exact: true })).toHaveCount(0);
  await expectAxeClean(page, { colorSchemes: BOTH_SCHEMES });

  // The new read replaces it, and the marker goes.
  await held.release();
  await expect(op.lastKnown).toHaveCount(0);
  await page.goto("/");
  await expect(dashboard.headerCounts).toHaveText("1 watched · 1 running · 0 need attention");
  await expect(dashboard.lastKnown(permalink)).toHaveCount(0);
});

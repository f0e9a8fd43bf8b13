/**
 * `npm run bench:dashboard`: how busy the dashboard's main thread is while it watches many operations.
 *
 * Builds the app into .next-bench (or reuses that build while no bundled source is newer; `--rebuild` forces it),
 * starts its own stack on loopback (app 3250, simulator 4250, sign-in 4650), creates `--count` running operations in
 * the simulator, signs in through the real local sign-in page in Chromium, puts them all on the watch list, waits
 * until every row has read its status, then records long tasks for `--seconds` of polling. Prints their count,
 * total, max, p95 and how many pass 50/100/200 ms, the rows by status and the requests the simulator received in
 * that window. `--view` picks the dashboard's view (the table, its default at this size, or the cards) and `--sort` the
 * table's order, through the URL; the view found on the page is printed with the figures.
 *
 * Its opening section (`--section open`, or first with `all`) serves the demo's operations instead, and times how soon
 * the person sees the status of an operation they open: by a permalink's full load and from the dashboard's row, each
 * `--runs` times, with the median of each step on the way (lib/dev/bench/open-section.ts).
 *
 * It never fails on speed: a non-zero exit means the run itself broke (e.g. the rows never loaded).
 */
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { ADA } from "../e2e/pages/sign-in-page";
import { launchBrowser, newBenchContext } from "../lib/dev/bench/browser";
import { ensureBenchBuild } from "../lib/dev/bench/build";
import { openSection } from "../lib/dev/bench/open-section";
import { longTaskStats, observeLongTasks, type LongTaskStats } from "../lib/dev/bench/long-tasks";
import type { OptionSpec, ParsedOptions } from "../lib/dev/bench/options";
import { watchPageErrors } from "../e2e/fixtures/page-errors";
import { pageErrorsLine } from "../lib/dev/bench/page-errors";
import { signInAtHome } from "../lib/dev/bench/sign-in";
import { mapLimit, requestTimes } from "../lib/dev/bench/simulator-client";
import { runBench } from "../lib/dev/bench/run";
import { startBenchStack } from "../lib/dev/bench/stack";
import { createScenario } from "../lib/dev/simulator/control-client";

const OPTIONS = {
  section: {
    kind: "choice",
    choices: ["all", "open", "polling"],
    default: "all",
    help: "what is measured: opening an operation (a permalink's load and from the dashboard), the main thread while polling, or both",
  },
  runs: { kind: "int", min: 1, max: 100, default: 15, help: "openings timed of each kind (after one that warms the cache)" },
  count: { kind: "int", min: 1, max: 1000, default: 500, help: "operations on the watch list (it holds at most 1,000)" },
  seconds: { kind: "int", min: 1, max: 600, default: 10, help: "length of the measured polling window in seconds" },
  subscriptions: {
    kind: "int",
    min: 1,
    max: 1000,
    default: 1,
    help: "subscriptions the operations are spread over (1: one read budget for all, as a rollout; the count: one budget each, the most reads the page can be asked to take)",
  },
  view: { kind: "choice", choices: ["table", "cards"], default: "table", help: "the dashboard view measured, chosen by ?view=" },
  sort: {
    kind: "choice",
    choices: ["default", "status", "progress", "duration", "lastRead"],
    default: "default",
    help: "the table's order (?sort=): its default, or a column whose order moves with every read",
  },
  rebuild: { kind: "flag", help: "build the app even when the last bench build is current" },
} as const satisfies OptionSpec;

const WATCH_LIST_KEY = "opwatch.watchlist.v1";
const ROW = '[data-testid="operation-row"]';
const ROWS_TIMEOUT_MS = 60_000;
// At the default budget of 5 reads/s per subscription, 500 first reads in one subscription take 100 s.
const STATUS_TIMEOUT_MS = 240_000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Running operations that finish 20 to 30 s after their first read (as the e2e scale test, which this replaces, had them). */
async function createOperations(simulatorUrl: string, count: number, subscriptionCount: number) {
  const subscriptions = Array.from({ length: subscriptionCount }, () => randomUUID());
  return mapLimit(Array.from({ length: count }, (_, i) => i), 32, (i) =>
    createScenario(simulatorUrl, {
      kind: "devops",
      clock: "firstRequest",
      ids: { subscriptionId: subscriptions[i % subscriptionCount] ?? randomUUID(), operationResultId: randomUUID() },
      steps: [
        { afterMs: 0, body: { status: "InProgress", startTime: "{{start}}", percentComplete: i % 100 } },
        { afterMs: 20_000 + (i % 50) * 200, body: { status: "Succeeded", startTime: "{{start}}", endTime: "{{end}}", percentComplete: 100 } },
      ],
    }),
  );
}

async function watchAll(page: Page, refs: readonly unknown[], search: string): Promise<void> {
  await page.evaluate(
    ({ key, refs }) => {
      const items = refs.map((ref) => ({ ref, addedAt: Date.now() }));
      localStorage.setItem(key, JSON.stringify({ version: 1, items }));
    },
    { key: WATCH_LIST_KEY, refs },
  );
  await page.goto(`/?${search}`);
}

/** The view the rows are in, as the page shows it (not as asked). */
function viewOnPage(page: Page): Promise<string> {
  return page.evaluate(() =>
    document.querySelector('[data-testid="operations-table"]') ? "table" : document.querySelector('[data-testid="watch-list"]') ? "cards" : "none",
  );
}

async function waitFor(page: Page, what: string, timeout: number, predicate: (arg: { row: string; count: number }) => boolean, count: number) {
  try {
    await page.waitForFunction(predicate, { row: ROW, count }, { timeout, polling: 250 });
  } catch {
    const rows = await page.locator(ROW).count();
    throw new Error(`${what} within ${seconds(timeout)} (${rows} rows on screen)`);
  }
}

async function rowsByStatus(page: Page): Promise<Record<string, number>> {
  return page.evaluate((row) => {
    const counts: Record<string, number> = {};
    for (const element of document.querySelectorAll(row)) {
      const category = element.getAttribute("data-status-category") ?? "unknown";
      counts[category] = (counts[category] ?? 0) + 1;
    }
    return counts;
  }, ROW);
}

function printLongTasks(stats: LongTaskStats, windowSeconds: number): void {
  const line = (name: string, value: string) => {
    console.info(`  ${name.padEnd(13)}${value}`);
  };
  console.info(`\nlong tasks in ${windowSeconds} s of polling`);
  line("count", String(stats.count));
  line("total", `${stats.totalMs.toFixed(0)} ms`);
  line("blocking", `${stats.blockingMs.toFixed(0)} ms (the part of each beyond 50 ms)`);
  line("max", `${stats.maxMs.toFixed(0)} ms`);
  line("p95", `${stats.p95Ms.toFixed(0)} ms`);
  line("over 50 ms", `${stats.over50} (a long task is one over 50 ms: this is the count)`);
  line("over 100 ms", String(stats.over100));
  line("over 200 ms", String(stats.over200));
}

async function main(options: ParsedOptions<typeof OPTIONS>): Promise<void> {
  const polling = options.section !== "open";
  const opening = options.section !== "polling";
  if (opening) console.info(`bench:dashboard: opening an operation, signed in and warm, ${options.runs} runs of each kind`);
  if (polling) console.info(
    `bench:dashboard: ${options.count} watched operations in the ${options.view} view, in ${options.subscriptions} subscription${options.subscriptions === 1 ? "" : "s"}, long tasks over ${options.seconds} s of polling`,
  );
  const build = await ensureBenchBuild({ rebuild: options.rebuild });
  console.info(`build      ${build.summary}`);

  // The opening section runs against the demo: its watch list is read alongside the operation opened.
  const stack = await startBenchStack({ seedDemo: opening });
  const simulatorUrl = stack.local.simulator.url;
  console.info(`stack      app ${stack.appOrigin}, simulator ${simulatorUrl}, sign-in ${stack.local.signin.issuer} (loopback)`);

  const browser = await launchBrowser();
  const page = await (await newBenchContext(browser, stack.appOrigin)).newPage();
  const errors = watchPageErrors(page);
  await signInAtHome(page);
  if (opening) await openSection(page, simulatorUrl, options.runs);
  if (polling) await pollingSection(page, simulatorUrl, options);
  console.info(`\n${pageErrorsLine(errors)}`);
}

async function pollingSection(page: Page, simulatorUrl: string, options: ParsedOptions<typeof OPTIONS>): Promise<void> {
  let at = Date.now();
  const created = await createOperations(simulatorUrl, options.count, options.subscriptions);
  const createdIn = Date.now() - at;
  at = Date.now();
  const search = new URLSearchParams({ view: options.view, ...(options.sort === "default" ? {} : { sort: options.sort }) });
  await watchAll(page, created.map((c) => c.ref), search.toString());
  await waitFor(page, `the dashboard did not show ${options.count} rows`, ROWS_TIMEOUT_MS, ({ row, count }) => document.querySelectorAll(row).length === count, options.count);
  const rowsIn = Date.now() - at;
  await waitFor(
    page,
    "not every row read its status",
    STATUS_TIMEOUT_MS,
    ({ row }) => document.querySelectorAll(`${row}[data-status-category="pending"]`).length === 0,
    options.count,
  );
  const statusIn = Date.now() - at;
  console.info(
    `setup      ${options.count} operations created in ${seconds(createdIn)}; signed in as ${ADA.username}; ` +
      `${options.count} rows ${seconds(rowsIn)} after the reload, every status read after ${seconds(statusIn)}`,
  );

  const view = await viewOnPage(page);
  if (view !== options.view) throw new Error(`asked for the ${options.view} view, the page shows ${view}`);
  console.info(`view       ${view} (measured), ?${search.toString()}`);

  const windowStart = Date.now();
  const durations = await observeLongTasks(page, options.seconds * 1000);
  const windowEnd = Date.now();
  const byStatus = await rowsByStatus(page);
  const times = await mapLimit(created, 25, (c) => requestTimes(simulatorUrl, c.id));
  const inWindow = times.flat().filter((t) => t >= windowStart && t <= windowEnd).length;

  console.info(`\nview ${view}, order ${options.sort}`);
  printLongTasks(longTaskStats(durations), options.seconds);
  const rows = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const statusText = Object.entries(byStatus)
    .sort((a, b) => b[1] - a[1])
    .map(([status, n]) => `${n} ${status}`)
    .join(", ");
  console.info(`\nin the window`);
  console.info(`  rows         ${rows} on screen at its end: ${statusText}`);
  console.info(`  requests     ${inWindow} reached the simulator (${(inWindow / ((windowEnd - windowStart) / 1000)).toFixed(1)}/s)`);
}

await runBench("bench:dashboard", OPTIONS, main);

/**
 * `npm run bench:bundle`: the JavaScript each page of the production build makes the browser download.
 *
 * Builds the app into .next-bench (or reuses that build while no bundled source is newer; `--rebuild` forces it),
 * starts the bench stack on loopback with the demo's operations, and loads in Chromium, with the cache disabled:
 * (a) the signed-out page, (b) the signed-in dashboard, (c) the permalink page of a demo operation. Each waits until
 * no script has been requested for 2 s. For every JavaScript response (chunks loaded later included) it prints the
 * size gzipped at level 9 and when it came, per page the totals, and whether recharts was downloaded before a chart
 * was on screen; then it scrolls to each chart and lists what that loads. It never fails on size: a non-zero exit
 * means the run itself broke.
 *
 * Each chunk is described only by what is certain: whether the build loads it on every page (its build manifest's
 * rootMainFiles), whether it holds recharts (recharts' class names in its text) and which chunks its code loads on
 * demand (Turbopack's loaders in its text). What share of a chunk each package makes up is not printed: Turbopack
 * names the modules in a production chunk by number, and no manifest of the build maps them back to packages (the
 * client reference manifests name only client components, by the chunks they need); a second analysis build
 * (`next analyze`) names its chunks differently, so it cannot be paired with this build's.
 */
import path from "node:path";
import type { Page } from "@playwright/test";
import { launchBrowser, newBenchContext } from "../lib/dev/bench/browser";
import { ensureBenchBuild } from "../lib/dev/bench/build";
import { chunkTable, kB, rechartsChunks, readBuildChunks, totals, totalsLine, type BuildChunks } from "../lib/dev/bench/bundle-report";
import { JsRecorder, type JsResponse } from "../lib/dev/bench/js-recorder";
import type { OptionSpec, ParsedOptions } from "../lib/dev/bench/options";
import { watchPageErrors } from "../e2e/fixtures/page-errors";
import { pageErrorsLine } from "../lib/dev/bench/page-errors";
import { BENCH_DIST_DIR } from "../lib/dev/bench/project";
import { demoWatchList } from "../lib/dev/demo-operations";
import { ROOT } from "../lib/dev/process/next-process";
import { signInAtHome } from "../lib/dev/bench/sign-in";
import { runBench } from "../lib/dev/bench/run";
import { startBenchStack } from "../lib/dev/bench/stack";

const OPTIONS = {
  rebuild: { kind: "flag", help: "build the app even when the last bench build is current" },
} as const satisfies OptionSpec;

/** The sections that hold a chart, on the dashboard and on an operation's page. */
const CHART_SECTIONS = [
  'section[aria-labelledby="timeline-heading"]',
  'section[aria-labelledby="progress-heading"]',
  'section[aria-labelledby="children-heading"]',
].join(", ");
const ROW = '[data-testid="operation-row"]';
/** The demo operation whose page has the most to show: children (a timeline) and percentComplete (a chart). */
const OPERATION_LABEL = "Nested operations";

interface PageLoad {
  title: string;
  since: number;
  responses: JsResponse[];
}

async function load(page: Page, recorder: JsRecorder, title: string, path: string, ready: (page: Page) => Promise<void>): Promise<PageLoad> {
  const mark = recorder.mark();
  const since = Date.now();
  await page.goto(path);
  await ready(page);
  if (!(await recorder.idle())) console.warn(`${title}: scripts were still loading after 30 s`);
  return { title: `${title}  ${path}`, since, responses: await recorder.since(mark) };
}

/** Waits up to 10 s for a chart section; a page without one (yet) is measured as it is. */
async function chartSectionShown(page: Page): Promise<void> {
  await page.locator(CHART_SECTIONS).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
}

function printLoad(result: PageLoad, build: BuildChunks): void {
  console.info(`\n${result.title}`);
  console.info(`  ${totalsLine(result.responses)}`);
  for (const line of chunkTable(result.responses, build, result.since)) console.info(line);
}

/**
 * Was recharts downloaded while no chart was on screen? Then scroll to each chart section in turn, waiting for its
 * chart to draw: what does that load?
 */
async function chartCheck(page: Page, recorder: JsRecorder, result: PageLoad, build: BuildChunks): Promise<number> {
  const state = await page.evaluate((selector) => {
    const rects = [...document.querySelectorAll(selector)].map((s) => s.getBoundingClientRect());
    return { count: rects.length, top: rects[0]?.top, onScreen: rects.some((r) => r.top < innerHeight && r.bottom > 0), viewport: innerHeight };
  }, CHART_SECTIONS);
  const recharts = rechartsChunks(result.responses);
  const rechartsGzip = totals(recharts).gzip;
  const loaded = `${recharts.length} recharts chunk${recharts.length === 1 ? "" : "s"} at load, ${kB(rechartsGzip)} kB gzip -9`;
  if (state.count === 0 || state.top === undefined) {
    console.info(`  charts: no chart section on this page (${loaded})`);
    return rechartsGzip;
  }
  const where = state.onScreen ? "on screen at load" : `below the fold (top at ${Math.round(state.top)} px, viewport ${state.viewport} px)`;
  console.info(`  charts: ${state.count} chart section${state.count === 1 ? "" : "s"}, the first ${where}`);
  console.info(`  recharts loaded before a chart was on screen: ${!state.onScreen && recharts.length > 0 ? "YES" : "no"} (${loaded})`);
  const mark = recorder.mark();
  const since = Date.now();
  const drawn: boolean[] = [];
  for (let i = 0; i < state.count; i++) {
    const section = page.locator(CHART_SECTIONS).nth(i);
    await section.scrollIntoViewIfNeeded();
    drawn.push(await section.locator(".recharts-surface").first().waitFor({ timeout: 20_000 }).then(() => true, () => false));
  }
  await recorder.idle();
  const after = await recorder.since(mark);
  const drew = drawn.filter(Boolean).length;
  console.info(`  after scrolling to each (${drew} of ${state.count} charts drawn within 20 s): ${totalsLine(after)}`);
  for (const line of after.length > 0 ? chunkTable(after, build, since, "    ") : []) console.info(line);
  return rechartsGzip;
}

async function main(options: ParsedOptions<typeof OPTIONS>): Promise<void> {
  console.info("bench:bundle: the JavaScript each page downloads (production build, Chromium, cache disabled)");
  const build = await ensureBenchBuild({ rebuild: options.rebuild });
  console.info(`build      ${build.summary}`);
  const chunks = readBuildChunks(path.join(ROOT, BENCH_DIST_DIR));
  console.info("sizes      gzip -9 of each response body, computed here (the server gzips too: its bytes are 'on the wire'); kB = 1000 bytes");

  const stack = await startBenchStack({ seedDemo: true });
  const demo = stack.local.simulator.demo;
  const operation = demo.find((s) => s.label?.startsWith(OPERATION_LABEL)) ?? demo[0];
  if (operation === undefined) throw new Error("the simulator seeded no demo operation");
  console.info(`stack      app ${stack.appOrigin}, simulator ${stack.local.simulator.url} (${demo.length} demo operations), sign-in ${stack.local.signin.issuer}`);

  const browser = await launchBrowser();
  const context = await newBenchContext(browser, stack.appOrigin);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const recorder = new JsRecorder(page);
  const errors = watchPageErrors(page);

  const summary: { title: string; files: number; gzip: number; recharts: number | undefined }[] = [];
  const signedOut = await load(page, recorder, "(a) signed-out page", "/", (p) => p.getByRole("heading", { name: "Sign in to opwatch" }).waitFor());
  printLoad(signedOut, chunks);
  summary.push({ title: "(a) signed out", ...totals(signedOut.responses), recharts: undefined });

  await signInAtHome(page);
  const dashboard = await load(page, recorder, "(b) signed-in dashboard", "/", async (p) => {
    // Every operation a first visit watches (the simulator also holds the demo board's, which it does not).
    await p.locator(ROW).nth(demoWatchList(stack.local.simulator.url).length - 1).waitFor({ timeout: 30_000 });
    await chartSectionShown(p);
  });
  printLoad(dashboard, chunks);
  const dashboardRecharts = await chartCheck(page, recorder, dashboard, chunks);
  summary.push({ title: "(b) dashboard", ...totals(dashboard.responses), recharts: dashboardRecharts });

  const operationPage = await load(page, recorder, `(c) operation page (${operation.label ?? operation.id})`, operation.permalink, async (p) => {
    await p.locator("#operation-heading").waitFor({ timeout: 30_000 });
    await chartSectionShown(p);
  });
  printLoad(operationPage, chunks);
  const operationRecharts = await chartCheck(page, recorder, operationPage, chunks);
  summary.push({ title: "(c) operation page", ...totals(operationPage.responses), recharts: operationRecharts });

  console.info("\nsummary (at load, before any scrolling)");
  console.info(`  ${"page".padEnd(22)}${"JS files".padStart(9)}${"gzip kB".padStart(9)}${"recharts kB".padStart(13)}`);
  for (const row of summary) {
    console.info(`  ${row.title.padEnd(22)}${String(row.files).padStart(9)}${kB(row.gzip).padStart(9)}${(row.recharts === undefined ? "-" : kB(row.recharts)).padStart(13)}`);
  }
  console.info(`\n${pageErrorsLine(errors)}`);
}

await runBench("bench:bundle", OPTIONS, main);

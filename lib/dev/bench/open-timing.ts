import type { Page } from "@playwright/test";

/**
 * How long opening one operation takes in the browser, from the navigation's start (a full load's time origin, or the
 * click that starts an in-app navigation) to its status text on the operation page, and where that time went. A
 * probe installed before any script of the page watches the DOM; Resource Timing tells when scripts and reads went.
 */

/** Times in ms from the navigation's start; undefined: it did not happen (or happened before the start). */
export interface OpenTiming {
  /** The page from the server: a full load's HTML, an in-app navigation's router payload (none when prefetched). */
  pageIn: number | undefined;
  /** The last script the page fetched before the operation's read left (from the cache, once warm). */
  scriptsIn: number | undefined;
  /** "Starting sign-in…" gone: MSAL initialized and the account known (a full load only). */
  signInReady: number | undefined;
  /** The signed-in views' chunk in ("Loading…" gone, the operation page's heading there). */
  pageShown: number | undefined;
  /** The operation's first read asked for (its token at hand). */
  readLeft: number | undefined;
  /** Its request on the wire (later than asked for while the browser queues it for a connection). */
  readSent: number | undefined;
  /** The first byte of its answer. */
  firstByte: number | undefined;
  /** Its answer in. */
  answerBack: number | undefined;
  /** Its status text in the DOM. */
  statusInDom: number;
  /** The frame after: on screen. */
  onScreen: number;
  /** Reads of other operations that left before this one. */
  readsAhead: number;
}

/** Installed on the context before the page's scripts: keeps the first time each thing was seen since `reset`. */
export const OPEN_PROBE_SCRIPT = `(() => {
  const probe = { start: 0, seen: {} };
  window.__openProbe = probe;
  probe.reset = (start) => { probe.start = start; probe.seen = {}; };
  const mark = (name) => { if (probe.seen[name] === undefined) probe.seen[name] = performance.now(); };
  const look = () => {
    const statuses = [...document.querySelectorAll('[role="status"]')].map((e) => e.textContent || "");
    const starting = statuses.some((t) => t.includes("Starting sign-in"));
    if (starting) probe.seen.startingShown = true;
    else if (probe.seen.startingShown) mark("signInReady");
    if (document.getElementById("operation-heading")) mark("pageShown");
    const badge = document.querySelector('section[aria-labelledby="operation-heading"] [data-testid="status-badge"]');
    const category = badge && badge.getAttribute("data-status-category");
    if (category && category !== "pending" && probe.seen.statusInDom === undefined) {
      mark("statusInDom");
      requestAnimationFrame(() => { mark("onScreen"); });
    }
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  addEventListener("click", () => { probe.reset(performance.now()); }, true);
})();`;

interface ProbeReading {
  start: number;
  /** When the document's HTML was in, on the page's clock. */
  documentIn: number;
  /** The page's path (the operation's permalink). */
  path: string;
  seen: Record<string, number | undefined>;
  resources: { name: string; initiatorType: string; startTime: number; requestStart: number; responseStart: number; responseEnd: number }[];
}

/** The probe's figures for the operation read at `readPath` (the proxy's path for it). */
export async function readOpenTiming(page: Page, readPath: string): Promise<OpenTiming> {
  await page.waitForFunction(() => (window as unknown as { __openProbe?: ProbeReading }).__openProbe?.seen.onScreen !== undefined, undefined, {
    timeout: 30_000,
  });
  const reading = await page.evaluate(() => {
    const probe = (window as unknown as { __openProbe: ProbeReading }).__openProbe;
    const resources = performance.getEntriesByType("resource").map((entry) => {
      const timing = entry as PerformanceResourceTiming;
      return {
        name: timing.name,
        initiatorType: timing.initiatorType,
        startTime: timing.startTime,
        requestStart: timing.requestStart,
        responseStart: timing.responseStart,
        responseEnd: timing.responseEnd,
      };
    });
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return { start: probe.start, seen: probe.seen, resources, documentIn: navigation?.responseEnd ?? 0, path: location.pathname };
  });
  return openTimingOf(reading, readPath);
}

function openTimingOf({ start, seen, resources, documentIn, path }: ProbeReading, readPath: string): OpenTiming {
  const since = (at: number | undefined) => (at === undefined || at < start ? undefined : at - start);
  const reads = resources.filter((r) => r.startTime >= start && new URL(r.name).pathname.startsWith("/api/"));
  const own = reads.find((r) => new URL(r.name).pathname === readPath);
  const leftAt = own?.startTime ?? Number.POSITIVE_INFINITY;
  const scripts = resources.filter((r) => r.startTime >= start && r.startTime <= leftAt && (r.initiatorType === "script" || r.name.endsWith(".js")));
  const lastScript = scripts.reduce<number | undefined>((latest, r) => Math.max(latest ?? 0, r.responseEnd), undefined);
  return {
    pageIn: start === 0 ? since(documentIn) : since(resources.find((r) => r.startTime >= start && new URL(r.name).pathname === path)?.responseEnd),
    scriptsIn: since(lastScript),
    signInReady: since(seen.signInReady),
    pageShown: since(seen.pageShown),
    readLeft: since(own?.startTime),
    readSent: since(own?.requestStart),
    firstByte: since(own?.responseStart),
    answerBack: since(own?.responseEnd),
    statusInDom: since(seen.statusInDom) ?? Number.NaN,
    onScreen: since(seen.onScreen) ?? Number.NaN,
    readsAhead: reads.filter((r) => r !== own && r.startTime < leftAt).length,
  };
}

const median = (values: readonly number[]): number | undefined => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const STEPS: readonly [keyof OpenTiming, string][] = [
  ["pageIn", "page in from the server"],
  ["scriptsIn", "scripts in"],
  ["signInReady", "sign-in ready (MSAL)"],
  ["pageShown", "operation page shown"],
  ["readLeft", "its read asked (token at hand)"],
  ["readSent", "its request on the wire"],
  ["firstByte", "first byte of its answer"],
  ["answerBack", "its answer back"],
  ["statusInDom", "status in the DOM"],
  ["onScreen", "status on screen (next frame)"],
];

/** The median of each step over the runs, and how many other reads left first. */
export function printOpenTimings(title: string, runs: readonly OpenTiming[]): void {
  const ms = (value: number | undefined) => (value === undefined ? "-" : `${value.toFixed(0)} ms`);
  const onScreen = runs.map((run) => run.onScreen);
  const sorted = [...onScreen].sort((a, b) => a - b);
  console.info(`\n${title}: ${runs.length} runs, to the status on screen median ${ms(median(onScreen))} (min ${ms(sorted[0])}, max ${ms(sorted.at(-1))})`);
  for (const [key, name] of STEPS) {
    const values = runs.map((run) => run[key]).filter((v): v is number => typeof v === "number");
    console.info(`  ${name.padEnd(31)}${ms(median(values)).padStart(8)}${values.length < runs.length ? `  (in ${values.length} of ${runs.length} runs)` : ""}`);
  }
  console.info(`  ${"reads of others that left first".padEnd(31)}${String(median(runs.map((run) => run.readsAhead)) ?? "-").padStart(8)}`);
}

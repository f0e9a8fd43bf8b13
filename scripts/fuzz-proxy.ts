/**
 * `npm run fuzz:proxy`: --runs (10,000) generated hostile requests over real HTTP against the app's production
 * server (lib/dev/bench/fuzz/arbitraries.ts says what they hold), measuring:
 * (a) upstream calls to hosts off the allow-list, target 0: the server runs with a preload
 *     (lib/dev/bench/fuzz/record-connections.mjs) that logs every outgoing request and connection it really makes;
 * (b) answers not in Azure's error shape, target 0: under /api every non-2xx answer must be JSON
 *     `{"error":{"code","message"}}`, a 2xx only for a valid route to the simulator, a redirect only to our origin
 *     (those are counted apart), and every request must be answered.
 * Builds into .next-load like `npm run bench:load` (--no-build reuses it). The per-client limits are lifted (the fuzz
 * checks answers, not limits) and OPWATCH_TRUSTED_PROXY_HOPS=1, so hostile X-Forwarded-For values are parsed.
 * Exits 1 when (a) or (b) is above 0 or the run breaks, 2 for a bad option. --seed repeats a run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { buildApp, startAppServer, startSimulatorProcess } from "../lib/dev/bench/api-stack";
import { onCleanup } from "../lib/dev/bench/cleanup";
import { checkAnswer, FAILING, VERDICTS, type Verdict } from "../lib/dev/bench/fuzz/answer-check";
import { fuzzRequest, type FuzzRequest } from "../lib/dev/bench/fuzz/arbitraries";
import { originTarget, parseConnectionLog, summarizeConnections } from "../lib/dev/bench/fuzz/connection-log";
import { sendFuzzRequest, type Sent } from "../lib/dev/bench/fuzz/send";
import { addToGroup, type Group } from "../lib/dev/bench/fuzz/signature";
import { jwtShapedBearer } from "../lib/dev/bench/jwt-shaped";
import type { OptionSpec } from "../lib/dev/bench/options";
import { ROOT } from "../lib/dev/process/next-process";
import { runBench } from "../lib/dev/bench/run";
import { mapLimit } from "../lib/dev/bench/simulator-client";
import { createScenario } from "../lib/dev/simulator/control-client";
import { AUDIENCES } from "../lib/dev/simulator/token-check";

const DIST_DIR = ".next-load";
const CONCURRENCY = 16;
/** Kinds of answer listed per verdict, most frequent first. */
const MAX_GROUPS = 8;
const PRELOAD = path.join(ROOT, "lib", "dev", "bench", "fuzz", "record-connections.mjs");

const OPTIONS = {
  "no-build": { kind: "flag", help: `reuse the build in ${DIST_DIR}` },
  runs: { kind: "int", min: 1, max: 1_000_000, default: 10_000, help: "requests to generate and send" },
  seed: { kind: "int", min: -1, max: 2 ** 31 - 1, default: -1, help: "fast-check seed; -1 picks one (printed)" },
} as const satisfies OptionSpec;

const running = { status: 200, body: { status: "InProgress", percentComplete: 10, startTime: "{{start}}" } };

const clip = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);

function describeExample(request: FuzzRequest, sent: Sent): string {
  const headers = Object.entries(request.headers)
    .filter(([name]) => name !== "accept")
    .map(([name, value]) => `${name}: ${clip(String(value), 60)}`)
    .join("; ");
  const answer =
    sent.kind === "answer"
      ? `${sent.status} ${String(sent.headers["content-type"] ?? "(no content-type)")}${sent.headers.location ? ` → ${String(sent.headers.location)}` : ""} ${clip(JSON.stringify(sent.body), 120)}`
      : `${sent.kind}: ${sent.reason}`;
  return `              e.g. ${request.method} ${clip(JSON.stringify(request.target))}\n                [${headers}]\n                => ${answer}`;
}

void runBench("fuzz:proxy", OPTIONS, async (options) => {
  const seed = options.seed >= 0 ? options.seed : Math.floor(Math.random() * 2 ** 31);
  console.info(await buildApp({ distDir: DIST_DIR, reuse: options["no-build"], apiOnly: false }));
  const simulator = await startSimulatorProcess();
  const created = await Promise.all([
    createScenario(simulator.url, { kind: "devops", label: "fuzz 1", steps: [{ afterMs: 0, ...running }] }),
    createScenario(simulator.url, { kind: "devops", label: "fuzz 2", steps: [{ afterMs: 0, ...running }] }),
    createScenario(simulator.url, { kind: "devcenter", label: "fuzz 3", steps: [{ afterMs: 0, ...running }] }),
  ]);

  const logDir = mkdtempSync(path.join(os.tmpdir(), "opwatch-fuzz-"));
  onCleanup(() => {
    rmSync(logDir, { recursive: true, force: true });
  });
  const connectionLog = path.join(logDir, "connections.log");
  writeFileSync(connectionLog, "");
  const app = await startAppServer({
    distDir: DIST_DIR,
    simulatorUrl: simulator.url,
    env: {
      NODE_OPTIONS: `--import ${pathToFileURL(PRELOAD).href}`,
      OPWATCH_FUZZ_CONNECTION_LOG: connectionLog,
      OPWATCH_TRUSTED_PROXY_HOPS: "1",
      OPWATCH_PROXY_RATE_PER_CLIENT: "1000000",
      OPWATCH_PROXY_BURST_PER_CLIENT: "1000000",
    },
  });

  const simulatorHost = new URL(simulator.url).host;
  const context = {
    appHost: new URL(app.url).host,
    simulatorHost,
    seededPaths: created.map((s) => s.proxyPath),
    authorization: jwtShapedBearer(AUDIENCES.devops),
  };
  const requests = fc.sample(fuzzRequest(context), { seed, numRuns: options.runs });
  console.info(`app on ${app.url} (log ${app.logFile}), simulator on ${simulator.url}; ${requests.length} requests, seed ${seed} (--seed ${seed} repeats them), ${CONCURRENCY} at a time`);

  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const byVerdict = new Map<Verdict | "unsendable", Map<string, Group>>();
  const startedAt = Date.now();
  await mapLimit(requests, CONCURRENCY, async (request) => {
    const sent = await sendFuzzRequest(app.port, request, agent, 15_000);
    const verdict = sent.kind === "unsendable" ? "unsendable" : checkAnswer(request, sent, { appOrigin: app.url, simulatorHost });
    const groups = byVerdict.get(verdict) ?? new Map<string, Group>();
    byVerdict.set(verdict, groups);
    addToGroup(groups, request, sent);
  });
  agent.destroy();
  const seconds = (Date.now() - startedAt) / 1000;
  const alive = await fetch(`${app.url}/api/health`).then(
    (r) => String(r.status),
    (error: unknown) => String(error),
  );

  console.info("");
  console.info(`${requests.length} requests in ${seconds.toFixed(0)} s (${(requests.length / seconds).toFixed(0)}/s); /api/health afterwards: ${alive}`);
  const count = (verdict: Verdict | "unsendable") => [...(byVerdict.get(verdict)?.values() ?? [])].reduce((sum, g) => sum + g.count, 0);
  const verdicts = [...Object.entries(VERDICTS), ["unsendable", "not sent: Node's client refused the generated value"]] as [Verdict | "unsendable", string][];
  for (const [verdict, text] of verdicts) {
    const failing = FAILING.has(verdict as Verdict);
    if (count(verdict) === 0 && !failing) continue;
    console.info(`  ${String(count(verdict)).padStart(6)}  ${text}${failing ? " [counts in (b)]" : ""}`);
    const groups = [...(byVerdict.get(verdict) ?? [])].sort((a, b) => b[1].count - a[1].count);
    for (const [signature, group] of groups.slice(0, MAX_GROUPS)) {
      console.info(`          ${String(group.count).padStart(6)} × ${signature}`);
      if (failing || verdict === "unsendable") console.info(describeExample(group.example.request, group.example.sent));
    }
    if (groups.length > MAX_GROUPS) console.info(`          … and ${groups.length - MAX_GROUPS} more kinds`);
  }

  const entries = parseConnectionLog(readFileSync(connectionLog, "utf8"));
  const allowed = new Set([originTarget(simulator.url)]);
  const connections = summarizeConnections(entries, allowed);
  if (entries.length === 0) throw new Error("the server's connection recorder logged nothing, not even the valid reads: the preload did not run");
  const failing = [...FAILING].reduce((sum, verdict) => sum + count(verdict), 0);

  console.info("");
  console.info(`upstream traffic seen in the server: ${[...connections.byVia].map(([via, n]) => `${via} ${n}`).join(", ")}; allow-list: ${[...allowed].join(", ")}`);
  console.info(`(a) upstream calls to hosts off the allow-list: ${connections.offListTotal} (target 0)`);
  for (const [target, n] of connections.offList) console.info(`      ${n} × ${target}`);
  console.info(`(b) answers not in Azure's error shape (bad 2xx, off-origin redirects and no answer included): ${failing} (target 0)`);
  if (connections.offListTotal > 0 || failing > 0) {
    console.info(`FAILED (seed ${seed})`);
    process.exitCode = 1;
  }
});

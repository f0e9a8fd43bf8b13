import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../process/next-process";
import { buildBundles } from "./child";
import { BENCH_DIST_DIR } from "./project";

/**
 * The production build the UI benches serve, in .next-bench: built once and reused while no source is newer. A stamp
 * written after a build of ours tells it apart from `npm run bench:proxy`'s API-only build in the same folder.
 */

const STAMP = "opwatch-bench-build.json";
/** What goes into the client and server bundles. Tests, what never ships (lib/dev) and the Markdown do not. */
const SOURCE_DIRS = ["app", "components", "lib"];
const SOURCE_FILES = ["next.config.mjs", "package.json", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];
const NOT_BUNDLED = [/\.test\.tsx?$/, /\.md$/, /^lib\/dev\//];

interface Stamp {
  buildId: string;
  /** When that build started (ms): a source changed after it makes the build stale. */
  startedAt: number;
}

export interface BuildOutcome {
  built: boolean;
  /** One line for the bench's output: built or reused, and why. */
  summary: string;
  buildId: string;
}

const distPath = (...parts: string[]) => path.join(ROOT, BENCH_DIST_DIR, ...parts);

function readBuildId(): string | undefined {
  try {
    return readFileSync(distPath("BUILD_ID"), "utf8").trim();
  } catch {
    return undefined;
  }
}

function readStamp(): Stamp | undefined {
  try {
    const value = JSON.parse(readFileSync(distPath(STAMP), "utf8")) as Partial<Stamp>;
    return typeof value.buildId === "string" && typeof value.startedAt === "number" ? { buildId: value.buildId, startedAt: value.startedAt } : undefined;
  } catch {
    return undefined;
  }
}

/** The newest bundled source file: its path relative to the root and its modification time. */
function newestSource(): { file: string; mtimeMs: number } {
  let newest = { file: "", mtimeMs: 0 };
  const consider = (relative: string) => {
    if (NOT_BUNDLED.some((pattern) => pattern.test(relative))) return;
    const mtimeMs = statSync(path.join(ROOT, relative)).mtimeMs;
    if (mtimeMs > newest.mtimeMs) newest = { file: relative, mtimeMs };
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (entry.isFile()) consider(relative);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(path.join(ROOT, dir))) walk(dir);
  for (const file of SOURCE_FILES) if (existsSync(path.join(ROOT, file))) consider(file);
  return newest;
}

/** Why the existing build cannot be reused, or undefined when it can. */
function staleReason(): string | undefined {
  const buildId = readBuildId();
  if (buildId === undefined) return `no build in ${BENCH_DIST_DIR} yet`;
  const stamp = readStamp();
  if (stamp?.buildId !== buildId) return `${BENCH_DIST_DIR} holds a build the UI benches did not make (bench:proxy's API-only build?)`;
  const newest = newestSource();
  if (newest.mtimeMs >= stamp.startedAt) return `${newest.file} changed after the last bench build`;
  return undefined;
}

async function build(logFile: string): Promise<void> {
  rmSync(distPath(STAMP), { force: true });
  const env = { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" };
  await buildBundles([], env, logFile);
}

/** Builds into .next-bench unless a build of ours is there and newer than every bundled source (`rebuild` forces it). */
export async function ensureBenchBuild(options: { rebuild: boolean }): Promise<BuildOutcome> {
  const reason = options.rebuild ? "--rebuild" : staleReason();
  if (reason === undefined) {
    const stamp = readStamp();
    const at = stamp ? new Date(stamp.startedAt).toISOString() : "?";
    return { built: false, summary: `reused the build in ${BENCH_DIST_DIR} (from ${at}; no bundled source is newer; --rebuild forces a build)`, buildId: readBuildId() ?? "" };
  }
  const logFile = path.join(os.tmpdir(), "opwatch-bench-build.log");
  writeFileSync(logFile, "");
  console.info(`building the app into ${BENCH_DIST_DIR} (log: ${logFile})...`);
  const startedAt = Date.now();
  await build(logFile);
  const buildId = readBuildId();
  if (buildId === undefined) throw new Error(`next build finished but left no ${BENCH_DIST_DIR}/BUILD_ID`);
  writeFileSync(distPath(STAMP), `${JSON.stringify({ buildId, startedAt } satisfies Stamp)}\n`);
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(0);
  return { built: true, summary: `built the app into ${BENCH_DIST_DIR} in ${seconds} s, because ${reason}`, buildId };
}

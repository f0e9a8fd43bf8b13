import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { exitCode, runNextCapture, startNext } from "./child";
import { packageOf } from "./chunk-packages";
import { BENCH_DIST_DIR, ROOT } from "./project";

/**
 * What each client chunk of the .next-bench build holds, by package, from `next analyze` (Turbopack's own module
 * graph of the same sources, written to .next-bench-analyze). Its chunk names differ from the build's, so chunks are
 * paired by position in the lists both keep of the chunks each client module needs (the build's client reference
 * manifests and root main files against the analysis's chunk groups), and what is left by size (within 2 %).
 */

interface ChunkContents {
  /** "position": paired through the chunk lists (exact); "size": paired by size alone (a close guess). */
  match: "position" | "size";
  /** Source bytes per package, largest first. */
  packages: { name: string; bytes: number }[];
}

export interface ChunkMap {
  version: number;
  buildId: string;
  chunks: Record<string, ChunkContents>;
}

/** Bumped when the pairing changes, so an older cached map is made again. */
const MAP_VERSION = 1;
const ANALYZE_DIST_DIR = ".next-bench-analyze";
const CACHE = "opwatch-bench-chunks.json";
const CLIENT_CHUNK = "[client-fs]/_next/static/chunks/";
const SIZE_TOLERANCE = 0.02;

const basename = (file: string) => file.split("/").at(-1) ?? file;
const isJs = (file: string) => file.endsWith(".js");
/** `[project]/components/x.tsx [app-client] (ecmascript)` and `... <module evaluation>` → `components/x.tsx`. */
const moduleKey = (ident: string) => (ident.split(" ")[0] ?? ident).replace(/^\[project\]\//, "");
/** A manifest's page, e.g. `/(app)/op/[kind]/[...segments]/page`, as the analysis names its route: `/op/[kind]/[...segments]`. */
const routeOf = (page: string) => page.replace(/\/page$/, "").replace(/\/\([^/]+\)/g, "") || "/";
/** The same module can need other chunks on another route: lists are compared per route. */
const listKey = (route: string, key: string) => `${route} ${key}`;

interface Analysis {
  /** Analysis chunk → source path → bytes. */
  parts: Map<string, Map<string, number>>;
  /** Route and module key (or "bootstrap") → the JS chunks of each group it triggers, in order. */
  groups: Map<string, string[][]>;
}

function readAnalysis(jsonLines: string): Analysis {
  const parts = new Map<string, Map<string, number>>();
  const groups = new Map<string, string[][]>();
  for (const line of jsonLines.split("\n")) {
    if (!line.startsWith("{")) continue;
    const record = JSON.parse(line) as Record<string, unknown>;
    if (record.type === "part" && typeof record.filename === "string" && record.filename.startsWith(CLIENT_CHUNK)) {
      const file = basename(record.filename);
      const sources = parts.get(file) ?? new Map<string, number>();
      sources.set(String(record.source_path), Number(record.size));
      parts.set(file, sources);
    } else if (record.type === "group" && Array.isArray(record.outputs)) {
      const key = listKey(String(record.route), record.kind === "bootstrap" ? "bootstrap" : moduleKey(String(record.trigger_module_ident)));
      const outputs = record.outputs.map(String).filter((f) => f.startsWith(CLIENT_CHUNK) && isJs(f)).map(basename);
      groups.set(key, [...(groups.get(key) ?? []), outputs]);
    }
  }
  return { parts, groups };
}

/** The build's own lists: route and module key (or "bootstrap") → the JS chunks it needs, in order. */
function readBuildLists(distDir: string): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  const manifest = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
  const rootMain = (manifest.rootMainFiles ?? []).filter(isJs).map(basename);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith("_client-reference-manifest.js")) {
        const match = /__RSC_MANIFEST\[("[^"]*")\]\s*=\s*(\{[\s\S]*\})\s*;?\s*$/.exec(readFileSync(full, "utf8"));
        if (match?.[1] === undefined || match[2] === undefined) continue;
        const route = routeOf(JSON.parse(match[1]) as string);
        lists.set(listKey(route, "bootstrap"), rootMain);
        const { clientModules } = JSON.parse(match[2]) as { clientModules?: Record<string, { chunks?: string[] }> };
        for (const [ident, entry] of Object.entries(clientModules ?? {})) {
          lists.set(listKey(route, moduleKey(ident)), (entry.chunks ?? []).filter(isJs).map(basename));
        }
      }
    }
  };
  walk(path.join(distDir, "server", "app"));
  return lists;
}

function pairChunks(analysis: Analysis, lists: Map<string, string[]>, builtFiles: string[]): Map<string, { analysis: string; match: ChunkContents["match"] }> {
  const candidates = new Map<string, Set<string>>();
  for (const [key, built] of lists) {
    for (const analysed of analysis.groups.get(key) ?? []) {
      if (analysed.length !== built.length) continue;
      built.forEach((file, i) => {
        const set = candidates.get(file) ?? new Set<string>();
        set.add(analysed[i] ?? "");
        candidates.set(file, set);
      });
    }
  }
  const pairs = new Map<string, { analysis: string; match: ChunkContents["match"] }>();
  const taken = new Set<string>();
  for (const [file, set] of candidates) {
    const only = set.size === 1 ? [...set][0] : undefined;
    if (only !== undefined && analysis.parts.has(only)) {
      pairs.set(file, { analysis: only, match: "position" });
      taken.add(only);
    }
  }
  const analysisSize = (file: string) => [...(analysis.parts.get(file)?.values() ?? [])].reduce((a, b) => a + b, 0);
  const freeAnalysis = [...analysis.parts.keys()].filter((f) => isJs(f) && !taken.has(f));
  const near = (a: number, b: number) => Math.abs(a - b) <= SIZE_TOLERANCE * Math.max(a, b);
  const sizes = new Map(builtFiles.map((file) => [file, statSync(path.join(ROOT, BENCH_DIST_DIR, "static", "chunks", file)).size]));
  for (const file of builtFiles) {
    if (pairs.has(file)) continue;
    const size = sizes.get(file) ?? 0;
    const matches = freeAnalysis.filter((f) => near(analysisSize(f), size));
    const only = matches.length === 1 ? matches[0] : undefined;
    // Unique both ways: no other unpaired chunk of the build is as close to it.
    if (only === undefined || builtFiles.some((other) => other !== file && !pairs.has(other) && near(sizes.get(other) ?? 0, analysisSize(only)))) continue;
    pairs.set(file, { analysis: only, match: "size" });
  }
  return pairs;
}

async function analyze(logFile: string): Promise<string> {
  const env = { ...process.env, NEXT_DIST_DIR: ANALYZE_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" };
  const code = await exitCode(startNext(["analyze", "--output"], env, logFile));
  if (code !== 0) throw new Error(`next analyze failed with exit code ${code}; see ${logFile}`);
  const exported = await runNextCapture(["analyze", "export", "--dist-dir", ANALYZE_DIST_DIR], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  if (exported.code !== 0) throw new Error(`next analyze export failed with exit code ${exported.code}: ${exported.stderr.slice(-500)}`);
  return exported.stdout;
}

/** The chunk map of the current .next-bench build: cached beside it, or made now with `next analyze` (about 30 s). */
export async function loadChunkMap(buildId: string): Promise<ChunkMap> {
  const distDir = path.join(ROOT, BENCH_DIST_DIR);
  const cache = path.join(distDir, CACHE);
  if (existsSync(cache)) {
    const cached = JSON.parse(readFileSync(cache, "utf8")) as ChunkMap;
    if (cached.version === MAP_VERSION && cached.buildId === buildId) return cached;
  }
  const logFile = path.join(os.tmpdir(), "opwatch-bench-analyze.log");
  writeFileSync(logFile, "");
  console.info(`analysing the chunks with next analyze into ${ANALYZE_DIST_DIR} (log: ${logFile})...`);
  const analysis = readAnalysis(await analyze(logFile));
  const builtFiles = readdirSync(path.join(distDir, "static", "chunks")).filter(isJs);
  const chunks: Record<string, ChunkContents> = {};
  for (const [file, pair] of pairChunks(analysis, readBuildLists(distDir), builtFiles)) {
    const byPackage = new Map<string, number>();
    for (const [source, bytes] of analysis.parts.get(pair.analysis) ?? []) {
      const name = packageOf(source);
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytes);
    }
    const packages = [...byPackage].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
    chunks[file] = { match: pair.match, packages };
  }
  const map: ChunkMap = { version: MAP_VERSION, buildId, chunks };
  writeFileSync(cache, `${JSON.stringify(map)}\n`);
  return map;
}

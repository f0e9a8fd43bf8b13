import { readFileSync } from "node:fs";
import path from "node:path";
import { holdsRecharts, onDemandChunks } from "./chunk-text";
import type { JsResponse } from "./js-recorder";

/** Printing what a page loaded: totals, then one line per chunk with what the build and its text say of it. */

export const kB = (bytes: number) => (bytes / 1000).toFixed(1);

/** The build's own facts about its chunks: those every page loads first (build-manifest.json's rootMainFiles). */
export interface BuildChunks {
  rootMain: ReadonlySet<string>;
}

export function readBuildChunks(distDir: string): BuildChunks {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
  return { rootMain: new Set((manifest.rootMainFiles ?? []).map((file) => file.split("/").at(-1) ?? file)) };
}

function describeChunk(response: JsResponse, build: BuildChunks): string {
  const notes: string[] = [];
  if (build.rootMain.has(response.file)) notes.push("every page (framework and runtime)");
  if (holdsRecharts(response.text)) notes.push("recharts");
  const onDemand = onDemandChunks(response.text);
  if (onDemand.length > 0) notes.push(`loads on demand: ${onDemand.join(", ")}`);
  return notes.length > 0 ? notes.join("; ") : "-";
}

export function rechartsChunks(responses: readonly JsResponse[]): JsResponse[] {
  return responses.filter((r) => holdsRecharts(r.text));
}

export function totals(responses: readonly JsResponse[]): { files: number; gzip: number; raw: number; wire: number | undefined } {
  const sum = (f: (r: JsResponse) => number) => responses.reduce((total, r) => total + f(r), 0);
  const wireKnown = responses.every((r) => r.wireBytes !== undefined && r.wireBytes > 0);
  return { files: responses.length, gzip: sum((r) => r.gzipBytes), raw: sum((r) => r.rawBytes), wire: wireKnown ? sum((r) => r.wireBytes ?? 0) : undefined };
}

export function totalsLine(responses: readonly JsResponse[]): string {
  if (responses.length === 0) return "no JavaScript";
  const t = totals(responses);
  const plain = responses.filter((r) => r.encoding === undefined).length;
  const encodings = [...new Set(responses.flatMap((r) => (r.encoding === undefined ? [] : [r.encoding])))].join("/") || "uncompressed";
  const wire = t.wire === undefined ? "" : `, ${kB(t.wire)} kB on the wire: ${encodings}${plain > 0 && plain < t.files ? `, ${plain} small file${plain === 1 ? "" : "s"} as is` : ""}`;
  return `${t.files} JS file${t.files === 1 ? "" : "s"}, ${kB(t.gzip)} kB gzip -9 (${kB(t.raw)} kB raw${wire})`;
}

/** One line per chunk, largest first; "at ms" counts from `since` (the navigation or the scroll). */
export function chunkTable(responses: readonly JsResponse[], build: BuildChunks, since: number, indent = "  "): string[] {
  const header = `${indent}${"file".padEnd(28)}${"gzip kB".padStart(8)}${"raw kB".padStart(8)}${"at ms".padStart(7)}  what it is`;
  const rows = [...responses]
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .map((r) => `${indent}${r.file.padEnd(28)}${kB(r.gzipBytes).padStart(8)}${kB(r.rawBytes).padStart(8)}${String(r.at - since).padStart(7)}  ${describeChunk(r, build)}`);
  return [header, ...rows];
}

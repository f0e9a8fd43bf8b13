import type { ChunkMap } from "./chunk-map";
import { guessPackages, loaderTargets } from "./chunk-packages";
import type { JsResponse } from "./js-recorder";

/** Printing what a page loaded: totals, then one line per chunk with what it holds. */

export const kB = (bytes: number) => (bytes / 1000).toFixed(1);

const percent = (part: number, whole: number) => `${whole > 0 ? Math.round((100 * part) / whole) : 0}%`;

/** What a chunk mostly holds: packages by share of its source bytes, with how sure that is. */
function describeChunk(response: JsResponse, map: ChunkMap | undefined): string {
  const targets = loaderTargets(response.text);
  if (targets !== undefined) return `loader: fetches ${targets.join(", ")} on demand`;
  const contents = map?.chunks[response.file];
  if (contents !== undefined) {
    const total = contents.packages.reduce((sum, p) => sum + p.bytes, 0);
    const shown = contents.packages.slice(0, 3).map((p) => `${p.name} ${percent(p.bytes, total)}`);
    if (contents.packages.length > 3) shown.push(`+${contents.packages.length - 3} more`);
    return `${contents.match === "size" ? "≈ " : ""}${shown.join(" · ")}`;
  }
  const guesses = guessPackages(response.text);
  return guesses.length > 0 ? `? has markers of ${guesses.join(", ")}` : "? unknown";
}

/** Whether a chunk carries recharts: by the analysis, else by the class names recharts renders. */
export function holdsRecharts(response: JsResponse, map: ChunkMap | undefined): boolean {
  return (map?.chunks[response.file]?.packages.some((p) => p.name === "recharts") ?? false) || response.text.includes("recharts-");
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
export function chunkTable(responses: readonly JsResponse[], map: ChunkMap | undefined, since: number, indent = "  "): string[] {
  const header = `${indent}${"file".padEnd(28)}${"gzip kB".padStart(8)}${"raw kB".padStart(8)}${"at ms".padStart(7)}  holds (share of source bytes)`;
  const rows = [...responses]
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .map((r) => `${indent}${r.file.padEnd(28)}${kB(r.gzipBytes).padStart(8)}${kB(r.rawBytes).padStart(8)}${String(r.at - since).padStart(7)}  ${describeChunk(r, map)}`);
  return [header, ...rows];
}

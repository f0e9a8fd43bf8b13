import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * The schema and everything that runs it stay out of the browser: `import "server-only"` makes `next build` fail if a
 * client component imports one of them. Only the browser's own modules (its config, zod's no-eval setting), the
 * plain types and the discovery and headroom settings' ranges (plain constants the benchmarks run) are exempt.
 */

const CLIENT_SAFE = new Set(["public-config.ts", "config-problem.ts", "proxy-config.ts", "zod-jitless.ts", "discovery-settings.ts", "headroom-settings.ts"]);
const dir = new URL("./", import.meta.url);
const modules = readdirSync(dir).filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name));

describe("lib/config's server modules", () => {
  it.each(modules.filter((name) => !CLIENT_SAFE.has(name)))("%s starts with import \"server-only\"", (name) => {
    expect(readFileSync(new URL(name, dir), "utf8").split("\n")[0]).toBe('import "server-only";');
  });

  it.each([...CLIENT_SAFE])("%s imports only types from the server modules", (name) => {
    const source = readFileSync(new URL(name, dir), "utf8");
    const valueImports = [...source.matchAll(/^import (?!type )[^;]*from "([^"]+)";/gm)].map((m) => m[1] ?? "");
    expect(valueImports.filter((from) => from.startsWith("./") || from.startsWith("@/lib/config/"))).toEqual([]);
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { RequiredServerFilesManifest } from "next/dist/build";
import { afterAll, afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";

/**
 * scripts/standalone-server.mjs starts Next as Next's own generated standalone server.js does: it reads the build's
 * configuration from `<distDir>/required-server-files.json` (`config`) and hands it over in Next's private setting
 * `__NEXT_PRIVATE_STANDALONE_CONFIG`, which makes Next take it as it is instead of loading a next.config (the
 * standalone folder has none, nor what one would import). Nothing public promises that, so these tests check it
 * against the installed `next` without a build (the e2e suite runs the server itself). When one fails after a Next
 * upgrade, read how Next's generated standalone server.js starts now (copyTracedFiles in next/dist/build/utils.js)
 * and change scripts/standalone-server.mjs to match.
 */

const SETTING = "__NEXT_PRIVATE_STANDALONE_CONFIG";
const WHAT_TO_CHECK =
  "Next changed how a standalone server hands it the build's configuration: compare scripts/standalone-server.mjs with the server.js that copyTracedFiles (next/dist/build/utils.js) writes";

const fromNext = createRequire(import.meta.url);
const nextSource = (file: string) => readFileSync(fromNext.resolve(`next/dist/${file}`), "utf8");
const { default: loadConfig } = fromNext("next/dist/server/config") as typeof import("next/dist/server/config");
const { PHASE_PRODUCTION_SERVER, SERVER_FILES_MANIFEST } = fromNext("next/dist/shared/lib/constants") as typeof import("next/dist/shared/lib/constants");
const ourServer = readFileSync(path.join(import.meta.dirname, "standalone-server.mjs"), "utf8");

/** A folder whose next.config throws when loaded: a configuration that was read would fail loudly. */
const folders: string[] = [];
function folderWithUnreadableConfig(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "opwatch-standalone-config-"));
  writeFileSync(path.join(dir, "next.config.mjs"), 'throw new Error("next.config.mjs was read");\n');
  folders.push(dir);
  return dir;
}

afterEach(() => {
  vi.unstubAllEnvs();
});
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe("the standalone server's contract with Next", () => {
  it("names the setting and the manifest file Next uses", () => {
    expect(ourServer, `scripts/standalone-server.mjs no longer sets ${SETTING}`).toMatch(new RegExp(`process\\.env\\.${SETTING}\\s*=\\s*JSON\\.stringify\\(config\\)`));
    expect(ourServer, `Next's manifest is now ${SERVER_FILES_MANIFEST}.json; ${WHAT_TO_CHECK}`).toContain(
      `const SERVER_FILES_MANIFEST = "${SERVER_FILES_MANIFEST}.json";`,
    );
    expect(ourServer, "scripts/standalone-server.mjs no longer reads `config` of the manifest").toMatch(
      /const \{ config \} = JSON\.parse\(readFileSync\(path\.join\(dir, distDir, SERVER_FILES_MANIFEST\)/,
    );
  });

  it("Next takes the whole configuration from the setting, as it is, and loads no next.config", async () => {
    const config = { distDir: ".next-e2e", output: "standalone", experimental: { isExperimentalCompile: false }, keptAsItIs: "yes" };
    vi.stubEnv(SETTING, JSON.stringify(config));
    const loaded = await loadConfig(PHASE_PRODUCTION_SERVER, folderWithUnreadableConfig()).catch((error: unknown) => {
      throw new Error(`with ${SETTING} set, Next still loaded next.config (${String(error)}). ${WHAT_TO_CHECK}`);
    });
    expect(loaded, `Next no longer uses ${SETTING} as the configuration. ${WHAT_TO_CHECK}`).toEqual(config);
  });

  it("without the setting Next loads next.config, so the case above shows the setting at work", async () => {
    await expect(loadConfig(PHASE_PRODUCTION_SERVER, folderWithUnreadableConfig())).rejects.toThrow("next.config.mjs was read");
  });

  it("Next's own standalone server passes the config of required-server-files.json in the same setting", () => {
    expect(nextSource("build/utils.js"), `Next's generated server.js no longer sets ${SETTING}. ${WHAT_TO_CHECK}`).toContain(
      `process.env.${SETTING} = JSON.stringify(nextConfig)`,
    );
    const build = nextSource("build/index.js");
    expect(build, `Next's build no longer writes its standalone server from the manifest's config. ${WHAT_TO_CHECK}`).toMatch(
      /copyTracedFiles\)\([^;]*requiredServerFiles\.config/,
    );
    expect(build, `The manifest's config no longer carries the build folder (distDir) the server looks for. ${WHAT_TO_CHECK}`).toMatch(
      /config: \{[^}]*distDir: buildDistDir/,
    );
    // Checked by `npm run typecheck`: the manifest's config is a whole runtime configuration naming its build folder.
    expectTypeOf<RequiredServerFilesManifest["config"]["distDir"]>().toEqualTypeOf<string>();
  });
});

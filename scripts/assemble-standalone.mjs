/**
 * The second half of `npm run build`: turns Next's `<distDir>/standalone` into a folder that runs by itself (what the
 * Dockerfile ships). Next leaves out the static assets and public/ (a CDN could serve them) and writes a server.js of
 * its own; this copies the assets in and puts scripts/standalone-server.mjs in place of that server.js.
 */
import { cpSync, copyFileSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import nextConfig from "../next.config.mjs";

const root = path.resolve(import.meta.dirname, "..");
// Read from the configuration itself (with the same environment as the build), so NEXT_DIST_DIR is interpreted once.
const distDir = nextConfig.distDir ?? ".next";
const built = path.join(root, distDir);
const standalone = path.join(built, "standalone");

function fail(message) {
  console.error(`assemble-standalone: ${message}`);
  process.exit(1);
}

// Next writes server.js and the build folder at the tracing root's path of the project: this checks it is the top.
if (!existsSync(path.join(standalone, distDir, "required-server-files.json")) || !existsSync(path.join(standalone, "server.js"))) {
  fail(`${path.relative(root, standalone)} holds no standalone build of this project: run \`next build\` first (output: "standalone")`);
}

if (!existsSync(path.join(built, "static"))) fail(`${distDir}/static is missing: the build did not finish`);
const staticTarget = path.join(standalone, distDir, "static");
rmSync(staticTarget, { recursive: true, force: true });
cpSync(path.join(built, "static"), staticTarget, { recursive: true });

const publicTarget = path.join(standalone, "public");
rmSync(publicTarget, { recursive: true, force: true });
if (existsSync(path.join(root, "public"))) cpSync(path.join(root, "public"), publicTarget, { recursive: true });

copyFileSync(fileURLToPath(import.meta.resolve("./standalone-server.mjs")), path.join(standalone, "server.js"));

console.info(`assembled ${path.relative(root, standalone)}: run \`node ${path.relative(root, path.join(standalone, "server.js"))}\``);

/**
 * `npm start`: runs the standalone server that `npm run build` assembled (`<distDir>/standalone/server.js`), in this
 * process, so signals reach it directly. The same server as the Docker image; PORT and HOSTNAME as it documents.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import nextConfig from "../next.config.mjs";

const distDir = nextConfig.distDir ?? ".next";
const standalone = path.resolve(import.meta.dirname, "..", distDir, "standalone");
const serverFile = path.join(standalone, "server.js");
// Without its static assets the folder came from a bare `next build`, whose server.js is Next's and serves no CSS or JS.
if (!existsSync(serverFile) || !existsSync(path.join(standalone, distDir, "static"))) {
  console.error(`npm start: no assembled ${path.relative(process.cwd(), standalone)}; run \`npm run build\` first`);
  process.exit(1);
}
await import(pathToFileURL(serverFile).href);

/**
 * opwatch's production server: `npm run build` copies this file to `<distDir>/standalone/server.js` in place of the one
 * Next generates, so `node .next/standalone/server.js` (and the Docker image's `node server.js`) runs it. Plain ESM
 * with nothing but Node and the traced `next`: the image has no tsx and no dev dependencies.
 *
 * It starts Next through its custom-server API with the configuration the build serialised, as Next's own generated
 * server does, and does one thing more before Next sees a request: it stamps the TCP peer's address into a header,
 * replacing any a client sent, because route handlers only see headers and the proxy's per-client limits need an
 * address nobody can forge.
 *
 * Env: PORT (3000), HOSTNAME (0.0.0.0; Docker sets it to the container id, so the Dockerfile sets it back),
 * KEEP_ALIVE_TIMEOUT (ms, Node's default when unset).
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";

/** Also named in lib/server/client-address.ts (SOCKET_ADDRESS_HEADER), which reads it: change both together. */
const SOCKET_ADDRESS_HEADER = "x-opwatch-socket-address";
const SERVER_FILES_MANIFEST = "required-server-files.json";
/**
 * Headers Next uses between its own parts (prefetch of middleware data, subrequests, route matches): a client that sends
 * them can make Next skip work or answer `200 {}` in place of a route, so they never come from outside.
 */
const NEXT_INTERNAL_HEADERS = ["x-middleware-prefetch", "x-middleware-subrequest", "x-middleware-invoke", "x-now-route-matches", "x-matched-path", "x-invoke-path", "x-invoke-query", "x-invoke-status", "x-invoke-error", "x-invoke-output"];
/**
 * Methods Next routes to our /api handlers (each answers 404 or 405 in Azure's shape); others (TRACE, QUERY, PROPFIND…)
 * Next answers itself with an empty 400 or a plain-text 500, so they are refused here in the shape the API promises.
 */
const ROUTED_METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]);
/** How long open requests may run on after SIGTERM before the process goes anyway (container stop grace is 10-30 s). */
const STOP_GRACE_MS = 8_000;

const dir = import.meta.dirname;

/** The build folder beside this file: the one child folder holding Next's server manifest (its name is the distDir). */
function findDistDir() {
  const found = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== "node_modules" && existsSync(path.join(dir, entry.name, SERVER_FILES_MANIFEST)))
    .map((entry) => entry.name);
  if (found.length !== 1) {
    console.error(`opwatch: expected one build folder with ${SERVER_FILES_MANIFEST} beside ${path.join(dir, "server.js")}, found ${found.length}; run \`npm run build\``);
    process.exit(1);
  }
  return found[0];
}

function readPort(raw) {
  if (raw === undefined || raw.trim() === "") return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`opwatch: PORT must be a port number from 0 to 65535, not "${raw}"`);
    process.exit(1);
  }
  return port;
}

const distDir = findDistDir();
const { config } = JSON.parse(readFileSync(path.join(dir, distDir, SERVER_FILES_MANIFEST), "utf8"));
const port = readPort(process.env.PORT);
const hostname = process.env.HOSTNAME || "0.0.0.0";
const keepAliveTimeout = Number.parseInt(process.env.KEEP_ALIVE_TIMEOUT ?? "", 10);

// As Next's generated server.js: production mode, paths relative to this folder, and the build's own configuration
// (which Next reads from this private variable instead of looking for a next.config file, absent here;
// scripts/standalone-server.test.ts fails when the installed Next no longer does).
process.env.NODE_ENV = "production";
process.chdir(dir);
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
// Next's id of this build, for /api/info (lib/server/build-info.ts, BUILD_ID_VARIABLE): route handlers cannot read it.
process.env.OPWATCH_BUILD_ID = readFileSync(path.join(dir, distDir, "BUILD_ID"), "utf8").trim();

// Required only now: Next reads the variables above as it loads.
const next = createRequire(import.meta.url)("next");
const app = next({ dev: false, dir, conf: config, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

/** The body lib/server/errors.ts gives MethodNotAllowed, for a method that never reaches its routes. */
function refuseMethod(req, res) {
  const method = String(req.method).slice(0, 40);
  const body = JSON.stringify({ error: { code: "MethodNotAllowed", message: `The method ${method} is not allowed here; this route answers GET only.` } });
  res.writeHead(405, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "x-ms-error-code": "MethodNotAllowed",
    allow: "GET",
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
  });
  res.end(body);
}

/** Whether Next will route the request under /api: its path after dot segments are resolved, as Next resolves them. */
// The same test as isApiPath in lib/server/api-path-guard.ts (this file runs before any TypeScript is loaded).
function isApiRequest(rawUrl) {
  let pathname;
  try {
    pathname = new URL(rawUrl ?? "/", "http://opwatch.invalid").pathname;
  } catch {
    return false;
  }
  return pathname === "/api" || pathname.startsWith("/api/");
}

const server = createServer((req, res) => {
  if (isApiRequest(req.url) && !ROUTED_METHODS.has(req.method ?? "")) {
    refuseMethod(req, res);
    return;
  }
  for (const name of NEXT_INTERNAL_HEADERS) Reflect.deleteProperty(req.headers, name);
  // Node joins repeated headers under one key, so this removes every copy a client sent.
  Reflect.deleteProperty(req.headers, SOCKET_ADDRESS_HEADER);
  const address = req.socket.remoteAddress;
  if (address !== undefined) req.headers[SOCKET_ADDRESS_HEADER] = address;
  handle(req, res).catch((error) => {
    console.error("opwatch: request failed", error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
if (Number.isFinite(keepAliveTimeout) && keepAliveTimeout >= 0) server.keepAliveTimeout = keepAliveTimeout;

server.on("error", (error) => {
  console.error(`opwatch: cannot listen on ${hostname}:${port}:`, error.message);
  process.exit(1);
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.info(`opwatch: ${signal}, stopping`);
  const forced = setTimeout(() => {
    server.closeAllConnections();
    process.exit(1);
  }, STOP_GRACE_MS);
  forced.unref();
  // close() stops accepting and waits for open requests; idle keep-alive sockets are closed by it (Node 19+).
  server.close(() => {
    void app.close().finally(() => process.exit(0));
  });
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

server.listen(port, hostname, () => {
  const bound = server.address();
  const where = typeof bound === "object" && bound !== null ? `${bound.address.includes(":") ? `[${bound.address}]` : bound.address}:${bound.port}` : String(bound);
  console.info(`opwatch ready on http://${where} (build ${distDir}, pid ${process.pid})`);
});

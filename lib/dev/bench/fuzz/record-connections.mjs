/**
 * Preloaded into the app's server by `npm run fuzz:proxy` (NODE_OPTIONS="--import <this file>"): appends every
 * outgoing HTTP request and every TCP or TLS connection the process opens to the file named by
 * OPWATCH_FUZZ_CONNECTION_LOG, one `via<TAB>host<TAB>port` line each, so the fuzzer counts what the server really
 * called rather than what its code meant to call.
 *
 * Two layers: http(s).request and .get (each request, before any DNS lookup, so a refused name is logged too), and
 * net.Socket's connect, which net.connect, tls.connect, every http Agent and fetch (undici) all go through, so a
 * connection made any other way is still seen. Plain JavaScript: the server runs it without tsx.
 */
import { appendFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";

const clean = (value) => String(value).replace(/[\t\n\r]/g, " ");

/** host and port of http.request's arguments: (url | options[, options][, callback]). */
function requestTarget(args, defaultPort) {
  let host = "localhost";
  let port = String(defaultPort);
  for (const arg of args.slice(0, 2)) {
    if (typeof arg === "string" || arg instanceof URL) {
      const url = new URL(arg);
      host = url.hostname;
      port = url.port || port;
    } else if (arg !== null && typeof arg === "object") {
      if (arg.socketPath) return { host: `unix:${arg.socketPath}`, port: "-" };
      host = arg.hostname ?? arg.host ?? host;
      if (arg.port !== undefined && arg.port !== null && arg.port !== "") port = String(arg.port);
    }
  }
  return { host, port };
}

/** host and port of Socket#connect's arguments: (options[, cb]), (port[, host][, cb]), (path[, cb]) or Node's own array. */
function connectTarget(args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first !== null && typeof first === "object") {
    if (first.path) return { host: `unix:${first.path}`, port: "-" };
    return { host: first.host ?? "localhost", port: String(first.port) };
  }
  if (typeof first === "string" && !/^\d+$/.test(first)) return { host: `unix:${first}`, port: "-" };
  return { host: typeof args[1] === "string" ? args[1] : "localhost", port: String(first) };
}

/** Installs the recording; returns a function that removes it (for the tests). */
export function recordConnections(logFile) {
  const write = (via, { host, port }) => {
    appendFileSync(logFile, `${via}\t${clean(host)}\t${clean(port)}\n`);
  };
  const restores = [];
  const wrap = (target, name, via, targetOf) => {
    const original = target[name];
    target[name] = function recorded(...args) {
      try {
        write(via, targetOf(args));
      } catch {
        write(via, { host: "unreadable-arguments", port: "-" });
      }
      return original.apply(this, args);
    };
    restores.push(() => {
      target[name] = original;
    });
  };
  wrap(http, "request", "http.request", (args) => requestTarget(args, 80));
  wrap(http, "get", "http.get", (args) => requestTarget(args, 80));
  wrap(https, "request", "https.request", (args) => requestTarget(args, 443));
  wrap(https, "get", "https.get", (args) => requestTarget(args, 443));
  wrap(net.Socket.prototype, "connect", "socket.connect", connectTarget);
  return () => {
    for (const restore of restores.reverse()) restore();
  };
}

const logFile = process.env.OPWATCH_FUZZ_CONNECTION_LOG;
if (logFile) recordConnections(logFile);

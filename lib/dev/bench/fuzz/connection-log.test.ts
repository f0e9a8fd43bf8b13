import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeHost, originTarget, parseConnectionLog, summarizeConnections } from "./connection-log";
import { recordConnections } from "./record-connections.mjs";

describe("parseConnectionLog", () => {
  it("reads one target per line in a single spelling per host", () => {
    const log = "http.request\t127.0.0.1\t4010\nsocket.connect\t[::1]\t80\nhttps.get\tEvil.COM.\t443\n\n";
    expect(parseConnectionLog(log)).toEqual([
      { via: "http.request", target: "127.0.0.1:4010" },
      { via: "socket.connect", target: "::1:80" },
      { via: "https.get", target: "evil.com:443" },
    ]);
  });

  it("keeps the one spelling normalizeHost gives", () => {
    expect(normalizeHost(" LocalHost. ")).toBe("localhost");
    expect(normalizeHost("[::FFFF:127.0.0.1]")).toBe("::ffff:127.0.0.1");
  });
});

describe("originTarget", () => {
  it("gives an origin's host:port, with the scheme's default port", () => {
    expect(originTarget("http://127.0.0.1:4010")).toBe("127.0.0.1:4010");
    expect(originTarget("https://x.devcenter.azure.com")).toBe("x.devcenter.azure.com:443");
    expect(originTarget("http://[::1]")).toBe("::1:80");
  });
});

describe("summarizeConnections", () => {
  it("counts every call per layer and the calls off the allow-list per target", () => {
    const entries = parseConnectionLog(
      ["http.request\t127.0.0.1\t4010", "socket.connect\t127.0.0.1\t4010", "http.request\tevil.com\t80", "socket.connect\tevil.com\t80", "http.request\tevil.com\t80"].join("\n"),
    );
    const summary = summarizeConnections(entries, new Set(["127.0.0.1:4010"]));
    expect(summary.byVia).toEqual(new Map([["http.request", 3], ["socket.connect", 2]]));
    expect(summary.offList).toEqual(new Map([["evil.com:80", 3]]));
    expect(summary.offListTotal).toBe(3);
  });
});

describe("record-connections.mjs, the server's preload", () => {
  let server: http.Server;
  let port: number;
  let dir: string;
  beforeAll(async () => {
    server = http.createServer((_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
    dir = mkdtempSync(path.join(os.tmpdir(), "opwatch-connections-"));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it("logs http.request, http.get and fetch to where they really went, and stops when removed", async () => {
    const logFile = path.join(dir, "log");
    const stop = recordConnections(logFile);
    try {
      const get = (call: (done: () => void) => http.ClientRequest) =>
        new Promise<void>((resolve, reject) => {
          call(resolve).on("error", reject);
        });
      await get((done) => http.get(`http://127.0.0.1:${port}/`, { agent: false }, (res) => res.resume().on("end", done)));
      await get((done) => http.request({ host: "127.0.0.1", port, path: "/", agent: false }, (res) => res.resume().on("end", done)).end());
      await (await fetch(`http://127.0.0.1:${port}/`)).text();
    } finally {
      stop();
    }
    await (await fetch(`http://127.0.0.1:${port}/`)).text();
    const entries = parseConnectionLog(readFileSync(logFile, "utf8"));
    const target = `127.0.0.1:${port}`;
    expect(entries.filter((e) => e.via === "http.get")).toEqual([{ via: "http.get", target }]);
    expect(entries.filter((e) => e.via === "http.request")).toEqual([{ via: "http.request", target }]);
    // One connection each for the two http calls (no agent to reuse one) and for fetch; none after stop().
    expect(entries.filter((e) => e.via === "socket.connect")).toEqual(Array.from({ length: 3 }, () => ({ via: "socket.connect", target })));
  });
});

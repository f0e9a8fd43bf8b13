import { gzipSync } from "node:zlib";
import type { Page, Request, Response } from "@playwright/test";

/**
 * Every JavaScript response a page receives, chunks loaded late included, with its size gzipped at level 9 (computed
 * here from the body, so figures compare across servers) and the bytes the server actually sent.
 */
export interface JsResponse {
  url: string;
  /** The file name, e.g. `3oybpmf53n826.js`. */
  file: string;
  /** When the response arrived (ms since the epoch). */
  at: number;
  text: string;
  rawBytes: number;
  gzipBytes: number;
  /** The encoded body as transferred; undefined when the browser did not report it. */
  wireBytes: number | undefined;
  /** The server's Content-Encoding, if any. */
  encoding: string | undefined;
}

const isScript = (request: Request, response?: Response) =>
  request.resourceType() === "script" || (response?.headers()["content-type"] ?? "").includes("javascript");

export class JsRecorder {
  private readonly responses: (JsResponse & { seq: number })[] = [];
  private seq = 0;
  private readonly pending = new Set<Promise<void>>();
  private inFlight = 0;
  private lastActivity = Date.now();

  constructor(page: Page) {
    page.on("request", (request) => {
      if (!isScript(request)) return;
      this.inFlight++;
      this.lastActivity = Date.now();
    });
    const settled = (request: Request) => {
      if (!isScript(request)) return;
      this.inFlight = Math.max(0, this.inFlight - 1);
      this.lastActivity = Date.now();
    };
    page.on("requestfinished", settled);
    page.on("requestfailed", settled);
    page.on("response", (response) => {
      if (!isScript(response.request(), response)) return;
      const work = this.record(response, this.seq++).finally(() => this.pending.delete(work));
      this.pending.add(work);
    });
  }

  private async record(response: Response, seq: number): Promise<void> {
    const at = Date.now();
    let body: Buffer;
    try {
      body = await response.body();
    } catch {
      // The browser may drop a body once the page navigates on; static chunks are immutable, so ask again.
      body = Buffer.from(await (await fetch(response.url())).arrayBuffer());
    }
    const sizes = await response.request().sizes().catch(() => undefined);
    const url = new URL(response.url());
    this.responses.push({
      seq,
      url: response.url(),
      file: url.pathname.split("/").at(-1) ?? url.pathname,
      at,
      text: body.toString("utf8"),
      rawBytes: body.length,
      gzipBytes: gzipSync(body, { level: 9 }).length,
      wireBytes: sizes?.responseBodySize,
      encoding: response.headers()["content-encoding"],
    });
  }

  /** A position to read from later with `since`. */
  mark(): number {
    return this.seq;
  }

  /** Waits until no script has been requested or in flight for `quietMs`; false when `timeoutMs` passed first. */
  async idle(quietMs = 2_000, timeoutMs = 30_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.inFlight === 0 && this.pending.size === 0 && Date.now() - this.lastActivity >= quietMs) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }

  /** Every response recorded from `mark` on, in order of arrival, once their bodies are read. */
  async since(mark: number): Promise<JsResponse[]> {
    await Promise.all([...this.pending]);
    return this.responses.filter((r) => r.seq >= mark).sort((a, b) => a.seq - b.seq);
  }
}

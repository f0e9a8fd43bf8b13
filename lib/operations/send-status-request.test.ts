import { describe, expect, it } from "vitest";
import { sampleDevopsRef } from "@/lib/dev/test-support/operation-fixtures";
import { sendStatusRequest } from "./send-status-request";

const NOW = Date.UTC(2026, 0, 1);

/** A fetch that answers only by failing when its signal aborts, as a server that never answers. */
const silent = ((_: RequestInfo | URL, init?: RequestInit) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener("abort", () => {
      reject(new DOMException("aborted", "AbortError"));
    });
  })) as typeof fetch;

const answering = (response: () => Response) => (() => Promise.resolve(response())) as typeof fetch;

describe("sendStatusRequest", () => {
  it("sends the status GET to the proxy with the token, and times the answer", async () => {
    const sent: { url: string; init: RequestInit | undefined }[] = [];
    const fetchImpl = ((input: RequestInfo | URL, init?: RequestInit) => {
      sent.push({ url: input instanceof Request ? input.url : input.toString(), init });
      return Promise.resolve(new Response('{"status":"InProgress"}', { status: 200 }));
    }) as typeof fetch;
    const clock = [NOW - 120, NOW];
    const received = await sendStatusRequest(sampleDevopsRef, "token-1", { fetchImpl, now: () => clock.shift() ?? NOW });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe("/api/devops/sub/rg/conn/op-1");
    expect(new Headers(sent[0]?.init?.headers).get("authorization")).toBe("Bearer token-1");
    expect(sent[0]?.init).toMatchObject({ method: "GET", cache: "no-store" });
    expect(received).toMatchObject({ body: { json: true, value: { status: "InProgress" } }, sentAt: NOW - 120, at: NOW });
  });

  it("keeps the first part of a body that is not JSON, and an empty body as empty text", async () => {
    const long = `<html>${"x".repeat(5_000)}</html>`;
    const html = await sendStatusRequest(sampleDevopsRef, "t", { fetchImpl: answering(() => new Response(long, { status: 502 })), now: () => NOW });
    expect(html).toMatchObject({ body: { json: false, text: long.slice(0, 2_000) } });
    const empty = await sendStatusRequest(sampleDevopsRef, "t", { fetchImpl: answering(() => new Response(null, { status: 204 })), now: () => NOW });
    expect(empty).toMatchObject({ body: { json: false, text: "" } });
  });

  it("gives up after its time limit with a Timeout read error", async () => {
    const result = await sendStatusRequest(sampleDevopsRef, "t", { fetchImpl: silent, timeoutMs: 500, now: () => NOW });
    expect(result).toMatchObject({
      outcome: "readError",
      response: undefined,
      error: { httpStatus: 0, responseStatus: undefined, code: "Timeout", message: "no answer within 1 s", at: NOW },
    });
  });

  it("reads a request that never reached the server as a NetworkError", async () => {
    const failing = (() => Promise.reject(new TypeError("Failed to fetch"))) as typeof fetch;
    const result = await sendStatusRequest(sampleDevopsRef, "t", { fetchImpl: failing, now: () => NOW });
    expect(result).toMatchObject({ outcome: "readError", error: { httpStatus: 0, code: "NetworkError" } });
  });

  it("throws when the caller cancelled, before sending or while waiting", async () => {
    const before = new AbortController();
    before.abort();
    await expect(sendStatusRequest(sampleDevopsRef, "t", { fetchImpl: silent, signal: before.signal })).rejects.toThrow();
    const during = new AbortController();
    const pending = sendStatusRequest(sampleDevopsRef, "t", { fetchImpl: silent, signal: during.signal });
    during.abort();
    await expect(pending).rejects.toThrow(/aborted/);
  });
});

import { describe, expect, it } from "vitest";
import type { OperationRef } from "@/lib/azure/operation-ref";
import { toPollRecord } from "@/lib/polling/poll-record";
import { fetchOperation } from "./fetch-operation";
import { sampleDevopsRef } from "@/lib/dev/test-support/operation-fixtures";

const ref: OperationRef = sampleDevopsRef;
const NOW = Date.UTC(2026, 0, 1);

interface Call {
  url: string;
  authorization: string | null;
}

function fakeFetch(responses: (() => Response)[]) {
  const calls: Call[] = [];
  const impl = (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    calls.push({ url: input instanceof Request ? input.url : input.toString(), authorization: headers.get("authorization") });
    const next = responses.shift();
    if (!next) return Promise.reject(new TypeError("no more responses"));
    return Promise.resolve(next());
  };
  return { calls, impl };
}

function tokens() {
  const requests: { kind: string; forceRefresh: boolean }[] = [];
  let n = 0;
  const get = (kind: "devops" | "devcenter", options?: { forceRefresh?: boolean }) => {
    requests.push({ kind, forceRefresh: options?.forceRefresh ?? false });
    n++;
    return Promise.resolve(`token-${n}`);
  };
  return { requests, get };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

describe("fetchOperation", () => {
  it("reads a status through the proxy with a bearer token", async () => {
    const f = fakeFetch([
      json(200, { status: "InProgress", percentComplete: 40, startTime: "2025-12-31T23:50:00Z" }, { "retry-after": "15", "x-ms-request-id": "req-1" }),
    ]);
    const t = tokens();
    const result = await fetchOperation(ref, t.get, { fetchImpl: f.impl, now: () => NOW });
    expect(f.calls).toEqual([{ url: "/api/devops/sub/rg/conn/op-1", authorization: "Bearer token-1" }]);
    expect(result.outcome).toBe("status");
    if (result.outcome !== "status") return;
    expect(result.operation.status).toBe("InProgress");
    expect(result.operation.percentComplete).toBe(40);
    expect(result.response.requestId).toBe("req-1");
    expect(result.response.retryAfterMs).toBe(15_000);
    expect(toPollRecord(result)).toEqual({
      at: NOW,
      outcome: "status",
      category: "running",
      status: "InProgress",
      percentComplete: 40,
      startTime: NOW - 600_000,
      retryAfterMs: 15_000,
      latencyMs: 0,
      requestId: "req-1",
    });
  });

  it("keeps the smallest remaining-reads bucket the response reports, on a status and on a throttled read", async () => {
    const f = fakeFetch([
      json(200, { status: "InProgress" }, {
        "x-ms-ratelimit-remaining-subscription-reads": "249",
        "x-ms-ratelimit-remaining-subscription-global-reads": "3700",
        "x-ms-ratelimit-remaining-tenant-reads": "81",
        "x-ms-ratelimit-remaining-subscription-writes": "2",
      }),
      json(429, { error: { code: "TooManyRequests", message: "slow down" } }, {
        "retry-after": "30",
        "x-ms-ratelimit-remaining-subscription-reads": "0",
      }),
    ]);
    const first = await fetchOperation(ref, tokens().get, { fetchImpl: f.impl, now: () => NOW });
    expect(first.response?.remainingReads).toBe(81);
    const throttled = await fetchOperation(ref, tokens().get, { fetchImpl: f.impl, now: () => NOW });
    expect(throttled.outcome).toBe("readError");
    expect(throttled.response?.remainingReads).toBe(0);
  });

  it("has no remaining reads when none is sent or the value is not a count", async () => {
    const f = fakeFetch([
      json(200, { status: "InProgress" }),
      json(200, { status: "InProgress" }, { "x-ms-ratelimit-remaining-subscription-reads": "plenty" }),
    ]);
    for (let i = 0; i < 2; i++) {
      const result = await fetchOperation(ref, tokens().get, { fetchImpl: f.impl, now: () => NOW });
      expect(result.outcome).toBe("status");
      expect(result.response).toHaveProperty("remainingReads", undefined);
    }
  });

  it("renews the token once on 401 and then reads", async () => {
    const f = fakeFetch([json(401, { error: { code: "AuthenticationRequired", message: "x" } }), json(200, { status: "Succeeded" })]);
    const t = tokens();
    const result = await fetchOperation(ref, t.get, { fetchImpl: f.impl, now: () => NOW });
    expect(t.requests).toEqual([
      { kind: "devops", forceRefresh: false },
      { kind: "devops", forceRefresh: true },
    ]);
    expect(f.calls[1]?.authorization).toBe("Bearer token-2");
    expect(result.outcome).toBe("status");
  });

  it("asks for sign-in after a second 401 and never shows the token", async () => {
    const f = fakeFetch([json(401, {}), json(401, {})]);
    const t = tokens();
    const result = await fetchOperation(ref, t.get, { fetchImpl: f.impl, now: () => NOW });
    expect(f.calls).toHaveLength(2);
    expect(result.outcome).toBe("readError");
    if (result.outcome !== "readError") return;
    expect(result.error.signInNeeded).toBe(true);
    expect(result.error.httpStatus).toBe(401);
    expect(JSON.stringify(result)).not.toContain("token-");
  });

  it("turns a token failure into a sign-in read error with a safe message", async () => {
    const f = fakeFetch([]);
    const failing = () => Promise.reject(new Error("interaction required; Bearer eyJabc.def.ghi"));
    const result = await fetchOperation(ref, failing, { fetchImpl: f.impl, now: () => NOW });
    expect(f.calls).toHaveLength(0);
    expect(result.outcome).toBe("readError");
    if (result.outcome !== "readError") return;
    expect(result.error.signInNeeded).toBe(true);
    expect(result.error.message).not.toContain("eyJ");
  });

  it("keeps Azure's error, its code header and Retry-After on a 503", async () => {
    const f = fakeFetch([
      json(
        503,
        { error: { code: "ServiceUnavailable", message: "try later", details: [{ code: "Inner", message: "deep" }] } },
        { "retry-after": "20", "x-ms-error-code": "ServiceUnavailable", "x-ms-correlation-request-id": "corr-1", "x-ms-client-request-id": "client-1" },
      ),
    ]);
    // The clock moves 250 ms between sending and having the body: that is the read's latency.
    const clock = [NOW - 250, NOW];
    const result = await fetchOperation(ref, tokens().get, { fetchImpl: f.impl, now: () => clock.shift() ?? NOW });
    expect(result.outcome).toBe("readError");
    if (result.outcome !== "readError") return;
    expect(result.error).toMatchObject({
      httpStatus: 503,
      code: "ServiceUnavailable",
      message: "try later",
      retryAfterMs: 20_000,
      correlationId: "corr-1",
      clientRequestId: "client-1",
      at: NOW,
    });
    expect(result.response).toMatchObject({ clientRequestId: "client-1", latencyMs: 250 });
    expect(result.error.errorTree?.details[0]?.code).toBe("Inner");
    expect(toPollRecord(result)).toEqual({
      at: NOW,
      outcome: "readError",
      httpStatus: 503,
      errorCode: "ServiceUnavailable",
      retryAfterMs: 20_000,
      latencyMs: 250,
      correlationId: "corr-1",
      clientRequestId: "client-1",
    });
  });

  it("reads an HTML 502 as a read error, not a crash", async () => {
    const f = fakeFetch([() => new Response("<html><body>Bad gateway</body></html>", { status: 502, headers: { "content-type": "text/html" } })]);
    const result = await fetchOperation(ref, tokens().get, { fetchImpl: f.impl, now: () => NOW });
    expect(result.outcome).toBe("readError");
    if (result.outcome !== "readError") return;
    expect(result.error.code).toBe("BadGateway");
    expect(result.error.message).toMatch(/not JSON, text\/html/);
    expect(result.response?.body).toContain("Bad gateway");
  });

  it("reads a malformed 200 body as a read error with httpStatus 0", async () => {
    const f = fakeFetch([() => new Response('{"status": "Runn', { status: 200 })]);
    const result = await fetchOperation(ref, tokens().get, { fetchImpl: f.impl, now: () => NOW });
    expect(result.outcome).toBe("readError");
    if (result.outcome !== "readError") return;
    expect(result.error).toMatchObject({ httpStatus: 0, responseStatus: 200, code: "MalformedResponse" });
  });

  it("reads a network failure as a read error", async () => {
    const f = fakeFetch([]);
    const result = await fetchOperation(ref, tokens().get, { fetchImpl: f.impl, now: () => NOW });
    expect(result.outcome).toBe("readError");
    if (result.outcome !== "readError") return;
    expect(result.error).toMatchObject({ httpStatus: 0, code: "NetworkError" });
  });

  it("rethrows when the caller cancels", async () => {
    const controller = new AbortController();
    const impl = ((_: RequestInfo | URL, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => {
          reject(new DOMException("aborted", "AbortError"));
        });
      })) as typeof fetch;
    const pending = fetchOperation(ref, tokens().get, { fetchImpl: impl, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow(/aborted/);
  });
});

describe("fetchOperation when something unexpected throws", () => {
  it("reports a read error instead of throwing", async () => {
    const impl = (() => Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve("{}"), get headers(): Headers { throw new Error("boom"); } })) as unknown as typeof fetch;
    const result = await fetchOperation(ref, () => Promise.resolve("t"), { fetchImpl: impl, now: () => NOW });
    expect(result.outcome).toBe("readError");
    if (result.outcome !== "readError") return;
    expect(result.error).toMatchObject({ httpStatus: 0, code: "ClientError", at: NOW });
    expect(result.error.message).toContain("boom");
  });
});

describe("fetchOperation when the token service is unreachable", () => {
  it("keeps polling (httpStatus 0) instead of asking for sign-in", async () => {
    const unavailable = () => Promise.reject(Object.assign(new Error("the sign-in service could not be reached"), { code: "unavailable" }));
    const result = await fetchOperation(ref, unavailable, { fetchImpl: fakeFetch([]).impl, now: () => NOW });
    expect(result.outcome).toBe("readError");
    if (result.outcome !== "readError") return;
    expect(result.error).toMatchObject({ httpStatus: 0, code: "TokenUnavailable", signInNeeded: false });
  });
});

import { describe, expect, it, vi } from "vitest";
import { AccessTokenError } from "@/lib/auth/auth-errors";
import type { GetAccessToken } from "@/lib/auth/use-get-access-token";
import type { DiscoveryListRequest } from "@/lib/azure/discovery-lists";
import { fetchList } from "./fetch-list";

const T = Date.UTC(2026, 11, 7, 12);
const HOST = "t1-dc.westus3.devcenter.azure.com";
const boxes: DiscoveryListRequest = { list: "devboxes", endpointHost: HOST };
const token: GetAccessToken = () => Promise.resolve("tok");
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
const options = (fetchImpl: typeof fetch) => ({ fetchImpl, now: () => T });

describe("fetchList", () => {
  it("GETs the proxy's list path with the DevCenter token and hands on the body", async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(json(200, { value: [] }, { "x-ms-ratelimit-remaining-subscription-reads": "17" })));
    const next: DiscoveryListRequest = { ...boxes, nextLink: `https://${HOST}/users/me/devboxes?$skipToken=a` };
    const getToken = vi.fn<GetAccessToken>(() => Promise.resolve("tok"));
    expect(await fetchList(next, getToken, options(fetchImpl))).toEqual({ answer: { ok: true, body: { value: [] } }, at: T, remainingReads: 17 });
    expect(getToken).toHaveBeenCalledWith("devcenter", undefined);
    const [url, init] = fetchImpl.mock.calls[0] ?? [];
    expect(url).toBe(`/api/discovery/${HOST}/devboxes?nextLink=${encodeURIComponent(next.nextLink ?? "")}`);
    expect(init?.headers).toMatchObject({ Authorization: "Bearer tok" });
  });

  it("hands on what a DevCenter answer says of its per-minute window, for the endpoint's budget", async () => {
    const headers = { "x-rate-limit-limit": "1m", "x-rate-limit-remaining": "250", "x-rate-limit-reset": "2026-12-07T12:00:30Z" };
    const read = await fetchList(boxes, token, options(() => Promise.resolve(json(200, { value: [] }, headers))));
    expect(read.rateWindow).toEqual({ remaining: 250, count: undefined, windowMs: 60_000, resetAt: T + 30_000 });
    const throttled = await fetchList(boxes, token, options(() => Promise.resolve(json(429, {}, { ...headers, "x-rate-limit-remaining": "0" }))));
    expect(throttled.rateWindow?.remaining).toBe(0);
  });

  it("reads Azure's (and the proxy's) error shape with Retry-After", async () => {
    const throttled = json(429, { error: { code: "TooManyRequests", message: "slow down" } }, { "retry-after": "30" });
    expect((await fetchList(boxes, token, options(() => Promise.resolve(throttled)))).answer).toEqual({
      ok: false,
      httpStatus: 429,
      code: "TooManyRequests",
      message: "slow down",
      retryAfterMs: 30_000,
    });
    const refused = new Response("<html>", { status: 403 });
    expect((await fetchList(boxes, token, options(() => Promise.resolve(refused)))).answer).toMatchObject({ httpStatus: 403, code: "Http403" });
  });

  it("makes no answer status 0, and an unreadable 200 a failure", async () => {
    const offline = await fetchList(boxes, token, options(() => Promise.reject(new TypeError("fetch failed"))));
    expect(offline.answer).toMatchObject({ ok: false, httpStatus: 0, code: "NetworkError" });
    const garbled = await fetchList(boxes, token, options(() => Promise.resolve(new Response("nope", { status: 200 }))));
    expect(garbled.answer).toMatchObject({ ok: false, httpStatus: 0, code: "InvalidResponse" });
  });

  it("renews a refused token once; a second refusal, or a token only the person can give, is a 401 to sign in", async () => {
    const getToken = vi.fn<GetAccessToken>(() => Promise.resolve("tok"));
    const answers = [json(401, { error: { code: "Unauthorized", message: "expired" } }), json(200, { value: [1] })];
    const renewed = await fetchList(boxes, getToken, options(() => Promise.resolve(answers.shift() ?? json(500, {}))));
    expect(renewed.answer).toEqual({ ok: true, body: { value: [1] } });
    expect(getToken).toHaveBeenLastCalledWith("devcenter", { forceRefresh: true });

    const twice = await fetchList(boxes, token, options(() => Promise.resolve(json(401, {}))));
    expect(twice.answer).toMatchObject({ ok: false, httpStatus: 401, code: "AuthenticationRequired" });

    const needsPerson: GetAccessToken = () => Promise.reject(new AccessTokenError("signInRequired", "Sign in again.", "devcenter"));
    expect((await fetchList(boxes, needsPerson, options(() => Promise.resolve(json(200, {}))))).answer).toMatchObject({ httpStatus: 401, code: "SignInNeeded" });
    const offline: GetAccessToken = () => Promise.reject(new AccessTokenError("unavailable", "offline", "devcenter"));
    expect((await fetchList(boxes, offline, options(() => Promise.resolve(json(200, {}))))).answer).toMatchObject({ httpStatus: 0, code: "TokenUnavailable" });
  });
});

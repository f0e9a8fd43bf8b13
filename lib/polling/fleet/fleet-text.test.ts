import { describe, expect, it } from "vitest";
import type { ReadReason } from "../read-reasons";
import type { FleetStatus, NextRead, ReadHold, ScopeStatus } from "./fleet-status";
import { allPausedNotice, nextReadSentence, nextReadShort, refreshHoldSentence, refreshStateOf, scopeNotice } from "./fleet-text";

const NOW = Date.UTC(2026, 10, 28, 12);
const scope = (over: Partial<ScopeStatus> = {}): ScopeStatus => ({
  id: "devops:sub-1",
  kind: "devops",
  name: "sub-1",
  budgetPerSecond: 5,
  ratePerSecond: 5,
  remainingReads: undefined,
  pause: undefined,
  waiting: 0,
  ...over,
});
const status = (scopes: ScopeStatus[], over: Partial<FleetStatus> = {}): FleetStatus => ({ at: NOW, allPaused: undefined, scopes, next: {}, ...over });

describe("scope notices", () => {
  it("say nothing while reads run as budgeted", () => {
    expect(scopeNotice(scope({ waiting: 40 }), NOW)).toBeUndefined();
  });

  it("say a scope is paused, for how long, and why", () => {
    const paused = scope({ pause: { until: NOW + 12_000, cause: "throttled", httpStatus: 429 }, waiting: 3 });
    expect(scopeNotice(paused, NOW)).toBe("Reads for subscription sub-1 paused 12 s: Azure asked us to wait (too many requests). 3 reads wait.");
    expect(scopeNotice({ ...paused, pause: { until: NOW + 500, cause: "unavailable", httpStatus: 503 }, waiting: 1 }, NOW)).toBe(
      "Reads for subscription sub-1 paused 1 s: Azure said the service is unavailable for now. 1 read wait.",
    );
    // Once the pause is over, it is not shown.
    expect(scopeNotice(paused, NOW + 12_000)).toBeUndefined();
  });

  it("say a scope is slowed and what Azure reported", () => {
    expect(scopeNotice(scope({ kind: "devcenter", name: "dc.example", ratePerSecond: 0.5, remainingReads: 1 }), NOW)).toBe(
      "Reads for endpoint dc.example slowed to 0.5/s (budget 5/s). Azure reports 1 read left, shared with your other tools.",
    );
  });

  it("say when the opwatch server paused every read", () => {
    const all = status([], { allPaused: { until: NOW + 30_000, httpStatus: 429, code: "ProxyRateLimited" } });
    expect(allPausedNotice(all, NOW)).toBe("Every read paused 30 s: the opwatch server asked this browser to slow down (ProxyRateLimited).");
    expect(allPausedNotice(all, NOW + 30_000)).toBeUndefined();
  });
});

describe("why the next read is when it is", () => {
  const fleet = status([scope()]);
  it("names the cause, the time and the scope", () => {
    expect(nextReadSentence({ at: NOW + 3000, cause: "scheduled", reason: { kind: "predictedFinish" }, scopeId: "devops:sub-1" }, fleet, NOW)).toBe(
      "Next read in 3 s: timed just after the predicted finish.",
    );
    expect(nextReadSentence({ at: NOW + 20_000, cause: "scopePaused", scopeId: "devops:sub-1" }, fleet, NOW)).toBe(
      "Next read in 20 s: reads for subscription sub-1 are paused because Azure asked us to wait.",
    );
    expect(nextReadSentence({ at: NOW + 200, cause: "budget", ahead: 4, scopeId: "devops:sub-1" }, fleet, NOW)).toBe(
      "Due now: waiting for the read budget of subscription sub-1, 4 reads first.",
    );
    expect(nextReadSentence({ at: NOW + 200, cause: "budget", ahead: 1, scopeId: "devops:sub-1" }, fleet, NOW)).toBe(
      "Due now: waiting for the read budget of subscription sub-1, 1 read first.",
    );
    expect(nextReadSentence({ at: NOW + 200, cause: "budget", ahead: 0, scopeId: "devops:sub-1" }, fleet, NOW)).toBe(
      "Due now: next in line for the read budget of subscription sub-1.",
    );
    expect(nextReadSentence({ at: undefined, cause: "busy", inFlight: 6, scopeId: "devops:sub-1" }, fleet, NOW)).toBe(
      "Due now: waiting for one of the 6 reads in flight to end.",
    );
    expect(nextReadSentence({ at: NOW + 30_000, cause: "allPaused", code: "ProxyRateLimited", scopeId: "devops:sub-1" }, fleet, NOW)).toBe(
      "Next read in 30 s: the opwatch server asked this browser to slow down (ProxyRateLimited).",
    );
    expect(nextReadSentence({ at: undefined, cause: "stopped", stop: { kind: "ended", category: "succeeded" }, scopeId: "devops:sub-1" }, fleet, NOW)).toBe(
      "Polling stopped: operation succeeded.",
    );
    expect(nextReadSentence({ at: undefined, cause: "stopped", stop: { kind: "refused", httpStatus: 403 }, scopeId: "devops:sub-1" }, fleet, NOW)).toBe(
      "Polling stopped: this account is not allowed to read this operation.",
    );
  });

  it("says it in a few words for a row", () => {
    expect(nextReadShort({ at: NOW + 20_000, cause: "scopePaused", scopeId: "x" }, NOW)).toBe("in 20 s (paused)");
    expect(nextReadShort({ at: NOW + 200, cause: "budget", ahead: 3, scopeId: "x" }, NOW)).toBe("due, queued");
    expect(nextReadShort({ at: NOW + 7000, cause: "scheduled", reason: { kind: "age" }, scopeId: "x" }, NOW)).toBe("in 7 s");
    expect(nextReadShort({ at: undefined, cause: "reading", scopeId: "x" }, NOW)).toBe("now");
  });

  it.each<[ReadReason, string]>([
    [{ kind: "firstRead" }, "the first read"],
    [{ kind: "requested" }, "you asked for a read"],
    [{ kind: "age" }, "timed by the operation's age (young operations are read more often)"],
    [{ kind: "predictedFinish" }, "timed just after the predicted finish"],
    [{ kind: "predictedFinishFar" }, "the predicted finish is still far off"],
    [{ kind: "pastPredictedFinish" }, "past the predicted finish, so read more often"],
    [{ kind: "retryAfter" }, "as Azure's Retry-After asked"],
    [{ kind: "openPage", maxIntervalMs: 5000 }, "read at least every 5 s while this page is open"],
    [{ kind: "backoff", readErrors: 1 }, "backoff after 1 read error"],
    [{ kind: "backoff", readErrors: 2 }, "backoff after 2 read errors"],
  ])("gives the schedule's reason %j in words", (reason, words) => {
    expect(nextReadSentence({ at: NOW + 9000, cause: "scheduled", reason, scopeId: "x" }, undefined, NOW)).toBe(`Next read in 9 s: ${words}.`);
  });
});

describe("refresh now", () => {
  const scheduled = (hold?: ReadHold): NextRead => ({ at: NOW + 5000, cause: "scheduled", reason: { kind: "openPage", maxIntervalMs: 5000 }, scopeId: "devops:sub-1", hold });

  it("is ready when only the schedule waits, and while nothing is known yet", () => {
    expect(refreshStateOf(scheduled(), NOW)).toEqual({ state: "ready" });
    expect(refreshStateOf(undefined, NOW)).toEqual({ state: "ready" });
  });

  it("waits for Retry-After or a pause until it has passed, and does nothing while reading or stopped", () => {
    const hold = { until: NOW + 12_000, cause: "retryAfter" as const };
    expect(refreshStateOf(scheduled(hold), NOW)).toEqual({ state: "held", hold });
    expect(refreshStateOf(scheduled(hold), NOW + 12_000)).toEqual({ state: "ready" });
    expect(refreshStateOf({ at: undefined, cause: "reading", scopeId: "devops:sub-1" }, NOW)).toEqual({ state: "reading" });
    const stop = { kind: "ended", category: "succeeded" } as const;
    expect(refreshStateOf({ at: undefined, cause: "stopped", stop, scopeId: "devops:sub-1" }, NOW)).toEqual({ state: "stopped" });
  });

  it("says until when, and why", () => {
    const at = new Date(NOW + 12_000);
    const clock = [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
    expect(refreshHoldSentence({ until: NOW + 12_000, cause: "retryAfter" }, "devops:sub-1", undefined, NOW)).toBe(
      `Refresh allowed in 12 s (at ${clock}): Azure asked not to read this operation before then (Retry-After).`,
    );
    expect(refreshHoldSentence({ until: NOW + 12_000, cause: "scopePaused" }, "devops:sub-1", status([scope()]), NOW)).toContain(
      "reads for subscription sub-1 are paused",
    );
    expect(refreshHoldSentence({ until: NOW + 12_000, cause: "allPaused" }, "devops:sub-1", undefined, NOW)).toContain("opwatch server");
  });
});

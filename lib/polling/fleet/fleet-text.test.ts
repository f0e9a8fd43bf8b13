import { describe, expect, it } from "vitest";
import type { ReadReason } from "../read-reasons";
import type { FleetStatus, NextRead, ReadHold, ScopeStatus } from "./fleet-status";
import { allPausedNotice, budgetNotices, headroomText, nextReadSentence, nextReadShort, refreshHoldSentence, refreshStateOf, scopeNotice } from "./fleet-text";

const NOW = Date.UTC(2026, 10, 28, 12);
const SUBSCRIPTION = "3f9b6c1e-8a2d-4e7f-b5c0-d41a9e2f6b83";
const scope = (over: Partial<ScopeStatus> = {}): ScopeStatus => ({
  id: "devops:sub-1",
  kind: "devops",
  name: SUBSCRIPTION,
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
    expect(scopeNotice(paused, NOW)).toBe("Reads for sub 3f9b6…b83 paused 12 s: Azure asked us to wait (too many requests). 3 reads wait.");
    expect(scopeNotice({ ...paused, pause: { until: NOW + 500, cause: "unavailable", httpStatus: 503 }, waiting: 1 }, NOW)).toBe(
      "Reads for sub 3f9b6…b83 paused 1 s: Azure said the service is unavailable for now. 1 read wait.",
    );
    // Once the pause is over, it is not shown.
    expect(scopeNotice(paused, NOW + 12_000)).toBeUndefined();
  });

  it("say a scope is slowed and what Azure reported", () => {
    expect(scopeNotice(scope({ kind: "devcenter", name: "dc.example", ratePerSecond: 0.5, remainingReads: 1 }), NOW)).toBe(
      "Reads for endpoint dc.example slowed to 0.5/s (budget 5/s). Azure reports 1 read left, shared with your other tools.",
    );
  });

  it("name an endpoint by its short host", () => {
    const host = "8a40af38-3b4c-4672-a6a4-5e964b1870ed-contoso-dc.westus3.devcenter.azure.com";
    expect(scopeNotice(scope({ kind: "devcenter", name: host, ratePerSecond: 0.5 }), NOW)).toBe(
      "Reads for endpoint contoso-dc.westus3 slowed to 0.5/s (budget 5/s).",
    );
  });

  it("say when the opwatch server paused every read", () => {
    const all = status([], { allPaused: { until: NOW + 30_000, httpStatus: 429, code: "ProxyRateLimited" } });
    expect(allPausedNotice(all, NOW)).toBe("Every read paused 30 s: the opwatch server asked this browser to slow down (ProxyRateLimited).");
    expect(allPausedNotice(all, NOW + 30_000)).toBeUndefined();
  });
});

describe("the headroom word", () => {
  it("says when a scope reads above its budget on idle capacity, with the rate", () => {
    expect(headroomText("devops:sub-1", status([scope({ ratePerSecond: 11 })]), NOW)).toBe("Using idle read capacity: 11/s.");
    expect(headroomText("devops:sub-1", status([scope({ ratePerSecond: 12.5 })]), NOW)).toBe("Using idle read capacity: 12.5/s.");
  });

  it("says nothing at or below the budget, while the scope is paused, or for a scope the status does not list", () => {
    expect(headroomText("devops:sub-1", status([scope()]), NOW)).toBeUndefined();
    expect(headroomText("devops:sub-1", status([scope({ ratePerSecond: 0.5 })]), NOW)).toBeUndefined();
    const paused = scope({ ratePerSecond: 11, pause: { until: NOW + 1000, cause: "throttled", httpStatus: 429 } });
    expect(headroomText("devops:sub-1", status([paused]), NOW)).toBeUndefined();
    expect(headroomText("devops:sub-1", status([paused]), NOW + 1000)).toBe("Using idle read capacity: 11/s.");
    expect(headroomText("devops:other", status([scope({ ratePerSecond: 11 })]), NOW)).toBeUndefined();
    expect(headroomText("devops:sub-1", undefined, NOW)).toBeUndefined();
  });

  it("is no notice: the page's notices stay empty", () => {
    expect(budgetNotices(status([scope({ ratePerSecond: 11, waiting: 3 })]), new Set(["devops:sub-1"]), NOW)).toEqual([]);
  });
});

describe("a page's notices", () => {
  const slowed = scope({ ratePerSecond: 0.5, remainingReads: 0 });
  const other = scope({ id: "devops:other", name: "0000aaaa-0000-0000-0000-00000000beef", pause: { until: NOW + 5000, cause: "throttled", httpStatus: 429 } });

  it("are about the scopes of the operations the page shows, each with its whole name and id to copy", () => {
    const notices = budgetNotices(status([slowed, other]), new Set(["devops:sub-1"]), NOW);
    expect(notices).toEqual([
      {
        id: "devops:sub-1",
        text: "Reads for sub 3f9b6…b83 slowed to 0.5/s (budget 5/s). Azure reports 0 reads left, shared with your other tools.",
        scope: { fullName: `subscription ${SUBSCRIPTION}`, copyText: SUBSCRIPTION, copyLabel: `Copy subscription id ${SUBSCRIPTION}` },
      },
    ]);
  });

  it("say nothing of a scope the page shows none of, nor of one whose reads run as budgeted or ended", () => {
    expect(budgetNotices(status([slowed, other]), new Set(), NOW)).toEqual([]);
    expect(budgetNotices(status([scope()]), new Set(["devops:sub-1"]), NOW)).toEqual([]);
    // The scheduler lists only scopes with reads still to make: once they all ended, the scope is not in the status.
    expect(budgetNotices(status([]), new Set(["devops:sub-1"]), NOW)).toEqual([]);
  });

  it("say every read is paused on any page, first", () => {
    const all = status([slowed], { allPaused: { until: NOW + 30_000, httpStatus: 429, code: "ProxyRateLimited" } });
    expect(budgetNotices(all, new Set(), NOW).map((n) => [n.id, n.scope])).toEqual([["all", undefined]]);
    expect(budgetNotices(all, new Set(["devops:sub-1"]), NOW).map((n) => n.id)).toEqual(["all", "devops:sub-1"]);
  });
});

describe("why the next read is when it is", () => {
  const fleet = status([scope()]);
  it("names the cause, the time and the scope", () => {
    expect(nextReadSentence({ at: NOW + 3000, cause: "scheduled", reason: { kind: "predictedFinish" }, scopeId: "devops:sub-1" }, fleet, NOW)).toBe(
      "Next read in 3 s: timed just after the predicted finish.",
    );
    expect(nextReadSentence({ at: NOW + 20_000, cause: "scopePaused", scopeId: "devops:sub-1" }, fleet, NOW)).toBe(
      "Next read in 20 s: reads for sub 3f9b6…b83 are paused because Azure asked us to wait.",
    );
    expect(nextReadSentence({ at: NOW + 200, cause: "budget", ahead: 4, scopeId: "devops:sub-1" }, fleet, NOW)).toBe(
      "Due now: waiting for the read budget of sub 3f9b6…b83, 4 reads first.",
    );
    expect(nextReadSentence({ at: NOW + 200, cause: "budget", ahead: 1, scopeId: "devops:sub-1" }, fleet, NOW)).toBe(
      "Due now: waiting for the read budget of sub 3f9b6…b83, 1 read first.",
    );
    expect(nextReadSentence({ at: NOW + 200, cause: "budget", ahead: 0, scopeId: "devops:sub-1" }, fleet, NOW)).toBe(
      "Due now: next in line for the read budget of sub 3f9b6…b83.",
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

  it("says a wait that has run out no longer holds the read back", () => {
    expect(nextReadSentence({ at: NOW + 400, cause: "retryAfter", scopeId: "devops:sub-1" }, fleet, NOW)).toBe(
      "Due now: the wait Azure asked for (Retry-After) is over.",
    );
    expect(nextReadSentence({ at: NOW - 1000, cause: "scopePaused", scopeId: "devops:sub-1" }, fleet, NOW)).toBe(
      "Due now: the pause of reads for sub 3f9b6…b83 is over.",
    );
    expect(nextReadSentence({ at: NOW, cause: "allPaused", code: "ProxyRateLimited", scopeId: "devops:sub-1" }, fleet, NOW)).toBe(
      "Due now: the opwatch server's pause is over.",
    );
    expect(nextReadSentence({ at: NOW + 2000, cause: "retryAfter", scopeId: "devops:sub-1" }, fleet, NOW)).toBe(
      "Next read in 2 s: Azure asked not to read this operation before then (Retry-After).",
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
      "reads for sub 3f9b6…b83 are paused",
    );
    expect(refreshHoldSentence({ until: NOW + 12_000, cause: "allPaused" }, "devops:sub-1", undefined, NOW)).toContain("opwatch server");
  });
});

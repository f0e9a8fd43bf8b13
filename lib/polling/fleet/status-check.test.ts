import { describe, expect, it } from "vitest";
import type { FleetStatus, ScopeStatus } from "./fleet-status";
import { readTabMessage } from "./tab-messages";

/** The fleet's status as it crosses tabs: what a tab of this version sends is read back as is, anything else is dropped. */

const AT = Date.UTC(2026, 10, 28, 12);
const scope: ScopeStatus = {
  id: "devops:sub-1",
  kind: "devops",
  name: "sub-1",
  budgetPerSecond: 5,
  ratePerSecond: 2.5,
  remainingReads: 40,
  pause: { until: AT + 10_000, cause: "throttled", httpStatus: 429 },
  waiting: 3,
};
const status: FleetStatus = {
  at: AT,
  allPaused: { until: AT + 30_000, httpStatus: 429, code: "ProxyRateLimited" },
  scopes: [scope, { ...scope, id: "devcenter:dc", kind: "devcenter", remainingReads: undefined, pause: undefined }],
  next: {
    a: { at: AT + 9000, cause: "scheduled", reason: { kind: "backoff", readErrors: 2 }, scopeId: "devops:sub-1", hold: { until: AT + 5000, cause: "retryAfter" } },
    b: { at: AT + 6000, cause: "scheduled", reason: { kind: "openPage", maxIntervalMs: 5000 }, scopeId: "devops:sub-1" },
    c: { at: undefined, cause: "stopped", stop: { kind: "refused", httpStatus: 404 }, scopeId: "devops:sub-1" },
    d: { at: undefined, cause: "stopped", stop: { kind: "ended", category: "canceled" }, scopeId: "devops:sub-1" },
    e: { at: AT + 200, cause: "budget", ahead: 0, scopeId: "devops:sub-1" },
    f: { at: undefined, cause: "busy", inFlight: 6, scopeId: "devops:sub-1" },
    g: { at: AT + 30_000, cause: "allPaused", code: "ProxyRateLimited", scopeId: "devops:sub-1" },
    h: { at: undefined, cause: "reading", scopeId: "devops:sub-1" },
    i: { at: AT + 1000, cause: "retryAfter", scopeId: "devops:sub-1" },
    j: { at: AT + 1000, cause: "scopePaused", scopeId: "devops:sub-1" },
    k: { at: AT, cause: "scheduled", reason: { kind: "requested" }, scopeId: "devops:sub-1" },
  },
};

const received = (sent: unknown) => {
  const message = readTabMessage({ type: "status", status: structuredClone(sent) });
  return message?.type === "status" ? message.status : undefined;
};

describe("the fleet's status from another tab", () => {
  it("is read back as sent, every cause and reason included", () => {
    expect(received(status)).toEqual(status);
  });

  it("drops the next reads it could not put into words, and the scopes it could not show, keeping the rest", () => {
    const next = { ...status.next } as Record<string, unknown>;
    next.x = { at: AT, cause: "scheduled", detail: "adaptive: age", scopeId: "devops:sub-1" }; // the previous shape
    next.y = { at: AT, cause: "scheduled", reason: { kind: "hunch" }, scopeId: "devops:sub-1" };
    next.z = { at: AT, cause: "budget", ahead: "4", scopeId: "devops:sub-1" };
    next.w = { at: undefined, cause: "stopped", stop: { kind: "refused", httpStatus: 500 }, scopeId: "devops:sub-1" };
    next.v = { at: undefined, cause: "stopped", stop: { kind: "ended", category: "running" }, scopeId: "devops:sub-1" };
    next.u = { at: AT, cause: "scheduled", reason: { kind: "backoff", readErrors: 0 }, scopeId: "devops:sub-1" };
    next.t = { at: AT, cause: "retryAfter", scopeId: "devops:sub-1", hold: { until: AT, cause: "budget" } };
    const scopes = [...status.scopes, { ...scope, kind: "compute" }, { ...scope, pause: { until: AT, cause: "bored", httpStatus: 429 } }];
    expect(received({ ...status, next, scopes })).toEqual(status);
  });

  it("is not one without its time, scopes and next reads, or with a pause of every read it cannot read", () => {
    expect(received({ ...status, at: "now" })).toBeUndefined();
    expect(received({ ...status, scopes: {} })).toBeUndefined();
    expect(received({ ...status, next: [] })).toBeUndefined();
    expect(received({ ...status, next: undefined })).toBeUndefined();
    expect(received({ ...status, allPaused: { until: AT } })).toBeUndefined();
    expect(received({ ...status, allPaused: undefined })).toEqual({ ...status, allPaused: undefined });
  });
});

import { describe, expect, it } from "vitest";
import { describeReadError, passingReadErrorText } from "./describe-read-error";
import { pollSchedule, type PollSchedule } from "./schedule";

const base = { responseStatus: undefined };
const retrying = (dueAt: number): PollSchedule => ({
  decision: { poll: true, delayMs: dueAt, notBefore: 0, reason: { kind: "backoff", readErrors: 1 } },
  dueAt,
  notBefore: 0,
});
/** The schedule the policy really makes after a read that failed with this status. */
const afterFailure = (httpStatus: number): PollSchedule =>
  pollSchedule({ operation: undefined, lastResponse: undefined, lastReadError: undefined, history: [{ at: 0, outcome: "readError", httpStatus }], watchStartedAt: 0 });

describe("describeReadError", () => {
  it("says what failed and when it retries", () => {
    expect(describeReadError({ ...base, httpStatus: 503, code: "ServiceUnavailable" }, retrying(20_000), 0)).toBe(
      "couldn't refresh: 503 ServiceUnavailable, retrying in 20 s",
    );
    expect(describeReadError({ ...base, httpStatus: 0, code: "NetworkError" }, retrying(5_000), 0)).toBe(
      "couldn't refresh: NetworkError, retrying in 5 s",
    );
    expect(describeReadError({ ...base, httpStatus: 0, responseStatus: 200, code: "MalformedResponse" }, retrying(1_000), 0)).toBe(
      "couldn't refresh: 200 MalformedResponse, retrying in 1 s",
    );
  });

  it("says why polling stopped, in the policy's words", () => {
    expect(describeReadError({ ...base, httpStatus: 404, code: "NotFound" }, afterFailure(404), 0)).toMatch(
      /^couldn't refresh: 404 NotFound; polling stopped: the operation id is wrong/,
    );
    expect(describeReadError({ ...base, httpStatus: 401, code: "SignInNeeded" }, afterFailure(401), 0)).toMatch(/sign in again/);
    expect(describeReadError({ ...base, httpStatus: 403, code: "AuthorizationFailed" }, afterFailure(403), 0)).toMatch(/not allowed/);
  });
});

describe("passingReadErrorText", () => {
  it("says in a few words that the last read was throttled or failed", () => {
    expect(passingReadErrorText({ ...base, httpStatus: 429, code: "TooManyRequests" })).toBe("The last read was throttled (429 TooManyRequests).");
    expect(passingReadErrorText({ ...base, httpStatus: 503, code: "ServiceUnavailable" })).toBe("The last read failed (503 ServiceUnavailable).");
    expect(passingReadErrorText({ ...base, httpStatus: 0, code: "NetworkError" })).toBe("The last read got no answer (NetworkError).");
    expect(passingReadErrorText({ ...base, httpStatus: 0, responseStatus: 200, code: "MalformedResponse" })).toBe(
      "The last read failed (200 MalformedResponse).",
    );
  });
});

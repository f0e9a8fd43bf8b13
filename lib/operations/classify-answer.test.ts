import { describe, expect, it } from "vitest";
import { responseInfo } from "@/lib/dev/test-support/fetch-results";
import { classifyAnswer, type Answer } from "./classify-answer";
import type { ResponseInfo } from "./fetch-operation";

const AT = Date.UTC(2026, 0, 1);

const answer = (info: Partial<ResponseInfo>, json = true, mediaType?: string): Answer => ({
  info: responseInfo(AT, info),
  json,
  mediaType,
});

/** The read error of a classified answer; fails the test when the answer classified as anything else. */
function readErrorOf(given: Answer) {
  const attempt = classifyAnswer("devops", given);
  if (attempt.kind !== "result" || attempt.result.outcome !== "readError") throw new Error(`not a read error: ${JSON.stringify(attempt)}`);
  return attempt.result;
}

describe("classifyAnswer", () => {
  it("hands a 401 back for a renewed token, with what the response said", () => {
    const given = answer({ httpStatus: 401, body: { error: { code: "InvalidAuthenticationToken", message: "expired" } } });
    expect(classifyAnswer("devops", given)).toEqual({ kind: "unauthorized", info: given.info });
  });

  it.each([200, 202])("reads the operation's status from a JSON object in a %i", (httpStatus) => {
    const given = answer({ httpStatus, body: { status: "InProgress", percentComplete: 40 }, requestId: "req-1" });
    const attempt = classifyAnswer("devops", given);
    expect(attempt.kind).toBe("result");
    if (attempt.kind !== "result" || attempt.result.outcome !== "status") throw new Error("not a status");
    expect(attempt.result.operation).toMatchObject({ kind: "devops", status: "InProgress", category: "running", percentComplete: 40 });
    expect(attempt.result.response).toBe(given.info);
  });

  it("normalizes for the operation's kind", () => {
    const attempt = classifyAnswer("devcenter", answer({ body: { status: "Succeeded", id: "x" } }));
    if (attempt.kind !== "result" || attempt.result.outcome !== "status") throw new Error("not a status");
    expect(attempt.result.operation).toMatchObject({ kind: "devcenter", category: "succeeded" });
  });

  it.each([
    ["an array", []],
    ["null", null],
    ["a string", "InProgress"],
    ["a number", 3],
  ])("reads a 2xx whose JSON is %s as a malformed response, not a status", (_, body) => {
    const result = readErrorOf(answer({ body, retryAfterMs: 5_000 }));
    expect(result.error).toMatchObject({
      httpStatus: 0,
      responseStatus: 200,
      code: "MalformedResponse",
      message: "the response is JSON but not an operation status object (HTTP 200)",
      retryAfterMs: 5_000,
      signInNeeded: false,
      at: AT,
    });
    expect(result.response?.body).toEqual(body);
  });

  it("reads a 2xx that is not JSON as a malformed response naming its media type, when it has one", () => {
    expect(readErrorOf(answer({ body: "<html>" }, false, "text/html")).error).toMatchObject({
      httpStatus: 0,
      responseStatus: 200,
      code: "MalformedResponse",
      message: "the response body is not JSON (HTTP 200, text/html)",
    });
    expect(readErrorOf(answer({ body: "" }, false)).error.message).toBe("the response body is not JSON (HTTP 200)");
  });

  it("reads an error answer's code, message and tree from Azure's error body, with the response's ids", () => {
    const body = { error: { code: "ResourceNotFound", message: "gone", details: [{ code: "Inner", message: "deeper" }] } };
    const result = readErrorOf(
      answer({ httpStatus: 404, body, errorCode: "HeaderCode", requestId: "req-1", correlationId: "corr-1", clientRequestId: "client-1" }),
    );
    expect(result.error).toMatchObject({
      httpStatus: 404,
      responseStatus: 404,
      code: "ResourceNotFound",
      message: "gone",
      requestId: "req-1",
      correlationId: "corr-1",
      clientRequestId: "client-1",
      signInNeeded: false,
      at: AT,
    });
    expect(result.error.errorTree?.details[0]?.code).toBe("Inner");
  });

  it("takes the code from x-ms-error-code when the JSON holds no error, and says the HTTP status", () => {
    const result = readErrorOf(answer({ httpStatus: 409, body: { unexpected: true }, errorCode: "Conflict-ish" }));
    expect(result.error).toMatchObject({ httpStatus: 409, code: "Conflict-ish", message: "HTTP 409", errorTree: undefined });
  });

  it("names the HTTP status when nothing else names the failure, and says a body was not JSON", () => {
    const result = readErrorOf(answer({ httpStatus: 502, body: "<html>Bad gateway</html>" }, false, "text/html"));
    expect(result.error).toMatchObject({ code: "BadGateway", message: "HTTP 502 with a body that is not JSON, text/html", errorTree: undefined });
    expect(result.response?.body).toBe("<html>Bad gateway</html>");
  });

  it("falls back to HTTP and the number for a status without a name", () => {
    const result = readErrorOf(answer({ httpStatus: 599, body: "" }, false));
    expect(result.error).toMatchObject({ httpStatus: 599, code: "HTTP599", message: "HTTP 599 with a body that is not JSON" });
  });

  it("keeps Retry-After of a throttled read", () => {
    const result = readErrorOf(answer({ httpStatus: 429, body: { error: { code: "TooManyRequests", message: "slow down" } }, retryAfterMs: 30_000 }));
    expect(result.error).toMatchObject({ httpStatus: 429, code: "TooManyRequests", retryAfterMs: 30_000 });
  });
});

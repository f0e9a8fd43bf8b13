import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { FetchResult } from "@/lib/operations/fetch-operation";
import { nextSnapshot } from "@/lib/query/operation-queries";
import { sampleOperation } from "@/lib/test-support/operation-fixtures";
import { ReadErrorLine } from "./read-error-line";

const T0 = Date.UTC(2026, 0, 1);
const op = sampleOperation({ name: "x", percentComplete: 20, startTime: T0 });
const ok: FetchResult = {
  outcome: "status",
  operation: op,
  response: { httpStatus: 200, at: T0, errorCode: undefined, requestId: undefined, correlationId: undefined, retryAfterMs: undefined, body: {} },
};
const failed = (httpStatus: number, retryAfterMs?: number): FetchResult => ({
  outcome: "readError",
  response: undefined,
  error: {
    httpStatus,
    responseStatus: httpStatus,
    code: httpStatus === 503 ? "ServiceUnavailable" : "NotFound",
    message: "<script>alert(1)</script>",
    retryAfterMs,
    requestId: "req-9",
    correlationId: undefined,
    errorTree: undefined,
    signInNeeded: false,
    at: T0 + 1000,
  },
});

describe("ReadErrorLine", () => {
  it("says what failed and when it retries, honouring Retry-After", () => {
    const snapshot = nextSnapshot(nextSnapshot(undefined, ok, T0), failed(503, 20_000), T0 + 1000);
    const html = renderToStaticMarkup(<ReadErrorLine snapshot={snapshot} />);
    expect(html).toContain('data-testid="read-error"');
    expect(html).toMatch(/couldn&#x27;t refresh: 503 ServiceUnavailable, retrying in (2\d) s/);
    expect(html).toContain("request id req-9");
    expect(html).not.toContain("<script>");
  });

  it("says polling stopped on 404 and offers a retry", () => {
    const snapshot = nextSnapshot(nextSnapshot(undefined, ok, T0), failed(404), T0 + 1000);
    const html = renderToStaticMarkup(<ReadErrorLine snapshot={snapshot} onRetry={() => undefined} />);
    expect(html).toContain("polling stopped: the operation id is wrong");
    expect(html).toContain(">Retry</button>");
  });

  it("renders nothing when the last read succeeded", () => {
    expect(renderToStaticMarkup(<ReadErrorLine snapshot={nextSnapshot(undefined, ok, T0)} />)).toBe("");
  });
});

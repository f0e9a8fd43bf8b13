import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { nextSnapshot } from "@/lib/polling/snapshot";
import { readErrorResult, runningOperation, statusResult } from "@/lib/dev/test-support/fetch-results";
import { ReadErrorLine } from "./read-error-line";

const T0 = Date.UTC(2026, 0, 1);
const ok = statusResult(T0, runningOperation(T0, "InProgress", "running", 20));
const failed = (httpStatus: number, retryAfterMs?: number) =>
  readErrorResult(T0 + 1000, httpStatus, retryAfterMs, {
    code: httpStatus === 503 ? "ServiceUnavailable" : "NotFound",
    message: "<script>alert(1)</script>",
    requestId: "req-9",
  });

describe("ReadErrorLine", () => {
  it("says what failed and when it retries, honouring Retry-After", () => {
    const snapshot = nextSnapshot(nextSnapshot(undefined, ok, T0), failed(503, 20_000), T0 + 1000);
    const html = renderToStaticMarkup(<ReadErrorLine snapshot={snapshot} operationKey="k" />);
    expect(html).toContain('data-testid="read-error"');
    expect(html).toMatch(/couldn&#x27;t refresh: 503 ServiceUnavailable, retrying in (2\d) s/);
    expect(html).toContain("request id req-9");
    expect(html).not.toContain("<script>");
  });

  it("says polling stopped on 404 and offers a retry", () => {
    const snapshot = nextSnapshot(nextSnapshot(undefined, ok, T0), failed(404), T0 + 1000);
    const html = renderToStaticMarkup(<ReadErrorLine snapshot={snapshot} operationKey="k" onRetry={() => undefined} />);
    expect(html).toContain("polling stopped: the operation id is wrong");
    expect(html).toContain(">Retry</button>");
  });

  it("renders nothing when the last read succeeded", () => {
    expect(renderToStaticMarkup(<ReadErrorLine snapshot={nextSnapshot(undefined, ok, T0)} operationKey="k" />)).toBe("");
  });
});

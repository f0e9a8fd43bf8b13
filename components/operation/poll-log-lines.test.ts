import { describe, expect, it } from "vitest";
import type { PollRecord } from "@/lib/polling/poll-record";
import { pollLogLine, pollLogLines } from "./poll-log-lines";

const T0 = Date.UTC(2026, 10, 28, 12);

describe("the poll log's lines", () => {
  it("shows a good read as 200 with its latency, ids and next-read reason", () => {
    const line = pollLogLine({
      at: T0,
      outcome: "status",
      latencyMs: 123.4,
      requestId: "req",
      clientRequestId: "client",
      next: { at: T0 + 5000, reason: "Next read in 5 s: read at least every 5 s while this page is open." },
    });
    expect(line).toMatchObject({ status: "200", failed: false, latency: "123 ms", retryAfter: "—", requestId: "req", clientRequestId: "client" });
    expect(line.next).toMatch(/^Next read in 5 s/);
  });

  it("shows a refused read's status and code, and its Retry-After", () => {
    const line = pollLogLine({ at: T0, outcome: "readError", httpStatus: 429, errorCode: "TooManyRequests", retryAfterMs: 12_000, latencyMs: 40 });
    expect(line).toMatchObject({ status: "429 TooManyRequests", failed: true, retryAfter: "12 s", next: "—" });
  });

  it("says when nothing came back", () => {
    expect(pollLogLine({ at: T0, outcome: "readError", httpStatus: 0, errorCode: "NetworkError" }).status).toBe("no response (NetworkError)");
    expect(pollLogLine({ at: T0, outcome: "readError", httpStatus: 0 }).latency).toBe("—");
  });

  it("lists the newest first, as many as asked", () => {
    const reads: PollRecord[] = [1, 2, 3].map((i) => ({ at: T0 + i, outcome: "status" }));
    expect(pollLogLines(reads, 2).map((l) => l.at)).toEqual([T0 + 3, T0 + 2]);
  });
});

import type { FetchResult, ReadError, ResponseInfo } from "@/lib/operations/fetch-operation";
import type { Operation } from "@/lib/operations/model";
import { sampleOperation } from "./operation-fixtures";

/** Reads as fetchOperation returns them, for tests of what is folded from them (snapshot, schedule, views). */

export const runningOperation = (startTime: number, status: string, category: Operation["category"], percentComplete?: number): Operation =>
  sampleOperation({ status, category, percentComplete, startTime, raw: { status } });

/** A 200's ResponseInfo with no ids; `overrides` make it any other answer. */
export const responseInfo = (at: number, overrides: Partial<ResponseInfo> = {}): ResponseInfo => ({
  httpStatus: 200,
  at,
  errorCode: undefined,
  requestId: undefined,
  correlationId: undefined,
  clientRequestId: undefined,
  latencyMs: 0,
  retryAfterMs: undefined,
  remainingReads: undefined,
  body: {},
  ...overrides,
});

export const statusResult = (at: number, operation: Operation, retryAfterMs?: number): FetchResult => ({
  outcome: "status",
  operation,
  response: responseInfo(at, { retryAfterMs }),
});

export const readErrorResult = (at: number, httpStatus: number, retryAfterMs?: number, overrides: Partial<ReadError> = {}): FetchResult => {
  const error: ReadError = {
    httpStatus,
    responseStatus: httpStatus,
    code: "ServiceUnavailable",
    message: "x",
    retryAfterMs,
    requestId: undefined,
    correlationId: undefined,
    clientRequestId: undefined,
    errorTree: undefined,
    signInNeeded: false,
    at,
    ...overrides,
  };
  return { outcome: "readError", error, response: undefined };
};

import type { ErrorNode } from "./model";
import type { FetchResult, ReadError, ResponseInfo } from "./fetch-operation";

/** How every step of a read reports that it could not give a status: as data, with the response's ids if it had one. */
export function readError(
  at: number,
  e: Pick<ReadError, "httpStatus" | "responseStatus" | "code" | "message" | "signInNeeded"> & {
    errorTree?: ErrorNode | undefined;
    info: ResponseInfo | undefined;
  },
): FetchResult {
  return {
    outcome: "readError",
    response: e.info,
    error: {
      httpStatus: e.httpStatus,
      responseStatus: e.responseStatus,
      code: e.code,
      message: e.message,
      retryAfterMs: e.info?.retryAfterMs,
      requestId: e.info?.requestId,
      correlationId: e.info?.correlationId,
      clientRequestId: e.info?.clientRequestId,
      errorTree: e.errorTree,
      signInNeeded: e.signInNeeded,
      at,
    },
  };
}

/** A cancellation by the caller (React Query unmounting) must propagate, or the cache would record a fake failure. */
export function throwIfCancelled(signal: AbortSignal | undefined, error: unknown): void {
  if (signal?.aborted) throw error;
}

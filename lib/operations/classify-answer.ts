import type { OperationKind } from "@/lib/azure/operation-ref";
import type { FetchResult, ResponseInfo } from "./fetch-operation";
import { httpStatusName } from "./format";
import { normalizeErrorBody, normalizeOperation } from "./normalize";
import { readError } from "./read-error";

/** What one attempt came to: a result, or a 401 that a renewed token may still turn into one. */
export type Attempt = { kind: "result"; result: FetchResult } | { kind: "unauthorized"; info: ResponseInfo };

/** An answer as classifyAnswer needs it. */
export interface Answer {
  /** What the response said about itself; `info.body` is the parsed JSON when `json`, else the start of the text. */
  info: ResponseInfo;
  json: boolean;
  /** The answer's media type, named when a body is not what was expected. */
  mediaType: string | undefined;
}

/**
 * What an answer of the proxy means. A 401 may be an expired token (the caller renews it once); a 2xx holds the
 * operation's status, unless its body is not a JSON object; anything else failed to read the status, and says why in
 * Azure's error tree, else its `x-ms-error-code`, else its HTTP status.
 */
export function classifyAnswer(kind: OperationKind, answer: Answer): Attempt {
  const status = answer.info.httpStatus;
  if (status === 401) return { kind: "unauthorized", info: answer.info };
  const result = status >= 200 && status < 300 ? statusAnswer(kind, answer) : errorAnswer(answer);
  return { kind: "result", result };
}

function statusAnswer(kind: OperationKind, { info, json, mediaType }: Answer): FetchResult {
  const body = info.body;
  if (json && typeof body === "object" && body !== null && !Array.isArray(body)) {
    return { outcome: "status", operation: normalizeOperation(kind, body), response: info };
  }
  return readError(info.at, {
    httpStatus: 0,
    responseStatus: info.httpStatus,
    code: "MalformedResponse",
    message: json
      ? `the response is JSON but not an operation status object (HTTP ${info.httpStatus})`
      : `the response body is not JSON (HTTP ${info.httpStatus}${mediaTypeNote(mediaType)})`,
    signInNeeded: false,
    info,
  });
}

function errorAnswer({ info, json, mediaType }: Answer): FetchResult {
  const status = info.httpStatus;
  const errorTree = json ? normalizeErrorBody(info.body) : undefined;
  return readError(info.at, {
    httpStatus: status,
    responseStatus: status,
    code: errorTree?.code ?? info.errorCode ?? httpStatusName(status) ?? `HTTP${status}`,
    message: errorTree?.message ?? (json ? `HTTP ${status}` : `HTTP ${status} with a body that is not JSON${mediaTypeNote(mediaType)}`),
    errorTree,
    signInNeeded: false,
    info,
  });
}

const mediaTypeNote = (mediaType: string | undefined): string => (mediaType ? `, ${mediaType}` : "");

import type { FuzzRequest } from "./arbitraries";
import type { Sent } from "./send";

/**
 * A short name for the kind of answer a request got ("400 no content-type to SEARCH", "200 application/json
 * x-middleware-skip to GET"), so that thousands of answers group into the few behaviours behind them.
 */
export function answerSignature(request: Pick<FuzzRequest, "method">, sent: Sent): string {
  if (sent.kind !== "answer") return `${sent.kind}: ${sent.reason}`;
  const contentType = sent.headers["content-type"];
  const type = typeof contentType === "string" ? (contentType.split(";", 1)[0] ?? "").trim() : "no content-type";
  const skip = sent.headers["x-middleware-skip"] === undefined ? "" : " x-middleware-skip";
  return `${sent.status} ${type}${skip} to ${request.method}`;
}

export interface Group {
  count: number;
  /** The request with the shortest target in the group: the easiest to read and to replay. */
  example: { request: FuzzRequest; sent: Sent };
}

/** Adds one answer to its group. */
export function addToGroup(groups: Map<string, Group>, request: FuzzRequest, sent: Sent): void {
  const key = answerSignature(request, sent);
  const group = groups.get(key);
  if (group === undefined) {
    groups.set(key, { count: 1, example: { request, sent } });
    return;
  }
  group.count++;
  if (request.target.length < group.example.request.target.length) group.example = { request, sent };
}

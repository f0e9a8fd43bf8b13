import type { ServerResponse } from "node:http";

/** What a handler answers; `server.ts` writes it. Header names are lower case. */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { "content-type": JSON_CONTENT_TYPE, ...headers }, body: JSON.stringify(body) };
}

export function writeResponse(res: ServerResponse, response: SimResponse): void {
  const body = response.body ?? "";
  const headers: Record<string, string | number> = { ...response.headers };
  // 204 and 304 must not carry a body or a length (RFC 9110 8.6).
  if (response.status !== 204 && response.status !== 304) headers["content-length"] = Buffer.byteLength(body);
  res.writeHead(response.status, headers);
  res.end(response.status === 204 || response.status === 304 ? undefined : body);
}

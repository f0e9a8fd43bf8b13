import { jsonResponse, type SimResponse } from "./sim-response";

/**
 * The control API's answers: JSON, never cached, never sniffed as anything else (its errors echo request values).
 * Errors use Azure's shape, `{"error":{"code","message"}}`, as the simulator's Azure routes do.
 */
const CONTROL_HEADERS = { "cache-control": "no-store", "x-content-type-options": "nosniff" };

export const controlOk = (status: number, body: unknown): SimResponse => jsonResponse(status, body, CONTROL_HEADERS);

export const controlError = (status: number, code: string, message: string, headers: Record<string, string> = {}): SimResponse =>
  jsonResponse(status, { error: { code, message } }, { ...CONTROL_HEADERS, ...headers });

/** Request values echoed in messages: short, one line. */
export function clipValue(value: string, max = 100): string {
  const oneLine = value.replace(/\p{Cc}/gu, "?");
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

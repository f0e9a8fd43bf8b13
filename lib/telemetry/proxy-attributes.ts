import "server-only";

/**
 * The attribute names the proxy's spans and metrics share: OpenTelemetry's semantic conventions where one fits, the
 * `opwatch.` namespace for the rest. None carries a token, a query string or a client's address.
 */
export const ATTR = {
  route: "opwatch.route.kind",
  outcome: "opwatch.outcome",
  refusal: "opwatch.refusal.code",
  upstreamHost: "server.address",
  status: "http.response.status_code",
  method: "http.request.method",
  azureRequestId: "opwatch.azure.request_id",
  clientRequestId: "opwatch.client_request_id",
  retryAfter: "opwatch.retry_after",
} as const;

/**
 * `error.code` of the proxy's own refusals that ask this browser to slow down (429 or 503, with `Retry-After`). They
 * are told apart from Azure's answers by the code alone: Azure's 429 concerns one scope, the proxy's every scope.
 * The proxy answers them (lib/server/errors.ts) and the fleet scheduler obeys them (lib/polling/fleet).
 */
export const PROXY_SLOW_DOWN_CODES: ReadonlySet<string> = new Set(["ProxyRateLimited", "ProxyOverloaded"]);

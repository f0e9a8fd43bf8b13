/**
 * `error.code` of the proxy's own refusals that ask this browser to slow down (429 or 503, with `Retry-After`). They
 * are told apart from Azure's answers by the code alone: Azure's 429 concerns one scope, the proxy's every scope.
 * The proxy answers them (lib/server/errors.ts, with these very constants) and the fleet scheduler obeys them
 * (lib/polling/fleet).
 */

/** 429: this client address spent its token bucket (OPWATCH_PROXY_RATE_PER_CLIENT, OPWATCH_PROXY_BURST_PER_CLIENT). */
export const PROXY_RATE_LIMITED = "ProxyRateLimited";
/** 503: the server has OPWATCH_PROXY_MAX_IN_FLIGHT upstream calls open already. */
export const PROXY_OVERLOADED = "ProxyOverloaded";

export const PROXY_SLOW_DOWN_CODES: ReadonlySet<string> = new Set([PROXY_RATE_LIMITED, PROXY_OVERLOADED]);

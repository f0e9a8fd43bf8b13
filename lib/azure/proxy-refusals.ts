/**
 * `error.code` of the proxy's own refusals a browser acts on: those that ask it to slow down (429 or 503, with
 * `Retry-After`) and those of a request that can never pass (400). They are told apart from Azure's answers by the
 * code alone: Azure's 429 concerns one scope, the proxy's every scope. The proxy answers them (lib/server/errors.ts,
 * with these very constants), the fleet scheduler obeys the slow-downs (lib/polling/fleet) and discovery stops on the
 * refusals (lib/discovery).
 */

/** 429: this client address spent its token bucket (OPWATCH_PROXY_RATE_PER_CLIENT, OPWATCH_PROXY_BURST_PER_CLIENT). */
export const PROXY_RATE_LIMITED = "ProxyRateLimited";
/** 503: the server has OPWATCH_PROXY_MAX_IN_FLIGHT upstream calls open already. */
export const PROXY_OVERLOADED = "ProxyOverloaded";

export const PROXY_SLOW_DOWN_CODES: ReadonlySet<string> = new Set([PROXY_RATE_LIMITED, PROXY_OVERLOADED]);

/** 400: the DevCenter endpoint is not in DEVCENTER_ALLOWED_HOSTS. */
export const ENDPOINT_NOT_ALLOWED = "EndpointNotAllowed";
/** 400: a path or query parameter broke its published rule. */
export const INVALID_PARAMETER = "InvalidParameter";

/** The proxy's refusals of a request it will refuse again unchanged: asking sooner cannot help. */
export const PROXY_REFUSED_CODES: ReadonlySet<string> = new Set([ENDPOINT_NOT_ALLOWED, INVALID_PARAMETER]);

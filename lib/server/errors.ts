import "server-only";
import type { ParamIssue } from "@/lib/azure/params";
import { ENDPOINT_NOT_ALLOWED, INVALID_PARAMETER, PROXY_OVERLOADED, PROXY_RATE_LIMITED } from "@/lib/azure/proxy-refusals";
import type { ConfigProblem } from "@/lib/config/config-problem";

/**
 * Every error the proxy itself answers, in Azure's ErrorResponse shape, so the client reads proxy failures and Azure
 * failures with the same code. Upstream errors are never rewritten: they pass through as Azure sent them.
 */

const MAX_ECHO = 120;

/** Inputs echoed into messages are clipped so a hostile value cannot make the error body large. */
const clip = (value: string) => (value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value);

/** Retry-After as Azure sends it: whole seconds, and at least 1 so that no client retries in a hot loop. */
const retryAfterHeader = (seconds: number) => String(Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : 1);

const PROXY_ERRORS = {
  [INVALID_PARAMETER]: {
    status: 400,
    message: (issue: ParamIssue) => `The parameter '${issue.parameter}' is invalid: ${clip(issue.message)}.`,
  },
  [ENDPOINT_NOT_ALLOWED]: {
    status: 400,
    message: (endpointHost: string) =>
      `The DevCenter endpoint '${clip(endpointHost)}' is not allowed by DEVCENTER_ALLOWED_HOSTS; the proxy calls only allowed endpoints.`,
  },
  AuthenticationRequired: {
    status: 401,
    message: (reason: string) => `The request needs an 'Authorization: Bearer <access token>' header: ${reason}.`,
  },
  UpstreamTimeout: {
    status: 504,
    message: (upstreamHost: string, timeoutMs: number) =>
      `The upstream ${upstreamHost} did not answer within ${timeoutMs} ms (PROXY_TIMEOUT_MS).`,
  },
  UpstreamUnavailable: {
    status: 502,
    message: (upstreamHost: string, reason: string) => `The upstream ${upstreamHost} could not be read: ${reason}.`,
  },
  UpstreamResponseTooLarge: {
    status: 502,
    message: (upstreamHost: string, limitBytes: number) =>
      `The upstream ${upstreamHost} answered with a body over ${limitBytes} bytes, the most the proxy passes on.`,
  },
  ProxyMisconfigured: {
    status: 500,
    // Each problem is a value-free sentence after its variable's name (lib/config/config-problem.ts): anyone may read
    // this answer, so the values themselves are only in the server's log, as are the fixes on the configuration page.
    message: (problems: readonly ConfigProblem[]) =>
      `The proxy's server configuration is invalid: ${problems.map((p) => `${p.variable} ${p.problem}`).join(" ")} The server's log has the details.`,
  },
  [PROXY_RATE_LIMITED]: {
    status: 429,
    message: (retryAfterSeconds: number) =>
      `Too many requests from this client address; try again in ${retryAfterHeader(retryAfterSeconds)} s. The proxy allows each address OPWATCH_PROXY_RATE_PER_CLIENT requests per second with a burst of OPWATCH_PROXY_BURST_PER_CLIENT.`,
    headers: (retryAfterSeconds: number) => ({ "Retry-After": retryAfterHeader(retryAfterSeconds) }),
  },
  [PROXY_OVERLOADED]: {
    status: 503,
    message: (retryAfterSeconds: number) =>
      `The proxy is already waiting on OPWATCH_PROXY_MAX_IN_FLIGHT upstream calls; try again in ${retryAfterHeader(retryAfterSeconds)} s.`,
    headers: (retryAfterSeconds: number) => ({ "Retry-After": retryAfterHeader(retryAfterSeconds) }),
  },
  MethodNotAllowed: {
    status: 405,
    message: (method: string) => `The method ${clip(method)} is not allowed here; this route answers GET only.`,
  },
  NotFound: {
    status: 404,
    message: () => "No API route matches this path.",
  },
} as const;

export type ProxyErrorCode = keyof typeof PROXY_ERRORS;
export const PROXY_ERROR_CODES = Object.keys(PROXY_ERRORS) as ProxyErrorCode[];

type MessageArgs<C extends ProxyErrorCode> = Parameters<(typeof PROXY_ERRORS)[C]["message"]>;

export function proxyErrorStatus(code: ProxyErrorCode): number {
  return PROXY_ERRORS[code].status;
}

function proxyErrorMessage<C extends ProxyErrorCode>(code: C, ...args: MessageArgs<C>): string {
  const template = PROXY_ERRORS[code].message as (...a: MessageArgs<C>) => string;
  return template(...args);
}

/** Fixed headers a particular error needs so a client knows what to do next (the slow-downs compute theirs). */
const EXTRA_HEADERS: Partial<Record<ProxyErrorCode, Record<string, string>>> = {
  MethodNotAllowed: { Allow: "GET" },
  AuthenticationRequired: { "WWW-Authenticate": "Bearer" },
};

function headersFor<C extends ProxyErrorCode>(code: C, ...args: MessageArgs<C>): Record<string, string> | undefined {
  const entry = PROXY_ERRORS[code];
  if (!("headers" in entry)) return EXTRA_HEADERS[code];
  const template = entry.headers as (...a: MessageArgs<C>) => Record<string, string>;
  return template(...args);
}

/**
 * The answers the proxy made itself, with their code. Azure's own errors carry `x-ms-error-code` too, so the header
 * cannot tell them apart; the log and the metrics count a refusal by this.
 */
const OWN_ANSWERS = new WeakMap<Response, ProxyErrorCode>();

/** The proxy's own error code of an answer it made with proxyError, or undefined for anything else (Azure's). */
export const proxyRefusalCode = (response: Response): ProxyErrorCode | undefined => OWN_ANSWERS.get(response);

/** The proxy's own error answer: `{"error":{"code","message"}}`, never cached, code also in `x-ms-error-code`. */
export function proxyError<C extends ProxyErrorCode>(code: C, ...args: MessageArgs<C>): Response {
  const body = JSON.stringify({ error: { code, message: proxyErrorMessage(code, ...args) } });
  const response = new Response(body, {
    status: PROXY_ERRORS[code].status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "x-ms-error-code": code,
      ...headersFor(code, ...args),
    },
  });
  OWN_ANSWERS.set(response, code);
  return response;
}

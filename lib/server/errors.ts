import "server-only";
import type { ParamIssue } from "@/lib/azure/params";
import type { ConfigProblem } from "@/lib/config/config-problem";

/**
 * Every error the proxy itself answers, in Azure's ErrorResponse shape, so the client reads proxy failures and Azure
 * failures with the same code. Upstream errors are never rewritten: they pass through as Azure sent them.
 */

const MAX_ECHO = 120;

/** Inputs echoed into messages are clipped so a hostile value cannot make the error body large. */
const clip = (value: string) => (value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value);

const PROXY_ERRORS = {
  InvalidParameter: {
    status: 400,
    message: (issue: ParamIssue) => `The parameter '${issue.parameter}' is invalid: ${clip(issue.message)}.`,
  },
  EndpointNotAllowed: {
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
    // Each problem is a sentence after its variable's name; the fixes are on the configuration page.
    message: (problems: readonly ConfigProblem[]) =>
      `The proxy's server configuration is invalid: ${problems.map((p) => `${p.variable} ${p.problem}`).join(" ")}`,
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

/** Headers a particular error needs so a client knows what to do next. */
const EXTRA_HEADERS: Partial<Record<ProxyErrorCode, Record<string, string>>> = {
  MethodNotAllowed: { Allow: "GET" },
  AuthenticationRequired: { "WWW-Authenticate": "Bearer" },
};

/** The proxy's own error answer: `{"error":{"code","message"}}`, never cached, code also in `x-ms-error-code`. */
export function proxyError<C extends ProxyErrorCode>(code: C, ...args: MessageArgs<C>): Response {
  const body = JSON.stringify({ error: { code, message: proxyErrorMessage(code, ...args) } });
  return new Response(body, {
    status: PROXY_ERRORS[code].status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "x-ms-error-code": code,
      ...EXTRA_HEADERS[code],
    },
  });
}

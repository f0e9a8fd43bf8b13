import "server-only";
import { randomUUID } from "node:crypto";
import type { DiscoveryList } from "@/lib/azure/discovery-lists";
import type { OperationKind } from "@/lib/azure/operation-ref";
import type { Result } from "@/lib/azure/params";
import type { ConfigProblem } from "@/lib/config/config-problem";
import type { ProxyConfig } from "@/lib/config/proxy-config";
import type { Logger } from "pino";
import { PROXY_OVERLOADED, PROXY_RATE_LIMITED } from "@/lib/azure/proxy-refusals";
import { CLIENT_REQUEST_ID_HEADER } from "@/lib/azure/request-ids";
import { clientAddress, clientKey } from "./client-address";
import { proxyError, proxyRefusalCode } from "./errors";
import { bearerAuthorization } from "./proxy-bearer";
import { OVERLOADED_RETRY_AFTER_SECONDS, processProxyLimiter, type ProxyLimiter } from "./proxy-limits";
import { MAX_UPSTREAM_BODY_BYTES, clientResponse } from "./proxy-response";
import { resolveDiscoveryTarget } from "./discovery-target";
import { resolveProxyTarget, type ProxyTarget } from "./proxy-target";
import { upstreamGet, type UpstreamGet } from "./upstream-fetch";
import { observeProxyRequest, type ProxyObservation } from "@/lib/telemetry/observe-proxy";
import type { ProxyRouteKind } from "@/lib/telemetry/proxy-log-line";

/**
 * The GET handler of one proxy route: an operation's status or a page of one of the person's discovery lists. The
 * environment and the transport are injected so tests can run many configurations in one process (the route files
 * bind them to serverConfig.proxy and the real transport).
 *
 * Order: configuration (500), the client's bucket (429, spent by every request, refused ones too), parameters and
 * allow-list (400), token (401), a free upstream slot (503), and only then the one upstream call, whose slot is given
 * back however it ends. Each request is observed (lib/telemetry/observe-proxy.ts): a span, metrics and one log line,
 * from facts that never include a header's value (headers carry the token).
 */

interface ProxyRouteContext {
  params: Promise<object>;
}

export interface ProxyHandlerDeps {
  getEnv: () => Result<ProxyConfig, ConfigProblem[]>;
  get?: UpstreamGet;
  /** Unset: the process's one limiter for the configured limits (lib/server/proxy-limits.ts). */
  limiter?: ProxyLimiter;
  /** Unset: the process's logger (lib/telemetry/logger.ts). */
  logger?: Logger;
}

/** The one upstream URL a request may lead to, or the 400 that says why none (nothing touches the network). */
type ResolveTarget = (
  request: Request,
  params: Readonly<Record<string, unknown>>,
  env: ProxyConfig,
) => Result<ProxyTarget, Response>;

/** An operation's status GET: `/api/{kind}/...`. */
export function createProxyHandler(kind: OperationKind, deps: ProxyHandlerDeps) {
  return createUpstreamHandler(kind, (_request, params, env) => resolveProxyTarget(kind, params, env), deps);
}

/** A page of one of the person's DevCenter lists: `/api/discovery/{endpointHost}/...`, with `?nextLink=` past the first. */
export function createDiscoveryHandler(list: DiscoveryList, deps: ProxyHandlerDeps) {
  return createUpstreamHandler(`discovery-${list}`, (request, params, env) => resolveDiscoveryTarget(list, request.url, params, env), deps);
}

function createUpstreamHandler(route: ProxyRouteKind, resolveTarget: ResolveTarget, deps: ProxyHandlerDeps) {
  const observeDeps = { refusalOf: proxyRefusalCode, ...(deps.logger === undefined ? {} : { logger: deps.logger }) };
  return function proxyGet(request: Request, context: ProxyRouteContext): Promise<Response> {
    return observeProxyRequest(route, observeDeps, (observation) => answer(request, context, observation, resolveTarget, deps));
  };
}

async function answer(
  request: Request,
  context: ProxyRouteContext,
  observation: ProxyObservation,
  resolveTarget: ResolveTarget,
  { getEnv, get = upstreamGet, limiter }: ProxyHandlerDeps,
): Promise<Response> {
  const env = getEnv();
  if (!env.ok) return proxyError("ProxyMisconfigured", env.error);

  const limits = limiter ?? processProxyLimiter(env.value.limits);
  const address = clientAddress(request.headers, env.value.trustedProxyHops);
  observation.client(address);
  const admitted = limits.clients.take(clientKey(address), limits.now());
  if (!admitted.ok) return proxyError(PROXY_RATE_LIMITED, admitted.retryAfterSeconds);

  const target = resolveTarget(request, (await context.params) as Record<string, unknown>, env.value);
  if (!target.ok) return target.error;

  const authorization = bearerAuthorization(request);
  if (!authorization.ok) return proxyError("AuthenticationRequired", authorization.error);

  const release = limits.inFlight.tryEnter();
  if (release === undefined) return proxyError(PROXY_OVERLOADED, OVERLOADED_RETRY_AFTER_SECONDS);

  const { url, upstreamHost } = target.value;
  // Azure logs it with the request: the browser keeps it for a support case, whatever the outcome.
  const clientRequestId = randomUUID();
  let result;
  try {
    result = await observation.upstream(upstreamHost, () =>
      get({
        url,
        headers: {
          Authorization: authorization.value,
          [CLIENT_REQUEST_ID_HEADER]: clientRequestId,
          Accept: "application/json",
          "Accept-Encoding": "identity",
          "User-Agent": "opwatch-proxy",
        },
        timeoutMs: env.value.timeoutMs,
        maxBodyBytes: MAX_UPSTREAM_BODY_BYTES,
        signal: request.signal,
      }),
    );
  } finally {
    release();
  }
  const response = clientResponse(result, upstreamHost, env.value.timeoutMs);
  response.headers.set(CLIENT_REQUEST_ID_HEADER, clientRequestId);
  return response;
}

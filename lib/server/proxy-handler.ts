import "server-only";
import { randomUUID } from "node:crypto";
import type { OperationKind } from "@/lib/azure/operation-ref";
import type { Result } from "@/lib/azure/params";
import type { ConfigProblem } from "@/lib/config/config-problem";
import type { ProxyConfig } from "@/lib/config/proxy-config";
import { proxyError } from "./errors";
import { bearerAuthorization } from "./proxy-bearer";
import { MAX_UPSTREAM_BODY_BYTES, clientResponse } from "./proxy-response";
import { resolveProxyTarget } from "./proxy-target";
import { upstreamGet, type UpstreamGet } from "./upstream-fetch";

/**
 * The GET handler of one proxy route. The environment and the transport are injected so tests can run many
 * configurations in one process (the route files bind them to serverConfig.proxy and the real transport).
 *
 * Order: configuration (500), parameters and allow-list (400), token (401), and only then the one upstream call.
 * Nothing here logs: headers carry the token.
 */

export interface ProxyRouteContext {
  params: Promise<object>;
}

export interface ProxyHandlerDeps {
  getEnv: () => Result<ProxyConfig, ConfigProblem[]>;
  get?: UpstreamGet;
}

export function createProxyHandler(kind: OperationKind, { getEnv, get = upstreamGet }: ProxyHandlerDeps) {
  return async function proxyGet(request: Request, context: ProxyRouteContext): Promise<Response> {
    const env = getEnv();
    if (!env.ok) return proxyError("ProxyMisconfigured", env.error);

    const target = resolveProxyTarget(kind, (await context.params) as Record<string, unknown>, env.value);
    if (!target.ok) return target.error;

    const authorization = bearerAuthorization(request);
    if (!authorization.ok) return proxyError("AuthenticationRequired", authorization.error);

    const { url, upstreamHost } = target.value;
    const result = await get({
      url,
      headers: {
        Authorization: authorization.value,
        "x-ms-client-request-id": randomUUID(),
        Accept: "application/json",
        "Accept-Encoding": "identity",
        "User-Agent": "opwatch-proxy",
      },
      timeoutMs: env.value.timeoutMs,
      maxBodyBytes: MAX_UPSTREAM_BODY_BYTES,
      signal: request.signal,
    });
    return clientResponse(result, upstreamHost, env.value.timeoutMs);
  };
}

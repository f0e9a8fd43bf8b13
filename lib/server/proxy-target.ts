import "server-only";
import { matchAllowList } from "@/lib/azure/allow-list";
import {
  PATH_PARAMS,
  devcenterUpstreamUrl,
  devopsUpstreamUrl,
  refFromSegments,
  type OperationKind,
} from "@/lib/azure/operation-ref";
import { fail, ok, type Result } from "@/lib/azure/params";
import type { ProxyConfig } from "@/lib/config/proxy-config";
import { proxyError } from "./errors";

/**
 * Turns a route's path parameters into the one upstream URL the proxy may call, or the 400 that explains why not.
 * Nothing here touches the network.
 *
 * Next decodes each dynamic segment once (decodeURIComponent), so `%2F` arrives as `/` and `%252F` as `%2F`. The
 * parameter rules already refuse `/`, `.`/`..` and any `%`; a `%` that survives decoding is refused with its own message
 * because it means the caller encoded twice.
 */

export interface ProxyTarget {
  url: URL;
  /** host[:port] shown in the proxy's own error messages. */
  upstreamHost: string;
}

export function resolveProxyTarget(
  kind: OperationKind,
  params: Readonly<Record<string, unknown>>,
  env: ProxyConfig,
): Result<ProxyTarget, Response> {
  const names = PATH_PARAMS[kind];
  const refused = doubleEncodingRefusal(names, params);
  if (refused !== undefined) return fail(refused);
  const values = names.map((name) => {
    const value = params[name];
    return typeof value === "string" ? value : "";
  });

  const ref = refFromSegments(kind, values);
  if (!ref.ok) return fail(proxyError("InvalidParameter", ref.error));

  let url: URL;
  if (ref.value.kind === "devops") {
    url = devopsUpstreamUrl(ref.value, env.armEndpoint);
  } else {
    const devcenterRef = ref.value;
    const allowed = allowedDevcenterUrl(devcenterRef.endpointHost, env, (origin) => devcenterUpstreamUrl(devcenterRef, origin));
    if (!allowed.ok) return allowed;
    url = allowed.value;
  }
  return ok({ url, upstreamHost: url.host });
}

/**
 * The URL `build` makes on a DevCenter endpoint's allowed origin, or the refusal: the host must pass
 * DEVCENTER_ALLOWED_HOSTS, and the URL parser must not have reinterpreted it (e.g. an IP shorthand), so exactly what was
 * allowed is called. Every DevCenter route resolves its URL here.
 */
export function allowedDevcenterUrl(endpointHost: string, env: ProxyConfig, build: (origin: string) => URL): Result<URL, Response> {
  const origin = matchAllowList(endpointHost, env.devcenterAllowList);
  if (origin === undefined) return fail(proxyError("EndpointNotAllowed", endpointHost));
  const url = build(origin);
  if (url.origin !== origin) return fail(proxyError("EndpointNotAllowed", endpointHost));
  return ok(url);
}

/** The refusal of the first named parameter still holding a `%` after Next decoded it once, if any. */
export function doubleEncodingRefusal(names: readonly string[], params: Readonly<Record<string, unknown>>): Response | undefined {
  for (const name of names) {
    const value = params[name];
    if (typeof value === "string" && value.includes("%")) {
      return proxyError("InvalidParameter", {
        parameter: name,
        message: `${name} must not contain '%': the path is decoded once, so a double-encoded value is refused`,
      });
    }
  }
  return undefined;
}

import type { ProxyConfig } from "@/lib/config/proxy-config";
import { readConfig } from "@/lib/config/read-config";
import { upstreamGet, type UpstreamGet, type UpstreamRequest } from "@/lib/server/upstream-fetch";

/** A bearer token shaped like a JWT (the proxy refuses any other shape); its validity is never checked by the proxy. */
export const JWT_SHAPED_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl";

/** A process environment holding only the given variables (Next's types require NODE_ENV). */
export const processEnv = (vars: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: "test", ...vars });

/** A validated proxy environment pointing ARM and one allowed DevCenter origin at a loopback upstream. */
export function loopbackProxyEnv(upstreamUrl: string, timeoutMs = 5000): ProxyConfig {
  const { proxy } = readConfig(processEnv({
    AZURE_ARM_ENDPOINT: upstreamUrl,
    DEVCENTER_ALLOWED_HOSTS: `*.devcenter.azure.com,${upstreamUrl}`,
    PROXY_TIMEOUT_MS: String(timeoutMs),
  }));
  if (!proxy.ok) throw new Error(proxy.error.map((p) => `${p.variable} ${p.problem}`).join(" "));
  return proxy.value;
}

/**
 * The real transport, refusing anything but loopback so that a test which wrongly lets a request through can never
 * reach the internet; every call is recorded.
 */
export function loopbackOnlyGet(): { get: UpstreamGet; calls: UpstreamRequest[] } {
  const calls: UpstreamRequest[] = [];
  const get: UpstreamGet = (request) => {
    calls.push(request);
    if (request.url.hostname !== "127.0.0.1") {
      return Promise.resolve({ kind: "unavailable", reason: `test refused a non-loopback call to ${request.url.host}` });
    }
    return upstreamGet(request);
  };
  return { get, calls };
}

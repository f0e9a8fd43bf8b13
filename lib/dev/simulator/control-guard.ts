import type { IncomingHttpHeaders } from "node:http";
import { clipValue, controlError } from "./control-response";
import type { SimResponse } from "./sim-response";

/**
 * What every `/_sim` request must show before the control API looks at it. The simulator listens on loopback, but a
 * browser on the same machine can still reach it: a page elsewhere can send a "simple" cross-site POST (text/plain,
 * no preflight), or rebind its own name to 127.0.0.1 and then read the request log. So:
 * - a loopback `Host` (localhost, 127.0.0.0/8, [::1], any port), else 403 `HostNotAllowed` (DNS rebinding);
 * - no `Origin`, or a loopback one, else 403 `OriginNotAllowed` (`null` is not loopback);
 * - for any method but GET/HEAD/OPTIONS, `Content-Type: application/json` (parameters allowed), else 415
 *   `UnsupportedMediaType`: a browser cannot send that cross-site without a preflight, which the Origin check refuses.
 */

const LOOPBACK_HOST = String.raw`(?:localhost|\[::1\]|127(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})(?::\d{1,5})?`;
const HOST = new RegExp(`^${LOOPBACK_HOST}$`, "i");
const ORIGIN = new RegExp(`^https?://${LOOPBACK_HOST}$`, "i");
const JSON_MEDIA_TYPE = /^application\/json[ \t]*(?:;.*)?$/i;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** True for every path the control API owns, known or not, so an unknown one is guarded before its 404. */
export const isControlPath = (pathname: string): boolean => /^\/_sim(?:\/|$)/i.test(pathname);

export interface ControlRequestHead {
  method?: string | undefined;
  headers: IncomingHttpHeaders;
}

/** The refusal for a request the control API must not serve, or undefined when it may go on. */
export function refuseControlRequest(req: ControlRequestHead): SimResponse | undefined {
  const host = req.headers.host?.trim() ?? "";
  if (!HOST.test(host)) {
    return controlError(
      403,
      "HostNotAllowed",
      `The control API answers only requests addressed to a loopback host (localhost, 127.0.0.1 or [::1], any port); the Host header was '${clipValue(host)}'.`,
    );
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !ORIGIN.test(origin.trim())) {
    return controlError(
      403,
      "OriginNotAllowed",
      `The control API refuses requests from other sites: the Origin '${clipValue(origin)}' is not a loopback origin.`,
    );
  }
  const method = (req.method ?? "GET").toUpperCase();
  const contentType = req.headers["content-type"]?.trim() ?? "";
  if (!SAFE_METHODS.has(method) && !JSON_MEDIA_TYPE.test(contentType)) {
    return controlError(
      415,
      "UnsupportedMediaType",
      `The control API takes ${clipValue(method, 20)} requests only with 'Content-Type: application/json'; the Content-Type was '${clipValue(contentType)}'.`,
    );
  }
  return undefined;
}

import { NextResponse, type NextRequest } from "next/server";
import { serverConfig } from "@/lib/config/server-config";
import { isBadPermalinkPath } from "@/lib/azure/operation-ref";
import { isApiPath, refuseApiPath } from "@/lib/server/api-path-guard";
import {
  createNonce,
  pageSecurityHeaders,
  servedOverHttps,
  signInOrigins,
  transportSecurityHeaders,
} from "@/lib/server/content-security-policy";

/**
 * Runs before every route (Next 16's proxy, formerly middleware). Pages: a fresh CSP nonce, handed to Next through the
 * request's Content-Security-Policy header, which Next reads to put the nonce on its own scripts (pages render per
 * request: app/layout.tsx is dynamic). /api: paths no route should see are refused in Azure's error shape; the static
 * headers (nosniff, the /api CSP, Permissions-Policy) come from next.config.mjs.
 */
export function proxy(request: NextRequest): Response {
  const { pathname } = request.nextUrl;
  const https = servedOverHttps(request.nextUrl.protocol, request.headers.get("x-forwarded-proto"));

  if (isApiPath(pathname)) {
    const response = refuseApiPath(pathname) ?? NextResponse.next();
    return withHeaders(response, transportSecurityHeaders(https));
  }

  const headers = pageSecurityHeaders({
    pathname,
    nonce: createNonce(),
    connectOrigins: signInOrigins(serverConfig.public),
    dev: process.env.NODE_ENV === "development",
    https,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  // The operation page's notFound() shows why such a link is wrong, but cannot set the status: the app's providers
  // render nothing of a page on the server (MSAL starts in the browser), so the server never meets the notFound().
  const status = isBadPermalinkPath(pathname) ? { status: 404 } : {};
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders }, ...status }), headers);
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Build output and the icon (app/icon.svg) carry no document; everything else, pages and /api alike, passes through here.
  matcher: ["/((?!_next/static/|_next/image|icon\\.svg$).*)"],
};

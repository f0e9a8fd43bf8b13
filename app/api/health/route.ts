import { methodNotAllowedHandlers } from "@/lib/server/proxy-methods";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** A route that does nothing: the baseline the proxy benchmark compares the proxy route with. */
export function GET(): Response {
  return new Response('{"status":"ok"}', {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export const { POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = methodNotAllowedHandlers;

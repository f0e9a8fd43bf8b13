import { notFoundHandlers } from "@/lib/server/proxy-methods";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Any /api path no other route claims: 404 in Azure's error shape instead of the HTML not-found page. */
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = notFoundHandlers;

import { discoveryProjectsGet } from "@/lib/server/proxy-routes";
import { methodNotAllowedHandlers } from "@/lib/server/proxy-methods";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

interface Params {
  endpointHost: string;
}

export function GET(request: Request, context: { params: Promise<Params> }): Promise<Response> {
  return discoveryProjectsGet(request, context);
}

export const { POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = methodNotAllowedHandlers;

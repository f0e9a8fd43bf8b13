import { discoveryOperationsGet } from "@/lib/server/proxy-routes";
import { methodNotAllowedHandlers } from "@/lib/server/proxy-methods";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

interface Params {
  endpointHost: string;
  projectName: string;
  devBoxName: string;
}

export function GET(request: Request, context: { params: Promise<Params> }): Promise<Response> {
  return discoveryOperationsGet(request, context);
}

export const { POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = methodNotAllowedHandlers;

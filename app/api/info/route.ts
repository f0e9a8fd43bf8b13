import { serverConfig } from "@/lib/config/server-config";
import { infoAnswer } from "@/lib/server/info";
import { methodNotAllowedHandlers } from "@/lib/server/proxy-methods";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Which build runs and whether its configuration is valid, for an operator or a deployment check; never a value. */
export function GET(): Response {
  return infoAnswer(serverConfig);
}

export const { POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = methodNotAllowedHandlers;

import "server-only";
import type { ServerConfig } from "@/lib/config/read-config";
import { buildId, OPWATCH_VERSION } from "./build-info";

/**
 * /api/info's answer: the version, the build id and whether the configuration is valid. Anyone may read it, so it
 * holds no setting, not even which one is wrong (the configuration page and the log say that).
 */
interface InfoBody {
  version: string;
  buildId: string;
  configurationValid: boolean;
}

export function infoAnswer(config: Pick<ServerConfig, "public">, env: Readonly<Record<string, string | undefined>> = process.env): Response {
  const body: InfoBody = { version: OPWATCH_VERSION, buildId: buildId(env), configurationValid: config.public.ok };
  return new Response(JSON.stringify(body), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

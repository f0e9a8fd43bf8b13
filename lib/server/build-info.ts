import "server-only";
import packageJson from "@/package.json";

/** What /api/info tells about the running build. */

export const OPWATCH_VERSION: string = packageJson.version;

/**
 * Next's id of this build: scripts/standalone-server.mjs reads it from the build folder (`BUILD_ID`) before Next loads
 * and passes it here; a server without a build (`next dev`) has none.
 */
const BUILD_ID_VARIABLE = "OPWATCH_BUILD_ID";

export function buildId(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const given = env[BUILD_ID_VARIABLE]?.trim();
  return given === undefined || given === "" ? "development" : given;
}

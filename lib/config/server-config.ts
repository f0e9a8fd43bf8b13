import "server-only";
import { logConfigProblems } from "./log-config-problems";
import { readConfig, type ServerConfig } from "./read-config";

/**
 * The configuration from process.env, validated once, when the server process first loads this module (create-t3-app's
 * pattern without its throw: a wrong value shows the configuration page and the proxy's 500, naming each variable, and
 * the server's log gets the values). It is read at run time (app/(app)/layout.tsx is force-dynamic), so one build
 * serves every environment.
 */
export const serverConfig: ServerConfig = readConfig(process.env);

// `next build` loads this module too, with none of the deployment's settings (one build serves every environment):
// problems found then are not the deployment's, and logging them would send whoever builds after a false alarm.
if (process.env.NEXT_PHASE !== "phase-production-build") logConfigProblems(serverConfig.logLines);

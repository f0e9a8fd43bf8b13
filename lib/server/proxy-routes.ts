import "server-only";
import { serverConfig } from "@/lib/config/server-config";
import { createDiscoveryHandler, createProxyHandler } from "./proxy-handler";

/** The handlers the route files export, bound to the process environment (read and validated once). */
export const devopsProxyGet = createProxyHandler("devops", { getEnv: () => serverConfig.proxy });
export const devcenterProxyGet = createProxyHandler("devcenter", { getEnv: () => serverConfig.proxy });
export const discoveryProjectsGet = createDiscoveryHandler("projects", { getEnv: () => serverConfig.proxy });
export const discoveryDevBoxesGet = createDiscoveryHandler("devboxes", { getEnv: () => serverConfig.proxy });
export const discoveryOperationsGet = createDiscoveryHandler("operations", { getEnv: () => serverConfig.proxy });

import "server-only";
import { getProxyEnv } from "./env";
import { createProxyHandler } from "./proxy-handler";

/** The handlers the route files export, bound to the process environment (read and validated once). */
export const devopsProxyGet = createProxyHandler("devops", { getEnv: getProxyEnv });
export const devcenterProxyGet = createProxyHandler("devcenter", { getEnv: getProxyEnv });

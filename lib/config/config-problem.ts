import type { ConfigVariable } from "./schema";

/**
 * A setting that is missing or wrong: which one, what is wrong, and how to fix it. Never holds the setting's value:
 * visitors who have not signed in read it (the configuration page, the proxy's ProxyMisconfigured), so the values are
 * only in the server's log (lib/config/server-config.ts). A plain type with no server code behind it.
 */
export interface ConfigProblem {
  variable: ConfigVariable;
  /** A value-free sentence that follows the variable's name, e.g. `must start with https://.` or `entry 2 is …`. */
  problem: string;
  fix: string;
}

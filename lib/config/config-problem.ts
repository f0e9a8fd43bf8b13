import type { ConfigVariable } from "./schema";

/**
 * A setting that is missing or wrong: which one, what is wrong, and how to fix it. Never holds a secret. A plain type
 * with no server code behind it, so the configuration page and the proxy's error can both take a list of them.
 */
export interface ConfigProblem {
  variable: ConfigVariable;
  /** A sentence that follows the variable's name, e.g. `"ftp://x" must start with https://.` */
  problem: string;
  fix: string;
}

import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside a React Server Components bundle; unit tests run server code directly.
      "server-only": fileURLToPath(new URL("./lib/dev/test-support/empty-module.ts", import.meta.url)),
    },
  },
  test: {
    include: ["{app,components,lib,scripts}/**/*.test.{ts,tsx}"],
    environment: "node",
    setupFiles: ["lib/dev/test-support/quiet-logger.ts"],
    pool: "threads",
    maxWorkers: 2,
  },
});

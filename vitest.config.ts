import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Test files that replace a module for themselves (`vi.mock`), set the environment a module reads once, or register
 * OpenTelemetry's process-wide providers (which take only the first): each runs in a module registry of its own.
 * Every other file shares one per worker, so React, zod and the app's modules are imported once per worker rather than
 * once per file (importing was most of the suite's time).
 */
const NEEDS_OWN_MODULES = [
  "components/ui/use-copy-to-clipboard.test.ts",
  "components/discovery/endpoint-view.test.tsx",
  "lib/server/proxy-routes.test.ts",
  "lib/telemetry/**/*.test.ts",
];

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside a React Server Components bundle; unit tests run server code directly.
      "server-only": fileURLToPath(new URL("./lib/dev/test-support/empty-module.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    setupFiles: ["lib/dev/test-support/quiet-logger.ts"],
    pool: "threads",
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: "shared", include: ["{app,components,lib,scripts}/**/*.test.{ts,tsx}"], exclude: NEEDS_OWN_MODULES, isolate: false },
      },
      { extends: true, test: { name: "isolated", include: NEEDS_OWN_MODULES, isolate: true } },
    ],
  },
});

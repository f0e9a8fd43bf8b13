import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** One folder's allowed imports: anything matching `regex` is refused, test files (and `ignores`) excepted. */
const boundary = (files, regex, message, ignores = []) => ({
  files,
  ignores: ["**/*.test.ts", "**/*.test.tsx", ...ignores],
  rules: { "no-restricted-imports": ["error", { patterns: [{ regex, message }] }] },
});

/** What never ships (the simulator, the sign-in server, benches, test support): product code never imports it. */
const NEVER_DEV = "^@/lib/dev/|^(\\.\\./)+dev/|/lib/dev/";
const DEV_MESSAGE = "lib/dev never ships: product code does not import it (it may import product code)";

export default tseslint.config(
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "coverage/**", ".demo/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ["*.mjs"] }, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error", "info"] }],
    },
  },
  // Folder boundaries (lib/README.md): imports point down, never up. Tests may import anything. ESLint keeps one
  // no-restricted-imports setting per file (the last that matches), so every folder's pattern also refuses lib/dev.
  boundary(["app/**", "components/**", "lib/**", "proxy.ts"], NEVER_DEV, DEV_MESSAGE, ["lib/dev/**"]),
  // no-restricted-imports does not look at `import()`: the same refusal for a dynamic import of lib/dev (the selector's
  // regex cannot hold a slash, so "." stands for it).
  {
    files: ["app/**", "components/**", "lib/**", "proxy.ts"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "lib/dev/**"],
    rules: {
      "no-restricted-syntax": ["error", { selector: "ImportExpression[source.value=/^@.lib.dev.|lib.dev.|^(\\.\\..)+dev./]", message: DEV_MESSAGE }],
    },
  },
  boundary(["lib/azure/**"], `^@/lib/(?!azure/)|${NEVER_DEV}`, "lib/azure holds wire facts and imports nothing else of lib/"),
  boundary(
    ["lib/operations/**"],
    `^@/lib/(query|watch-list|server|poll-log|polling|discovery)/|${NEVER_DEV}`,
    "lib/operations sits below polling and query, and never imports lib/dev",
  ),
  boundary(
    ["lib/discovery/**"],
    `^@/lib/(?!azure/|operations/|config/zod-jitless$|watch-list/discovery-endpoint$|auth/use-get-access-token$|discovery/)|${NEVER_DEV}`,
    "lib/discovery imports only azure/, operations/, config's zod-jitless, the watch list's endpoint type and the token getter's type",
  ),
  boundary(["lib/polling/**"], `^@/lib/(query|watch-list|server|auth|poll-log)/|${NEVER_DEV}`, "lib/polling sits below query and the views, and never imports lib/dev"),
  boundary(["lib/poll-log/**"], `^@/lib/(query|watch-list|server|auth)/|${NEVER_DEV}`, "lib/poll-log stores what polling records, below query and the views, and never imports lib/dev"),
  boundary(["lib/board/**"], `^@/lib/(?!azure/|watch-list/|board/)|${NEVER_DEV}`, "lib/board imports only azure/ and watch-list/"),
  {
    // Playwright fixtures receive a callback named `use`, which is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Plain JavaScript without type information (its own languageOptions would otherwise drop disableTypeChecked's,
    // and the project service finds no tsconfig for .mjs files below the top level, such as scripts/*.mjs).
    files: ["**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
);

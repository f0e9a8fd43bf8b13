import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** One folder's allowed imports: anything matching `regex` is refused, test files excepted. */
const boundary = (files, regex, message) => ({
  files,
  ignores: ["**/*.test.ts", "**/*.test.tsx"],
  rules: { "no-restricted-imports": ["error", { patterns: [{ regex, message }] }] },
});

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
  // Folder boundaries (lib/README.md): imports point down, never up. Tests may import anything.
  boundary(["lib/azure/**"], "^@/lib/(?!azure/)", "lib/azure holds wire facts and imports nothing else of lib/"),
  boundary(
    ["lib/operations/**"],
    "^@/lib/(query|watch-list|server|simulator|bench|test-support)/|^@/lib/polling/(?!retry-after$)",
    "lib/operations sits below polling and query (only polling/retry-after, a leaf parser, is shared)",
  ),
  boundary(["lib/polling/**"], "^@/lib/(query|watch-list|server|simulator|bench|test-support|auth|poll-log)/", "lib/polling sits below query and the views"),
  boundary(["lib/poll-log/**"], "^@/lib/(query|watch-list|server|simulator|bench|test-support|auth)/", "lib/poll-log stores what polling records, below query and the views"),
  boundary(["lib/board/**"], "^@/lib/(?!azure/|watch-list/|board/)", "lib/board imports only azure/ and watch-list/"),
  boundary(["app/**", "components/**"], "^@/lib/(simulator|bench|test-support)/", "views never import the local stand-ins or test code"),
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

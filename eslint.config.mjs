// ESLint 9 flat config (`npm run lint`). Correctness rules only: no stylistic or formatting rules.
// The type check is `npm run typecheck`; these rules need no type information, which keeps the
// lint fast enough to be part of `npm test`.
import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

/** The Office.js rules of eslint-plugin-office-addins, for the code that runs inside Excel. */
const officeRules = {
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/call-sync-after-load": "error",
  "office-addins/no-empty-load": "error",
  "office-addins/no-office-initialize": "error",
  "office-addins/no-navigational-load": "error",
  "office-addins/test-for-null-using-isNullObject": "error",
};

/** Sources that run in Node (the `cvm` command line and what only it uses). */
const NODE_SOURCES = ["src/adapters/xlsx/**", "src/cli/**", "src/sample/**"];

export default defineConfig(
  { ignores: ["dist/", "dist-cli/", "dist-workbench/", "dist-bench/", "out/", "coverage/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // Project rules that replace what the type checker does not catch.
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Code that runs inside Excel. The .xlsx adapter, the command line and the sample run in Node
    // on ExcelJS, whose getCell() is no Office.js proxy: the Office.js rules do not apply there.
    files: ["src/**/*.{ts,tsx}"],
    ignores: NODE_SOURCES,
    plugins: { "office-addins": officeAddins },
    languageOptions: { globals: { ...globals.browser } },
    rules: officeRules,
  },
  {
    files: NODE_SOURCES,
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The simulation implements Excel's proxy objects (load, sync, isNullObject) itself: reading
    // its own properties is not reading an unloaded proxy.
    files: ["src/devtools/simulation/**/*.{ts,tsx}"],
    rules: Object.fromEntries(Object.keys(officeRules).map((rule) => [rule, "off"])),
  },
  {
    files: ["test/**/*.ts"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    // Node scripts: the webpack config and plugins, bin/, scripts/, config files.
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },
);

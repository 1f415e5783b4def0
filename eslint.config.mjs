// ESLint 9 flat config (`npm run lint`). Correctness rules only: no stylistic or formatting rules.
// The type check is `npm run typecheck`; these rules need no type information, which keeps the
// lint fast enough to be part of `npm test`.
import { builtinModules } from "node:module";
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

// The layer rules (docs/architecture.md): imports run from the surfaces down to the core, never
// upward, and shipped code never reaches dev tooling. Imports are written as relative paths, so a
// folder is matched by name at any depth ("**/cli" catches "../cli/main" and "../../cli/batch/pool").
const NODE_MODULES = builtinModules.filter((name) => !name.startsWith("_"));
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Any bare import (a package or a Node module) other than `allowed`, whether or not it is installed. */
const packagesExcept = (allowed) => `^(?![./]|node:|(?:${[...NODE_MODULES, ...allowed].map(escapeRegex).join("|")})(?:/|$))`;

/** What a layer may be forbidden to import: `what` names it in the message. */
const TARGETS = {
  excelAdapter: { what: "the Excel adapter (src/adapters/excel)", group: ["**/excel"] },
  xlsxAdapter: { what: "the .xlsx adapter (src/adapters/xlsx)", group: ["**/xlsx"] },
  app: { what: "the application layer (src/app)", group: ["**/app"] },
  cli: { what: "the command line (src/cli)", group: ["**/cli"] },
  taskpane: { what: "the task pane (src/taskpane)", group: ["**/taskpane"] },
  commands: { what: "the ribbon commands (src/commands)", group: ["**/commands"] },
  // Only what is inside the folder: "**/functions" would also match the core's own
  // formula/functions.ts ("./functions"), and src/functions has no index to import.
  functions: { what: "the custom functions (src/functions)", group: ["**/functions/**"] },
  sample: { what: "the sample (src/sample)", group: ["**/sample"] },
  devtools: { what: "dev tooling (src/devtools: the simulation and the workbench), which never ships", group: ["**/devtools"] },
  node: { what: "a Node module", group: ["node:*"], names: NODE_MODULES },
  packages: { what: "any package (ExcelJS, React, Fluent UI, csv-parse, ...)", regex: packagesExcept([]) },
  packagesButExcelJs: { what: "any package but ExcelJS and JSZip", regex: packagesExcept(["exceljs", "jszip"]) },
  excelJs: { what: "ExcelJS or JSZip (the .xlsx adapter's business)", regex: "^(?:exceljs|jszip)(?:/|$)" },
  react: { what: "React or Fluent UI", regex: "^(?:react|react-dom|@fluentui/.*)(?:/|$)" },
};

/** Each layer: its files, and what they never import. */
const LAYERS = {
  core: {
    files: ["src/core/**/*.{ts,tsx}"],
    who: "src/core",
    only: "it imports only src/core (pure TypeScript)",
    never: ["excelAdapter", "xlsxAdapter", "app", "cli", "taskpane", "commands", "functions", "sample", "devtools", "node", "packages"],
  },
  sample: {
    files: ["src/sample/**/*.{ts,tsx}"],
    who: "src/sample",
    only: "it imports only src/core",
    never: ["excelAdapter", "xlsxAdapter", "app", "cli", "taskpane", "commands", "functions", "devtools", "node", "packages"],
  },
  excelAdapter: {
    files: ["src/adapters/excel/**/*.{ts,tsx}"],
    who: "the Excel adapter",
    only: "it imports only src/core",
    never: ["xlsxAdapter", "app", "cli", "taskpane", "commands", "functions", "sample", "devtools", "node", "packages"],
  },
  xlsxAdapter: {
    files: ["src/adapters/xlsx/**/*.{ts,tsx}"],
    who: "the .xlsx adapter",
    only: "it imports only src/core, ExcelJS and JSZip",
    never: ["excelAdapter", "app", "cli", "taskpane", "commands", "functions", "sample", "devtools", "node", "packagesButExcelJs"],
  },
  app: {
    files: ["src/app/**/*.{ts,tsx}"],
    who: "the application layer",
    only: "it imports only src/core and src/sample; the surfaces hand it an adapter",
    never: ["excelAdapter", "xlsxAdapter", "cli", "taskpane", "commands", "functions", "devtools", "node", "packages"],
  },
  inExcel: {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.{ts,tsx}", "src/functions/**/*.{ts,tsx}"],
    who: "code that runs in Excel (task pane, ribbon commands, custom functions)",
    never: ["devtools", "cli", "xlsxAdapter", "excelJs", "node"],
  },
  cli: {
    files: ["src/cli/**/*.{ts,tsx}"],
    who: "the command line",
    // Cells are the .xlsx adapter's business: the command line reads and edits workbooks through it.
    never: ["taskpane", "commands", "functions", "devtools", "excelAdapter", "react", "excelJs"],
  },
};

/** The no-restricted-imports setting for a layer. */
function layerImports(layer) {
  const paths = [];
  const patterns = [];
  for (const id of LAYERS[layer].never) {
    const target = TARGETS[id];
    const { who, only } = LAYERS[layer];
    const message = `Layer rule: ${who} never imports ${target.what}${only ? `; ${only}` : ""}. See docs/architecture.md.`;
    if (target.group) patterns.push({ group: target.group, message });
    if (target.regex) patterns.push({ regex: target.regex, message });
    for (const name of target.names ?? []) paths.push({ name, message });
  }
  return ["error", { paths, patterns }];
}

// A later block replaces an earlier one's no-restricted-imports whole (options do not merge), so
// each layer lists dev tooling itself.
const layerConfigs = [
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/devtools/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: TARGETS.devtools.group,
              message: `Layer rule: shipped code never imports ${TARGETS.devtools.what}. See docs/architecture.md.`,
            },
          ],
        },
      ],
    },
  },
  ...Object.entries(LAYERS).map(([layer, { files }]) => ({ files, rules: { "no-restricted-imports": layerImports(layer) } })),
];

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
  ...layerConfigs,
);

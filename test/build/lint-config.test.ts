/**
 * eslint.config.mjs: the Office.js rules of eslint-plugin-office-addins fire on code that runs in
 * Excel, and only there (not in the simulation, which implements the proxies, nor in the Node-side
 * .xlsx adapter, which uses ExcelJS); the general rules apply everywhere; the layer rules
 * (docs/architecture.md) report every import that runs upward or out of a layer, and nothing else.
 * ESLint runs with the project's config on probes under chosen file names (lint-probe.mjs).
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const REPO_ROOT = path.resolve(__dirname, "../..");
const PROBE_RUNNER = path.join(__dirname, "lint-probe.mjs");

type Finding = { line: number; ruleId: string; message: string };

/** ESLint's findings for each probe, in order, from one ESLint process. */
function lint(probes: { file: string; code: string }[]): Finding[][] {
  const run = spawnSync(process.execPath, [PROBE_RUNNER], { cwd: REPO_ROOT, input: JSON.stringify(probes), encoding: "utf8" });
  if (run.status !== 0) throw new Error(`the lint probe failed (exit ${run.status}): ${run.stderr}`);
  return (JSON.parse(run.stdout) as { messages: Finding[] }[]).map((r) => r.messages);
}

/** One violation of each Office.js rule the project enables, by line, and a `debugger` statement. */
const PROBE = `export async function probe(context: Excel.RequestContext, names: string[]): Promise<void> {
  Office.initialize = () => undefined;
  for (const name of names) {
    context.workbook.names.getItem(name);
    await context.sync();
  }
  const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
  console.log(range.values);
  const table = context.workbook.tables.getItem("T");
  table.load("columns");
  const item = context.workbook.names.getItemOrNullObject("N");
  await context.sync();
  if (item === null) return;
  debugger;
}
`;

const OFFICE_FINDINGS = [
  "2 office-addins/no-office-initialize",
  "5 office-addins/no-context-sync-in-loop",
  "8 office-addins/call-sync-before-read",
  "8 office-addins/load-object-before-read",
  "10 office-addins/no-navigational-load",
  "13 office-addins/test-for-null-using-isNullObject",
];

const NON_OFFICE_FILES = ["src/devtools/simulation/probe.ts", "src/adapters/xlsx/probe.ts", "test/probe.test.ts"];
const EXCEL_FILES = ["src/adapters/excel/probe.ts", "src/functions/probe.ts", "src/taskpane/probe.tsx", "src/commands/probe.ts"];

let findings: Map<string, string[]>;

let forbidden: Finding[][];
let typeOnly: Finding[][];
let permitted: Finding[][];

// One ESLint process for every probe in this file: its start-up is most of the time.
beforeAll(() => {
  const files = [...EXCEL_FILES, ...NON_OFFICE_FILES];
  const results = lint([
    ...files.map((file) => ({ file, code: PROBE })),
    ...FORBIDDEN.map(([file, source]) => ({ file, code: `import "${source}";\n` })),
    // A type is an import too: the sample's type from the .xlsx adapter was one.
    {
      file: "src/core/model/probe.ts",
      code: `import type { ModelTables } from "../../adapters/xlsx/model-workbook";\nexport type Tables = ModelTables;\n`,
    },
    { file: "src/core/model/probe.ts", code: `export type { ModelTables } from "../../adapters/xlsx/model-workbook";\n` },
    ...PERMITTED.map(([file, source]) => ({ file, code: `import "${source}";\n` })),
  ]);
  const office = results.splice(0, files.length);
  findings = new Map(
    files.map((file, i) => [
      file,
      office[i]!.map((m) => `${m.line} ${m.ruleId}`).sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b)),
    ]),
  );
  forbidden = results.splice(0, FORBIDDEN.length);
  typeOnly = results.splice(0, 2);
  permitted = results;
}, 60_000);

describe("eslint.config.mjs", () => {
  it.each(EXCEL_FILES)("runs the Office.js rules on %s", (file) => {
    expect(findings.get(file)).toEqual([...OFFICE_FINDINGS, "14 no-debugger"]);
  });

  it.each(NON_OFFICE_FILES)("runs only the general rules on %s", (file) => {
    expect(findings.get(file)).toEqual(["14 no-debugger"]);
  });
});

/** Names in the layer rules' messages, written out here rather than taken from the config. */
const EXCEL_ADAPTER = "the Excel adapter (src/adapters/excel)";
const XLSX_ADAPTER = "the .xlsx adapter (src/adapters/xlsx)";
const APP = "the application layer (src/app)";
const CLI = "the command line (src/cli)";
const TASKPANE = "the task pane (src/taskpane)";
const COMMANDS = "the ribbon commands (src/commands)";
const FUNCTIONS = "the custom functions (src/functions)";
const SAMPLE = "the sample (src/sample)";
const DEVTOOLS = "dev tooling (src/devtools";
const NODE = "a Node module";
const ANY_PACKAGE = "any package";
const EXCELJS = "ExcelJS or JSZip";
const REACT = "React or Fluent UI";

const CORE = "Layer rule: src/core never imports";
const SAMPLE_LAYER = "Layer rule: src/sample never imports";
const EXCEL_LAYER = "Layer rule: the Excel adapter never imports";
const XLSX_LAYER = "Layer rule: the .xlsx adapter never imports";
const APP_LAYER = "Layer rule: the application layer never imports";
const IN_EXCEL = "Layer rule: code that runs in Excel (task pane, ribbon commands, custom functions) never imports";
const CLI_LAYER = "Layer rule: the command line never imports";
const SHIPPED = "Layer rule: shipped code never imports";

/** [file, import, the start of the expected message: who, then what]. */
const FORBIDDEN: [string, string, string, string][] = [
  ["src/core/model/probe.ts", "../../adapters/excel", CORE, EXCEL_ADAPTER],
  ["src/core/model/probe.ts", "../../adapters/xlsx/read", CORE, XLSX_ADAPTER],
  ["src/core/model/probe.ts", "../../app/build-events", CORE, APP],
  ["src/core/model/probe.ts", "../../cli/main", CORE, CLI],
  ["src/core/model/probe.ts", "../../taskpane/TaskPane", CORE, TASKPANE],
  ["src/core/model/probe.ts", "../../commands/commands", CORE, COMMANDS],
  ["src/core/model/probe.ts", "../../functions/functions", CORE, FUNCTIONS],
  ["src/core/model/probe.ts", "../../sample/pipeline-model", CORE, SAMPLE],
  ["src/core/probe.ts", "../sample/pipeline-model", CORE, SAMPLE],
  ["src/core/model/probe.ts", "../../devtools/simulation", CORE, DEVTOOLS],
  ["src/core/model/probe.ts", "node:fs", CORE, NODE],
  ["src/core/model/probe.ts", "path", CORE, NODE],
  ["src/core/model/probe.ts", "exceljs", CORE, ANY_PACKAGE],
  ["src/core/model/probe.ts", "jszip", CORE, ANY_PACKAGE],
  ["src/core/model/probe.ts", "react", CORE, ANY_PACKAGE],
  ["src/core/model/probe.ts", "@fluentui/react-components", CORE, ANY_PACKAGE],
  ["src/core/model/probe.ts", "csv-parse/sync", CORE, ANY_PACKAGE],
  ["src/sample/probe.ts", "../adapters/xlsx/model-workbook", SAMPLE_LAYER, XLSX_ADAPTER],
  ["src/sample/probe.ts", "../adapters/excel", SAMPLE_LAYER, EXCEL_ADAPTER],
  ["src/sample/probe.ts", "../app/build-events", SAMPLE_LAYER, APP],
  ["src/sample/probe.ts", "../cli/main", SAMPLE_LAYER, CLI],
  ["src/sample/probe.ts", "exceljs", SAMPLE_LAYER, ANY_PACKAGE],
  ["src/sample/probe.ts", "node:fs", SAMPLE_LAYER, NODE],
  ["src/adapters/excel/probe.ts", "../xlsx/read", EXCEL_LAYER, XLSX_ADAPTER],
  ["src/adapters/excel/probe.ts", "../../sample/pipeline-model", EXCEL_LAYER, SAMPLE],
  ["src/adapters/excel/probe.ts", "../../app/build-events", EXCEL_LAYER, APP],
  ["src/adapters/excel/probe.ts", "../../taskpane/TaskPane", EXCEL_LAYER, TASKPANE],
  ["src/adapters/excel/probe.ts", "exceljs", EXCEL_LAYER, ANY_PACKAGE],
  ["src/adapters/excel/probe.ts", "react", EXCEL_LAYER, ANY_PACKAGE],
  ["src/adapters/excel/probe.ts", "node:fs", EXCEL_LAYER, NODE],
  ["src/adapters/xlsx/probe.ts", "../excel", XLSX_LAYER, EXCEL_ADAPTER],
  ["src/adapters/xlsx/probe.ts", "../../app/build-events", XLSX_LAYER, APP],
  ["src/adapters/xlsx/probe.ts", "../../cli/main", XLSX_LAYER, CLI],
  ["src/adapters/xlsx/probe.ts", "react", XLSX_LAYER, "any package but ExcelJS and JSZip"],
  ["src/adapters/xlsx/probe.ts", "node:fs", XLSX_LAYER, NODE],
  ["src/app/probe.ts", "../adapters/excel", APP_LAYER, EXCEL_ADAPTER],
  ["src/app/probe.ts", "../adapters/xlsx/read", APP_LAYER, XLSX_ADAPTER],
  ["src/app/probe.ts", "../taskpane/TaskPane", APP_LAYER, TASKPANE],
  ["src/app/probe.ts", "../cli/main", APP_LAYER, CLI],
  ["src/app/probe.ts", "../devtools/simulation", APP_LAYER, DEVTOOLS],
  ["src/app/probe.ts", "exceljs", APP_LAYER, ANY_PACKAGE],
  ["src/app/probe.ts", "node:fs", APP_LAYER, NODE],
  ["src/taskpane/panels/probe.tsx", "../../devtools/simulation", IN_EXCEL, DEVTOOLS],
  ["src/taskpane/probe.tsx", "../devtools/workbench/main", IN_EXCEL, DEVTOOLS],
  ["src/taskpane/panels/probe.tsx", "../../cli/main", IN_EXCEL, CLI],
  ["src/taskpane/panels/probe.tsx", "../../adapters/xlsx/write", IN_EXCEL, XLSX_ADAPTER],
  ["src/taskpane/panels/probe.tsx", "exceljs", IN_EXCEL, EXCELJS],
  ["src/taskpane/panels/probe.tsx", "jszip", IN_EXCEL, EXCELJS],
  ["src/taskpane/panels/probe.tsx", "node:fs", IN_EXCEL, NODE],
  ["src/taskpane/panels/probe.tsx", "fs", IN_EXCEL, NODE],
  ["src/commands/probe.ts", "../devtools/simulation", IN_EXCEL, DEVTOOLS],
  ["src/commands/probe.ts", "../cli/main", IN_EXCEL, CLI],
  ["src/commands/probe.ts", "../adapters/xlsx/write", IN_EXCEL, XLSX_ADAPTER],
  ["src/commands/probe.ts", "exceljs", IN_EXCEL, EXCELJS],
  ["src/functions/probe.ts", "../devtools/simulation", IN_EXCEL, DEVTOOLS],
  ["src/functions/probe.ts", "../cli/batch/run-batch", IN_EXCEL, CLI],
  ["src/functions/probe.ts", "../adapters/xlsx/read", IN_EXCEL, XLSX_ADAPTER],
  ["src/functions/probe.ts", "node:path", IN_EXCEL, NODE],
  ["src/cli/batch/probe.ts", "../../taskpane/TaskPane", CLI_LAYER, TASKPANE],
  ["src/cli/probe.ts", "../commands/commands", CLI_LAYER, COMMANDS],
  ["src/cli/probe.ts", "../functions/functions", CLI_LAYER, FUNCTIONS],
  ["src/cli/batch/probe.ts", "../../devtools/simulation", CLI_LAYER, DEVTOOLS],
  ["src/cli/batch/probe.ts", "../../adapters/excel", CLI_LAYER, EXCEL_ADAPTER],
  ["src/cli/probe.ts", "react", CLI_LAYER, REACT],
  ["src/cli/probe.ts", "react-dom/client", CLI_LAYER, REACT],
  ["src/cli/probe.ts", "@fluentui/react-components", CLI_LAYER, REACT],
  // The batch once patched ExcelJS cells itself; cells are the .xlsx adapter's.
  ["src/cli/batch/probe.ts", "exceljs", CLI_LAYER, EXCELJS],
  ["src/cli/probe.ts", "jszip", CLI_LAYER, EXCELJS],
  ["src/probe.ts", "./devtools/simulation", SHIPPED, DEVTOOLS],
  // The files that once ran upward stay held to their layer's rules.
  ["src/core/starter/starter-model.ts", "../../sample/pipeline-model", CORE, SAMPLE],
  ["src/core/starter/starter-model.ts", "node:fs", CORE, NODE],
  ["src/sample/pipeline-model.ts", "../adapters/xlsx/model-workbook", SAMPLE_LAYER, XLSX_ADAPTER],
  ["src/sample/pipeline-model.ts", "exceljs", SAMPLE_LAYER, ANY_PACKAGE],
  ["src/app/build-events.ts", "../adapters/xlsx/read", APP_LAYER, XLSX_ADAPTER],
  ["src/app/build-events.ts", "../adapters/excel", APP_LAYER, EXCEL_ADAPTER],
  ["src/app/startup.ts", "../adapters/excel", APP_LAYER, EXCEL_ADAPTER],
];

/** [file, import] pairs the layers permit. */
const PERMITTED: [string, string][] = [
  ["src/core/model/probe.ts", "../workbook/address"],
  ["src/core/model/probe.ts", "./types"],
  ["src/core/model/probe.ts", "../formula"],
  // The core's own formula/functions.ts is not the custom functions folder.
  ["src/core/formula/probe.ts", "./functions"],
  ["src/sample/probe.ts", "../core/model/types"],
  ["src/adapters/excel/probe.ts", "../../core/plan/types"],
  ["src/adapters/excel/probe.ts", "./host"],
  ["src/adapters/xlsx/probe.ts", "../../core/plan/types"],
  ["src/adapters/xlsx/probe.ts", "exceljs"],
  ["src/adapters/xlsx/probe.ts", "jszip"],
  ["src/app/probe.ts", "../core/problems"],
  ["src/app/probe.ts", "../sample/pipeline-model"],
  ["src/taskpane/panels/probe.tsx", "react"],
  ["src/taskpane/panels/probe.tsx", "@fluentui/react-components"],
  ["src/taskpane/panels/probe.tsx", "../../adapters/excel"],
  ["src/taskpane/panels/probe.tsx", "../../app/build-events"],
  ["src/taskpane/panels/probe.tsx", "../../core/problems"],
  ["src/commands/probe.ts", "../adapters/excel"],
  ["src/commands/probe.ts", "../app/startup"],
  ["src/functions/probe.ts", "../core/formula"],
  ["src/cli/batch/probe.ts", "node:fs"],
  ["src/cli/batch/probe.ts", "fs"],
  ["src/cli/batch/probe.ts", "csv-parse/sync"],
  ["src/cli/batch/probe.ts", "../../adapters/xlsx/read"],
  ["src/cli/batch/probe.ts", "../../core/problems"],
  ["src/cli/probe.ts", "./sample-workbook"],
  ["src/devtools/workbench/probe.ts", "../../taskpane/TaskPane"],
  ["src/devtools/workbench/probe.ts", "../../adapters/excel"],
  ["src/devtools/workbench/probe.ts", "../simulation"],
  ["src/devtools/workbench/probe.ts", "react"],
  ["test/probe.test.ts", "../src/devtools/simulation"],
];

describe("eslint.config.mjs: layer rules", () => {
  it.each(FORBIDDEN.map((row, i) => [...row, i] as const))("reports %s importing %s", (_file, source, who, what, i) => {
    expect(forbidden[i]).toEqual([
      {
        line: 1,
        ruleId: "no-restricted-imports",
        message: expect.stringMatching(
          new RegExp(`^'${escape(source)}' import is restricted .*${escape(`${who} ${what}`)}.* See docs/architecture\\.md\\.$`),
        ),
      },
    ]);
  });

  it("reports type-only imports and re-exports", () => {
    for (const findings of typeOnly) {
      expect(findings).toEqual([{ line: 1, ruleId: "no-restricted-imports", message: expect.stringContaining(`${CORE} ${XLSX_ADAPTER}`) }]);
    }
  });

  it.each(PERMITTED.map((row, i) => [...row, i] as const))("lets %s import %s", (_file, _source, i) => {
    expect(permitted[i]).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

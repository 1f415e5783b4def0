/**
 * eslint.config.mjs: the Office.js rules of eslint-plugin-office-addins fire on code that runs in
 * Excel, and only there (not in the simulation, which implements the proxies, nor in the Node-side
 * .xlsx adapter, which uses ExcelJS); the general rules apply everywhere. ESLint runs with the
 * project's config on one probe under different file names (lint-probe.mjs).
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const REPO_ROOT = path.resolve(__dirname, "../..");
const PROBE_RUNNER = path.join(__dirname, "lint-probe.mjs");

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

beforeAll(() => {
  const run = spawnSync(process.execPath, [PROBE_RUNNER, ...EXCEL_FILES, ...NON_OFFICE_FILES], { cwd: REPO_ROOT, input: PROBE, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`the lint probe failed (exit ${run.status}): ${run.stderr}`);
  const results = JSON.parse(run.stdout) as { file: string; messages: { line: number; ruleId: string }[] }[];
  findings = new Map(
    results.map((r) => [r.file, r.messages.map((m) => `${m.line} ${m.ruleId}`).sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b))]),
  );
}, 60_000);

describe("eslint.config.mjs", () => {
  it.each(EXCEL_FILES)("runs the Office.js rules on %s", (file) => {
    expect(findings.get(file)).toEqual([...OFFICE_FINDINGS, "14 no-debugger"]);
  });

  it.each(NON_OFFICE_FILES)("runs only the general rules on %s", (file) => {
    expect(findings.get(file)).toEqual(["14 no-debugger"]);
  });
});

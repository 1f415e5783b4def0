/**
 * Text right after a right-aligned figure starts a column of its own: the Value Map's sentences
 * and the sources of realization by year are indented one step, in the .xlsx (`alignment.indent`)
 * and inside Excel (`format.indentLevel`), so that "91.5%" and "Maintenance work orders" do not
 * read as one run of text on screen or on paper.
 */
import * as fs from "node:fs";
import ExcelJS from "exceljs";
import { buildInExcel } from "../support/pipeline";
import { buildValueWorkbook } from "../../src/cli/build-workbook";
import { ASSUMPTIONS_SHEET } from "../../src/core/plan/assumptions";
import { SUMMARY_SHEET } from "../../src/core/plan/summary";
import { VALUE_MAP_SHEET } from "../../src/core/plan/value-map";
import { BUILT, hostOf, SAMPLE_FILE, seedOfFile, simulationOf } from "./excel/support";

/** The A1 addresses of a sheet's cells whose text is one of `texts`. */
function cellsHolding(sheet: ExcelJS.Worksheet, texts: readonly string[]): string[] {
  const found: string[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (texts.includes(String(cell.value))) found.push(cell.address);
    }),
  );
  return found;
}

let workbook: ExcelJS.Workbook;
beforeAll(async () => {
  const built = await buildValueWorkbook(new Uint8Array(fs.readFileSync(SAMPLE_FILE)), BUILT);
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join("\n"));
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(built.bytes as unknown as ArrayBuffer);
});

test("the .xlsx indents each source of realization by year and its header, and nothing to their left", () => {
  const summary = workbook.getWorksheet(SUMMARY_SHEET)!;
  const [header] = cellsHolding(summary, ["Source"]);
  const sources = cellsHolding(summary, ["Maintenance work orders FY2026", "Payroll overtime report FY2027"]);
  expect(sources).toHaveLength(2);
  for (const address of [header!, ...sources]) expect(summary.getCell(address).alignment).toMatchObject({ horizontal: "left", indent: 1 });
  // The share beside each source stays right-aligned money's neighbour, unindented.
  const share = summary.getCell(sources[0]!).address.replace(/^[A-Z]+/, (column) => String.fromCharCode(column.charCodeAt(0) - 1));
  expect(summary.getCell(share).alignment?.indent).toBeUndefined();
});

test("the .xlsx indents the Assumptions Log's sources of actual results, which follow their money", () => {
  const log = workbook.getWorksheet(ASSUMPTIONS_SHEET)!;
  const [source] = cellsHolding(log, ["Maintenance work orders FY2026"]);
  expect(log.getCell(source!).alignment).toMatchObject({ horizontal: "left", indent: 1, wrapText: true });
});

test("the .xlsx indents the Value Map's sentences and their header", () => {
  const map = workbook.getWorksheet(VALUE_MAP_SHEET)!;
  const [header] = cellsHolding(map, ["Value proposition"]);
  expect(map.getCell(header!).alignment).toMatchObject({ indent: 1 });
  const sentence = map.getCell(header!.replace(/\d+$/, (row) => String(Number(row) + 2)));
  expect(sentence.formula).toMatch(/FIXED/);
  expect(sentence.alignment).toMatchObject({ horizontal: "left", indent: 1, wrapText: true });
});

test("inside Excel (simulated) the same cells get indent level 1", async () => {
  const simulation = await simulationOf(await seedOfFile(SAMPLE_FILE));
  expect((await buildInExcel(hostOf(simulation), BUILT)).ok).toBe(true);
  const summary = workbook.getWorksheet(SUMMARY_SHEET)!;
  const map = workbook.getWorksheet(VALUE_MAP_SHEET)!;
  const indented = [
    ...cellsHolding(summary, ["Source", "Maintenance work orders FY2026"]).map((a1) => [SUMMARY_SHEET, a1] as const),
    ...cellsHolding(map, ["Value proposition"]).map((a1) => [VALUE_MAP_SHEET, a1] as const),
  ];
  expect(indented).toHaveLength(3);
  for (const [sheet, a1] of indented) expect([sheet, a1, simulation.document.cell(sheet, a1).format.indentLevel]).toEqual([sheet, a1, 1]);
  // A cell never indented reports Excel's default.
  expect(simulation.document.cell(SUMMARY_SHEET, "A1").format.indentLevel ?? 0).toBe(0);
});

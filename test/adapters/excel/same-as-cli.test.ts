/**
 * The add-in inside Excel and `cvm build` write the same workbook from the same plan: every cell's
 * formula or value, number format and every defined name. So the LibreOffice interop test, which
 * recalculates what `cvm build` writes, also covers what Excel receives.
 */
import * as fs from "node:fs";
import ExcelJS from "exceljs";
import { buildInExcel } from "../../support/pipeline";
import { loadXlsx, toCellValue } from "../../../src/adapters/xlsx/read";
import { writeModelWorkbook } from "../../support/model-workbook";
import { buildValueWorkbook } from "../../../src/cli/build-workbook";
import { ASSUMPTIONS_SHEET } from "../../../src/core/plan/assumptions";
import { META_SHEET } from "../../../src/core/plan/ownership";
import { SUMMARY_SHEET } from "../../../src/core/plan/summary";
import { VALUE_MAP_SHEET } from "../../../src/core/plan/value-map";
import {
  ACTUALS_BY_YEAR,
  AGAINST_ALTERNATIVE,
  EDGE_CASES,
  MID_PAYBACK,
  NEVER_PAYS_BACK,
  VALUE_MAP_AWKWARD,
  VALUE_MAP_SAMPLE,
} from "../../fixtures/models";
import { seedFromXlsx } from "../../support/xlsx-to-simulation";
import { BUILT, hostOf, SAMPLE_FILE, simulationOf } from "./support";

type Written = Map<string, { content: string | number | boolean; numberFormat: string }>;

/** Every non-empty cell of a sheet of the .xlsx that `cvm build` wrote. */
function fromXlsx(workbook: ExcelJS.Workbook, sheetName: string): Written {
  const cells: Written = new Map();
  workbook.getWorksheet(sheetName)!.eachRow((row) =>
    row.eachCell((cell) => {
      // ExcelJS reads a date-formatted number as a Date; Excel holds the serial number.
      const content = cell.type === ExcelJS.ValueType.Formula ? `=${cell.formula}` : toCellValue(cell.value);
      if (content === "" || content === null) return;
      cells.set(cell.address, { content, numberFormat: cell.numFmt || "General" });
    }),
  );
  return cells;
}

const inputs: [string, () => Promise<Uint8Array>][] = [
  ["the bundled sample", async () => new Uint8Array(fs.readFileSync(SAMPLE_FILE))],
  ...[EDGE_CASES, NEVER_PAYS_BACK, MID_PAYBACK, VALUE_MAP_SAMPLE, VALUE_MAP_AWKWARD, AGAINST_ALTERNATIVE, ACTUALS_BY_YEAR].map(
    (f): [string, () => Promise<Uint8Array>] => [f.name, () => writeModelWorkbook(f.tables, f.options)],
  ),
];

test.each(inputs)("%s: the same cells and names in Excel as in the .xlsx", async (name, bytesOf) => {
  const input = await bytesOf();
  const cli = await buildValueWorkbook(input, BUILT);
  if (!cli.ok) throw new Error(cli.problems[0]!.message);
  const written = await loadXlsx(cli.bytes);

  const simulation = await simulationOf(seedFromXlsx(await loadXlsx(input)));
  const excel = await buildInExcel(hostOf(simulation), BUILT);
  expect(excel.ok).toBe(true);

  const valueMap = written.workbook.getWorksheet(VALUE_MAP_SHEET) ? [VALUE_MAP_SHEET] : [];
  // The value-map fixtures must write one (the other inputs may, once the sample has stakeholders).
  if (name.includes("value-map")) expect(valueMap).toEqual([VALUE_MAP_SHEET]);
  for (const sheet of [SUMMARY_SHEET, ...valueMap, ASSUMPTIONS_SHEET, META_SHEET]) {
    const expected = fromXlsx(written.workbook, sheet);
    const actual: Written = new Map();
    for (const cell of simulation.document.sheet(sheet).cells) {
      const content = cell.formula ?? cell.value;
      if (content === undefined || content === "") continue;
      actual.set(cell.address, { content, numberFormat: cell.numberFormat });
    }
    expect(expected.size).toBeGreaterThan(5);
    expect(actual).toEqual(expected);
  }

  const names = (list: readonly { name: string; refersTo: string }[]) =>
    new Map(list.map((n) => [n.name.toLowerCase(), n.refersTo.replace(/^=/, "")]));
  expect(names(simulation.document.names().map((n) => ({ name: n.name, refersTo: n.formula })))).toEqual(
    names(written.names.filter((n) => n.localSheetId === undefined)),
  );
});

test("what one adapter wrote, the other recognizes as its own: ownership survives saving the file and opening it in Excel", async () => {
  const first = await buildValueWorkbook(new Uint8Array(fs.readFileSync(SAMPLE_FILE)), BUILT);
  if (!first.ok) throw new Error(first.problems[0]!.message);
  // The .xlsx that `cvm build` wrote, opened in Excel: the add-in rebuilds it without a clash.
  const simulation = await simulationOf(seedFromXlsx(await loadXlsx(first.bytes)));
  const miles = /^=Variables!\$([A-Z]+)\$(\d+)$/.exec(simulation.document.name("PipelineMiles")!.formula)!;
  await simulation.run(async (context) => {
    context.workbook.worksheets.getItem("Variables").getRange(`${miles[1]}${miles[2]}`).values = [[1250]];
    await context.sync();
  });
  const rebuilt = await buildInExcel(hostOf(simulation), new Date(BUILT.getTime() + 3_600_000));
  expect(rebuilt.ok).toBe(true);
  // The first build's history row, kept, and one row for the change.
  const history = simulation.document.sheet(ASSUMPTIONS_SHEET).cells.filter((c) => c.row >= 4 && c.column >= 12);
  expect(history.filter((c) => c.column === 12)).toHaveLength(2);
  expect(history.filter((c) => c.row === 5).map((c) => c.value)).toEqual([
    expect.any(Number),
    "Variable",
    "PipelineMiles",
    "Value",
    1200,
    1250,
    "Northwind Midstream",
  ]);
});

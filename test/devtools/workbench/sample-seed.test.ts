/**
 * The workbench's sample seed, the starter plan applied through the Excel adapter, is the bundled
 * sample workbook, the same plan applied through the .xlsx adapter: the same sheets, cells,
 * number formats, column widths and tables as assets/sample/pipeline-leak-analytics.xlsx (read
 * with ExcelJS here, in Node).
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { columnWidthPoints } from "../../../src/adapters/excel/apply";
import { loadXlsx } from "../../../src/adapters/xlsx/read";
import { columnLetters } from "../../../src/core/workbook/address";
import { createExcelSimulation, type SimulationSeed } from "../../../src/devtools/simulation/excel";
import { emptySeed, sampleSeed } from "../../../src/devtools/workbench/sample-seed";
import { seedFromXlsx } from "../../support/xlsx-to-simulation";

const SAMPLE = path.resolve(__dirname, "../../../assets/sample/pipeline-leak-analytics.xlsx");

const documentOf = (seed: SimulationSeed) => createExcelSimulation(seed).document;

describe("the workbench's sample seed", () => {
  let fromFile: SimulationSeed;
  let inserted: SimulationSeed;
  let xlsx: Awaited<ReturnType<typeof loadXlsx>>;
  beforeAll(async () => {
    xlsx = await loadXlsx(new Uint8Array(await fs.readFile(SAMPLE)));
    fromFile = seedFromXlsx(xlsx);
    inserted = await sampleSeed();
  });

  test("has the file's sheets, in order, and its cell values", () => {
    const ours = documentOf(inserted);
    const theirs = documentOf(fromFile);
    expect(ours.sheetNames()).toEqual(["Variables", "Elements", "Settings", "Stakeholders", "Actuals"]);
    expect(ours.sheetNames()).toEqual(theirs.sheetNames());
    for (const name of theirs.sheetNames()) {
      const values = (doc: typeof ours) =>
        doc
          .sheet(name)
          .cells.filter((c) => c.value !== undefined || c.formula !== undefined)
          .map((c) => ({ address: c.address, value: c.value, formula: c.formula }));
      expect(values(ours)).toEqual(values(theirs));
      expect(ours.sheet(name).visibility).toBe(theirs.sheet(name).visibility);
    }
  });

  test("has the file's tables, named as the contract's ranges, and no defined names", () => {
    const tables = (doc: ReturnType<typeof documentOf>) => doc.tables().map((t) => `${t.name} ${t.sheet}!${t.range}`);
    expect(tables(documentOf(inserted))).toEqual(tables(documentOf(fromFile)));
    expect(tables(documentOf(inserted))).toEqual([
      "CVM_Variables Variables!A1:G18",
      "CVM_Elements Elements!A1:J7",
      "CVM_Settings Settings!A1:B11",
      "CVM_Stakeholders Stakeholders!A1:E5",
      "CVM_Actuals Actuals!A1:F12",
    ]);
    expect(documentOf(inserted).names()).toEqual([]);
    expect(documentOf(fromFile).names()).toEqual([]);
  });

  test("has the file's number formats and bold cells, also on styled empty cells", () => {
    const ours = documentOf(inserted);
    let formatted = 0;
    for (const sheet of xlsx.workbook.worksheets) {
      const expected: { address: string; numberFormat: string; bold: boolean }[] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => {
        row.eachCell({ includeEmpty: true }, (cell) => {
          const numberFormat = cell.numFmt || "General";
          const bold = cell.font?.bold === true;
          if (numberFormat !== "General" || bold) expected.push({ address: cell.address, numberFormat, bold });
        });
      });
      const actual = ours
        .sheet(sheet.name)
        .cells.filter((c) => c.numberFormat !== "General" || c.format.bold)
        .map((c) => ({ address: c.address, numberFormat: c.numberFormat, bold: c.format.bold === true }));
      expect(actual).toEqual(expected);
      formatted += actual.length;
    }
    expect(formatted).toBeGreaterThan(0);
    expect(ours.cell("Variables", "B4").numberFormat).toBe("0%");
    expect(ours.cell("Variables", "B2").numberFormat).toBe("#,##0");
    expect(ours.cell("Settings", "B7").numberFormat).toBe('"$"#,##0');
  });

  test("has the file's column widths, in points", () => {
    const ours = documentOf(inserted);
    for (const sheet of xlsx.workbook.worksheets) {
      const expected: Record<string, number> = {};
      (sheet.columns ?? []).forEach((column, i) => {
        if (column.width !== undefined) expected[columnLetters(i)] = columnWidthPoints(column.width);
      });
      expect(ours.sheet(sheet.name).columnWidths).toEqual(expected);
    }
  });

  test("the empty workbook is one empty, active sheet", () => {
    const doc = documentOf(emptySeed());
    expect(doc.sheetNames()).toEqual(["Sheet1"]);
    expect(doc.sheet("Sheet1").cells).toEqual([]);
    expect(doc.names()).toEqual([]);
    expect(doc.activeSheet()).toBe("Sheet1");
  });
});

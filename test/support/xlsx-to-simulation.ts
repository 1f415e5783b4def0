import ExcelJS from "exceljs";
import { cellValueOf, type XlsxWorkbook } from "../../src/adapters/xlsx/read";
import type { CellSeed, SheetSeed, SimulationSeed } from "../../src/devtools/simulation/excel";

/**
 * The same workbook, as the Excel simulation's seed: every cell's value (a formula with its cached
 * result), the workbook-scoped names and the tables. Feeding one file to both adapters is what
 * lets a test compare what `cvm build` writes with what the add-in writes inside Excel.
 */
export function seedFromXlsx(x: XlsxWorkbook): SimulationSeed {
  const sheets: SheetSeed[] = x.workbook.worksheets.map((sheet) => {
    const cells: Record<string, CellSeed> = {};
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cellValueOf(cell) ?? "";
        const numberFormat = cell.numFmt && cell.numFmt !== "General" ? { numberFormat: cell.numFmt } : {};
        cells[cell.address] =
          cell.type === ExcelJS.ValueType.Formula && cell.formula
            ? { formula: `=${cell.formula}`, value, ...numberFormat }
            : { value, ...numberFormat };
      });
    });
    return {
      name: sheet.name,
      visibility: sheet.state === "veryHidden" ? "VeryHidden" : sheet.state === "hidden" ? "Hidden" : "Visible",
      cells,
    };
  });
  const tables = x.workbook.worksheets.flatMap((sheet) =>
    Object.entries((sheet as unknown as { tables?: Record<string, { table: { tableRef?: string; ref?: string } }> }).tables ?? {}).map(
      ([name, t]) => ({
        name,
        sheet: sheet.name,
        range: (t.table.tableRef ?? t.table.ref)!,
      }),
    ),
  );
  const names = x.names.filter((n) => n.localSheetId === undefined).map((n) => ({ name: n.name, formula: `=${n.refersTo}` }));
  return { sheets, names, tables };
}

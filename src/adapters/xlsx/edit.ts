import ExcelJS from "exceljs";
import { blockWidth, type EditCell, type EditPlan, type EditRange } from "../../core/plan/edit";
import { applyPage, cachedResult } from "./apply";

const STATE = { visible: "visible", hidden: "hidden", veryHidden: "veryHidden" } as const;

/**
 * Applies an edit plan to a workbook loaded with ExcelJS, as the Office.js adapter applies it in
 * Excel. A sheet to add that the workbook already has is kept as it is; a block on a sheet the
 * workbook lacks is an error of the planner's.
 */
export function applyEditToXlsx(workbook: ExcelJS.Workbook, plan: EditPlan): void {
  const sheet = (name: string): ExcelJS.Worksheet => {
    const found = workbook.getWorksheet(name);
    if (!found) throw new Error(`The workbook has no sheet "${name}".`);
    return found;
  };
  const added = plan.addSheets.filter((s) => !workbook.worksheets.some((w) => w.name.toLowerCase() === s.name.toLowerCase()));
  for (const s of added) workbook.addWorksheet(s.name);
  for (const r of plan.clear) {
    const target = sheet(r.sheet);
    eachCell(target, r, (cell) => {
      unshare(target, cell);
      cell.value = null;
      cell.style = {};
    });
  }
  for (const block of plan.blocks) {
    const target = sheet(block.sheet);
    const width = blockWidth(block);
    block.rows.forEach((row, r) => {
      for (let c = 0; c < width; c++) {
        const cell = target.getCell(block.top + r + 1, block.left + c + 1);
        unshare(target, cell);
        if (block.numberFormats) cell.numFmt = block.numberFormats[r]?.[c] ?? "General";
        write(cell, row[c] ?? null);
      }
    });
  }
  for (const r of plan.bold) {
    eachCell(sheet(r.sheet), r, (cell) => {
      cell.font = { ...cell.font, bold: true };
    });
  }
  for (const table of plan.tables) addTable(sheet(table.range.sheet), table.name, table.range);
  for (const { sheet: name, column, width } of plan.columnWidths) sheet(name).getColumn(column + 1).width = width;
  for (const s of added) sheet(s.name).state = STATE[s.visibility];
  for (const { sheet: name, page } of plan.pages) {
    const target = sheet(name);
    applyPage(target, page);
    // No build writes this file's print names afterwards (see plannedNamesXml): ExcelJS writes them.
    if (page.titleRows) target.pageSetup.printTitlesRow = `${page.titleRows.first + 1}:${page.titleRows.last + 1}`;
  }
  if (plan.activate !== undefined) {
    const index = workbook.worksheets.findIndex((s) => s.name.toLowerCase() === plan.activate!.toLowerCase());
    if (index >= 0) workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: index, visibility: "visible" }];
  }
}

function eachCell(sheet: ExcelJS.Worksheet, r: EditRange, action: (cell: ExcelJS.Cell) => void): void {
  for (let row = 0; row < r.rows; row++)
    for (let column = 0; column < r.columns; column++) action(sheet.getCell(r.top + row + 1, r.left + column + 1));
}

function write(cell: ExcelJS.Cell, content: EditCell): void {
  if (content === null) cell.value = null;
  else if (content.kind === "formula")
    cell.value = { formula: content.formula.replace(/^=/, ""), result: cachedResult(content.value) } as ExcelJS.CellFormulaValue;
  // A string is stored as a shared string: ExcelJS never reads it as a formula, whatever it begins with.
  else cell.value = content.value;
}

/**
 * Before a shared formula's first cell is overwritten, the cells that share it get the formula
 * as their own: in the file they only point at the first cell's.
 */
function unshare(sheet: ExcelJS.Worksheet, cell: ExcelJS.Cell): void {
  const value = cell.value as { shareType?: string } | null;
  if (cell.type !== ExcelJS.ValueType.Formula || value?.shareType !== "shared") return;
  sheet.eachRow((row) =>
    row.eachCell((other) => {
      const shared = other.value as { sharedFormula?: string } | null;
      if (other.type === ExcelJS.ValueType.Formula && shared?.sharedFormula === cell.address) {
        other.value = { formula: other.formula, result: other.result } as ExcelJS.CellFormulaValue;
      }
    }),
  );
}

/**
 * A table over cells already written. ExcelJS writes a table's cells itself, so it is given
 * them as they stand: the header row's texts as the column names, the rows' values unchanged,
 * and no column style, so every cell keeps its number format.
 */
function addTable(sheet: ExcelJS.Worksheet, name: string, r: EditRange): void {
  const valueAt = (row: number, column: number) => sheet.getCell(r.top + row + 1, r.left + column + 1).value;
  const columns = Array.from({ length: r.columns }, (_, c) => ({ name: String(valueAt(0, c) ?? `Column${c + 1}`), filterButton: true }));
  const rows = Array.from({ length: r.rows - 1 }, (_, row) => Array.from({ length: r.columns }, (_, c) => valueAt(row + 1, c)));
  sheet.addTable({
    name,
    ref: sheet.getCell(r.top + 1, r.left + 1).address,
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns,
    rows,
  });
}

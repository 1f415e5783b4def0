import ExcelJS from "exceljs";
import type { CellAddress } from "../../core/workbook/address";

/** A number or a text for one existing cell of the workbook: text is always written as text. */
export interface CellWrite {
  readonly cell: CellAddress;
  readonly value: number | string;
}

/**
 * Writes numbers and texts into cells of a loaded workbook (a customer's values into the model's
 * input cells). A cell that holds the first formula of a shared formula passes it on first.
 */
export function writeCellsXlsx(workbook: ExcelJS.Workbook, writes: readonly CellWrite[]): void {
  for (const { cell: address, value } of writes) {
    const sheet = workbook.getWorksheet(address.sheet);
    if (!sheet) throw new Error(`The workbook has no sheet "${address.sheet}".`);
    const cell = sheet.getCell(address.row + 1, address.column + 1);
    unshare(sheet, cell);
    // A string is stored as a shared string: never read as a formula, whatever it begins with.
    cell.value = value;
  }
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

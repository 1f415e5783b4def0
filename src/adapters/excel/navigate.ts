import type { CellAddress } from "../../core/workbook/address";
import { cellRef } from "../../core/workbook/address";
import type { ExcelHost } from "./host";

/**
 * Shows a cell to the user: activates its sheet and selects it, as clicking a problem in the task
 * pane promises. False when the sheet no longer exists (renamed or deleted since the check).
 */
export async function selectCell(host: ExcelHost, cell: CellAddress): Promise<boolean> {
  return host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(cell.sheet);
    await context.sync();
    if (sheet.isNullObject) return false;
    sheet.activate();
    sheet.getRange(cellRef(cell.row, cell.column)).select();
    await context.sync();
    return true;
  });
}

import { type StarterKind, type StarterTable, planStarterModel } from "../../core/starter/starter-model";
import { cellRef, columnLetters } from "../../core/workbook/address";
import { columnWidthPoints } from "./apply";
import type { ExcelHost } from "./host";
import { typedEntry } from "./typed-entry";

export type StarterInsertOutcome =
  | { readonly ok: true; readonly sheets: readonly string[]; readonly tables: readonly string[] }
  | { readonly ok: false; readonly message: string };

/**
 * Inserts a starter model (the bundled sample, or empty tables) in two round trips: one to see
 * which sheets, names and tables exist, one to add the new sheets with their tables. The new
 * sheets are the user's from then on: the add-in does not record them as its own, so no later
 * build ever clears or deletes them.
 */
export async function insertStarterModel(host: ExcelHost, kind: StarterKind): Promise<StarterInsertOutcome> {
  return host.run(async (context) => {
    const workbook = context.workbook;
    const sheets = workbook.worksheets.load("items/name");
    const names = workbook.names.load("items/name");
    const tables = workbook.tables.load("items/name");
    await context.sync();

    const planned = planStarterModel(kind, {
      sheets: sheets.items.map((s) => s.name),
      names: names.items.map((n) => n.name),
      tables: tables.items.map((t) => t.name),
    });
    if (!planned.ok) return planned;
    for (const table of planned.plan.tables) writeTable(workbook.worksheets.add(table.sheet), table);
    const first = planned.plan.tables[0];
    if (first) workbook.worksheets.getItem(first.sheet).activate();
    await context.sync();
    return { ok: true, sheets: planned.plan.tables.map((t) => t.sheet), tables: planned.plan.tables.map((t) => t.tableName) };
  });
}

function writeTable(sheet: Excel.Worksheet, table: StarterTable): void {
  const columns = table.columnWidths.length;
  const range = sheet.getRange(`A1:${cellRef(table.rows.length - 1, columns - 1)}`);
  // Formats before entries: Excel reads a typed entry in the light of the cell's format.
  range.numberFormat = table.numberFormats.map((row) => [...row]);
  range.formulas = table.rows.map((row) => row.map((cell) => (cell === null ? "" : typedEntry(cell))));
  const added = sheet.tables.add(range, true);
  added.name = table.tableName;
  table.columnWidths.forEach((width, column) => {
    const letters = columnLetters(column);
    sheet.getRange(`${letters}:${letters}`).format.columnWidth = columnWidthPoints(width);
  });
}

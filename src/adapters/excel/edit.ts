import { blockWidth, type EditCell, type EditPage, type EditPlan } from "../../core/plan/edit";
import { columnLetters } from "../../core/workbook/address";
import { columnWidthPoints, setUpPage } from "./apply";
import { typedEntry } from "./typed-entry";

const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

const entry = (cell: EditCell | undefined): string | number => (cell === null || cell === undefined ? "" : typedEntry(cell));

/**
 * Queues an edit plan on `context` without a round trip: the caller syncs once, with whatever
 * else its request holds. Sheets to add are added as planned (the planner read which exist).
 * Number formats go before entries: Excel reads a typed entry in the light of the cell's format.
 */
export function applyEditToExcel(context: Excel.RequestContext, plan: EditPlan): void {
  const worksheets = context.workbook.worksheets;
  const sheets = new Map<string, Excel.Worksheet>();
  const sheet = (name: string): Excel.Worksheet => {
    let found = sheets.get(name);
    if (!found) sheets.set(name, (found = worksheets.getItem(name)));
    return found;
  };
  for (const added of plan.addSheets) sheets.set(added.name, worksheets.add(added.name));
  for (const r of plan.clear) sheet(r.sheet).getRangeByIndexes(r.top, r.left, r.rows, r.columns).clear("All");
  for (const block of plan.blocks) {
    const width = blockWidth(block);
    if (width === 0) continue;
    const range = sheet(block.sheet).getRangeByIndexes(block.top, block.left, block.rows.length, width);
    if (block.numberFormats)
      range.numberFormat = block.rows.map((_, r) => Array.from({ length: width }, (_, c) => block.numberFormats![r]?.[c] ?? "General"));
    range.formulas = block.rows.map((row) => Array.from({ length: width }, (_, c) => entry(row[c])));
  }
  for (const r of plan.bold) sheet(r.sheet).getRangeByIndexes(r.top, r.left, r.rows, r.columns).format.font.bold = true;
  for (const table of plan.tables) {
    const r = table.range;
    const target = sheet(r.sheet);
    target.tables.add(target.getRangeByIndexes(r.top, r.left, r.rows, r.columns), true).name = table.name;
  }
  for (const { sheet: name, column, width } of plan.columnWidths) {
    const letters = columnLetters(column);
    sheet(name).getRange(`${letters}:${letters}`).format.columnWidth = columnWidthPoints(width);
  }
  for (const added of plan.addSheets) if (added.visibility !== "visible") sheet(added.name).visibility = VISIBILITY[added.visibility];
  if (plan.activate !== undefined) sheet(plan.activate).activate();
  applyPagesToExcel(context, plan.pages);
}

/** Queues the page setup of an edit's sheets (Worksheet.pageLayout, ExcelApi 1.9): last, as a host may refuse it. */
export function applyPagesToExcel(context: Excel.RequestContext, pages: readonly EditPage[]): void {
  for (const { sheet, page } of pages) setUpPage(context.workbook.worksheets.getItem(sheet), page);
}

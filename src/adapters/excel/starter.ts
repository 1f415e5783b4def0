import { type StarterKind, type StarterSource, planStarterModel } from "../../core/starter/starter-model";
import { applyEditToExcel } from "./edit";
import type { ExcelHost } from "./host";

export type StarterInsertOutcome =
  | { readonly ok: true; readonly sheets: readonly string[]; readonly tables: readonly string[] }
  | { readonly ok: false; readonly message: string };

/**
 * Inserts a starter model (the bundled sample, or empty tables, from `source`) in two round
 * trips: one to see which sheets, names and tables exist, one to add the new sheets with their
 * tables. The new sheets are the user's from then on: the add-in does not record them as its
 * own, so no later build ever clears or deletes them.
 */
export async function insertStarterModel(host: ExcelHost, kind: StarterKind, source: StarterSource): Promise<StarterInsertOutcome> {
  return host.run(async (context) => {
    const workbook = context.workbook;
    const sheets = workbook.worksheets.load("items/name");
    const names = workbook.names.load("items/name");
    const tables = workbook.tables.load("items/name");
    await context.sync();

    const planned = planStarterModel(
      kind,
      {
        sheets: sheets.items.map((s) => s.name),
        names: names.items.map((n) => n.name),
        tables: tables.items.map((t) => t.name),
      },
      source,
    );
    if (!planned.ok) return planned;
    applyEditToExcel(context, planned.plan.edit);
    await context.sync();
    return { ok: true, sheets: planned.plan.tables.map((t) => t.sheet), tables: planned.plan.tables.map((t) => t.tableName) };
  });
}

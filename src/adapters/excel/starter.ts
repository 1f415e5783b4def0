import { type StarterKind, type StarterSource, planStarterModel } from "../../core/starter/starter-model";
import { applyEditToExcel, applyPagesToExcel } from "./edit";
import type { ExcelHost } from "./host";

export type StarterInsertOutcome =
  | {
      readonly ok: true;
      readonly sheets: readonly string[];
      readonly tables: readonly string[];
      /** Set when the tables went in but Excel refused their page setup for printing. */
      readonly note?: string;
    }
  | { readonly ok: false; readonly message: string };

/**
 * Inserts a starter model (the bundled sample, or empty tables, from `source`) in three round
 * trips: one to see which sheets, names and tables exist, one to add the new sheets with their
 * tables, one to set how they print (on its own, so that a host refusing it keeps the tables). The new sheets are the user's from then on: the add-in does not record them as its
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
    const { pages, ...edit } = planned.plan.edit;
    applyEditToExcel(context, { ...edit, pages: [] });
    await context.sync();
    const inserted = {
      ok: true,
      sheets: planned.plan.tables.map((t) => t.sheet),
      tables: planned.plan.tables.map((t) => t.tableName),
    } as const;
    // How the new sheets print is cosmetic: a host that refuses it keeps the tables, and is told so.
    applyPagesToExcel(context, pages);
    try {
      await context.sync();
      return inserted;
    } catch (e) {
      return {
        ...inserted,
        note: `Excel refused the new sheets' page setup for printing (${e instanceof Error ? e.message : String(e)}): check Page Layout before printing them.`,
      };
    }
  });
}

/**
 * The benchmark's models: the tests' generated model (test/support/generated-model.ts) at each
 * size, as the core reads it (three named ranges with their addresses, as Office.js hands them over).
 */
import type { ModelTables } from "../src/core/starter/starter-model";
import type { ExistingWorkbook } from "../src/core/plan/build-plan";
import type { CellValue, RangeInput, WorkbookInput } from "../src/core/workbook/cells";
import { formatRange } from "../src/core/workbook/address";
import { generatedModel } from "../test/support/generated-model";

/** The sizes the core is timed at, in elements. */
export const CORE_SIZES = [10, 100, 1000, 10_000] as const;
/** The sizes the Office.js adapter's build is simulated at. */
export const SYNC_SIZES = [10, 100, 1000] as const;
/** The model the custom functions are called over. */
export const FUNCTION_MODEL_SIZE = 500;

/** Where each table sits: its own sheet, from A1 (as writeModelWorkbook puts it). */
export const INPUT_SHEETS = { variables: "Variables", elements: "Elements", settings: "Settings" } as const;

/** A fixed build time, so that every run plans the same workbook. */
export const BUILT = new Date(Date.UTC(2026, 10, 23, 9, 30));

/** A workbook with nothing of the add-in's in it yet: no sheets or names to clash with, no record. */
export const EMPTY_WORKBOOK: ExistingWorkbook = { sheets: [], names: [] };

export { generatedModel };

function rangeOf(rows: readonly (readonly CellValue[])[], sheet: string): RangeInput {
  const width = Math.max(...rows.map((r) => r.length));
  return { address: formatRange({ sheet, top: 0, left: 0, bottom: rows.length - 1, right: width - 1 }), values: rows };
}

/** The model's three named ranges as range arrays, each on its own sheet from A1. */
export function workbookInputOf(tables: ModelTables): WorkbookInput {
  return {
    variables: rangeOf(tables.variables, INPUT_SHEETS.variables),
    elements: rangeOf(tables.elements, INPUT_SHEETS.elements),
    ...(tables.settings ? { settings: rangeOf(tables.settings, INPUT_SHEETS.settings) } : {}),
  };
}

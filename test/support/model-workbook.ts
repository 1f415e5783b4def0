import ExcelJS from "exceljs";
import type { ModelTables } from "../../src/core/starter/starter-model";
import type { CellValue } from "../../src/core/workbook/cells";
import { formatRange } from "../../src/core/workbook/address";

export type { ModelTables };

/** A model's tables, and its optional tables: the stakeholders of a value map (`CVM_Stakeholders`), results by year (`CVM_Actuals`). */
export type ModelWorkbookTables = ModelTables & {
  readonly stakeholders?: readonly (readonly CellValue[])[];
  readonly actuals?: readonly (readonly CellValue[])[];
};

export interface ModelWorkbookOptions {
  /** Sheet for each table; tables may share a sheet, then they are placed side by side. */
  readonly sheets?: {
    readonly variables?: string;
    readonly elements?: string;
    readonly settings?: string;
    readonly stakeholders?: string;
    readonly actuals?: string;
  };
  /** Number formats by header (e.g. `{ Value: "0.0%" }`) for a table's columns, applied per row by a callback. */
  readonly numberFormat?: (table: "variables" | "elements" | "settings", header: string, row: readonly CellValue[]) => string | undefined;
  /** Number formats of CVM_Actuals' columns by header (its Date column: `yyyy-mm-dd`). */
  readonly actualsFormat?: (header: string) => string | undefined;
  /** Widths of the input columns. */
  readonly widths?: readonly number[];
}

/**
 * Writes a workbook that holds a model's inputs as the contract wants them: three tables, each
 * behind its workbook-scoped name, placed as a test asks (tables sharing a sheet, sheets of its
 * own). Test fixtures only: the bundled sample is the starter plan, applied (src/cli/sample-workbook.ts).
 */
export async function writeModelWorkbook(tables: ModelWorkbookTables, options: ModelWorkbookOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Customer Value Model";
  workbook.created = new Date(Date.UTC(2026, 0, 1));
  workbook.modified = new Date(Date.UTC(2026, 0, 1));
  const placed = new Map<string, number>();
  const entries = [
    ["variables", "CVM_Variables", tables.variables],
    ["elements", "CVM_Elements", tables.elements],
    ["settings", "CVM_Settings", tables.settings],
    ["stakeholders", "CVM_Stakeholders", tables.stakeholders],
    ["actuals", "CVM_Actuals", tables.actuals],
  ] as const;
  for (const [key, rangeName, rows] of entries) {
    if (!rows) continue;
    const sheetName =
      options.sheets?.[key] ??
      { variables: "Variables", elements: "Elements", settings: "Settings", stakeholders: "Stakeholders", actuals: "Actuals" }[key];
    const sheet = workbook.getWorksheet(sheetName) ?? workbook.addWorksheet(sheetName);
    const left = placed.get(sheetName) ?? 0;
    const width = Math.max(...rows.map((r) => r.length));
    placed.set(sheetName, left + width + 1);
    const header = rows[0] ?? [];
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        const cell = sheet.getCell(r + 1, left + c + 1);
        if (value !== null && value !== "") cell.value = value;
        if (r === 0) cell.font = { bold: true };
        const headerText = String(header[c] ?? "");
        const format =
          r === 0 || key === "stakeholders"
            ? undefined
            : key === "actuals"
              ? options.actualsFormat?.(headerText)
              : options.numberFormat?.(key, headerText, row);
        if (format) cell.numFmt = format;
      });
    });
    (options.widths ?? []).forEach((w, c) => {
      sheet.getColumn(left + c + 1).width = w;
    });
    const range = formatRange({ sheet: sheetName, top: 0, left, bottom: Math.max(rows.length - 1, 0), right: left + width - 1 }, true);
    workbook.definedNames.add(range, rangeName);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

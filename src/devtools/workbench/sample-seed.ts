/**
 * The workbooks the workbench starts from, as simulation seeds, built in the browser without
 * ExcelJS: the bundled sample laid out exactly as `writeModelWorkbook` lays out
 * assets/sample/pipeline-leak-analytics.xlsx (a test compares the two), and an empty workbook.
 */
import type { ModelTables } from "../../adapters/xlsx/model-workbook";
import { columnWidthPoints } from "../../adapters/excel/apply";
import { columnLetters, formatRange } from "../../core/workbook/address";
import type { CellValue } from "../../core/workbook/cells";
import { PIPELINE_SAMPLE, sampleNumberFormat } from "../../sample/pipeline-model";
import type { CellSeed, NameSeed, SheetSeed, SimulationSeed } from "../simulation/excel";

/** Column widths of the sample's input sheets, in characters (as src/sample/sample-workbook.ts passes them). */
export const SAMPLE_COLUMN_WIDTHS: readonly number[] = [24, 14, 26, 44, 40, 12, 12, 12, 12];

type TableKey = "variables" | "elements" | "settings";

export interface ModelSeedOptions {
  readonly numberFormat?: (table: TableKey, header: string, row: readonly CellValue[]) => string | undefined;
  /** Widths of the input columns, in characters of the default font (Excel's column width). */
  readonly widths?: readonly number[];
}

/**
 * A model's three input tables as a seed, as `writeModelWorkbook` writes them: sheets Variables,
 * Elements and Settings, each table from A1, its header row bold, number formats per cell (also
 * on empty cells, as ExcelJS keeps them), the widths, and the names CVM_Variables, CVM_Elements,
 * CVM_Settings over the whole tables.
 */
export function modelSeed(tables: ModelTables, options: ModelSeedOptions = {}): SimulationSeed {
  const sheets: SheetSeed[] = [];
  const names: NameSeed[] = [];
  const entries = [
    ["variables", "Variables", "CVM_Variables", tables.variables],
    ["elements", "Elements", "CVM_Elements", tables.elements],
    ["settings", "Settings", "CVM_Settings", tables.settings],
  ] as const;
  for (const [key, sheetName, rangeName, rows] of entries) {
    if (!rows) continue;
    const cells: Record<string, CellSeed> = {};
    const width = Math.max(...rows.map((r) => r.length));
    const header = rows[0] ?? [];
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        const numberFormat = r > 0 ? options.numberFormat?.(key, String(header[c] ?? ""), row) : undefined;
        const hasValue = value !== null && value !== "";
        if (!hasValue && r > 0 && !numberFormat) return;
        cells[`${columnLetters(c)}${r + 1}`] = {
          ...(hasValue ? { value } : {}),
          ...(numberFormat ? { numberFormat } : {}),
          ...(r === 0 ? { format: { bold: true } } : {}),
        };
      });
    });
    const columnWidths = Object.fromEntries((options.widths ?? []).map((w, c) => [columnLetters(c), columnWidthPoints(w)]));
    sheets.push({ name: sheetName, cells, columnWidths });
    names.push({ name: rangeName, formula: `=${formatRange({ sheet: sheetName, top: 0, left: 0, bottom: Math.max(rows.length - 1, 0), right: width - 1 }, true)}` });
  }
  return { sheets, names };
}

/** The bundled pipeline-leak analytics sample, as assets/sample/pipeline-leak-analytics.xlsx holds it. */
export function sampleSeed(): SimulationSeed {
  return modelSeed(PIPELINE_SAMPLE, { numberFormat: sampleNumberFormat, widths: SAMPLE_COLUMN_WIDTHS });
}

/** A new, empty workbook: one sheet, Sheet1 (the task pane then offers a starter model). */
export function emptySeed(): SimulationSeed {
  return { sheets: [{ name: "Sheet1" }] };
}

export type WorkbookChoice = "sample" | "empty";

export function seedFor(choice: WorkbookChoice): SimulationSeed {
  return choice === "empty" ? emptySeed() : sampleSeed();
}

import ExcelJS from "exceljs";
import type { Settings } from "../../core/model/types";
import { type DocumentProperties, documentPropertiesFor } from "../../core/plan/document-properties";
import { HEADER_ROW, planForCustomer, PROFILES_SHEET, type ProfileCell, type ProfilesRead, type ProfilesSheetPlan, readProfilesSheet } from "../../core/profiles";
import { formatRange } from "../../core/workbook/address";
import type { CellValue } from "../../core/workbook/cells";
import { cellValueOf } from "./read";

/**
 * What a workbook made for one customer needs besides the build: its profiles sheet down to that
 * customer's profile, document properties of its own, and no result cached from another
 * customer's inputs. Each is planned in the core and only carried out here.
 */

/** The add-in's profiles sheet as the core reads it: its used range, as Office.js would hand it over. */
export function readProfilesXlsx(workbook: ExcelJS.Workbook): ProfilesRead {
  const sheet = workbook.worksheets.find((s) => s.name.toLowerCase() === PROFILES_SHEET.toLowerCase());
  if (!sheet) return readProfilesSheet(undefined);
  let [bottom, right] = [-1, -1];
  sheet.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      if (cell.value === null || cell.value === undefined) return;
      bottom = Math.max(bottom, r - 1);
      right = Math.max(right, c - 1);
    }),
  );
  if (bottom < 0) return readProfilesSheet({ name: sheet.name });
  const values: CellValue[][] = [];
  for (let r = 0; r <= bottom; r++) values.push(Array.from({ length: right + 1 }, (_, c) => cellValueOf(sheet.getCell(r + 1, c + 1))));
  return readProfilesSheet({ name: sheet.name, used: { address: formatRange({ sheet: sheet.name, top: 0, left: 0, bottom, right }), values } });
}

/** Writes a planned profiles sheet as the Office.js adapter does: the old table cleared, A1:B3 and the table from A5. */
export function applyProfilesXlsx(workbook: ExcelJS.Workbook, plan: ProfilesSheetPlan): void {
  const sheet = workbook.getWorksheet(plan.sheet);
  if (!sheet) return;
  const put = (row: number, column: number, content: ProfileCell, numberFormat?: string) => {
    const cell = sheet.getCell(row + 1, column + 1);
    // Text stays text (a shared string), whatever it begins with.
    cell.value = content === null ? null : content.kind === "formula" ? content.formula : content.value;
    if (numberFormat) cell.numFmt = numberFormat;
  };
  if (plan.clear) {
    for (let r = 0; r < plan.clear.rows; r++) for (let c = 0; c < plan.clear.columns; c++) put(HEADER_ROW + r, c, null);
  }
  plan.top.forEach((line, r) => line.forEach((content, c) => put(r, c, content)));
  plan.table.forEach((line, r) => line.forEach((content, c) => put(HEADER_ROW + r, c, content, plan.numberFormats[r]?.[c])));
}

/**
 * Sets the planned document properties. Company and Manager (app.xml) usually name the vendor;
 * they are cleared when they name `otherCustomer`, the customer the model was last made for.
 */
export function setDocumentPropertiesXlsx(workbook: ExcelJS.Workbook, properties: DocumentProperties, otherCustomer: string): void {
  Object.assign(workbook, properties);
  const book = workbook as unknown as { company?: string; manager?: string };
  const names = (text: string | undefined) => otherCustomer.trim() !== "" && (text ?? "").toLowerCase().includes(otherCustomer.trim().toLowerCase());
  if (names(book.company)) book.company = "";
  if (names(book.manager)) book.manager = "";
}

/**
 * Forgets the results that the user's own formulas cached (on every sheet but `keep`): they were
 * computed from the model's inputs, another customer's, and would show that customer's figures
 * until the file is recalculated (Excel recalculates on open; previews and data-only readers do not).
 */
export function forgetCachedResults(workbook: ExcelJS.Workbook, keep: readonly string[]): void {
  const kept = new Set(keep.map((s) => s.toLowerCase()));
  for (const sheet of workbook.worksheets) {
    if (kept.has(sheet.name.toLowerCase())) continue;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const { result: _result, ...formula } = cell.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
        cell.value = formula as ExcelJS.CellValue;
      }),
    );
  }
}

/**
 * Makes a copy of the model one customer's workbook, besides its build: `ownSheets` are the
 * sheets the build writes (their results are the build's own).
 */
export function keepOneCustomer(workbook: ExcelJS.Workbook, profiles: ProfilesRead, settings: Pick<Settings, "offering" | "customer">, modelCustomer: string, ownSheets: readonly string[]): void {
  const plan = planForCustomer(profiles, settings.customer);
  if (plan) applyProfilesXlsx(workbook, plan);
  setDocumentPropertiesXlsx(workbook, documentPropertiesFor(settings), modelCustomer);
  forgetCachedResults(workbook, [...ownSheets, PROFILES_SHEET]);
}

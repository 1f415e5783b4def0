import ExcelJS from "exceljs";
import type { Settings } from "../../core/model/types";
import { type DocumentProperties, documentPropertiesFor } from "../../core/plan/document-properties";
import { planForCustomer, PROFILES_SHEET, type ProfilesRead, readProfilesSheet } from "../../core/profiles";
import { formatRange } from "../../core/workbook/address";
import type { CellValue } from "../../core/workbook/cells";
import { applyEditToXlsx } from "./edit";
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
  return readProfilesSheet({
    name: sheet.name,
    used: { address: formatRange({ sheet: sheet.name, top: 0, left: 0, bottom, right }), values },
  });
}

/**
 * Sets the planned document properties. Company and Manager (app.xml) usually name the vendor;
 * they are cleared when they name `otherCustomer`, the customer the model was last made for.
 */
export function setDocumentPropertiesXlsx(workbook: ExcelJS.Workbook, properties: DocumentProperties, otherCustomer: string): void {
  Object.assign(workbook, properties);
  const book = workbook as unknown as { company?: string; manager?: string };
  const names = (text: string | undefined) =>
    otherCustomer.trim() !== "" && (text ?? "").toLowerCase().includes(otherCustomer.trim().toLowerCase());
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
export function keepOneCustomer(
  workbook: ExcelJS.Workbook,
  profiles: ProfilesRead,
  settings: Pick<Settings, "offering" | "customer">,
  modelCustomer: string,
  ownSheets: readonly string[],
): void {
  const plan = planForCustomer(profiles, settings.customer);
  if (plan) applyEditToXlsx(workbook, plan.edit);
  setDocumentPropertiesXlsx(workbook, documentPropertiesFor(settings), modelCustomer);
  forgetCachedResults(workbook, [...ownSheets, PROFILES_SHEET]);
}

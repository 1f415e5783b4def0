import ExcelJS from "exceljs";
import type { EditPlan } from "../../core/plan/edit";
import type { CellAddress } from "../../core/workbook/address";
import { applyEditToXlsx } from "./edit";
import type { XlsxWorkbook } from "./read";

/**
 * What a caller may need to know of a model cell beyond the value the core read: whether it
 * holds a formula (and which), the number it shows, its number format. The batch asks it of the
 * cells it writes per customer, so that the command line never handles ExcelJS cells itself.
 */
export interface XlsxCellFacts {
  /** The formula without its `=`, when the cell holds one. */
  readonly formula?: string;
  /** The number the cell holds, or the cached result of its formula when that is a number. */
  readonly number?: number;
  readonly numberFormat?: string;
}

export function cellFacts(x: XlsxWorkbook): (address: CellAddress) => XlsxCellFacts {
  return (address) => {
    const sheet = x.workbook.getWorksheet(address.sheet);
    if (!sheet) throw new Error(`The workbook has no sheet "${address.sheet}".`);
    const cell = sheet.getCell(address.row + 1, address.column + 1);
    const isFormula = cell.type === ExcelJS.ValueType.Formula;
    const number = typeof cell.value === "number" ? cell.value : isFormula && typeof cell.result === "number" ? cell.result : undefined;
    return {
      ...(isFormula ? { formula: cell.formula } : {}),
      ...(number === undefined ? {} : { number }),
      ...(cell.numFmt ? { numberFormat: cell.numFmt } : {}),
    };
  };
}

/**
 * A fresh copy of a workbook already loaded once, from its bytes: each of a batch's customers
 * starts again from the model, and the package parts read at the first load are reused.
 */
export async function copyXlsx(bytes: Uint8Array, loaded: Omit<XlsxWorkbook, "workbook">): Promise<XlsxWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { ...loaded, workbook };
}

/** A new .xlsx holding only what the edit writes (the sample's input tables). */
export async function newXlsxFromEdit(
  edit: EditPlan,
  properties: { readonly creator: string; readonly created: Date },
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = properties.creator;
  workbook.created = properties.created;
  workbook.modified = properties.created;
  applyEditToXlsx(workbook, edit);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Applies an edit of cells to a loaded workbook (the customer's values in a batch). */
export function editXlsx(x: XlsxWorkbook, edit: EditPlan): void {
  applyEditToXlsx(x.workbook, edit);
}

/**
 * Turns a hostile case's ranges into an .xlsx file: each range's cells written on its sheet where
 * its address says, and each range behind its workbook-scoped defined name. The names are written
 * into the package as XML, exactly as given, because ExcelJS rewrites or drops names it cannot
 * parse (`#REF!$B$2:$C$9`, a name on a sheet that does not exist).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { encodeXml, withDefinedNames } from "../../src/adapters/xlsx/package-parts";
import { errorCodeOf } from "../../src/core/formula/values";
import { formatRange, parseRangeAddress } from "../../src/core/workbook/address";
import { type CellValue, RANGE_NAMES, type RangeInput, type WorkbookInput } from "../../src/core/workbook/cells";

export interface RawName {
  readonly name: string;
  /** Without the leading `=`, as stored in workbook.xml. */
  readonly refersTo: string;
  /** A sheet-scoped name: the 0-based index of its sheet. */
  readonly localSheetId?: number;
}

function nameXml(n: RawName): string {
  const scope = n.localSheetId === undefined ? "" : ` localSheetId="${n.localSheetId}"`;
  return `<definedName name="${encodeXml(n.name)}"${scope}>${encodeXml(n.refersTo)}</definedName>`;
}

export interface WorkbookExtras {
  /** Sheets to add although no range lives on them. */
  readonly sheets?: readonly string[];
  /** Names written as they are, besides (or instead of) the ranges' own. */
  readonly names?: readonly RawName[];
  /** Ranges whose defined name is left out (the cells are still written). */
  readonly unnamed?: readonly (keyof WorkbookInput)[];
}

function excelValue(value: CellValue): ExcelJS.CellValue {
  if (value === null || value === "") return null;
  if (typeof value === "string") {
    const code = errorCodeOf(value);
    // Office.js hands an error cell over as its text; in the file it is an error cell.
    if (code && value.trim() === value) return { error: code as ExcelJS.CellErrorValue["error"] };
  }
  return value;
}

function writeRange(workbook: ExcelJS.Workbook, input: RangeInput): boolean {
  if (input.address.includes("#REF!")) return false;
  const range = parseRangeAddress(input.address);
  if (!range) return false;
  const sheet = workbook.getWorksheet(range.sheet) ?? workbook.addWorksheet(range.sheet);
  input.values.forEach((row, r) => {
    row.forEach((value, c) => {
      const cell = sheet.getCell(range.top + r + 1, range.left + c + 1);
      const formula = input.formulas?.[r]?.[c];
      if (typeof formula === "string" && formula.startsWith("=")) {
        const result = excelValue(value);
        cell.value = { formula: formula.slice(1), ...(result === null ? {} : { result }) } as ExcelJS.CellFormulaValue;
      } else {
        const written = excelValue(value);
        if (written !== null) cell.value = written;
      }
    });
  });
  return true;
}

/** The .xlsx bytes of a workbook holding `input`'s ranges (and `extras`). */
export async function workbookOf(input: WorkbookInput, extras: WorkbookExtras = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2026, 0, 1));
  workbook.modified = new Date(Date.UTC(2026, 0, 1));
  const names: RawName[] = [];
  for (const key of Object.keys(RANGE_NAMES) as (keyof WorkbookInput)[]) {
    const range = input[key];
    if (!range) continue;
    const written = writeRange(workbook, range);
    if (extras.unnamed?.includes(key)) continue;
    const parsed = written ? parseRangeAddress(range.address) : undefined;
    names.push({ name: RANGE_NAMES[key], refersTo: parsed ? formatRange(parsed, true) : range.address });
  }
  for (const sheet of extras.sheets ?? []) if (!workbook.getWorksheet(sheet)) workbook.addWorksheet(sheet);
  if (workbook.worksheets.length === 0) workbook.addWorksheet("Sheet1");
  names.push(...(extras.names ?? []));

  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", withDefinedNames(xml, names.map(nameXml)));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

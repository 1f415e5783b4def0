import ExcelJS from "exceljs";
import type { ExistingWorkbook } from "../../core/plan/build-plan";
import { excelSerialDate } from "../../core/plan/formats";
import { ASSUMPTIONS_SHEET } from "../../core/plan/assumptions";
import { HISTORY_COLUMN, HISTORY_LAST_COLUMN } from "../../core/plan/history";
import { META_SHEET } from "../../core/plan/ownership";
import { parseRangeAddress, formatRange, type RangeAddress } from "../../core/workbook/address";
import { type CellValue, RANGE_NAMES, type RangeInput, type WorkbookInput } from "../../core/workbook/cells";
import { firstCellOf, parseWholeLines, usedPart, type WholeLines } from "../../core/workbook/whole-lines";
import JSZip from "jszip";
import { type DefinedNameXml, readDefinedNames, readPageBreaks, readWorkbookXml } from "./package-parts";

/** A loaded .xlsx: ExcelJS's view of cells and styles, and the package's own defined names. */
export interface XlsxWorkbook {
  readonly workbook: ExcelJS.Workbook;
  readonly names: readonly DefinedNameXml[];
  /** Each sheet's manual page breaks as read (see readPageBreaks), written back where the plan sets none. */
  readonly pageBreaks?: ReadonlyMap<string, string>;
}

export async function loadXlsx(buffer: Uint8Array): Promise<XlsxWorkbook> {
  const zip = await JSZip.loadAsync(buffer);
  const names = readDefinedNames(await readWorkbookXml(zip));
  const pageBreaks = await readPageBreaks(zip);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return { workbook, names, pageBreaks };
}

/** A cell as Office.js would hand it over: formulas as their last result, errors as their text. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  // ExcelJS reads date cells as Date; Office.js hands over the serial number.
  if (value instanceof Date) return excelSerialDate(value);
  if ("error" in value) return String(value.error);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? "" : toCellValue(result as ExcelJS.CellValue);
  }
  if ("text" in value) return String((value as { text: unknown }).text);
  return "";
}

/**
 * A cell's value; for a formula, its cached result read through `cell.result`, because
 * `cell.value` drops a result of 0, FALSE or "" (ExcelJS copies only truthy fields).
 */
export function cellValueOf(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Formula) {
    const result = cell.result as ExcelJS.CellValue | undefined;
    return result === undefined ? "" : toCellValue(result);
  }
  return toCellValue(cell.value);
}

function readRange(workbook: ExcelJS.Workbook, address: string): RangeInput {
  const range = parseRangeAddress(address);
  const sheet = range && workbook.getWorksheet(range.sheet);
  if (!range || !sheet) return { address: range ? "#REF!" : address, values: [] };
  const values: CellValue[][] = [];
  const formulas: CellValue[][] = [];
  const numberFormats: string[][] = [];
  // Rows past the sheet's last used row are empty: reading them would only create them.
  const bottom = Math.min(range.bottom, sheet.rowCount - 1);
  for (let row = range.top; row <= bottom; row++) {
    const line: CellValue[] = [];
    const formulaLine: CellValue[] = [];
    const formatLine: string[] = [];
    const sheetRow = sheet.getRow(row + 1);
    for (let column = range.left; column <= range.right; column++) {
      const cell = sheetRow.getCell(column + 1);
      const value = cellValueOf(cell);
      line.push(value);
      formulaLine.push(cell.type === ExcelJS.ValueType.Formula && cell.formula ? `=${cell.formula}` : value);
      formatLine.push(cell.numFmt || "General");
    }
    values.push(line);
    formulas.push(formulaLine);
    numberFormats.push(formatLine);
  }
  return { address: formatRange(range), values, formulas, numberFormats };
}

/** Finds a named range: a workbook-scoped defined name, else an Excel table of that name. */
function findRange(x: XlsxWorkbook, name: string): RangeInput | undefined {
  const defined = x.names.find((n) => n.localSheetId === undefined && n.name.toLowerCase() === name.toLowerCase());
  if (defined) {
    const table = /^([\p{L}_][\p{L}\p{N}_.]*)(\[#All\])?$/u.exec(defined.refersTo.trim());
    if (table) return findTable(x.workbook, table[1]!) ?? { address: defined.refersTo, values: [] };
    const wholeLines = parseWholeLines(defined.refersTo);
    if (wholeLines) return readWholeLines(x.workbook, wholeLines);
    return readRange(x.workbook, defined.refersTo);
  }
  return findTable(x.workbook, name);
}

/** Whole columns or rows, read as the part of them that holds values, as Excel's used range. */
function readWholeLines(workbook: ExcelJS.Workbook, lines: WholeLines): RangeInput {
  const sheet = workbook.getWorksheet(lines.sheet);
  if (!sheet) return { address: "#REF!", values: [] };
  let used: Omit<RangeAddress, "sheet"> | undefined;
  sheet.eachRow((row, rowNumber) => {
    row.eachCell((cell, columnNumber) => {
      if (cell.value === null || cell.value === undefined) return;
      const [r, c] = [rowNumber - 1, columnNumber - 1];
      if (r < lines.top || r > lines.bottom || c < lines.left || c > lines.right) return;
      used = used
        ? { top: Math.min(used.top, r), left: Math.min(used.left, c), bottom: Math.max(used.bottom, r), right: Math.max(used.right, c) }
        : { top: r, left: c, bottom: r, right: c };
    });
  });
  const part = usedPart(lines, used);
  return part ? readRange(workbook, formatRange(part)) : { address: firstCellOf(lines), values: [] };
}

function findTable(workbook: ExcelJS.Workbook, name: string): RangeInput | undefined {
  for (const sheet of workbook.worksheets) {
    for (const [tableName, table] of Object.entries(
      (sheet as unknown as { tables: Record<string, { table: { tableRef?: string; ref?: string } }> }).tables ?? {},
    )) {
      if (tableName.toLowerCase() !== name.toLowerCase()) continue;
      const ref = table.table.tableRef ?? table.table.ref;
      if (ref) return readRange(workbook, `'${sheet.name.replace(/'/g, "''")}'!${ref}`);
    }
  }
  return undefined;
}

/** Everything a build needs from the workbook, read in one pass. */
export function readWorkbook(x: XlsxWorkbook): { input: WorkbookInput; existing: ExistingWorkbook } {
  // Every range of the contract, optional ones included, is read the same way: a new range is
  // one more entry of RANGE_NAMES.
  const input: Partial<Record<keyof typeof RANGE_NAMES, RangeInput>> = {};
  for (const [key, name] of Object.entries(RANGE_NAMES) as [keyof typeof RANGE_NAMES, string][]) {
    const range = findRange(x, name);
    if (range) input[key] = range;
  }

  const recordSheet = x.workbook.getWorksheet(META_SHEET);
  let record: CellValue[][] | undefined;
  if (recordSheet) {
    record = [];
    recordSheet.eachRow({ includeEmpty: true }, (row) => {
      const line: CellValue[] = [];
      for (let c = 1; c <= 5; c++) line.push(cellValueOf(row.getCell(c)));
      record!.push(line);
    });
  }
  const history = readHistory(x.workbook);
  const existing: ExistingWorkbook = {
    sheets: x.workbook.worksheets.map((s) => s.name),
    names: x.names.filter((n) => n.localSheetId === undefined).map((n) => ({ name: n.name, refersTo: `=${n.refersTo}` })),
    tables: x.workbook.worksheets.flatMap((sheet) => Object.keys((sheet as unknown as { tables?: Record<string, unknown> }).tables ?? {})),
    ...(record ? { record } : {}),
    ...(history ? { history } : {}),
  };
  return { input, existing };
}

/** The Assumptions Log's history columns, from row 1 to the sheet's last row, as Office.js would read them. */
function readHistory(workbook: ExcelJS.Workbook): RangeInput | undefined {
  const sheet = workbook.getWorksheet(ASSUMPTIONS_SHEET);
  if (!sheet || sheet.rowCount === 0) return undefined;
  const values: CellValue[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const line: CellValue[] = [];
    for (let c = HISTORY_COLUMN + 1; c <= HISTORY_LAST_COLUMN + 1; c++) line.push(cellValueOf(row.getCell(c)));
    values.push(line);
  }
  return {
    address: formatRange({
      sheet: ASSUMPTIONS_SHEET,
      top: 0,
      left: HISTORY_COLUMN,
      bottom: sheet.rowCount - 1,
      right: HISTORY_LAST_COLUMN,
    }),
    values,
  };
}

/**
 * Why bytes that begin as a zip package cannot be loaded as a workbook, if they cannot: the zip
 * itself is damaged, it is a zip but no workbook (a Word document), or a part of the workbook
 * inside does not read. The command line turns each into a sentence.
 */
export async function packageFault(bytes: Uint8Array): Promise<"damaged-zip" | "not-a-workbook" | "damaged-part" | undefined> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return "damaged-zip";
  }
  if (!zip.file("xl/workbook.xml")) return "not-a-workbook";
  try {
    await loadXlsx(bytes);
  } catch {
    return "damaged-part";
  }
  return undefined;
}

/**
 * A1-style addresses. Office.js reports a range as `Sheet1!A1:F10` (quoting sheet names that
 * need it, `'My Inputs'!A1:F10`); every problem the add-in reports points at one cell of such a range.
 */

export interface CellAddress {
  readonly sheet: string;
  /** 0-based. */
  readonly row: number;
  /** 0-based. */
  readonly column: number;
}

export interface RangeAddress {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `B7`, without the sheet; `absolute` gives `$B$7`. */
export function cellRef(row: number, column: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(column)}${d}${row + 1}`;
}

/** Sheet names with spaces or punctuation must be quoted in formulas, with `'` doubled. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !looksLikeCellReference(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function formatCell(address: CellAddress, absolute = false): string {
  return `${quoteSheet(address.sheet)}!${cellRef(address.row, address.column, absolute)}`;
}

export function formatRange(range: RangeAddress, absolute = false): string {
  const start = cellRef(range.top, range.left, absolute);
  const end = cellRef(range.bottom, range.right, absolute);
  return `${quoteSheet(range.sheet)}!${start === end ? start : `${start}:${end}`}`;
}

/** True for text that Excel would read as a cell reference in A1 (`Q1`, `XFD1048576`) or R1C1 (`R1C1`, `R`, `C12`) style. */
export function looksLikeCellReference(text: string): boolean {
  const a1 = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/.exec(text);
  if (a1) {
    const column = columnIndex(a1[1]!);
    const row = Number(a1[2]);
    if (column < MAX_COLUMNS && row >= 1 && row <= MAX_ROWS) return true;
  }
  return /^[Rr]([0-9]*)[Cc]?([0-9]*)$/.test(text) || /^[Cc][0-9]*$/.test(text);
}

/**
 * Reads `Sheet!A1:F10`, `'It''s'!$A$1:$F$10` or `Sheet!B2`. Returns undefined for anything else
 * (a whole-column reference, `#REF!` after a sheet was deleted, an external workbook).
 */
export function parseRangeAddress(text: string): RangeAddress | undefined {
  const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]!;
  const left = columnIndex(match[3]!);
  const top = Number(match[4]) - 1;
  const right = match[5] !== undefined ? columnIndex(match[5]) : left;
  const bottom = match[6] !== undefined ? Number(match[6]) - 1 : top;
  // Sheet names cannot hold [ or ]: a name that does is an external workbook's (`[Book1.xlsx]Sheet1`).
  if (/[[\]]/.test(sheet)) return undefined;
  // `#REF!$B$2:$C$9` is what a reference keeps of a deleted sheet; a sheet named "#REF" would be quoted.
  if (match[2] !== undefined && sheet.trim().toUpperCase() === "#REF") return undefined;
  if (top < 0 || bottom < 0 || left >= MAX_COLUMNS || right >= MAX_COLUMNS || top >= MAX_ROWS || bottom >= MAX_ROWS) return undefined;
  return { sheet, top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

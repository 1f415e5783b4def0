/**
 * A1 addresses as the Office.js range API takes and gives them. Rectangles are 0-based and
 * inclusive, like the core's RangeAddress but without a sheet: a simulated range always knows
 * its sheet as an object, not as a name.
 */
import { MAX_COLUMNS, MAX_ROWS, columnIndex, columnLetters, quoteSheet } from "../../../core/workbook/address";

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export const WHOLE_SHEET: Rect = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };

const SHEET = String.raw`(?:'((?:[^']|'')+)'|([^'!:]+))!`;
const CELL = String.raw`\$?([A-Za-z]{1,3})\$?(\d{1,7})`;
const COLUMN = String.raw`\$?([A-Za-z]{1,3})`;
const ROW = String.raw`\$?(\d{1,7})`;
const CELLS = new RegExp(`^(?:${SHEET})?${CELL}(?::${CELL})?$`);
const COLUMNS = new RegExp(`^(?:${SHEET})?${COLUMN}:${COLUMN}$`);
const ROWS = new RegExp(`^(?:${SHEET})?${ROW}:${ROW}$`);

export interface QualifiedRect {
  /** The sheet named in the address, if any (unquoted). */
  readonly sheet?: string;
  readonly rect: Rect;
}

/** `A1`, `$A$1:B2`, `A:K`, `5:7`, each optionally `Sheet!` or `'My Sheet'!` qualified. */
export function parseAddress(text: string): QualifiedRect | undefined {
  const trimmed = text.trim();
  const cells = CELLS.exec(trimmed);
  if (cells) {
    const [, quoted, plain, c1, r1, c2, r2] = cells;
    return qualified(quoted, plain, ordered(row(r1), column(c1), row(r2 ?? r1), column(c2 ?? c1)));
  }
  const columns = COLUMNS.exec(trimmed);
  if (columns) {
    const [, quoted, plain, c1, c2] = columns;
    return qualified(quoted, plain, ordered(0, column(c1), MAX_ROWS - 1, column(c2)));
  }
  const rows = ROWS.exec(trimmed);
  if (rows) {
    const [, quoted, plain, r1, r2] = rows;
    return qualified(quoted, plain, ordered(row(r1), 0, row(r2), MAX_COLUMNS - 1));
  }
  return undefined;
}

function row(digits: string | undefined): number {
  return Number(digits) - 1;
}

function column(letters: string | undefined): number {
  return columnIndex(letters ?? "");
}

function ordered(r1: number, c1: number, r2: number, c2: number): Rect | undefined {
  const rect = { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  const inside = rect.top >= 0 && rect.bottom < MAX_ROWS && rect.left >= 0 && rect.right < MAX_COLUMNS;
  return inside ? rect : undefined;
}

function qualified(quoted: string | undefined, plain: string | undefined, rect: Rect | undefined): QualifiedRect | undefined {
  if (!rect) return undefined;
  const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : plain?.trim();
  return sheet === undefined ? { rect } : { sheet, rect };
}

const wholeColumns = (rect: Rect): boolean => rect.top === 0 && rect.bottom === MAX_ROWS - 1;
const wholeRows = (rect: Rect): boolean => rect.left === 0 && rect.right === MAX_COLUMNS - 1;

/** `B2`, `A1:C3`, `A:K` or `5:7`, as Excel writes them; `absolute` adds the `$` signs. */
export function formatRect(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (wholeColumns(rect)) return `${d}${columnLetters(rect.left)}:${d}${columnLetters(rect.right)}`;
  if (wholeRows(rect)) return `${d}${rect.top + 1}:${d}${rect.bottom + 1}`;
  const start = `${d}${columnLetters(rect.left)}${d}${rect.top + 1}`;
  const end = `${d}${columnLetters(rect.right)}${d}${rect.bottom + 1}`;
  return start === end ? start : `${start}:${end}`;
}

/** `'Value Summary'!A1:K20`: Range.address. */
export function formatAddress(sheet: string, rect: Rect, absolute = false): string {
  return `${quoteSheet(sheet)}!${formatRect(rect, absolute)}`;
}

export function cellRect(row: number, column: number): Rect {
  return { top: row, left: column, bottom: row, right: column };
}

export const rowCount = (rect: Rect): number => rect.bottom - rect.top + 1;
export const columnCount = (rect: Rect): number => rect.right - rect.left + 1;
export const area = (rect: Rect): number => rowCount(rect) * columnCount(rect);

export function contains(rect: Rect, row: number, column: number): boolean {
  return row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right;
}

export function intersection(a: Rect, b: Rect): Rect | undefined {
  const rect = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return rect.top <= rect.bottom && rect.left <= rect.right ? rect : undefined;
}

/** What is left of `a` once `b` is cut out of it: up to four rectangles (above, below, left, right). */
export function subtract(a: Rect, b: Rect): Rect[] {
  const cut = intersection(a, b);
  if (!cut) return [a];
  const pieces: Rect[] = [];
  if (a.top < cut.top) pieces.push({ ...a, bottom: cut.top - 1 });
  if (cut.bottom < a.bottom) pieces.push({ ...a, top: cut.bottom + 1 });
  if (a.left < cut.left) pieces.push({ top: cut.top, bottom: cut.bottom, left: a.left, right: cut.left - 1 });
  if (cut.right < a.right) pieces.push({ top: cut.top, bottom: cut.bottom, left: cut.right + 1, right: a.right });
  return pieces;
}

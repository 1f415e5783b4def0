import { columnIndex, formatRange, MAX_COLUMNS, MAX_ROWS, type RangeAddress } from "./address";

/**
 * A reference to whole columns (`Inputs!$A:$G`) or whole rows (`Inputs!$1:$20`): a common way to
 * name a table that grows. Reading it cell by cell would mean a million rows (Excel on the web
 * refuses a response that large), so adapters read only its used part.
 */
export interface WholeLines {
  readonly sheet: string;
  /** 0-based rectangle: whole columns span every row, whole rows every column. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Reads `Sheet!$A:$G`, `'It''s'!C:C` or `Sheet!$2:$40` (with or without `=`); undefined for anything else. */
export function parseWholeLines(reference: string): WholeLines | undefined {
  const match = /^=?(?:'((?:[^']|'')+)'|([^'![\]]+))!(?:\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})|\$?(\d+):\$?(\d+))$/.exec(reference.trim());
  if (!match) return undefined;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]!;
  // `#REF!$A:$G` is what a reference keeps of a deleted sheet; a sheet named "#REF" would be quoted.
  if (match[2] !== undefined && sheet.toUpperCase() === "#REF") return undefined;
  if (match[3] !== undefined) {
    const [a, b] = [columnIndex(match[3]), columnIndex(match[4]!)];
    if (a >= MAX_COLUMNS || b >= MAX_COLUMNS) return undefined;
    return { sheet, top: 0, bottom: MAX_ROWS - 1, left: Math.min(a, b), right: Math.max(a, b) };
  }
  const [a, b] = [Number(match[5]) - 1, Number(match[6]) - 1];
  if (a < 0 || b < 0 || a >= MAX_ROWS || b >= MAX_ROWS) return undefined;
  return { sheet, top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COLUMNS - 1 };
}

/** The part of the lines that holds something, given the sheet's used rectangle; undefined when nothing. */
export function usedPart(lines: WholeLines, used: Omit<RangeAddress, "sheet"> | undefined): RangeAddress | undefined {
  if (!used) return undefined;
  const part = {
    sheet: lines.sheet,
    top: Math.max(lines.top, used.top),
    left: Math.max(lines.left, used.left),
    bottom: Math.min(lines.bottom, used.bottom),
    right: Math.min(lines.right, used.right),
  };
  return part.top <= part.bottom && part.left <= part.right ? part : undefined;
}

/** Where empty lines are reported: their first cell, where a header would be. */
export function firstCellOf(lines: WholeLines): string {
  return formatRange({ sheet: lines.sheet, top: lines.top, left: lines.left, bottom: lines.top, right: lines.left });
}

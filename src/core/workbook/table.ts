import { type CellAddress, parseRangeAddress, type RangeAddress } from "./address";
import { type CellValue, isBlank, type RangeInput, cellText } from "./cells";
import { error, type Problem } from "../problems";

/** A column the add-in reads from a named range: its header text and whether it must be there. */
export interface ColumnSpec<K extends string> {
  readonly key: K;
  readonly header: string;
  readonly required: boolean;
}

export interface TableCell {
  readonly value: CellValue;
  /** The cell's formula (`=Miles*2`) when it holds one. */
  readonly formula?: string;
  /** Its number format, where the reader gave one other than General. */
  readonly numberFormat?: string;
  readonly address: CellAddress;
}

export interface TableRow<K extends string> {
  /** The cell of each column the range has; a column the range lacks is absent. */
  readonly cells: Partial<Record<K, TableCell>>;
  /** Address of the row's first cell, for problems about the row as a whole. */
  readonly address: CellAddress;
}

export interface Table<K extends string> {
  readonly range: RangeAddress;
  /** Which of the spec's columns the header row has, and where. */
  readonly columns: Partial<Record<K, number>>;
  readonly rows: readonly TableRow<K>[];
}

function normaliseHeader(value: CellValue): string {
  return cellText(value).toLowerCase();
}

/**
 * Reads a named range as a table: the first row is the header, matched to the spec
 * case-insensitively and ignoring surrounding spaces; columns may come in any order; unknown
 * columns are ignored; fully empty rows are skipped. Problems are collected, never thrown.
 */
export function readTable<K extends string>(
  rangeName: string,
  input: RangeInput,
  spec: readonly ColumnSpec<K>[],
): { table?: Table<K>; problems: Problem[] } {
  const range = parseRangeAddress(input.address);
  if (!range) return { problems: [unreadableRange(rangeName, input.address)] };
  const header = input.values[0];
  if (!header || header.every(isBlank)) {
    const at = { sheet: range.sheet, row: range.top, column: range.left };
    return {
      problems: [
        error(
          "range-no-header",
          rangeName,
          `The named range ${rangeName} has no header row: its first row must name the columns (${spec.map((c) => c.header).join(", ")}).`,
          at,
        ),
      ],
    };
  }
  const { columns, problems } = matchHeader(rangeName, range, header, spec);
  return { table: { range, columns, rows: readRows(input, range, columns, spec) }, problems };
}

function unreadableRange(rangeName: string, address: string): Problem {
  const why = address.includes("#REF!")
    ? "its sheet or cells were deleted (it refers to #REF!)"
    : `its address "${address}" is not a range of cells`;
  return error(
    "range-invalid",
    rangeName,
    `The named range ${rangeName} cannot be read: ${why}. Point it at the table again (Formulas > Name Manager).`,
  );
}

/** Where each column of the spec is in the header row; a repeated or missing required column is a problem. */
function matchHeader<K extends string>(
  rangeName: string,
  range: RangeAddress,
  header: readonly CellValue[],
  spec: readonly ColumnSpec<K>[],
): { columns: Partial<Record<K, number>>; problems: Problem[] } {
  const problems: Problem[] = [];
  const columns: Partial<Record<K, number>> = {};
  header.forEach((value, index) => {
    const column = spec.find((c) => c.header.toLowerCase() === normaliseHeader(value));
    if (!column) return;
    if (columns[column.key] !== undefined) {
      problems.push(
        error("column-repeated", rangeName, `The column "${column.header}" appears twice in the header of ${rangeName}; keep one.`, {
          sheet: range.sheet,
          row: range.top,
          column: range.left + index,
        }),
      );
      return;
    }
    columns[column.key] = index;
  });
  for (const column of spec) {
    if (column.required && columns[column.key] === undefined) {
      problems.push(
        error("column-missing", rangeName, `The named range ${rangeName} has no "${column.header}" column: add it to the header row.`, {
          sheet: range.sheet,
          row: range.top,
          column: range.left,
        }),
      );
    }
  }
  return { columns, problems };
}

/** The rows under the header, fully empty ones skipped, each cell with its address, formula and format. */
function readRows<K extends string>(
  input: RangeInput,
  range: RangeAddress,
  columns: Partial<Record<K, number>>,
  spec: readonly ColumnSpec<K>[],
): TableRow<K>[] {
  const rows: TableRow<K>[] = [];
  input.values.slice(1).forEach((values, offset) => {
    if (values.every(isBlank)) return;
    const row = range.top + 1 + offset;
    const cells: Partial<Record<K, TableCell>> = {};
    for (const column of spec) {
      const index = columns[column.key];
      if (index === undefined) continue;
      const formula = input.formulas?.[offset + 1]?.[index];
      const address = { sheet: range.sheet, row, column: range.left + index };
      const numberFormat = input.numberFormats?.[offset + 1]?.[index];
      cells[column.key] = {
        value: values[index] ?? "",
        ...(typeof formula === "string" && formula.startsWith("=") ? { formula } : {}),
        address,
        ...(numberFormat && numberFormat !== "General" ? { numberFormat } : {}),
      };
    }
    rows.push({ cells, address: { sheet: range.sheet, row, column: range.left } });
  });
  return rows;
}

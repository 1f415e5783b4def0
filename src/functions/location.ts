import type { Problem } from "../core/problems";
import { cellText, RANGE_NAMES } from "../core/workbook/cells";
import { type ArgumentName, type Grid, sanitizeCell } from "./grid";

const ARGUMENT_OF_RANGE: Readonly<Record<string, ArgumentName>> = {
  [RANGE_NAMES.elements]: "elements",
  [RANGE_NAMES.variables]: "variables",
  [RANGE_NAMES.settings]: "settings",
  [RANGE_NAMES.actuals]: "actuals",
};

/** The header rows of the range arguments, to name a problem's column as the user wrote it. */
export type ArgumentHeaders = Partial<Record<ArgumentName, readonly unknown[]>>;

export function headersOf(grids: Partial<Record<ArgumentName, Grid | undefined>>): ArgumentHeaders {
  const headers: ArgumentHeaders = {};
  for (const name of ["elements", "variables", "settings"] as const) {
    const header = grids[name]?.[0];
    // Copied: a cached entry must not follow a caller that mutates its arrays later.
    if (header) headers[name] = [...header];
  }
  return headers;
}

/**
 * Where a problem is, in the words of a function's arguments: `elements, row 3, column Formula`.
 * Rows count within the passed range (the header is row 1), because the function does not know
 * where on which sheet the range lives; a column is named by its header, or by its position
 * when the header cell is empty. A problem about a whole range is located by the argument alone.
 *
 * The core locates cells as if each argument's range started at A1 (see `toRangeInput`).
 */
export function describeArgumentLocation(problem: Problem, headers: ArgumentHeaders): string {
  const argument = ARGUMENT_OF_RANGE[problem.range];
  const where = argument ?? problem.range;
  const { cell } = problem;
  if (!cell) return where;
  const header = argument ? cellText(sanitizeCell(headers[argument]?.[cell.column])) : "";
  return `${where}, row ${cell.row + 1}, column ${header === "" ? cell.column + 1 : header}`;
}

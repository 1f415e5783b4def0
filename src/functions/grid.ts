import { formatRange } from "../core/workbook/address";
import type { CellValue, RangeInput } from "../core/workbook/cells";
import { fail, ok, type Outcome } from "./outcome";

/** The range arguments, named as in the functions' signatures; problems are located by them. */
export type ArgumentName = "elements" | "variables" | "settings" | "actuals";

/** A range as Excel hands it to a custom function: rows of cell values, header row first. */
export type Grid = readonly (readonly unknown[])[];

export function asGrid(value: unknown, name: ArgumentName): Outcome<Grid> {
  if (Array.isArray(value) && value.every(Array.isArray)) return ok(value as Grid);
  return fail(
    "#VALUE!",
    `The ${name} argument must be a range with a header row, such as CVM_${name.charAt(0).toUpperCase()}${name.slice(1)}.`,
  );
}

/**
 * An optional range argument: Excel passes null when it is omitted (undefined when called from
 * code).
 */
export function asOptionalGrid(value: unknown, name: ArgumentName): Outcome<Grid | undefined> {
  return value === null || value === undefined ? ok(undefined) : asGrid(value, name);
}

/**
 * Excel passes plain values for ordinary cells; with rich values enabled an error cell may arrive
 * as an object. The core reads error cells as their text (`#DIV/0!`), as Office.js hands them over.
 */
export function sanitizeCell(value: unknown): CellValue {
  if (value === undefined) return null;
  if (value === null || typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "object") {
    const { code, basicValue } = value as { code?: unknown; basicValue?: unknown };
    if (typeof code === "string") return code;
    if (typeof basicValue === "number" || typeof basicValue === "string" || typeof basicValue === "boolean") return basicValue;
  }
  return "#VALUE!";
}

/**
 * The core reads ranges with their address. A function does not know where its argument lives,
 * so the range is placed at A1 of a "sheet" named after the argument: a problem's cell is then
 * its row and column within the passed range, which `describeArgumentLocation` turns into words.
 */
export function toRangeInput(grid: Grid, name: ArgumentName): RangeInput {
  const width = grid.reduce((widest, row) => Math.max(widest, row.length), 0);
  const values = grid.map((row) => Array.from({ length: width }, (_, i) => sanitizeCell(row[i])));
  const address = formatRange({ sheet: name, top: 0, left: 0, bottom: Math.max(0, grid.length - 1), right: Math.max(0, width - 1) });
  return { address, values };
}

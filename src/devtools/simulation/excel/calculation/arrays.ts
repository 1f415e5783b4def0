/**
 * Ranges and arrays where one value is expected. Operators and functions of single values work
 * element by element over them, as in Excel 365 and inside SUMPRODUCT in every Excel: equal
 * shapes pair up, a single value or a single row or column is repeated, and positions one side
 * lacks are #N/A.
 */
import { area } from "../addresses";
import type { CellReader } from "./workbook";
import { type ErrorValue, type Grid, type Scalar, type Value, arrayOf, error, isError } from "./values";

/** Whether the value holds more than one cell. */
export function isMultiple(value: Value): boolean {
  if (typeof value !== "object") return false;
  if (value.kind === "array") return value.rows.length > 1 || value.rows[0]!.length > 1;
  if (value.kind === "reference") return area(value.rect) > 1;
  return false;
}

/** Any value as a rectangle of values: a single value is 1×1. */
export function gridOf(value: Value, reader: CellReader): Grid | ErrorValue {
  if (typeof value !== "object") return [[value]];
  if (value.kind === "array") return value.rows;
  if (value.kind === "reference") return reader.grid(value);
  return [[value]];
}

/** One value: a range or array gives its top-left cell (what a single cell shows without spilling). */
export function scalarOf(value: Value, reader: CellReader): Scalar {
  if (typeof value !== "object") return value;
  if (value.kind === "array") return value.rows[0]![0]!;
  if (value.kind === "reference") return reader.cell(value.sheet, value.rect.top, value.rect.left);
  return value;
}

/**
 * Applies a function of single values to `values`: directly when none holds more than one cell,
 * else element by element, giving an array.
 */
export function lift(values: readonly Value[], reader: CellReader, apply: (scalars: readonly Scalar[]) => Scalar): Value {
  if (!values.some(isMultiple)) return apply(values.map((v) => scalarOf(v, reader)));
  const grids: Grid[] = [];
  for (const value of values) {
    const grid = gridOf(value, reader);
    if (isError(grid)) return grid;
    grids.push(grid);
  }
  const height = Math.max(...grids.map((g) => g.length));
  const width = Math.max(...grids.map((g) => g[0]!.length));
  const rows: Scalar[][] = [];
  for (let r = 0; r < height; r++) {
    const line: Scalar[] = [];
    for (let c = 0; c < width; c++) line.push(apply(grids.map((g) => elementAt(g, r, c))));
    rows.push(line);
  }
  return arrayOf(rows);
}

function elementAt(grid: Grid, row: number, column: number): Scalar {
  const r = grid.length === 1 ? 0 : row;
  const c = grid[0]!.length === 1 ? 0 : column;
  return grid[r]?.[c] ?? error("#N/A");
}

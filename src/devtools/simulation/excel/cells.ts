/**
 * What writing and reading cell contents and formats does, cell by cell. Cells are sparse, so
 * whole-column clears and reads of formats cost what the sheet holds, not what the range spans;
 * only operations that need one value per cell (a 2-D array, a format written to every cell) are
 * dense, and those refuse absurd sizes instead of allocating millions of cells.
 */
import { MAX_COLUMNS, cellRef } from "../../../core/workbook/address";
import { type Rect, area, columnCount, contains, formatRect, rowCount, subtract } from "./addresses";
import { SimulationError, officeError } from "./errors";
import type { CellFormat, CellState, CellValue, RangeTarget, SheetState } from "./state";

/** Computes a formula cell's value when no cached value was seeded; undefined when it cannot. */
export type CalculateHook = (sheet: string, row: number, column: number, formula: string) => CellValue | undefined;

const DENSE_LIMIT = 1_000_000;

export const cellKey = (row: number, column: number): number => row * MAX_COLUMNS + column;

export function cellAt(sheet: SheetState, row: number, column: number): CellState | undefined {
  return sheet.cells.get(cellKey(row, column));
}

function ensureCell(sheet: SheetState, row: number, column: number): CellState {
  const key = cellKey(row, column);
  let cell = sheet.cells.get(key);
  if (!cell) sheet.cells.set(key, (cell = { format: {} }));
  return cell;
}

function isBlank(cell: CellState): boolean {
  return cell.value === undefined && cell.formula === undefined && cell.numberFormat === undefined && Object.keys(cell.format).length === 0;
}

/** The stored cells inside `rect`, in no particular order. */
export function* cellsIn(sheet: SheetState, rect: Rect): Generator<{ row: number; column: number; cell: CellState }> {
  for (const [key, cell] of sheet.cells) {
    const row = Math.floor(key / MAX_COLUMNS);
    const column = key % MAX_COLUMNS;
    if (contains(rect, row, column)) yield { row, column, cell };
  }
}

function requireDense(rect: Rect, what: string): void {
  if (area(rect) > DENSE_LIMIT) {
    throw new SimulationError(
      `${what} of ${formatRect(rect)} would touch ${area(rect)} cells one by one; the simulation stops at ${DENSE_LIMIT}.`,
    );
  }
}

// ---------------------------------------------------------------- typed input

export type Input =
  | { readonly kind: "keep" }
  | { readonly kind: "clear" }
  /** `numberFormat` is the format Excel gives a General cell when such text is typed (`15%` → `0%`). */
  | { readonly kind: "value"; readonly value: CellValue; readonly numberFormat?: string }
  | { readonly kind: "formula"; readonly formula: string };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;
const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)";
/** Text Excel may turn into a number, date or time when typed; the simulation does not guess how. */
const MAYBE_CONVERTED = [
  /^\s*[+-]?\s*[$€£¥]?\s*\(?[\d.,\s]*\d[\d.,\s]*\)?\s*%?\s*$/,
  /^\d{1,4}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{1,4})?$/,
  new RegExp(`^\\d{1,2}[\\s/-]*${MONTH}`, "i"),
  new RegExp(`^${MONTH}[a-z]*[\\s/-]*\\d`, "i"),
  /^\d{1,2}:\d{2}/,
  /^\d+\s+\d+\/\d+$/,
];

/**
 * Excel treats strings written through `values` or `formulas` like text typed into the cell.
 * Anything the simulation cannot be sure about is refused rather than guessed.
 */
export function interpretInput(raw: unknown): Input {
  if (raw === null || raw === undefined) return { kind: "keep" };
  if (typeof raw === "boolean") return { kind: "value", value: raw };
  if (typeof raw === "number") {
    // JSON carries NaN and Infinity as null, so Excel would silently leave the cell unchanged.
    if (!Number.isFinite(raw))
      throw new SimulationError(`${raw} cannot reach Excel: Office.js sends it as null, which leaves the cell unchanged.`);
    return { kind: "value", value: raw };
  }
  if (typeof raw !== "string") throw officeError("InvalidArgument", `a cell cannot hold ${JSON.stringify(raw)}`);
  if (raw === "") return { kind: "clear" };
  if (raw.startsWith("'")) return { kind: "value", value: raw.slice(1) };
  if (raw.startsWith("=")) {
    if (raw.trim() === "=") throw officeError("InvalidArgument", "the formula '=' is empty");
    return { kind: "formula", formula: raw };
  }
  if (NUMBER.test(raw)) return { kind: "value", value: Number(raw), ...(/e/i.test(raw) ? { numberFormat: "0.00E+00" } : {}) };
  const percent = PERCENT.exec(raw);
  if (percent) return { kind: "value", value: Number(percent[1]) / 100, numberFormat: raw.includes(".") ? "0.00%" : "0%" };
  if (/^(true|false)$/i.test(raw)) return { kind: "value", value: raw.toUpperCase() === "TRUE" };
  if (raw.startsWith("@") || MAYBE_CONVERTED.some((pattern) => pattern.test(raw))) {
    throw new SimulationError(
      `Excel may convert the text ${JSON.stringify(raw)} when it is written; write it with a quote prefix ("'") or as a number.`,
    );
  }
  // Documented for Range.values: text beginning with + or - is read as a formula.
  if (/^[+-]./.test(raw)) return { kind: "formula", formula: `=${raw}` };
  return { kind: "value", value: raw };
}

const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(\.\d*)?$/;

/**
 * What Excel makes of text a person types into a cell (en-US): `'` keeps the rest as text, `=`
 * starts a formula, numbers (`1200`, `-3.5`, `1e3`, `1,200`), percentages (`15%`) and TRUE/FALSE
 * convert, and `+` or `-` before anything else starts a formula, as in Excel. Dates, times,
 * currencies and fractions, which Excel also converts, stay text here.
 */
export function typedInput(raw: string): Input {
  if (raw === "") return { kind: "clear" };
  if (raw.startsWith("'")) return { kind: "value", value: raw.slice(1) };
  if (raw.startsWith("=")) {
    if (raw.trim() === "=") throw officeError("InvalidArgument", "Excel refuses the formula '='");
    return { kind: "formula", formula: raw };
  }
  const text = raw.trim();
  if (NUMBER.test(text)) return { kind: "value", value: Number(text), ...(/e/i.test(text) ? { numberFormat: "0.00E+00" } : {}) };
  const grouped = GROUPED.exec(text);
  if (grouped)
    return {
      kind: "value",
      value: Number(text.replace(/,/g, "")),
      numberFormat: grouped[1] && grouped[1].length > 1 ? "#,##0.00" : "#,##0",
    };
  const percent = PERCENT.exec(text);
  if (percent) return { kind: "value", value: Number(percent[1]) / 100, numberFormat: text.includes(".") ? "0.00%" : "0%" };
  if (/^(true|false)$/i.test(text)) return { kind: "value", value: text.toUpperCase() === "TRUE" };
  if (/^[+-]\S/.test(text)) return { kind: "formula", formula: `=${text}` };
  return { kind: "value", value: raw };
}

export function applyInput(sheet: SheetState, row: number, column: number, input: Input): void {
  if (input.kind === "keep") return;
  const cell = ensureCell(sheet, row, column);
  delete cell.value;
  delete cell.formula;
  if (input.kind === "value") {
    cell.value = input.value;
    if (input.numberFormat !== undefined && cell.numberFormat === undefined) cell.numberFormat = input.numberFormat;
  } else if (input.kind === "formula") {
    cell.formula = input.formula;
  }
  if (isBlank(cell)) sheet.cells.delete(cellKey(row, column));
}

// ---------------------------------------------------------------- 2-D arrays

export type GridProperty = "values" | "formulas" | "numberFormat";

/** Excel refuses a 2-D array whose size differs from the range's. */
function checkGrid(grid: unknown, rect: Rect, property: GridProperty): readonly (readonly unknown[])[] {
  const size = `${rowCount(rect)}×${columnCount(rect)}`;
  if (!Array.isArray(grid) || grid.length !== rowCount(rect)) {
    throw officeError("InvalidArgument", `${property} must be a ${size} array for ${formatRect(rect)}`);
  }
  for (const row of grid) {
    if (!Array.isArray(row) || row.length !== columnCount(rect))
      throw officeError("InvalidArgument", `${property} must be a ${size} array for ${formatRect(rect)}`);
  }
  return grid as unknown[][];
}

export function writeGrid(target: RangeTarget, grid: unknown, property: GridProperty): void {
  const { sheet, rect } = target;
  requireDense(rect, `Writing ${property}`);
  const rows = checkGrid(grid, rect, property);
  if (property === "numberFormat") {
    const formats = rows.map((row) => row.map(numberFormatInput));
    formats.forEach((row, i) => row.forEach((format, j) => applyNumberFormat(sheet, rect.top + i, rect.left + j, format)));
    return;
  }
  // Every entry is checked before any cell changes: a refused array leaves the range as it was.
  const inputs = rows.map((row) => row.map(interpretInput));
  inputs.forEach((row, i) => row.forEach((input, j) => applyInput(sheet, rect.top + i, rect.left + j, input)));
}

function numberFormatInput(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== "string") throw officeError("InvalidArgument", `a number format must be text, not ${JSON.stringify(raw)}`);
  return raw;
}

function applyNumberFormat(sheet: SheetState, row: number, column: number, format: string | null): void {
  if (format === null) return;
  const cell = ensureCell(sheet, row, column);
  if (format === "" || format === "General") delete cell.numberFormat;
  else cell.numberFormat = format;
  if (isBlank(cell)) sheet.cells.delete(cellKey(row, column));
}

export function readGrid(target: RangeTarget, property: GridProperty, calculate: CalculateHook | undefined): CellValue[][] {
  const { sheet, rect } = target;
  requireDense(rect, `Reading ${property}`);
  const grid: CellValue[][] = [];
  for (let row = rect.top; row <= rect.bottom; row++) {
    const line: CellValue[] = [];
    for (let column = rect.left; column <= rect.right; column++) {
      const cell = cellAt(sheet, row, column);
      if (property === "numberFormat") line.push(cell?.numberFormat ?? "General");
      else if (property === "formulas") line.push(cell?.formula ?? cell?.value ?? "");
      else line.push(valueOf(sheet, row, column, cell, calculate));
    }
    grid.push(line);
  }
  return grid;
}

/** The value a cell shows: "" when empty; for a formula its stored value, else the hook's; undefined when neither knows it. */
export function shownValue(sheet: SheetState, row: number, column: number, calculate: CalculateHook | undefined): CellValue | undefined {
  const cell = cellAt(sheet, row, column);
  if (cell?.formula === undefined) return cell?.value ?? "";
  return cell.value ?? calculate?.(sheet.name, row, column, cell.formula);
}

function valueOf(
  sheet: SheetState,
  row: number,
  column: number,
  cell: CellState | undefined,
  calculate: CalculateHook | undefined,
): CellValue {
  if (cell?.formula === undefined) return cell?.value ?? "";
  const value = cell.value ?? calculate?.(sheet.name, row, column, cell.formula);
  if (value === undefined) {
    throw new SimulationError(
      `The simulation does not calculate formulas: ${sheet.name}!${cellRef(row, column)} holds ${cell.formula} and has no seeded value, and no calculate hook gave one.`,
    );
  }
  return value;
}

// ---------------------------------------------------------------- formats

/** Excel reports a format property of a range as null when its cells differ. */
export function uniform<T>(target: RangeTarget, pick: (cell: CellState | undefined) => T): T | null {
  const values: T[] = [];
  let stored = 0;
  for (const { cell } of cellsIn(target.sheet, target.rect)) {
    stored++;
    values.push(pick(cell));
  }
  if (stored < area(target.rect)) values.push(pick(undefined));
  const first = values[0] as T;
  return values.every((v) => v === first) ? first : null;
}

export function formatCells(target: RangeTarget, change: (format: CellFormat) => void): void {
  const { sheet, rect } = target;
  requireDense(rect, "Formatting");
  for (let row = rect.top; row <= rect.bottom; row++) {
    for (let column = rect.left; column <= rect.right; column++) change(ensureCell(sheet, row, column).format);
  }
}

// ---------------------------------------------------------------- clearing

export type ClearApplyTo = "All" | "Contents" | "Formats";

export function clearCells(target: RangeTarget, applyTo: ClearApplyTo): void {
  const { sheet, rect } = target;
  for (const { row, column, cell } of [...cellsIn(sheet, rect)]) {
    if (applyTo !== "Formats") {
      delete cell.value;
      delete cell.formula;
    }
    if (applyTo !== "Contents") {
      delete cell.numberFormat;
      cell.format = {};
    }
    if (isBlank(cell)) sheet.cells.delete(cellKey(row, column));
  }
  if (applyTo !== "Contents") removeConditionalFormats(target);
}

/** Excel trims a conditional format's ranges to what lies outside the cleared range. */
export function removeConditionalFormats(target: RangeTarget): void {
  const { sheet, rect } = target;
  for (const format of sheet.conditionalFormats) format.areas = format.areas.flatMap((a) => subtract(a, rect));
  sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => format.areas.length > 0);
}

/** The smallest rectangle holding every stored cell (with content only, if `valuesOnly`). */
export function usedRect(sheet: SheetState, valuesOnly: boolean, within?: Rect): Rect | null {
  let used: Rect | null = null;
  for (const [key, cell] of sheet.cells) {
    if (valuesOnly && cell.value === undefined && cell.formula === undefined) continue;
    const row = Math.floor(key / MAX_COLUMNS);
    const column = key % MAX_COLUMNS;
    if (within && (row < within.top || row > within.bottom || column < within.left || column > within.right)) continue;
    used = used
      ? {
          top: Math.min(used.top, row),
          left: Math.min(used.left, column),
          bottom: Math.max(used.bottom, row),
          right: Math.max(used.right, column),
        }
      : { top: row, left: column, bottom: row, right: column };
  }
  return used;
}

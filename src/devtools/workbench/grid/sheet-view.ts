/**
 * A sheet as the grid draws it, computed from the document: the area to draw (the used range and a
 * margin, so a 1,000-row sheet stays fast), each cell's displayed text, alignment and formats,
 * column widths in pixels, frozen panes and charts. Pure: no React, no DOM.
 */
import { columnIndex, columnLetters, parseRangeAddress } from "../../../core/workbook/address";
import { type CellFormat, type CellValue, type ChartSnapshot, DEFAULT_COLUMN_WIDTH } from "../../simulation/excel";
import { formatValue } from "../number-format";
import type { GridDocument } from "./workbook";

/** Rows and columns drawn past the used range. */
export const MARGIN_ROWS = 5;
export const MARGIN_COLUMNS = 2;
/** The least drawn, as an empty sheet in a window shows about that much. */
export const MIN_ROWS = 30;
export const MIN_COLUMNS = 12;
/** The most the grid draws: past that a sheet would be slow to draw (Excel's own sheet goes on). */
export interface DrawLimits {
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly maxCells: number;
}

export const DRAW_LIMITS: DrawLimits = { maxRows: 5000, maxColumns: 100, maxCells: 60_000 };

export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

export interface CellView {
  readonly address: string;
  readonly row: number;
  readonly column: number;
  /** What the cell shows: its value through its number format. */
  readonly text: string;
  /** A number format section's colour (`[Red]`), which wins over the font colour. */
  readonly color?: string;
  readonly align: "left" | "center" | "right";
  readonly format: Readonly<CellFormat>;
  /** What the formula bar shows and an edit starts from: the formula, else the value as typed. */
  readonly input: string;
  readonly formula?: string;
  readonly value?: CellValue;
  /** Text that may spill over empty cells to its right, as Excel draws it. */
  readonly spills: boolean;
}

export interface SheetView {
  readonly name: string;
  /** Rows and columns drawn, from A1. */
  readonly rows: number;
  readonly columns: number;
  /** The stored cells, keyed by `keyOf(row, column)`. */
  readonly cells: ReadonlyMap<string, CellView>;
  /** Pixels, one per drawn column. */
  readonly columnWidths: readonly number[];
  readonly frozen: { readonly rows: number; readonly columns: number };
  readonly charts: readonly ChartSnapshot[];
  /** Pixels of any column, drawn or not. */
  readonly widthOf: (column: number) => number;
  readonly limits: DrawLimits;
}

export const keyOf = (row: number, column: number): string => `${row},${column}`;

/** Points to CSS pixels (96 dpi). */
export const pointsToPixels = (points: number): number => Math.round((points * 4) / 3);

/** `B7` → row 6, column 1; undefined for anything that is not one cell. */
export function parseCell(address: string): CellPosition | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) return undefined;
  const row = Number(match[2]) - 1;
  const column = columnIndex(match[1]!);
  if (row < 0 || row >= 1_048_576 || column < 0 || column >= 16_384) return undefined;
  return { row, column };
}

export interface Selection {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The document's selection (`Sheet1!B2:C3`) as a rectangle. */
export function parseSelection(selection: string | undefined): Selection | undefined {
  if (!selection) return undefined;
  const range = parseRangeAddress(selection);
  return range && { sheet: range.sheet, top: range.top, left: range.left, bottom: range.bottom, right: range.right };
}

/** The text a user would type to get the cell: a formula as is, a percentage as `35%`. */
export function inputText(value: CellValue | undefined, formula: string | undefined, numberFormat: string): string {
  if (formula !== undefined) return formula;
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (/%/.test(numberFormat.replace(/"[^"]*"/g, ""))) return `${roundSignificant(value * 100)}%`;
  return String(roundSignificant(value));
}

/** Excel keeps 15 significant digits. */
const roundSignificant = (value: number): number => Number(value.toPrecision(15));

function isErrorText(value: CellValue | undefined): boolean {
  return typeof value === "string" && /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|BUSY!)$/.test(value);
}

/** Excel's General alignment: numbers right, booleans and errors centred, text left. */
function alignmentOf(format: Readonly<CellFormat>, value: CellValue | undefined): CellView["align"] {
  switch (format.horizontalAlignment) {
    case "Left":
      return "left";
    case "Right":
      return "right";
    case "Center":
    case "CenterAcrossSelection":
      return "center";
    default:
      if (typeof value === "number") return "right";
      if (typeof value === "boolean" || isErrorText(value)) return "center";
      return "left";
  }
}

export function sheetView(document: GridDocument, name: string, limits: DrawLimits = DRAW_LIMITS): SheetView {
  const snapshot = document.sheet(name);
  const cells = new Map<string, CellView>();
  let usedBottom = -1;
  let usedRight = -1;
  for (const cell of snapshot.cells) {
    const value = cell.formula !== undefined ? document.value(name, cell.address) : cell.value;
    const shown = formatValue(value, cell.numberFormat);
    usedBottom = Math.max(usedBottom, cell.row);
    usedRight = Math.max(usedRight, cell.column);
    cells.set(keyOf(cell.row, cell.column), {
      address: cell.address,
      row: cell.row,
      column: cell.column,
      text: shown.text,
      ...(shown.color ? { color: shown.color } : {}),
      align: alignmentOf(cell.format, value),
      format: cell.format,
      input: inputText(value, cell.formula, cell.numberFormat),
      ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
      ...(value !== undefined ? { value } : {}),
      spills: typeof value === "string" && !isErrorText(value) && !cell.format.wrapText && alignmentOf(cell.format, value) === "left",
    });
  }
  const frozen = { rows: snapshot.frozen.rows, columns: snapshot.frozen.columns };
  const columns = Math.min(Math.max(usedRight + 1 + MARGIN_COLUMNS, MIN_COLUMNS, frozen.columns + MARGIN_COLUMNS), limits.maxColumns);
  const rowLimit = Math.min(limits.maxRows, Math.max(Math.floor(limits.maxCells / columns), MIN_ROWS));
  const rows = Math.min(Math.max(usedBottom + 1 + MARGIN_ROWS, MIN_ROWS, frozen.rows + MARGIN_ROWS), rowLimit);
  const widthOf = (column: number) => pointsToPixels(snapshot.columnWidths[columnLetters(column)] ?? DEFAULT_COLUMN_WIDTH);
  const columnWidths = Array.from({ length: columns }, (_, column) => widthOf(column));
  return { name, rows, columns, cells, columnWidths, frozen, charts: snapshot.charts, widthOf, limits };
}

/** The view drawn far enough to hold a cell past it (the selection) and a margin around it. */
export function extendView(view: SheetView, cell: CellPosition | undefined): SheetView {
  if (!cell) return view;
  const [rows, columns] = extent(view, cell);
  if (rows === view.rows && columns === view.columns) return view;
  const columnWidths = Array.from({ length: columns }, (_, column) => view.columnWidths[column] ?? view.widthOf(column));
  return { ...view, rows, columns, columnWidths };
}

/** How many rows and columns a view must have to hold the cell with its margin (a memo key). */
export function extentFor(view: SheetView, cell: CellPosition | undefined): string {
  return cell ? extent(view, cell).join("x") : `${view.rows}x${view.columns}`;
}

function extent(view: SheetView, cell: CellPosition): [number, number] {
  const rows = Math.max(view.rows, cell.row + 1 + MARGIN_ROWS);
  const columns = Math.max(view.columns, cell.column + 1 + MARGIN_COLUMNS);
  const { maxRows, maxColumns, maxCells } = view.limits;
  return rows <= maxRows && columns <= maxColumns && rows * columns <= maxCells ? [rows, columns] : [view.rows, view.columns];
}

/** Whether the grid draws the cell (else only the name box and formula bar show it). */
export const isDrawn = (view: SheetView, cell: CellPosition): boolean => cell.row < view.rows && cell.column < view.columns;

/**
 * Ctrl+arrow, as in Excel: from a filled cell with a filled neighbour, to the last filled cell of
 * the run; otherwise to the next filled cell; with none, to the edge (of the drawn area, here).
 */
export function dataEdge(view: SheetView, from: CellPosition, dr: number, dc: number): CellPosition {
  const filled = (row: number, column: number) => (view.cells.get(keyOf(row, column))?.text ?? "") !== "";
  const inside = (row: number, column: number) => row >= 0 && column >= 0 && row < view.rows && column < view.columns;
  let { row, column } = from;
  if (!inside(row + dr, column + dc)) return { row: Math.max(row, 0), column: Math.max(column, 0) };
  if (filled(row, column) && filled(row + dr, column + dc)) {
    while (inside(row + dr, column + dc) && filled(row + dr, column + dc)) {
      row += dr;
      column += dc;
    }
    return { row, column };
  }
  do {
    row += dr;
    column += dc;
  } while (inside(row + dr, column + dc) && !filled(row, column));
  return { row, column };
}

/** The width text in a cell may take: its own column and the empty columns to its right. */
export function spillWidth(view: SheetView, cell: CellView): number {
  let width = view.columnWidths[cell.column] ?? 0;
  for (let column = cell.column + 1; column < view.columns; column++) {
    const next = view.cells.get(keyOf(cell.row, column));
    if (next && next.text !== "") break;
    width += view.columnWidths[column] ?? 0;
  }
  return width;
}

/** "Chart: Value by element (BarClustered), series over 'Value Summary'!$F$5:$F$10" */
export function chartCaption(chart: ChartSnapshot): string {
  const title = chart.title.trim() === "" ? chart.name : chart.title;
  const ranges = chart.series.map((s) => s.values).filter((v) => v !== "");
  return `Chart: ${title} (${chart.type})${ranges.length ? `, series over ${ranges.join(", ")}` : ""}`;
}

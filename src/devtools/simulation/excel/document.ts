/**
 * Changes to the workbook beyond single cells: sheets, names, column widths, charts. Each
 * function is one operation's effect and throws the error Excel would give.
 */
import { cellRef } from "../../../core/workbook/address";
import { type Rect, WHOLE_SHEET, columnCount, formatAddress, parseAddress, rowCount } from "./addresses";
import { type CalculateHook, cellsIn } from "./cells";
import { officeError } from "./errors";
import { checkDefinedName, checkSheetName, nameTarget, nameType } from "./names";
import type { Execution } from "./requests";
import {
  type ChartState,
  type CellValue,
  type ChartType,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_FORMAT,
  DEFAULT_ROW_HEIGHT,
  type NameState,
  type RangeTarget,
  type SeriesBy,
  type SheetState,
  type Visibility,
  type WorkbookState,
  findName,
  findSheet,
  findTable,
  newSheet,
  sameName,
} from "./state";

export function addSheet(state: WorkbookState, name: string | undefined): SheetState {
  const chosen = name ?? defaultSheetName(state);
  checkSheetName(chosen);
  if (findSheet(state, chosen)) throw officeError("ItemAlreadyExists", `a sheet named ${JSON.stringify(chosen)} exists`);
  const sheet = newSheet(state, chosen);
  // Excel adds at the end and leaves the active sheet as it was.
  state.sheets.push(sheet);
  return sheet;
}

function defaultSheetName(state: WorkbookState): string {
  for (let n = state.sheets.length + 1; ; n++) if (!findSheet(state, `Sheet${n}`)) return `Sheet${n}`;
}

export function setVisibility(state: WorkbookState, sheet: SheetState, visibility: Visibility): void {
  if (!["Visible", "Hidden", "VeryHidden"].includes(visibility))
    throw officeError("InvalidArgument", `visibility ${JSON.stringify(visibility)}`);
  if (visibility !== "Visible" && sheet.visibility === "Visible") {
    const others = state.sheets.filter((s) => s !== sheet && s.visibility === "Visible");
    // A workbook always shows at least one sheet.
    if (others.length === 0) throw officeError("InvalidOperation", `${sheet.name} is the last visible sheet`);
    if (state.active === sheet) {
      const after = state.sheets.slice(state.sheets.indexOf(sheet) + 1).find((s) => s.visibility === "Visible");
      state.active = after ?? others[others.length - 1];
    }
  }
  sheet.visibility = visibility;
}

export function activateSheet(state: WorkbookState, sheet: SheetState): void {
  if (sheet.visibility !== "Visible") throw officeError("InvalidOperation", `${sheet.name} is hidden and cannot be activated`);
  // Each sheet keeps its own selection, which shows again when the sheet is activated.
  state.active = sheet;
}

export function selectRange(state: WorkbookState, target: RangeTarget): void {
  activateSheet(state, target.sheet);
  target.sheet.selection = target.rect;
}

/** Workbook.getSelectedRange: the active sheet's selection. */
export function selectedRange(state: WorkbookState): RangeTarget {
  const sheet = state.active;
  if (!sheet) throw officeError("ItemNotFound", "no sheet is active");
  return { sheet, rect: sheet.selection };
}

/** Worksheet.getRange: an A1 address on this sheet, or a defined name that refers to a range on it. */
export function rangeOn(state: WorkbookState, sheet: SheetState, address: string | undefined): Rect {
  if (address === undefined) return WHOLE_SHEET;
  const parsed = parseAddress(address);
  if (parsed) {
    if (parsed.sheet !== undefined && !sameName(parsed.sheet, sheet.name))
      throw officeError("InvalidArgument", `${address} is not on ${sheet.name}`);
    return parsed.rect;
  }
  const name = findName(state, address);
  if (name?.type === "Range") {
    const target = nameTarget(state, name.name, name.formula);
    if (target.sheet === sheet) return target.rect;
  }
  throw officeError("InvalidArgument", `${JSON.stringify(address)} is not an address on ${sheet.name}`);
}

/** Names and table names share one namespace in Excel. */
export function addName(state: WorkbookState, name: string, formula: string, comment: string): NameState {
  checkDefinedName(name);
  if (findName(state, name) || findTable(state, name)) throw officeError("ItemAlreadyExists", `the name ${JSON.stringify(name)} exists`);
  const added: NameState = { name, formula, type: nameType(formula), visible: true, comment };
  state.names.push(added);
  return added;
}

export function setRowHeight(target: RangeTarget, height: unknown): void {
  // Excel's rows are at most 409 points tall.
  if (typeof height !== "number" || !(height >= 0 && height <= 409))
    throw officeError("InvalidArgument", `row height ${JSON.stringify(height)}`);
  for (let row = target.rect.top; row <= target.rect.bottom; row++) target.sheet.rowHeights.set(row, height);
}

export function uniformRowHeight(target: RangeTarget): number | null {
  const { sheet, rect } = target;
  const first = sheet.rowHeights.get(rect.top) ?? DEFAULT_ROW_HEIGHT;
  for (let row = rect.top + 1; row <= rect.bottom; row++) if ((sheet.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT) !== first) return null;
  return first;
}

export function setColumnWidth(target: RangeTarget, width: unknown): void {
  if (typeof width !== "number" || !(width >= 0)) throw officeError("InvalidArgument", `column width ${JSON.stringify(width)}`);
  for (let column = target.rect.left; column <= target.rect.right; column++) target.sheet.columnWidths.set(column, width);
}

/**
 * Range.format.autofitColumns, approximated: Excel measures the rendered text; the simulation
 * counts the characters each cell in the range shows (text as is, numbers as their format would
 * roughly write them, a formula's value when known), at 7 pixels a character of Calibri 11 (scaled
 * by font size, 10% more for bold) plus 5 pixels of padding, 0.75 points a pixel, at most 255
 * characters. A column without content in the range keeps its width.
 */
export function autofitColumns(target: RangeTarget, calculate: CalculateHook | undefined): void {
  const { sheet, rect } = target;
  const widths = new Map<number, number>();
  for (const { row, column, cell } of cellsIn(sheet, rect)) {
    const value = cell.value ?? (cell.formula === undefined ? undefined : calculate?.(sheet.name, row, column, cell.formula));
    if (value === undefined || value === "") continue;
    const scale = ((cell.format.fontSize ?? DEFAULT_FORMAT.fontSize) / DEFAULT_FORMAT.fontSize) * (cell.format.bold ? 1.1 : 1);
    const pixels = Math.min(Math.ceil(shownLength(value, cell.numberFormat) * 7 * scale), 255 * 7) + 5;
    widths.set(column, Math.max(widths.get(column) ?? 0, pixels * 0.75));
  }
  for (const [column, width] of widths) sheet.columnWidths.set(column, width);
}

/** About how many characters Excel shows for a value in a number format. */
function shownLength(value: CellValue, numberFormat: string | undefined): number {
  if (typeof value === "boolean") return value ? 4 : 5;
  if (typeof value === "string") return value.length;
  // General shows at most 11 characters of a number.
  if (numberFormat === undefined) return Math.min(String(value).length, 11);
  const section = numberFormat.split(";")[0] ?? "";
  const decimals = /\.(0+)/.exec(section)?.[1]?.length ?? 0;
  const percent = section.includes("%");
  const shown = Math.abs(percent ? value * 100 : value);
  const digits = Math.max(1, String(Math.floor(shown)).length);
  const grouping = section.includes(",") ? Math.floor((digits - 1) / 3) : 0;
  const literals = section.replace(/"[^"]*"/g, "").replace(/[#0.,%\\]/g, "").length;
  return (value < 0 ? 1 : 0) + digits + grouping + (decimals > 0 ? decimals + 1 : 0) + (percent ? 1 : 0) + literals;
}

/** The width shared by all the range's columns, or null when they differ. */
export function uniformColumnWidth(target: RangeTarget): number | null {
  const { sheet, rect } = target;
  const first = sheet.columnWidths.get(rect.left) ?? DEFAULT_COLUMN_WIDTH;
  for (let column = rect.left + 1; column <= rect.right; column++) {
    if ((sheet.columnWidths.get(column) ?? DEFAULT_COLUMN_WIDTH) !== first) return null;
  }
  return first;
}

/** Chart types that came with ExcelApi 1.9; older hosts refuse them. */
const NEWER_CHART_TYPES = ["Waterfall", "Histogram", "Boxwhisker", "Pareto", "Treemap", "Sunburst", "Funnel", "RegionMap"];

export function checkChartType(type: ChartType, run: Execution): ChartType {
  if (type === "Invalid") throw officeError("InvalidArgument", "the chart type Invalid");
  if (NEWER_CHART_TYPES.includes(type) && !run.environment.supports("1.9"))
    throw officeError("InvalidArgument", `${type} charts need ExcelApi 1.9`);
  return type;
}

export function addChart(sheet: SheetState, type: ChartType, source: RangeTarget, seriesBy: SeriesBy): ChartState {
  const { rect } = source;
  // "Auto" makes series of the longer dimension's lines, as Excel does for data without headers.
  const byRows = seriesBy === "Rows" || (seriesBy === "Auto" && columnCount(rect) > rowCount(rect));
  const count = byRows ? rowCount(rect) : columnCount(rect);
  const series = Array.from({ length: count }, (_, i) => ({
    values: formatAddress(
      source.sheet.name,
      byRows ? { ...rect, top: rect.top + i, bottom: rect.top + i } : { ...rect, left: rect.left + i, right: rect.left + i },
    ),
  }));
  sheet.chartsAdded += 1;
  const chart: ChartState = {
    name: `Chart ${sheet.chartsAdded}`,
    type,
    source: formatAddress(source.sheet.name, rect),
    seriesBy,
    title: "",
    legendVisible: true,
    series,
  };
  sheet.charts.push(chart);
  return chart;
}

export function positionChart(chart: ChartState, start: Rect, end: Rect | undefined): void {
  chart.topLeft = cellRef(start.top, start.left);
  if (end) chart.bottomRight = cellRef(end.bottom, end.right);
}

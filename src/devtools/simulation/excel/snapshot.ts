/**
 * The workbook as tests (and later a grid view) see it: copies, so nothing read here can change
 * the simulation, and nothing the simulation does later changes what was read.
 */
import { MAX_COLUMNS, cellRef, columnLetters } from "../../../core/workbook/address";
import { type Rect, formatAddress, formatRect, parseAddress } from "./addresses";
import { type CalculateHook, cellAt } from "./cells";
import { SimulationError } from "./errors";
import { type PageLayoutSnapshot, pageLayoutSnapshot } from "./page-layout";
import {
  type CellFormat,
  type CellState,
  type CellValue,
  type ChartState,
  type NameType,
  type SheetState,
  type Visibility,
  type WorkbookState,
  findSheet,
} from "./state";

export interface CellSnapshot {
  /** `B2` */
  readonly address: string;
  readonly row: number;
  readonly column: number;
  /** The stored value; for a formula cell the value Excel computed, if known. Absent when empty. */
  readonly value?: CellValue;
  readonly formula?: string;
  readonly numberFormat: string;
  /** Only what was set; see DEFAULT_FORMAT for the rest. */
  readonly format: Readonly<CellFormat>;
}

export interface ConditionalFormatSnapshot {
  /** Sheet-relative, `G5:I20` (comma-separated once a clear has cut it into pieces). */
  readonly address: string;
  readonly formula?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
  readonly fill?: string;
}

export interface ChartSnapshot {
  readonly name: string;
  readonly type: string;
  readonly source: string;
  readonly seriesBy: string;
  readonly title: string;
  readonly legendVisible: boolean;
  readonly series: readonly {
    readonly name?: string;
    readonly values: string;
    readonly xAxisValues?: string;
    readonly overlap?: number;
    readonly gapWidth?: number;
  }[];
  readonly reversePlotOrder?: boolean;
  readonly topLeft?: string;
  readonly bottomRight?: string;
}

export interface SheetSnapshot {
  readonly name: string;
  readonly visibility: Visibility;
  /** The stored cells, by row then column. */
  readonly cells: readonly CellSnapshot[];
  /** Points, by column letters; only columns whose width was set. */
  readonly columnWidths: Readonly<Record<string, number>>;
  /** Rows (1-based, as Excel numbers them) whose height was set, in points. */
  readonly rowHeights: Readonly<Record<string, number>>;
  readonly frozen: { readonly rows: number; readonly columns: number };
  readonly conditionalFormats: readonly ConditionalFormatSnapshot[];
  readonly charts: readonly ChartSnapshot[];
  /** How the sheet prints, as set through Worksheet.pageLayout and horizontalPageBreaks. */
  readonly pageLayout: PageLayoutSnapshot;
}

export interface NameSnapshot {
  readonly name: string;
  readonly formula: string;
  readonly type: NameType | undefined;
  readonly visible: boolean;
  readonly comment: string;
}

export interface TableSnapshot {
  readonly name: string;
  readonly sheet: string;
  /** Sheet-relative: `A1:C10`. */
  readonly range: string;
  /** `TableStyleMedium2`… */
  readonly style: string;
  /** Whether the range's last row is the totals row. */
  readonly showTotals: boolean;
}

export interface DocumentView {
  sheetNames(): string[];
  hasSheet(name: string): boolean;
  /** Throws when there is no such sheet. */
  sheet(name: string): SheetSnapshot;
  /** Any cell, stored or not: an empty one has no value and the General format. */
  cell(sheet: string, address: string): CellSnapshot;
  /** What Range.formulas would give (the formula, else the value, else ""), computing nothing. */
  formulas(sheet: string, address: string): CellValue[][];
  names(): NameSnapshot[];
  /** Case-insensitive, as Excel looks names up. */
  name(name: string): NameSnapshot | undefined;
  tables(): TableSnapshot[];
  activeSheet(): string | undefined;
  /** The active sheet's selection, `Sheet1!B2:C3` (each sheet remembers its own; A1 at first). */
  selection(): string | undefined;
  /** Grows with every change of cells, formats, names, sheets or tables (not of the selection): a cache key. */
  revision(): number;
  /**
   * The value the cell shows: its stored value, else for a formula the calculate hook's result
   * (SimulationOptions.calculate, called with this view), else undefined (also for an empty cell).
   */
  value(sheet: string, address: string): CellValue | undefined;
}

export function documentView(state: WorkbookState, calculate?: CalculateHook): DocumentView {
  const sheetOf = (name: string): SheetState => findSheet(state, name) ?? missing(`There is no sheet ${JSON.stringify(name)}`);
  const rectOf = (address: string): Rect => parseAddress(address)?.rect ?? missing(`${JSON.stringify(address)} is not an address`);
  return {
    sheetNames: () => state.sheets.map((s) => s.name),
    hasSheet: (name) => findSheet(state, name) !== undefined,
    sheet: (name) => sheetSnapshot(sheetOf(name)),
    cell: (sheet, address) => {
      const { top, left } = rectOf(address);
      return cellSnapshot(top, left, cellAt(sheetOf(sheet), top, left));
    },
    formulas: (sheet, address) => {
      const s = sheetOf(sheet);
      const rect = rectOf(address);
      const rows: CellValue[][] = [];
      for (let row = rect.top; row <= rect.bottom; row++) {
        const line: CellValue[] = [];
        for (let column = rect.left; column <= rect.right; column++) {
          const cell = cellAt(s, row, column);
          line.push(cell?.formula ?? cell?.value ?? "");
        }
        rows.push(line);
      }
      return rows;
    },
    names: () => state.names.map((n) => ({ ...n })),
    name: (name) => {
      const found = state.names.find((n) => n.name.toUpperCase() === name.toUpperCase());
      return found && { ...found };
    },
    tables: () =>
      state.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, range: formatRect(t.rect), style: t.style, showTotals: t.showTotals })),
    activeSheet: () => state.active?.name,
    selection: () => state.active && formatAddress(state.active.name, state.active.selection),
    revision: () => state.revision,
    value: (sheet, address) => {
      const { top, left } = rectOf(address);
      const found = sheetOf(sheet);
      const cell = cellAt(found, top, left);
      if (cell?.value !== undefined) return cell.value;
      return cell?.formula === undefined ? undefined : calculate?.(found.name, top, left, cell.formula);
    },
  };
}

function missing(message: string): never {
  throw new SimulationError(message);
}

function cellSnapshot(row: number, column: number, cell: CellState | undefined): CellSnapshot {
  return {
    address: cellRef(row, column),
    row,
    column,
    ...(cell?.value !== undefined ? { value: cell.value } : {}),
    ...(cell?.formula !== undefined ? { formula: cell.formula } : {}),
    numberFormat: cell?.numberFormat ?? "General",
    format: { ...cell?.format },
  };
}

function sheetSnapshot(sheet: SheetState): SheetSnapshot {
  const cells = [...sheet.cells.entries()]
    .sort(([a], [b]) => a - b)
    .map(([key, cell]) => cellSnapshot(Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS, cell));
  const widths = [...sheet.columnWidths.entries()].sort(([a], [b]) => a - b);
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    cells,
    columnWidths: Object.fromEntries(widths.map(([column, width]) => [columnLetters(column), width])),
    rowHeights: Object.fromEntries(
      [...sheet.rowHeights.entries()].sort(([a], [b]) => a - b).map(([row, height]) => [String(row + 1), height]),
    ),
    frozen: { ...sheet.frozen },
    conditionalFormats: sheet.conditionalFormats.map(({ areas, ...rule }) => ({
      address: areas.map((a) => formatRect(a)).join(","),
      ...rule,
    })),
    charts: sheet.charts.map(chartSnapshot),
    pageLayout: pageLayoutSnapshot(sheet.page),
  };
}

function chartSnapshot(chart: ChartState): ChartSnapshot {
  return { ...chart, series: chart.series.map((s) => ({ ...s })) };
}

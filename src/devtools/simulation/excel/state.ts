/**
 * The simulated workbook: plain mutable data that only operations executed by `context.sync()`
 * change. Tests never see these objects; they read copies through the document view.
 */
import type { Rect } from "./addresses";
import { officeError } from "./errors";
import { type PageLayoutState, newPageLayout } from "./page-layout";

export type CellValue = string | number | boolean;
export type Visibility = "Visible" | "Hidden" | "VeryHidden";
export type HorizontalAlignment = Excel.RangeFormat["horizontalAlignment"] & string;
export type VerticalAlignment = "Top" | "Center" | "Bottom" | "Justify" | "Distributed";
export type BorderStyle = Excel.RangeBorder["style"] & string;
export type ChartType = Excel.Chart["chartType"] & string;
export type SeriesBy = "Auto" | "Columns" | "Rows";
export type NameType = "Range" | "String" | "Double" | "Boolean" | "Error";

/** Only what was set; absent means Excel's default (see DEFAULT_FORMAT). */
export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  /** `#RRGGBB` */
  fontColor?: string;
  fontSize?: number;
  /** `#RRGGBB` */
  fill?: string;
  horizontalAlignment?: HorizontalAlignment;
  verticalAlignment?: VerticalAlignment;
  wrapText?: boolean;
  indentLevel?: number;
  borderTop?: BorderStyle;
  borderBottom?: BorderStyle;
}

export const DEFAULT_FORMAT: Required<CellFormat> = {
  bold: false,
  italic: false,
  fontColor: "#000000",
  fontSize: 11,
  // Excel reports a cell without fill as white.
  fill: "#FFFFFF",
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  wrapText: false,
  indentLevel: 0,
  borderTop: "None",
  borderBottom: "None",
};

/** Excel's default column width (8.43 characters of Calibri 11) in points. */
export const DEFAULT_COLUMN_WIDTH = 48;
/** Excel's default row height for Calibri 11, in points. */
export const DEFAULT_ROW_HEIGHT = 15;

export interface CellState {
  /** For a formula cell, the value Excel computed (seeded); absent if unknown. */
  value?: CellValue;
  /** English formula beginning with `=`. */
  formula?: string;
  /** Absent means "General". */
  numberFormat?: string;
  format: CellFormat;
}

export interface ConditionalFormatState {
  /** Where the rule applies: one rectangle when added, more once a clear cut a hole in it. */
  areas: Rect[];
  formula?: string;
  fontColor?: string;
  bold?: boolean;
  fill?: string;
}

export interface SeriesState {
  name?: string;
  /** Sheet-qualified addresses. */
  values: string;
  xAxisValues?: string;
  /** Bar and column charts: how far the bars of neighbouring series overlap (-100..100), and the gap between categories (0..500). */
  overlap?: number;
  gapWidth?: number;
}

export interface ChartState {
  name: string;
  type: ChartType;
  /** The `sourceData` range's address, sheet-qualified. */
  source: string;
  seriesBy: SeriesBy;
  title: string;
  legendVisible: boolean;
  series: SeriesState[];
  /** The category axis draws the last category first (at the top of a bar chart when true). */
  reversePlotOrder?: boolean;
  /** Sheet-relative cell addresses of the corners, once setPosition was called. */
  topLeft?: string;
  bottomRight?: string;
}

export interface SheetState {
  /** Like Excel's Worksheet.id: stable for the sheet's life, whatever its name. */
  readonly id: string;
  name: string;
  visibility: Visibility;
  /** Sparse, keyed by cellKey(row, column). */
  cells: Map<number, CellState>;
  /** Points, by 0-based column; absent means DEFAULT_COLUMN_WIDTH. */
  columnWidths: Map<number, number>;
  /** Points, by 0-based row; absent means DEFAULT_ROW_HEIGHT. */
  rowHeights: Map<number, number>;
  frozen: { rows: number; columns: number };
  conditionalFormats: ConditionalFormatState[];
  charts: ChartState[];
  /** Excel numbers new charts "Chart 1", "Chart 2"… per sheet and never reuses a number. */
  chartsAdded: number;
  /** What is selected on the sheet; Excel remembers it per sheet (A1 on a new one). */
  selection: Rect;
  /** How the sheet prints (ExcelApi 1.9). */
  page: PageLayoutState;
}

export interface NameState {
  name: string;
  /** Begins with `=`: `=Inputs!$B$2:$B$9`, `='My Sheet'!$A$1`, `=0.1`. */
  formula: string;
  /** Undefined for a formula whose result type only a calculation would know. */
  type: NameType | undefined;
  visible: boolean;
  comment: string;
}

export interface TableState {
  /** Like Excel's Table.id: stable whatever the table's name becomes. */
  readonly id: string;
  name: string;
  sheet: SheetState;
  /** Header row, data and, when `showTotals`, the totals row as its last row. */
  rect: Rect;
  showTotals: boolean;
  /** `TableStyleMedium2` (Excel's default for new tables), `TableStyleLight9`… */
  style: string;
}

export interface WorkbookState {
  sheets: SheetState[];
  names: NameState[];
  tables: TableState[];
  active: SheetState | undefined;
  /** Counts every change to cells, formats, names, sheets and tables (never selection). */
  revision: number;
  /** Ids handed out so far, so that an id is never reused. */
  idsIssued: number;
  /** The application's calculation mode, as the user set it (Formulas > Calculation Options). */
  calculationMode: CalculationMode;
}

export type CalculationMode = "Automatic" | "AutomaticExceptTables" | "Manual";

/** A range as an operation sees it. */
export interface RangeTarget {
  readonly sheet: SheetState;
  readonly rect: Rect;
}

/** Sheet, name and table names compare without regard to case, as in Excel. */
export function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

export function newWorkbook(): WorkbookState {
  return { sheets: [], names: [], tables: [], active: undefined, revision: 0, idsIssued: 0, calculationMode: "Automatic" };
}

/** A GUID-shaped id such as Excel gives worksheets and tables: `{00000000-0001-0000-0000-000000000000}`. */
export function issueId(state: WorkbookState): string {
  state.idsIssued += 1;
  return `{00000000-${state.idsIssued.toString(16).toUpperCase().padStart(4, "0")}-0000-0000-000000000000}`;
}

export function newSheet(state: WorkbookState, name: string, visibility: Visibility = "Visible"): SheetState {
  return {
    id: issueId(state),
    name,
    visibility,
    cells: new Map(),
    columnWidths: new Map(),
    rowHeights: new Map(),
    frozen: { rows: 0, columns: 0 },
    conditionalFormats: [],
    charts: [],
    chartsAdded: 0,
    selection: { top: 0, left: 0, bottom: 0, right: 0 },
    page: newPageLayout(),
  };
}

export const findSheet = (state: WorkbookState, name: string): SheetState | undefined => state.sheets.find((s) => sameName(s.name, name));
/** Worksheets.getItem takes a sheet's name or its id. */
export const findSheetByNameOrId = (state: WorkbookState, key: string): SheetState | undefined =>
  findSheet(state, key) ?? state.sheets.find((s) => s.id === key);
export const findName = (state: WorkbookState, name: string): NameState | undefined => state.names.find((n) => sameName(n.name, name));
export const findTable = (state: WorkbookState, name: string): TableState | undefined => state.tables.find((t) => sameName(t.name, name));

export function required<T>(found: T | undefined, what: string): T {
  if (found === undefined) throw officeError("ItemNotFound", `${what} does not exist`);
  return found;
}

export function sheetOfChart(state: WorkbookState, chart: ChartState): SheetState | undefined {
  return state.sheets.find((s) => s.charts.includes(chart));
}

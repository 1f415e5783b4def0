import type { ErrorCode } from "../formula/values";

/**
 * A workbook plan: what the add-in writes, as plain data. Adapters (Office.js, .xlsx) apply a
 * plan without knowing what a value model is; the same plan gives the same formulas in both.
 */

export type CellContent =
  | { readonly kind: "number"; readonly value: number }
  /** Always written as text, even when it begins with `=`, `+`, `-` or `@`: workbook text is data. */
  | { readonly kind: "text"; readonly value: string }
  /**
   * English Excel formula with comma separators, beginning with `=`, and what it computes as the
   * core computed it: an .xlsx stores it beside the formula, so that readers that do not
   * recalculate (mail previews, Protected View, data-only readers) show the same figures.
   */
  | { readonly kind: "formula"; readonly formula: string; readonly value: CachedValue };

/** A formula's value as Excel would show it: a number, text, a logical value or an error. */
export type CachedValue = number | string | boolean | { readonly error: ErrorCode };

export interface CellStyle {
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  /** `#RRGGBB` */
  readonly fontColor?: string;
  /** `#RRGGBB` */
  readonly fill?: string;
  readonly horizontalAlignment?: "left" | "center" | "right";
  /**
   * Indent from the cell's left edge, in Excel's steps (about one character each): text that
   * follows a right-aligned figure reads as a column of its own rather than running on from it.
   */
  readonly indent?: number;
  /** Wrapped text also sits at the top of its cell, so that a tall row reads from its first line. */
  readonly wrap?: boolean;
  /** At the top of the cell rather than Excel's default bottom: for cells beside wrapped text. */
  readonly alignTop?: boolean;
  readonly borderTop?: boolean;
  readonly borderBottom?: boolean;
}

export interface PlannedCell {
  /** 0-based row and column on the sheet. */
  readonly row: number;
  readonly column: number;
  readonly content: CellContent;
  /** A key of the sheet plan's `styles`. */
  readonly style?: string;
}

export interface ConditionalFormatPlan {
  /** Sheet-relative A1 range, e.g. `G5:I20`. */
  readonly range: string;
  /** A formula that is TRUE where the style applies, relative to the range's top-left cell (e.g. `G5<0`). */
  readonly expression: string;
  readonly style: Pick<CellStyle, "fontColor" | "fill" | "bold">;
}

interface ChartBase {
  readonly title: string;
  /** Sheet-relative A1 range of the category labels; each series' values have the same length. */
  readonly categories: string;
  /** Where the chart sits: its top-left cell and its size in columns and rows. */
  readonly anchor: { readonly row: number; readonly column: number; readonly columns: number; readonly rows: number };
}

/** Annual value by element: a waterfall where Excel has one, a bar chart otherwise. */
export interface ValueByElementChart extends ChartBase {
  readonly kind: "valueByElement";
  /** Sheet-relative A1 range of the values. */
  readonly values: string;
  readonly seriesName: string;
}

/**
 * A tornado: horizontal bars of each series drawn over each other from zero (one series the
 * change at Low, one at High), the first category on top.
 */
export interface TornadoChart extends ChartBase {
  readonly kind: "tornado";
  readonly series: readonly { readonly name: string; readonly values: string; /** `#RRGGBB` */ readonly color: string }[];
}

/**
 * Estimate against actual by year: clustered columns, one series for the estimate and one for the
 * actual, in adjacent columns of the same rows (so that Excel makes it from one source range).
 */
export interface RealizationChart extends ChartBase {
  readonly kind: "realizationByYear";
  readonly series: readonly { readonly name: string; readonly values: string; /** `#RRGGBB` */ readonly color: string }[];
}

export type ChartPlan = ValueByElementChart | TornadoChart | RealizationChart;

/**
 * How a sheet prints: the page a customer's CFO gets from a printer or a PDF. Header and footer
 * texts are in Excel's header codes (`&P` page, `&N` pages, `&&` a literal ampersand), which
 * Office.js and the .xlsx format share; workbook text in them is escaped by the core.
 */
export interface PagePlan {
  readonly orientation: "portrait" | "landscape";
  /** Every column of the print area on one page wide; as many pages tall as it takes. */
  readonly fitToPagesWide: 1;
  /** 0-based, inclusive. */
  readonly printArea: { readonly firstRow: number; readonly firstColumn: number; readonly lastRow: number; readonly lastColumn: number };
  /** Rows (0-based, inclusive) repeated at the top of every printed page, where a table continues. */
  readonly titleRows?: { readonly first: number; readonly last: number };
  /** A manual page break above each of these rows (0-based), so that sections start on a new page rather than split. */
  readonly breaksBefore: readonly number[];
  readonly header: HeaderFooter;
  readonly footer: HeaderFooter;
}

export interface HeaderFooter {
  readonly left: string;
  readonly center: string;
  readonly right: string;
}

export interface SheetPlan {
  readonly name: string;
  readonly visibility: "visible" | "veryHidden";
  /**
   * The columns this build owns on the sheet, cleared before the cells are written. Columns past
   * `last` hold what the sheet keeps across builds (the Assumptions Log's history) and are only
   * ever added to.
   */
  readonly replaceColumns: { readonly first: number; readonly last: number };
  readonly cells: readonly PlannedCell[];
  readonly styles: Readonly<Record<string, CellStyle>>;
  /** Widths in characters of the default font, as Excel's column width. */
  readonly columnWidths: readonly { readonly column: number; readonly width: number }[];
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
  readonly charts: readonly ChartPlan[];
  /** Whether the sheet is shown when the build ends. */
  readonly activate?: boolean;
  /** Page setup for printing; absent for sheets nobody prints (the record). */
  readonly page?: PagePlan;
  /** Row heights from the first row to the last planned one; absent: rows keep their height. */
  readonly rowHeights?: RowHeights;
}

/** Runs of rows (0-based, inclusive) of one height in points, in order, without gaps. */
export type RowHeights = readonly { readonly first: number; readonly last: number; readonly points: number }[];

export interface NamePlan {
  readonly name: string;
  /** `='Value Summary'!$F$5` */
  readonly refersTo: string;
}

export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
  /** Names to create or repoint. */
  readonly names: readonly NamePlan[];
  /** Names the add-in created in an earlier build and no longer needs. */
  readonly deleteNames: readonly string[];
  /**
   * The add-in's record as it must stand while the build is under way: everything it owned and
   * everything it is about to create, with the inputs of the last finished build. An adapter that
   * cannot write atomically (Excel keeps what ran before a failing request) writes this first, in
   * place, so that an interrupted build leaves no sheet or name of the add-in's unrecorded.
   */
  readonly provisionalRecord: SheetPlan;
}

import type { CellContent, PagePlan } from "./types";
import { largest } from "./largest";

/**
 * An edit plan: a change to a workbook's cells that is not a build, as plain data (the starter
 * tables, the profiles sheet, the values a batch or a switch writes into the model). Both
 * adapters apply it the same way, in this order: sheets added, ranges cleared, blocks written
 * (number formats before entries), bold ranges, tables, column widths, visibility of the added
 * sheets, the active sheet; last, the page setup of sheets the edit adds (cosmetic: an adapter
 * whose host refuses it keeps everything else).
 */
export interface EditPlan {
  /** Sheets to add when the workbook has none of that name (ignoring case); at the end, in order. */
  readonly addSheets: readonly AddedSheet[];
  /** Ranges whose content and formats are cleared before anything is written. */
  readonly clear: readonly EditRange[];
  readonly blocks: readonly EditBlock[];
  /** Ranges whose font becomes bold (headers). */
  readonly bold: readonly EditRange[];
  /** Excel tables over ranges already written, header row first. */
  readonly tables: readonly EditTable[];
  /** How added sheets print: one page wide, their header row repeated where a table runs on. */
  readonly pages: readonly EditPage[];
  /** Widths in characters of the default font, as Excel's column width. */
  readonly columnWidths: readonly { readonly sheet: string; readonly column: number; readonly width: number }[];
  /** The sheet shown when the edit ends; absent: the active sheet stays. */
  readonly activate?: string;
}

export interface AddedSheet {
  readonly name: string;
  readonly visibility: "visible" | "hidden" | "veryHidden";
}

/** A rectangle of cells; rows and columns 0-based. */
export interface EditRange {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly columns: number;
}

/** A cell to write; null empties it (its content only: the cell keeps its format). */
export type EditCell = CellContent | null;

/**
 * Cells written from `top`, `left`: row by row, each row as wide as the widest (shorter ones are
 * padded with empty cells). Text is always written as text, even when it begins with `=`.
 */
export interface EditBlock {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly rows: readonly (readonly EditCell[])[];
  /** Same shape as `rows`; absent: the cells keep their formats. */
  readonly numberFormats?: readonly (readonly string[])[];
}

export interface EditPage {
  readonly sheet: string;
  readonly page: PagePlan;
}

export interface EditTable {
  readonly name: string;
  readonly range: EditRange;
}

export const EMPTY_EDIT: EditPlan = { addSheets: [], clear: [], blocks: [], bold: [], tables: [], pages: [], columnWidths: [] };

/** An edit of single cells (the batch's values, a switch): one block per cell. */
export function cellEdits(
  cells: readonly { readonly sheet: string; readonly row: number; readonly column: number; readonly content: EditCell }[],
): EditPlan {
  return { ...EMPTY_EDIT, blocks: cells.map((c) => ({ sheet: c.sheet, top: c.row, left: c.column, rows: [[c.content]] })) };
}

/** The width of a block: its widest row. */
export function blockWidth(block: EditBlock): number {
  return largest(block.rows, (r) => r.length, 0);
}

/** Two edits as one: the first's steps before the second's, step by step; the second's sheet to activate wins. */
export function combineEdits(a: EditPlan, b: EditPlan): EditPlan {
  const activate = b.activate ?? a.activate;
  return {
    addSheets: [...a.addSheets, ...b.addSheets],
    clear: [...a.clear, ...b.clear],
    blocks: [...a.blocks, ...b.blocks],
    bold: [...a.bold, ...b.bold],
    tables: [...a.tables, ...b.tables],
    pages: [...a.pages, ...b.pages],
    columnWidths: [...a.columnWidths, ...b.columnWidths],
    ...(activate !== undefined ? { activate } : {}),
  };
}

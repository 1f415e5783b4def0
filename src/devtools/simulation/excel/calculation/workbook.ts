/**
 * Reads cells, names and tables for a calculation, through the simulation's DocumentView.
 * Values come back as a formula sees them: an empty cell is BLANK, the text "#N/A" in a cell is
 * the error (Office.js hands errors over as their text), and a formula cell without a stored
 * value is asked of the calculation (`FormulaCells`), which computes it or notes that it must.
 * A reader lives as long as one state of the workbook: what it keeps (the sheet list, tables, a
 * sheet's stored cells) is never older than the workbook's last change.
 */
import { cellRef } from "../../../../core/workbook/address";
import { type Rect, area, parseAddress } from "../addresses";
import type { CellSnapshot, DocumentView } from "../snapshot";
import { type ErrorValue, type Grid, type Reference, type Scalar, BLANK, error, errorCodeOf } from "./values";

/** Where the value of a formula cell without a stored value comes from. */
export interface FormulaCells {
  formulaValue(sheet: string, row: number, column: number, formula: string): Scalar;
}

/** What functions and operators need of the workbook. */
export interface CellReader {
  cell(sheet: string, row: number, column: number): Scalar;
  /** Every cell of the range, row by row; #NUM! past MAX_GRID_CELLS. */
  grid(reference: Reference): Grid | ErrorValue;
  /** The range's cells that are not empty, row by row: what SUM, COUNT and their kin look at. */
  nonBlank(reference: Reference): Iterable<Scalar>;
}

/** What evaluating a formula needs of the workbook: cells, sheets, names and tables. */
export interface Workbook extends CellReader {
  sheetName(name: string): string | undefined;
  definedName(name: string): string | undefined;
  table(name: string): Reference | undefined;
}

/** Ranges up to this size are read cell by cell; larger ones (`A:A`) from the sheet's stored cells. */
const CELL_BY_CELL_LIMIT = 4_096;
/** Two whole columns; a formula that needs every cell of more is not calculated (#NUM!). */
export const MAX_GRID_CELLS = 2 * 1_048_576;

export class WorkbookReader implements Workbook {
  private sheetNames?: Map<string, string>;
  private tables?: Map<string, Reference>;
  private readonly sheets = new Map<string, readonly CellSnapshot[]>();

  constructor(
    private readonly document: DocumentView,
    private readonly formulas: FormulaCells,
  ) {}

  /** The sheet's name as the workbook spells it (names compare without case), or undefined. */
  sheetName(name: string): string | undefined {
    this.sheetNames ??= new Map(this.document.sheetNames().map((n) => [n.toUpperCase(), n]));
    return this.sheetNames.get(name.toUpperCase());
  }

  /** A workbook-scoped defined name's formula (`=Variables!$B$2`), or undefined. */
  definedName(name: string): string | undefined {
    return this.document.name(name)?.formula;
  }

  /** A table's data body: its rows below the header, above the totals row if it shows one. */
  table(name: string): Reference | undefined {
    if (!this.tables) {
      this.tables = new Map();
      for (const table of this.document.tables()) {
        const rect = parseAddress(table.range)?.rect;
        // Read structurally: a DocumentView of an older simulation does not say whether the table shows totals.
        const totals = (table as { showTotals?: boolean }).showTotals === true ? 1 : 0;
        const body = rect && { ...rect, top: rect.top + 1, bottom: rect.bottom - totals };
        if (body && body.bottom >= body.top)
          this.tables.set(table.name.toUpperCase(), { kind: "reference", sheet: table.sheet, rect: body });
      }
    }
    return this.tables.get(name.toUpperCase());
  }

  cell(sheet: string, row: number, column: number): Scalar {
    return this.valueOf(sheet, this.document.cell(sheet, cellRef(row, column)));
  }

  grid(reference: Reference): Grid | ErrorValue {
    const { sheet, rect } = reference;
    if (area(rect) > MAX_GRID_CELLS) return error("#NUM!");
    const rows: (readonly Scalar[])[] = [];
    if (area(rect) <= CELL_BY_CELL_LIMIT) {
      for (let row = rect.top; row <= rect.bottom; row++) {
        const line: Scalar[] = [];
        for (let column = rect.left; column <= rect.right; column++) line.push(this.cell(sheet, row, column));
        rows.push(line);
      }
      return rows;
    }
    // A whole column is a million rows, nearly all empty: they share one row of empty cells.
    const width = rect.right - rect.left + 1;
    const empty: readonly Scalar[] = new Array<Scalar>(width).fill(BLANK);
    for (let row = rect.top; row <= rect.bottom; row++) rows.push(empty);
    for (const stored of this.storedCells(sheet, rect)) {
      const index = stored.row - rect.top;
      const line = rows[index] === empty ? (rows[index] = [...empty]) : rows[index]!;
      (line as Scalar[])[stored.column - rect.left] = this.valueOf(sheet, stored);
    }
    return rows;
  }

  *nonBlank(reference: Reference): Iterable<Scalar> {
    const { sheet, rect } = reference;
    if (area(rect) <= CELL_BY_CELL_LIMIT) {
      for (let row = rect.top; row <= rect.bottom; row++) {
        for (let column = rect.left; column <= rect.right; column++) {
          const value = this.cell(sheet, row, column);
          if (value !== BLANK) yield value;
        }
      }
      return;
    }
    for (const stored of this.storedCells(sheet, rect)) {
      const value = this.valueOf(sheet, stored);
      if (value !== BLANK) yield value;
    }
  }

  /** The sheet's stored cells inside `rect`, row by row (the snapshot is sorted so). */
  private storedCells(sheet: string, rect: Rect): CellSnapshot[] {
    let cells = this.sheets.get(sheet);
    if (!cells) this.sheets.set(sheet, (cells = this.document.sheet(sheet).cells));
    return cells.filter((c) => c.row >= rect.top && c.row <= rect.bottom && c.column >= rect.left && c.column <= rect.right);
  }

  private valueOf(sheet: string, cell: CellSnapshot): Scalar {
    if (cell.formula !== undefined && cell.value === undefined)
      return this.formulas.formulaValue(sheet, cell.row, cell.column, cell.formula);
    const value = cell.value;
    if (value === undefined) return BLANK;
    if (typeof value !== "string") return value;
    // Office.js reports an empty cell as ""; only a formula can hold the text "".
    if (value === "" && cell.formula === undefined) return BLANK;
    const code = errorCodeOf(value);
    return code ? error(code) : value;
  }
}

/**
 * What the grid needs from a workbook: the simulation's document view to read, and the user's
 * gestures to write (typing into a cell, selecting, switching sheets). The Excel simulation
 * (src/devtools/simulation/excel) is one; the grid knows nothing else about it.
 */
import type { CellValue, SheetSnapshot } from "../../simulation/excel";

export interface GridDocument {
  /** Grows with every change of the workbook. */
  revision(): number;
  sheetNames(): string[];
  sheet(name: string): SheetSnapshot;
  /** A cell's value: stored, or computed for a formula cell; undefined when empty. */
  value(sheet: string, address: string): CellValue | undefined;
  activeSheet(): string | undefined;
  /** `Sheet1!B2`, `'Value Summary'!B5:C7` */
  selection(): string | undefined;
}

export interface GridWorkbook {
  readonly document: GridDocument;
  /** The user typed `input` into the cell and pressed Enter (Excel reads it as typed input). */
  edit(sheet: string, address: string, input: string): unknown;
  /** The user clicked the cell (or selected the range). */
  select(sheet: string, address: string): unknown;
  /** The user clicked the sheet's tab. */
  activate(sheet: string): unknown;
  /** Called after any change (cells, sheets, selection); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

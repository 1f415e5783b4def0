import type { CachedValue, CellContent, CellStyle, PlannedCell } from "./types";

/** Collects the cells of one sheet plan; only planning code uses it, and only while planning. */
export class SheetBuilder {
  readonly cells: PlannedCell[] = [];

  readonly styles: Record<string, CellStyle>;

  constructor(styles: Readonly<Record<string, CellStyle>>) {
    this.styles = { ...styles };
  }

  /**
   * The name of a style like `base` but with the workbook's own number format (a variable's, as
   * its Value cell has it), so that 35% reads 35% on every sheet; `base` itself without one.
   */
  withFormat(base: string, numberFormat: string | undefined): string {
    if (numberFormat === undefined) return base;
    const key = `${base} ${numberFormat}`;
    this.styles[key] ??= { ...this.styles[base], numberFormat };
    return key;
  }

  put(row: number, column: number, content: CellContent, style?: string): void {
    this.cells.push(style === undefined ? { row, column, content } : { row, column, content, style });
  }

  text(row: number, column: number, value: string, style?: string): void {
    if (value !== "") this.put(row, column, { kind: "text", value }, style);
    else if (style !== undefined) this.put(row, column, { kind: "text", value: "" }, style);
  }

  number(row: number, column: number, value: number, style?: string): void {
    this.put(row, column, { kind: "number", value }, style);
  }

  /** A live formula with the value the core computed for it (see `CellContent`). */
  formula(row: number, column: number, formula: string, style: string | undefined, value: CachedValue): void {
    this.put(row, column, { kind: "formula", formula: formula.startsWith("=") ? formula : `=${formula}`, value }, style);
  }
}

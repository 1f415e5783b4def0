/**
 * The values of formula cells, computed and remembered for one state of a workbook (the caller
 * starts a new session when the workbook changes; see index.ts).
 *
 * Formula cells that a formula needs are not computed by recursion (a chain of thousands of
 * cells, each referring to the one before, would overflow the call stack). Instead a formula is
 * evaluated; each formula cell it reads that has no value yet is noted and read as empty for the
 * moment; those cells are computed first, from an explicit stack, and the formula is evaluated
 * again. A cell re-entered while it is being computed is a circular reference: it reads as 0
 * there, and 0 is its value, as Excel without iterative calculation shows it (the other cells of
 * the circle are computed from that 0).
 */
import { MAX_COLUMNS } from "../../../../core/workbook/address";
import type { DocumentView } from "../snapshot";
import { scalarOf } from "./arrays";
import { evaluate } from "./evaluate";
import { compile } from "./formulas";
import { type FormulaCells, WorkbookReader } from "./workbook";
import { type Scalar, BLANK, error, isBlank } from "./values";

/** Formula cells waiting for each other, each needing the next: past this many the cell is #NUM!. */
export const MAX_CHAIN = 100_000;

export interface SessionLimits {
  /** Default MAX_CHAIN. */
  readonly maxChain?: number;
}

interface FormulaCell {
  readonly key: string;
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly formula: string;
}

export class CalculationSession implements FormulaCells {
  private readonly workbook: WorkbookReader;
  private readonly computed = new Map<string, Scalar>();
  /** Cells being computed: the chain from the cell asked for to the one evaluated now. */
  private readonly inProgress = new Set<string>();
  /** Cells re-entered while being computed. */
  private readonly circular = new Set<string>();
  /** Formula cells the current evaluation read before they had a value. */
  private needed: Map<string, FormulaCell> | undefined;
  private readonly maxChain: number;

  constructor(document: DocumentView, limits: SessionLimits = {}) {
    this.workbook = new WorkbookReader(document, this);
    this.maxChain = limits.maxChain ?? MAX_CHAIN;
  }

  /** The value of a formula cell: a number, text, boolean or error, never empty. */
  valueOf(sheet: string, row: number, column: number, formula: string): Scalar {
    const target = this.cell(this.workbook.sheetName(sheet) ?? sheet, row, column, formula);
    const stack: FormulaCell[] = [target];
    while (stack.length > 0) {
      const cell = stack[stack.length - 1]!;
      if (this.computed.has(cell.key)) {
        stack.pop();
        continue;
      }
      if (!this.inProgress.has(cell.key) && this.inProgress.size >= this.maxChain) {
        this.computed.set(cell.key, error("#NUM!"));
        continue;
      }
      this.inProgress.add(cell.key);
      const needed = new Map<string, FormulaCell>();
      const value = this.evaluateWith(cell, needed);
      if (needed.size === 0) {
        this.computed.set(cell.key, this.circular.has(cell.key) ? 0 : value);
        this.inProgress.delete(cell.key);
        stack.pop();
      } else {
        stack.push(...needed.values());
      }
    }
    return this.computed.get(target.key)!;
  }

  /** Called by the workbook for a formula cell without a stored value. */
  formulaValue(sheet: string, row: number, column: number, formula: string): Scalar {
    const cell = this.cell(sheet, row, column, formula);
    const known = this.computed.get(cell.key);
    if (known !== undefined) return known;
    if (this.inProgress.has(cell.key)) {
      this.circular.add(cell.key);
      return 0;
    }
    this.needed?.set(cell.key, cell);
    return BLANK;
  }

  private evaluateWith(cell: FormulaCell, needed: Map<string, FormulaCell>): Scalar {
    this.needed = needed;
    try {
      const expr = compile(cell.formula);
      if (!expr) return error("#NAME?");
      const value = scalarOf(evaluate(expr, { sheet: cell.sheet, workbook: this.workbook, names: [] }), this.workbook);
      // A formula that gives an empty cell (`=A1`, A1 empty) shows 0.
      return isBlank(value) ? 0 : value;
    } finally {
      this.needed = undefined;
    }
  }

  private cell(sheet: string, row: number, column: number, formula: string): FormulaCell {
    return { key: `${sheet.toUpperCase()}!${row * MAX_COLUMNS + column}`, sheet, row, column, formula };
  }
}

/**
 * A formula calculator for the Excel simulation: the `calculate` hook of
 * `createExcelSimulation`, so that the workbench shows values and tests can check them.
 *
 *   createExcelSimulation(seed, { calculate: createFormulaCalculator() })
 *
 * It calculates the worksheet formulas the add-in writes, and a little more, in English syntax
 * with comma separators, with Excel's precedence, coercions and errors: references (A1, $A$1,
 * ranges, whole columns and rows, other sheets, quoted or not), defined names and table names,
 * array constants, every operator, element-wise arithmetic over ranges, and the functions in
 * functions/ (SUM, SUMIF(S), COUNTIF(S), SUMPRODUCT, NPV, ROUND, IF, IFERROR, INDEX, MATCH, …).
 *
 * Knowingly not: other functions (#NAME?, as in an Excel without them), the intersection
 * (space) and union (`,` outside a call) operators and structured references (`Table1[Col]`),
 * which make the formula unparsable (#NAME?); sheet-scoped names; dates and currency text in
 * coercions ("1/2/2024", "$5" are not numbers here); spilling (a formula whose result is a
 * range or array shows its top-left value); iterative calculation; ranges of more than two
 * whole columns where every cell is needed (#NUM!).
 */
import type { CalculateFormula } from "../simulation";
import type { DocumentView } from "../snapshot";
import type { CellValue } from "../state";
import { CalculationSession, type SessionLimits } from "./session";
import { type Scalar, isError } from "./values";

/** `revision()` is looked for, not assumed: a DocumentView of an older simulation has none. */
type RevisionedDocument = DocumentView & { revision?: () => number };

/** Limits, for tests; the defaults suit any workbook the add-in writes. */
export type CalculatorOptions = SessionLimits;

/**
 * The hook. It never throws: text that is no formula gives #NAME?, and a formula whose result
 * is not finite #NUM!. Values of formula cells are remembered for as long as the workbook does
 * not change: across calls while the document's `revision()` stays the same (it grows with every
 * change, also between the operations of one request), else, for a document without one, within
 * one call.
 */
export function createFormulaCalculator(limits: CalculatorOptions = {}): CalculateFormula {
  const sessions = new WeakMap<DocumentView, { revision: number; session: CalculationSession }>();

  const sessionFor = (document: RevisionedDocument): CalculationSession => {
    const revisionOf = document.revision;
    if (typeof revisionOf !== "function") return new CalculationSession(document, limits);
    const revision = revisionOf.call(document);
    const known = sessions.get(document);
    if (known?.revision === revision) return known.session;
    const session = new CalculationSession(document, limits);
    sessions.set(document, { revision, session });
    return session;
  };

  return (sheet, row, column, formula, document) => {
    try {
      return cellValueOf(sessionFor(document).valueOf(sheet, row, column, formula));
    } catch (caught) {
      // Not expected: the parser and evaluator bound their depth. Should a host's stack still be
      // too small (RangeError), or the document refuse a read, the cell shows an error and the
      // remembered values, possibly half-made, are dropped.
      sessions.delete(document);
      return caught instanceof RangeError ? "#NUM!" : "#VALUE!";
    }
  };
}

function cellValueOf(value: Scalar): CellValue {
  if (isError(value)) return value.code;
  if (typeof value === "number") return Number.isFinite(value) ? (value === 0 ? 0 : value) : "#NUM!";
  if (typeof value === "object") return 0;
  return value;
}

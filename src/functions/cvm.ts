import { evaluateFormula } from "./eval-formula";
import { issues } from "./issues";
import { createModelCache, type ModelCache, type ModelSource } from "./model-cache";
import { fail, type MatrixCell, type Outcome } from "./outcome";
import { elementValue, incentive, npv, paybackMonths, realized, roi, totalValue } from "./results";
import { realizationByYear } from "./realization-by-year";
import { sensitivity } from "./sensitivity-table";

/** The CVM functions as pure computations over raw arguments; `functions.ts` hands them to Excel. */
export interface Cvm {
  value(elements: unknown, variables: unknown, element: unknown, year?: unknown): Outcome<number>;
  total(elements: unknown, variables: unknown, year?: unknown): Outcome<number>;
  npv(elements: unknown, variables: unknown, settings: unknown): Outcome<number>;
  roi(elements: unknown, variables: unknown, settings: unknown): Outcome<number>;
  payback(elements: unknown, variables: unknown, settings: unknown): Outcome<number>;
  incentive(elements: unknown, variables: unknown, settings: unknown): Outcome<number>;
  evaluate(formula: unknown, variables: unknown): Outcome<number | string | boolean>;
  issues(elements: unknown, variables: unknown, settings?: unknown): Outcome<string[][]>;
  sensitivity(elements: unknown, variables: unknown, settings: unknown): Outcome<MatrixCell[][]>;
  realized(elements: unknown, variables: unknown): Outcome<number>;
  realizedByYear(elements: unknown, variables: unknown, actuals: unknown, year?: unknown): Outcome<MatrixCell[][]>;
}

/**
 * The core reports problems as values and never throws on bad input; this is the last line for a
 * bug, so that a cell shows #VALUE! with a reason instead of the runtime's bare error.
 */
function guarded<A extends unknown[], T>(name: string, run: (...args: A) => Outcome<T>): (...args: A) => Outcome<T> {
  return (...args) => {
    try {
      return run(...args);
    } catch (caught) {
      const why = caught instanceof Error ? caught.message : String(caught);
      return fail("#VALUE!", `CVM.${name} failed unexpectedly: ${why}`);
    }
  };
}

export function createCvm(models: ModelSource): Cvm {
  return {
    value: guarded("ELEMENTVALUE", (elements, variables, element, year) => elementValue(models, elements, variables, element, year)),
    total: guarded("TOTAL", (elements, variables, year) => totalValue(models, elements, variables, year)),
    npv: guarded("NETPRESENTVALUE", (elements, variables, settings) => npv(models, elements, variables, settings)),
    roi: guarded("ROI", (elements, variables, settings) => roi(models, elements, variables, settings)),
    payback: guarded("PAYBACK", (elements, variables, settings) => paybackMonths(models, elements, variables, settings)),
    incentive: guarded("INCENTIVE", (elements, variables, settings) => incentive(models, elements, variables, settings)),
    evaluate: guarded("EVAL", (formula, variables) => evaluateFormula(models, formula, variables)),
    issues: guarded("ISSUES", (elements, variables, settings) => issues(models, elements, variables, settings)),
    sensitivity: guarded("SENSITIVITY", (elements, variables, settings) => sensitivity(models, elements, variables, settings)),
    realized: guarded("REALIZED", (elements, variables) => realized(models, elements, variables)),
    realizedByYear: guarded("REALIZEDBYYEAR", (elements, variables, actuals, year) =>
      realizationByYear(models, elements, variables, actuals, year),
    ),
  };
}

/** The cache every function in the workbook shares; exported so that its counters can be read. */
export const sharedModels: ModelCache = createModelCache();

export const sharedCvm: Cvm = createCvm(sharedModels);

import { evaluate, type ExcelError, isExcelError, parseFormula } from "../core/formula";
import { asGrid } from "./grid";
import type { ModelSource } from "./model-cache";
import { errorsFailure } from "./model-outcome";
import { fail, type FailureCode, ok, type Outcome } from "./outcome";
import { readText } from "./scalars";

/**
 * Excel's error values as a custom function can return them. #NAME? and #REF! are input-only
 * errors in Excel, so they become #VALUE! with a message that says which name is unknown.
 */
const RETURNABLE: Readonly<Record<ExcelError["code"], FailureCode>> = {
  "#DIV/0!": "#DIV/0!",
  "#N/A": "#N/A",
  "#NAME?": "#VALUE!",
  "#NULL!": "#NULL!",
  "#NUM!": "#NUM!",
  "#REF!": "#VALUE!",
  "#VALUE!": "#VALUE!",
};

function formulaErrorOutcome(error: ExcelError): Outcome<never> {
  const why = error.detail ? ` (${error.detail})` : "";
  const hint = error.code === "#NAME?" ? ": CVM.EVAL knows only the names in its variables range" : "";
  return fail(RETURNABLE[error.code], `The formula gives ${error.code}${why}${hint}.`);
}

/** CVM.EVAL: a formula of the model's language over the variables alone (no element ids). */
export function evaluateFormula(models: ModelSource, formula: unknown, variables: unknown): Outcome<number | string | boolean> {
  const parsed = parseFormula(readText(formula));
  if (!parsed.ok) return fail("#VALUE!", `The formula cannot be read: ${parsed.problem.message}`);
  const grid = asGrid(variables, "variables");
  if (!grid.ok) return grid;
  const scope = models.scope(grid.value);
  if (scope.problems.some((p) => p.severity === "error")) return { ok: false, failure: errorsFailure(scope.problems, scope.headers) };
  const value = evaluate(parsed.expr, (name) => scope.values.get(name.toLowerCase()));
  return isExcelError(value) ? formulaErrorOutcome(value) : ok(value);
}

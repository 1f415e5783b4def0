import type { Problem } from "../problems";
import { computeResults, type Results } from "./compute";
import { checkReferences } from "./references";
import { evaluate } from "../formula";
import { excelError, type FormulaValue } from "../formula/values";
import type { Element, ValueModel, Variable } from "./types";

export const SCENARIOS = ["conservative", "expected", "optimistic"] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** What a scenario sets each ranged variable to; variables without Low and High keep their value. */
export const SCENARIO_END: Readonly<Record<Scenario, "low" | "value" | "high">> = {
  conservative: "low",
  expected: "value",
  optimistic: "high",
};

export type ScenarioOutcome =
  { readonly ok: true; readonly results: Results } | { readonly ok: false; readonly problems: readonly Problem[] };

/** The variables as a scenario sets them. */
export function variablesIn(model: ValueModel, scenario: Scenario): Variable[] {
  const end = SCENARIO_END[scenario];
  return model.variables.map((v) => (end === "value" || !v.range ? v : { ...v, value: end === "low" ? v.range.low : v.range.high }));
}

/** Whether the model has scenarios at all: at least one variable with a Low and a High. */
export function hasScenarios(model: ValueModel): boolean {
  return model.variables.some((v) => v.range !== undefined);
}

/**
 * The three scenarios of the contract's Low and High columns: every ranged variable at its Low
 * (conservative), every variable as given (expected), every ranged variable at its High
 * (optimistic). Computed with the same `computeResults` as the model itself, so a scenario's
 * numbers are what the add-in would show with those values typed in. A scenario can fail where
 * the expected one does not (a Low of 0 under a division): it then carries its problems.
 */
export function scenarioResults(model: ValueModel): Record<Scenario, ScenarioOutcome> {
  const { order } = checkReferences(model.variables, model.elements, []);
  const run = (scenario: Scenario): ScenarioOutcome => {
    const computed = computeResults({ ...model, variables: variablesIn(model, scenario) }, order);
    return computed.results ? { ok: true, results: computed.results } : { ok: false, problems: computed.problems };
  };
  return { conservative: run("conservative"), expected: run("expected"), optimistic: run("optimistic") };
}

/**
 * Each element's value in a scenario, in the model's order, as the scenario's formulas on the
 * Value Summary compute it: an element that fails gives its error, and an element that uses it
 * gets that error in turn, as in Excel (unless its formula catches it). For the values an .xlsx
 * stores beside those formulas; `scenarioResults` gives the results where nothing fails.
 */
export function elementValuesIn(model: ValueModel, scenario: Scenario): FormulaValue[] {
  const { order } = checkReferences(model.variables, model.elements, []);
  const scope = new Map<string, FormulaValue>();
  for (const v of variablesIn(model, scenario)) scope.set(v.name.toLowerCase(), v.value);
  const values = new Map<Element, FormulaValue>();
  for (const element of order) {
    const value = evaluate(element.expr, (name) => scope.get(name.toLowerCase()));
    values.set(element, value);
    if (element.id) scope.set(element.id.toLowerCase(), value);
  }
  return model.elements.map((e) => values.get(e) ?? excelError("#REF!"));
}

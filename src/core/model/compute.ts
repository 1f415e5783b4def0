import { evaluate, referencedNames } from "../formula";
import { type FormulaValue, isExcelError } from "../formula/values";
import { error, type Problem } from "../problems";
import { RANGE_NAMES } from "../workbook/cells";
import { excelNpv, paybackMonths } from "./finance";
import { type Element, rampAt, type ValueModel } from "./types";

export interface ElementResult {
  readonly element: Element;
  /** Annual value at full realization. */
  readonly annualValue: number;
  /** Value in years 1..Years, with the ramp. */
  readonly byYear: readonly number[];
}

export interface StakeholderTotal {
  /** As first written in the model; grouping ignores case and surrounding spaces. Empty: none named. */
  readonly stakeholder: string;
  readonly annualValue: number;
}

export interface Totals {
  readonly TotalAnnualValue: number;
  readonly Green: number;
  readonly Gray: number;
  readonly TotalBenefit: number;
  readonly TotalCost: number;
  readonly NetValue: number;
  readonly NPV: number;
  /** Undefined when TotalCost is 0. */
  readonly ROI: number | undefined;
  /** Undefined when the cumulative cash flow does not reach 0 within the horizon. */
  readonly PaybackMonths: number | undefined;
}

export interface Results {
  readonly elements: readonly ElementResult[];
  readonly benefitByYear: readonly number[];
  /** Index 0 is time 0 (−Investment); index y is year y. */
  readonly cashFlow: readonly number[];
  readonly byStakeholder: readonly StakeholderTotal[];
  readonly totals: Totals;
}

/**
 * Computes every element's annual value (elements in dependency order) and the results of the
 * contract. A formula that gives an error or a non-number is a problem located at its cell.
 */
export function computeResults(model: ValueModel, order: readonly Element[]): { results?: Results; problems: Problem[] } {
  const problems: Problem[] = [];
  const scope = new Map<string, FormulaValue>();
  for (const variable of model.variables) scope.set(variable.name.toLowerCase(), variable.value);
  const annual = new Map<Element, number>();
  const failed = new Set<string>();
  const resolve = (name: string) => scope.get(name.toLowerCase());

  for (const element of order) {
    // An element that uses a failed element fails too; only the first failure is worth reporting.
    if (referencedNames(element.expr).some((name) => failed.has(name.toLowerCase()))) {
      if (element.id) failed.add(element.id.toLowerCase());
      continue;
    }
    const value = evaluate(element.expr, resolve);
    if (element.id) scope.set(element.id.toLowerCase(), value);
    if (typeof value === "number") {
      annual.set(element, value);
      continue;
    }
    if (element.id) failed.add(element.id.toLowerCase());
    if (isExcelError(value)) {
      const why = value.detail ? ` (${value.detail})` : "";
      problems.push(error("element-value-error", RANGE_NAMES.elements, `The formula of "${element.element}" gives ${value.code}${why} with the current variables; change the formula or the variables so that it gives an amount of money.`, element.formulaCell));
    } else {
      problems.push(error("element-value-not-number", RANGE_NAMES.elements, `The formula of "${element.element}" gives ${typeof value === "string" ? `the text "${value}"` : `the logical value ${value ? "TRUE" : "FALSE"}`}, not an amount of money.`, element.formulaCell));
    }
  }
  if (failed.size > 0 || problems.length > 0) return { problems };

  const { years, investment, annualCost, discountRate } = model.settings;
  const elements = model.elements.map((element): ElementResult => {
    const a = annual.get(element)!;
    return { element, annualValue: a, byYear: Array.from({ length: years }, (_, i) => a * rampAt(element.ramp, i + 1)) };
  });
  const benefitByYear = Array.from({ length: years }, (_, i) => sum(elements.map((e) => e.byYear[i]!)));
  const cashFlow = [0 - investment, ...benefitByYear.map((b) => b - annualCost)];
  const totalAnnualValue = sum(elements.map((e) => e.annualValue));
  const totalBenefit = sum(benefitByYear);
  const totalCost = investment + years * annualCost;
  const netValue = totalBenefit - totalCost;

  const totals: Totals = {
    TotalAnnualValue: totalAnnualValue,
    Green: sum(elements.filter((e) => e.element.confidence === "green").map((e) => e.annualValue)),
    Gray: sum(elements.filter((e) => e.element.confidence === "gray").map((e) => e.annualValue)),
    TotalBenefit: totalBenefit,
    TotalCost: totalCost,
    NetValue: netValue,
    NPV: cashFlow[0]! + excelNpv(discountRate, cashFlow.slice(1)),
    ROI: totalCost === 0 ? undefined : netValue / totalCost,
    PaybackMonths: paybackMonths(cashFlow),
  };
  return { results: { elements, benefitByYear, cashFlow, byStakeholder: groupByStakeholder(elements), totals }, problems };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function groupByStakeholder(elements: readonly ElementResult[]): StakeholderTotal[] {
  const groups = new Map<string, { stakeholder: string; annualValue: number }>();
  for (const e of elements) {
    const key = e.element.stakeholder.trim().toLowerCase();
    const group = groups.get(key) ?? { stakeholder: e.element.stakeholder.trim(), annualValue: 0 };
    group.annualValue += e.annualValue;
    groups.set(key, group);
  }
  return [...groups.values()];
}

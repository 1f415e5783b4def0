import { evaluate, nearZeroSum, referencedNames } from "../formula";
import { type FormulaValue, isExcelError, numberToText } from "../formula/values";
import { error, type Problem } from "../problems";
import type { CellAddress } from "../workbook/address";
import { quoted, RANGE_NAMES } from "../workbook/cells";
import { excelNpv, incentive, paybackMonths } from "./finance";
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
  /** What the customer's next-best alternative costs over the horizon (0 when none is given). */
  readonly AlternativeCost: number;
  /** TotalCost − AlternativeCost: what buying costs more than staying with the alternative. */
  readonly PriceDifference: number;
  /** TotalBenefit − PriceDifference: the customer's incentive to purchase (NetValue when no alternative is given). */
  readonly Incentive: number;
}

export interface Results {
  readonly elements: readonly ElementResult[];
  readonly benefitByYear: readonly number[];
  /** Index 0 is time 0 (−Investment); index y is year y. */
  readonly cashFlow: readonly number[];
  readonly byStakeholder: readonly StakeholderTotal[];
  readonly totals: Totals;
  /** The elements in the order they were computed (each after those it uses), for recomputing part of them. */
  readonly order: readonly Element[];
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
      const why = value.detail ? ` (${value.detail.length > 120 ? `${value.detail.slice(0, 120)}…` : value.detail})` : "";
      problems.push(
        error(
          "element-value-error",
          RANGE_NAMES.elements,
          `The formula of ${quoted(element.element)} gives ${value.code}${why} with the current variables; change the formula or the variables so that it gives an amount of money.`,
          element.formulaCell,
        ),
      );
    } else {
      problems.push(
        error(
          "element-value-not-number",
          RANGE_NAMES.elements,
          `The formula of ${quoted(element.element)} gives ${typeof value === "string" ? `the text ${quoted(value)}` : `the logical value ${value ? "TRUE" : "FALSE"}`}, not an amount of money.`,
          element.formulaCell,
        ),
      );
    }
  }
  if (failed.size > 0 || problems.length > 0) return { problems };

  const { years, investment, annualCost, discountRate } = model.settings;
  const elements = model.elements.map((element): ElementResult => {
    const a = annual.get(element)!;
    return { element, annualValue: a, byYear: Array.from({ length: years }, (_, i) => a * rampAt(element.ramp, i + 1)) };
  });
  const benefitByYear = Array.from({ length: years }, (_, i) => sum(elements.map((e) => e.byYear[i]!)));
  // The written formulas of the net cash flow, the net value and the NPV end in a + or -: Excel's
  // near-zero rule applies to them, so it applies here too.
  const cashFlow = [0 - investment, ...benefitByYear.map((b) => nearZeroSum(b, -annualCost))];
  const totalAnnualValue = sum(elements.map((e) => e.annualValue));
  const totalBenefit = sum(benefitByYear);
  const totalCost = investment + years * annualCost;
  const netValue = nearZeroSum(totalBenefit, -totalCost);

  const totals: Totals = {
    TotalAnnualValue: totalAnnualValue,
    Green: sum(elements.filter((e) => e.element.confidence === "green").map((e) => e.annualValue)),
    Gray: sum(elements.filter((e) => e.element.confidence === "gray").map((e) => e.annualValue)),
    TotalBenefit: totalBenefit,
    TotalCost: totalCost,
    NetValue: netValue,
    NPV: nearZeroSum(cashFlow[0]!, excelNpv(discountRate, cashFlow.slice(1))),
    ROI: totalCost === 0 ? undefined : netValue / totalCost,
    PaybackMonths: paybackMonths(cashFlow),
    ...incentive(model.settings, totalBenefit, totalCost),
  };
  const overflow = overflowProblem(model, elements, benefitByYear, cashFlow, totals);
  if (overflow) return { problems: [overflow] };
  return { results: { elements, benefitByYear, cashFlow, byStakeholder: groupByStakeholder(elements), totals, order }, problems };
}

/**
 * Each number is finite, but a sum of them, the cost, the discounting or the ROI may pass Excel's
 * largest number (about 1.8E+308): the workbook would show #NUM! where the add-in showed a number.
 * The first result that does is a model error, located where the number that causes it is entered.
 */
function overflowProblem(
  model: ValueModel,
  elements: readonly ElementResult[],
  benefitByYear: readonly number[],
  cashFlow: readonly number[],
  totals: Totals,
): Problem | undefined {
  const { settings } = model;
  const beyond = "comes to more than Excel can hold (about 1.8E+308), so the workbook would show #NUM!";
  const atElements = (what: string): Problem => {
    if (elements.length === 0) return error("result-overflow", RANGE_NAMES.elements, `${what} ${beyond}.`);
    const largest = elements.reduce((a, b) => (Math.abs(b.annualValue) > Math.abs(a.annualValue) ? b : a));
    return error(
      "result-overflow",
      RANGE_NAMES.elements,
      `${what} ${beyond}. The largest annual value is that of ${quoted(largest.element.element)}, ${numberToText(largest.annualValue)}: check its formula and the variables it uses.`,
      largest.element.formulaCell,
    );
  };
  const atSetting = (what: string, cell: CellAddress | undefined, hint: string): Problem =>
    cell ? error("result-overflow", RANGE_NAMES.settings, `${what} ${beyond}. ${hint}`, cell) : atElements(what);
  const costCell =
    settings.years * settings.annualCost >= settings.investment
      ? (settings.cells.annualCost ?? settings.cells.investment)
      : (settings.cells.investment ?? settings.cells.annualCost);
  const atCost = (what: string) =>
    atSetting(
      what,
      costCell,
      `Check the settings Investment (${numberToText(settings.investment)}) and AnnualCost (${numberToText(settings.annualCost)}).`,
    );
  const finite = (values: readonly number[]) => values.every(Number.isFinite);

  if (!finite([totals.TotalAnnualValue, totals.Green, totals.Gray])) return atElements("The total annual value");
  if (!finite(benefitByYear) || !Number.isFinite(totals.TotalBenefit))
    return atElements(`The benefit over ${settings.years} year${settings.years === 1 ? "" : "s"}`);
  if (!Number.isFinite(totals.TotalCost)) return atCost("The total cost (Investment + Years × AnnualCost)");
  const year = cashFlow.findIndex((flow) => !Number.isFinite(flow));
  if (year > 0)
    return settings.annualCost >= Math.abs(benefitByYear[year - 1]!)
      ? atCost(`The net cash flow of year ${year}`)
      : atElements(`The net cash flow of year ${year}`);
  if (!Number.isFinite(totals.NetValue))
    return totals.TotalCost >= Math.abs(totals.TotalBenefit) ? atCost("The net value") : atElements("The net value");
  if (!Number.isFinite(totals.NPV)) {
    if (settings.discountRate < 0) {
      return atSetting(
        "The NPV",
        settings.cells.discountRate,
        `A DiscountRate of ${numberToText(settings.discountRate)} makes each later year's cash flow count for more than it is; check it.`,
      );
    }
    return benefitByYear.every((b) => settings.annualCost >= Math.abs(b)) ? atCost("The NPV") : atElements("The NPV");
  }
  if (totals.ROI !== undefined && !Number.isFinite(totals.ROI))
    return atCost(`The ROI (net value divided by a total cost of ${numberToText(totals.TotalCost)})`);
  if (totals.PaybackMonths !== undefined && !Number.isFinite(totals.PaybackMonths)) return atElements("The payback time");
  return alternativeOverflow(totals, settings, atSetting, atElements);
}

/** The alternative's cost, and the incentive that subtracts it, may pass Excel's largest number too. */
function alternativeOverflow(
  totals: Totals,
  settings: ValueModel["settings"],
  atSetting: (what: string, cell: CellAddress | undefined, hint: string) => Problem,
  atElements: (what: string) => Problem,
): Problem | undefined {
  const { alternativeInvestment: investment, alternativeAnnualCost: annual, years, cells } = settings;
  const cell =
    years * annual >= investment
      ? (cells.alternativeAnnualCost ?? cells.alternativeInvestment)
      : (cells.alternativeInvestment ?? cells.alternativeAnnualCost);
  const hint = `Check the settings AlternativeInvestment (${numberToText(investment)}) and AlternativeAnnualCost (${numberToText(annual)}).`;
  if (!Number.isFinite(totals.AlternativeCost))
    return atSetting("The alternative's cost (AlternativeInvestment + Years × AlternativeAnnualCost)", cell, hint);
  if (!Number.isFinite(totals.Incentive))
    return totals.AlternativeCost >= Math.abs(totals.TotalBenefit)
      ? atSetting("The incentive to purchase", cell, hint)
      : atElements("The incentive to purchase");
  return undefined;
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

import { excelNpv } from "../model/finance";
import { type FormulaValue, isExcelError, nearZeroSum } from "../formula/values";
import type { CachedValue } from "./types";

/**
 * The values the planned formulas compute, as Excel computes them, for the .xlsx to carry beside
 * each formula. The arithmetic here mirrors the formulas the planners write (SUM, SUMPRODUCT,
 * Excel's NPV, the payback helper), errors included, so that a reader that does not recalculate
 * shows what Excel and LibreOffice show after recalculating; a test compares every cell.
 */

export const NOT_AVAILABLE: CachedValue = { error: "#N/A" };

export function isCachedError(value: CachedValue): value is Extract<CachedValue, object> {
  return typeof value === "object";
}

/** A core result that may have no value (ROI without cost, no payback): `#N/A` then, as the sheet's `NA()`. */
export function orNotAvailable(value: number | undefined): CachedValue {
  return value === undefined ? NOT_AVAILABLE : value;
}

/** An element's value as the formula language computed it. */
export function fromFormulaValue(value: FormulaValue): CachedValue {
  return isExcelError(value) ? { error: value.code } : typeof value === "number" ? inExcel(value) : value;
}

/** Excel's SUM over cells holding these values: the first error in range order, else the sum of the numbers. */
export function sumOf(values: readonly CachedValue[]): CachedValue {
  let total = 0;
  for (const v of values) {
    if (isCachedError(v)) return v;
    if (typeof v === "number") total += v;
  }
  return inExcel(total);
}

/** Excel has no infinity: a result past its largest number is #NUM!. */
export function inExcel(value: number): CachedValue {
  return Number.isFinite(value) || Number.isNaN(value) ? value : { error: "#NUM!" };
}

/** The first error among the operands of an arithmetic formula, else the result of `f`. */
export function arithmetic(operands: readonly CachedValue[], f: (...numbers: number[]) => number): CachedValue {
  for (const v of operands) if (isCachedError(v)) return v;
  return inExcel(f(...operands.map((v) => (typeof v === "number" ? v : 0))));
}

/**
 * One cash flow as its rows on the sheet compute it: net flow per year (year 0 first), the
 * cumulative, the payback helper of each year (months where the cumulative turns non-negative,
 * else ""), and the totals. `benefit` holds years 1..n.
 */
export interface CashFlowValues {
  readonly benefit: readonly CachedValue[];
  readonly net: readonly CachedValue[];
  readonly cumulative: readonly CachedValue[];
  readonly crossing: readonly CachedValue[];
  readonly totalBenefit: CachedValue;
  readonly npv: CachedValue;
  readonly payback: CachedValue;
}

export function cashFlowValues(
  benefit: readonly CachedValue[],
  investment: number,
  annualCost: number,
  discountRate: number,
): CashFlowValues {
  // Net (`=benefit+price`), cumulative (`=before+net`) and NPV (`=net0+NPV(…)`) end in a +: Excel's
  // near-zero rule applies to each.
  const net: CachedValue[] = [-investment, ...benefit.map((b) => arithmetic([b], (x) => nearZeroSum(x, -annualCost)))];
  const cumulative: CachedValue[] = [net[0]!];
  const crossing: CachedValue[] = [];
  for (let y = 1; y < net.length; y++) {
    const before = cumulative[y - 1]!;
    const now = arithmetic([before, net[y]!], nearZeroSum);
    cumulative.push(now);
    crossing.push(arithmetic([before, now, net[y]!], (b, n, flow) => (b < 0 && n >= 0 ? 12 * (y - 1 - b / flow) : Number.NaN)));
  }
  // The helper shows "" where the cumulative does not cross in that year.
  const crossingShown = crossing.map((c) => (typeof c === "number" && Number.isNaN(c) ? "" : c));
  const numbers = crossingShown.filter((c): c is number => typeof c === "number");
  // IF(cumulative0>=0, 0, IF(COUNT(helpers)=0, NA(), MIN(helpers))): COUNT skips errors, MIN does not.
  const payback: CachedValue =
    typeof cumulative[0] === "number" && cumulative[0] >= 0
      ? 0
      : numbers.length === 0
        ? NOT_AVAILABLE
        : (crossingShown.find(isCachedError) ?? Math.min(...numbers));
  return {
    benefit,
    net,
    cumulative,
    crossing: crossingShown,
    totalBenefit: sumOf(benefit),
    npv: arithmetic(net, (first, ...rest) => nearZeroSum(first!, excelNpv(discountRate, rest))),
    payback,
  };
}

/**
 * The financial results, to Excel's own semantics so that the numbers the add-in shows are the
 * numbers the written formulas give in Excel.
 */
import { nearZeroSum } from "../formula/values";

/** Excel's NPV: the first value is discounted one full period, `Σ vᵢ / (1+rate)^i` for i = 1..n. */
export function excelNpv(rate: number, values: readonly number[]): number {
  let total = 0;
  let factor = 1;
  for (const value of values) {
    factor *= 1 + rate;
    total += value / factor;
  }
  return total;
}

/**
 * Months until the cumulative net cash flow first reaches 0, interpolating linearly within the
 * year in which it does; undefined when it does not within the horizon.
 * `cashFlow[0]` is time 0 (the investment), `cashFlow[y]` year y.
 */
export function paybackMonths(cashFlow: readonly number[]): number | undefined {
  let cumulative = cashFlow[0] ?? 0;
  if (cumulative >= 0) return 0;
  for (let year = 1; year < cashFlow.length; year++) {
    const flow = cashFlow[year]!;
    // The cumulative's formula is `=before+net`: Excel's near-zero rule makes a cancelling sum 0.
    const next = nearZeroSum(cumulative, flow);
    if (next >= 0) return 12 * (year - 1 + -cumulative / flow);
    cumulative = next;
  }
  return undefined;
}

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

/**
 * Anderson's incentive to purchase: the value of the offering relative to the customer's next-best
 * alternative (the elements measure their value against it, so it is the total benefit) minus the
 * price difference (the offering's total cost less what the alternative costs over the horizon).
 * Each is computed as its cell's formula computes it in Excel: `=AltInvestment+Years*AltAnnualCost`,
 * `=TotalCost-AlternativeCost` and `=TotalBenefit-PriceDifference`, the last two under Excel's
 * near-zero rule of a final + or -. Without an alternative, the cost is 0 and the incentive is
 * exactly the net value (`TotalBenefit-TotalCost`).
 */
export function incentive(
  settings: { readonly years: number; readonly alternativeInvestment: number; readonly alternativeAnnualCost: number },
  totalBenefit: number,
  totalCost: number,
): { AlternativeCost: number; PriceDifference: number; Incentive: number } {
  const alternativeCost = settings.alternativeInvestment + settings.years * settings.alternativeAnnualCost;
  const priceDifference = nearZeroSum(totalCost, -alternativeCost);
  return { AlternativeCost: alternativeCost, PriceDifference: priceDifference, Incentive: nearZeroSum(totalBenefit, -priceDifference) };
}

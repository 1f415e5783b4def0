import type { Results, Totals } from "./model/compute";
import { alternativeGiven } from "./model/settings";
import type { ValueModel } from "./model/types";
import { type ValueMapJson, valueMapJson } from "./plan/value-map-groups";

/** The totals of the next-best alternative, present only when the model gives one (so a model without it prints as before). */
type AlternativeTotals = Pick<Totals, "AlternativeCost" | "PriceDifference" | "Incentive">;
type BaseTotals = Omit<Totals, keyof AlternativeTotals>;

/** The results as the command line's `--json` prints them (the contract's shape); `null` where a result has no value. */
export interface ResultsJson {
  readonly customer: string;
  readonly currency: string;
  /** The customer's next-best alternative, when the model gives one. */
  readonly alternative?: string;
  readonly elements: readonly {
    readonly id: string | null;
    readonly element: string;
    readonly stakeholder: string;
    readonly confidence: "green" | "gray";
    readonly annualValue: number;
    readonly byYear: readonly number[];
  }[];
  readonly totals: { readonly [K in keyof BaseTotals]: BaseTotals[K] extends number ? number : number | null } & Partial<AlternativeTotals>;
  /** Present only when the workbook has `CVM_Stakeholders`. */
  readonly valueMap?: ValueMapJson;
}

export function resultsJson(model: ValueModel, results: Results): ResultsJson {
  const t = results.totals;
  const valueMap = valueMapJson(model, results);
  const given = alternativeGiven(model.settings);
  return {
    customer: model.settings.customer,
    currency: model.settings.currency,
    ...(given ? { alternative: model.settings.alternative } : {}),
    elements: results.elements.map((r) => ({
      id: r.element.id ?? null,
      element: r.element.element,
      stakeholder: r.element.stakeholder,
      confidence: r.element.confidence,
      annualValue: r.annualValue,
      byYear: r.byYear,
    })),
    totals: {
      TotalAnnualValue: t.TotalAnnualValue,
      Green: t.Green,
      Gray: t.Gray,
      TotalBenefit: t.TotalBenefit,
      TotalCost: t.TotalCost,
      NetValue: t.NetValue,
      NPV: t.NPV,
      ROI: t.ROI ?? null,
      PaybackMonths: t.PaybackMonths ?? null,
      ...(given ? { AlternativeCost: t.AlternativeCost, PriceDifference: t.PriceDifference, Incentive: t.Incentive } : {}),
    },
    ...(valueMap ? { valueMap } : {}),
  };
}

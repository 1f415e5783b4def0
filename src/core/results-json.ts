import type { Results, Totals } from "./model/compute";
import type { ValueModel } from "./model/types";
import { type ValueMapJson, valueMapJson } from "./plan/value-map-groups";

/** The results as the command line's `--json` prints them (the contract's shape); `null` where a result has no value. */
export interface ResultsJson {
  readonly customer: string;
  readonly currency: string;
  readonly elements: readonly {
    readonly id: string | null;
    readonly element: string;
    readonly stakeholder: string;
    readonly confidence: "green" | "gray";
    readonly annualValue: number;
    readonly byYear: readonly number[];
  }[];
  readonly totals: { readonly [K in keyof Totals]: Totals[K] extends number ? number : number | null };
  /** Present only when the workbook has `CVM_Stakeholders`. */
  readonly valueMap?: ValueMapJson;
}

export function resultsJson(model: ValueModel, results: Results): ResultsJson {
  const t = results.totals;
  const valueMap = valueMapJson(model, results);
  return {
    customer: model.settings.customer,
    currency: model.settings.currency,
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
    },
    ...(valueMap ? { valueMap } : {}),
  };
}

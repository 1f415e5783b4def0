import type { Results, Totals } from "./model/compute";
import { realizationByYear } from "./model/realization-by-year";
import { alternativeGiven } from "./model/settings";
import type { ValueModel } from "./model/types";
import { type ValueMapJson, valueMapJson } from "./plan/value-map-groups";

/** The totals of the next-best alternative, present only when the model gives one (so a model without it prints as before). */
type AlternativeTotals = Pick<Totals, "AlternativeCost" | "PriceDifference" | "Incentive">;
type BaseTotals = Omit<Totals, keyof AlternativeTotals>;

/** Realization by year as `--json` prints it; present only when CVM_Actuals has something measured. */
export interface RealizationByYearJson {
  /** Each year with something measured, over the element-years measured in it; `null` share where nothing was estimated. */
  readonly years: readonly {
    readonly year: number;
    readonly estimated: number;
    readonly actual: number;
    readonly realizedShare: number | null;
    readonly estimatedToDate: number;
    readonly actualToDate: number;
    readonly realizedShareToDate: number | null;
  }[];
  /** Each measured element-year, by year then element. */
  readonly elements: readonly {
    readonly id: string | null;
    readonly element: string;
    readonly year: number;
    readonly estimated: number;
    readonly actual: number;
    readonly realizedShare: number | null;
    readonly source: string;
    /** `2026-03-31`, or `null` when the row gives no date. */
    readonly date: string | null;
  }[];
  readonly estimatedToDate: number;
  readonly realizedToDate: number;
}

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
  readonly realizationByYear?: RealizationByYearJson;
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
    // Absent without actuals by year, so that every other model's output is exactly as before.
    ...realizationJson(model, results),
  };
}

function realizationJson(model: ValueModel, results: Results): { realizationByYear?: RealizationByYearJson } {
  const computed = realizationByYear(model, results);
  if (!computed) return {};
  return {
    realizationByYear: {
      years: computed.years.map((y) => ({
        year: y.year,
        estimated: y.estimated,
        actual: y.actual,
        realizedShare: y.share ?? null,
        estimatedToDate: y.estimatedToDate,
        actualToDate: y.actualToDate,
        realizedShareToDate: y.shareToDate ?? null,
      })),
      elements: computed.measured.map(({ measured, estimated, share }) => {
        const e = model.elements[measured.element]!;
        return {
          id: e.id ?? null,
          element: e.element,
          year: measured.year,
          estimated,
          actual: measured.actual,
          realizedShare: share ?? null,
          source: measured.source,
          date: measured.date === undefined ? null : isoDate(measured.date),
        };
      }),
      estimatedToDate: computed.estimatedToDate,
      realizedToDate: computed.realizedToDate,
    },
  };
}

/**
 * An Excel serial date (the time of day as a fraction) as `yyyy-mm-dd`, as Excel shows it. From 61
 * (1900-03-01) on a serial counts days since 1899-12-30; below, Excel counts a 29 February 1900
 * that never was (serial 60, kept for Lotus 1-2-3: Microsoft, "Excel incorrectly assumes that the
 * year 1900 is a leap year"), so serials 1 to 59 count from 1899-12-31. Serial 60 has no real
 * date: it is shown as Excel shows it, `1900-02-29`.
 */
export function isoDate(serial: number): string {
  const day = Math.floor(serial);
  if (day === 60) return "1900-02-29";
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + day * 86_400_000).toISOString().slice(0, 10);
}

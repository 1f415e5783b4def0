import type { Results } from "./compute";
import { rampAt, type ValueModel, type YearActual } from "./types";

/** One measured element-year against the estimate of that year. */
export interface MeasuredYear {
  readonly measured: YearActual;
  /** The ramped estimate A(e)·ramp(e, y): the element's value in that year on the Value Summary. */
  readonly estimated: number;
  /** Actual / estimated; undefined where nothing was estimated (a share of zero has no meaning). */
  readonly share: number | undefined;
}

/** One year of the horizon in which something was measured, over the element-years measured in it. */
export interface YearRealization {
  readonly year: number;
  readonly estimated: number;
  readonly actual: number;
  readonly share: number | undefined;
  /** From the first measured year to this one. */
  readonly estimatedToDate: number;
  readonly actualToDate: number;
  readonly shareToDate: number | undefined;
}

export interface RealizationByYear {
  /** Ordered by year, then by the element's place in the model (each year's rows together). */
  readonly measured: readonly MeasuredYear[];
  /** The years with something measured, in order. */
  readonly years: readonly YearRealization[];
  /** Cumulative over every measured element-year: the last year's "to date". */
  readonly estimatedToDate: number;
  readonly realizedToDate: number;
}

/**
 * Realization by year: each measured result of CVM_Actuals against the estimate of the same
 * element and year, so that a year-1 result is held against the year-1 ramp (50%), not against
 * the value in full effect. Each year's estimate counts only the element-years measured, so that
 * what was not measured yet neither flatters nor penalises the share. The sums run in the order
 * the summary's SUM formulas add the same cells. Undefined when nothing was measured.
 */
export function realizationByYear(model: ValueModel, results: Results): RealizationByYear | undefined {
  const actuals = model.actuals ?? [];
  if (actuals.length === 0) return undefined;
  const measured = [...actuals]
    .sort((a, b) => a.year - b.year || a.element - b.element)
    .map((m) => {
      const computed = results.elements[m.element]!;
      // Past the model's horizon only where no Years applies (the custom function): a ramp defines every year.
      const estimated = computed.byYear[m.year - 1] ?? computed.annualValue * rampAt(computed.element.ramp, m.year);
      return { measured: m, estimated, share: shareOf(m.actual, estimated) };
    });
  const years: YearRealization[] = [];
  let estimatedToDate = 0;
  let actualToDate = 0;
  for (const year of [...new Set(measured.map((m) => m.measured.year))]) {
    let estimated = 0;
    let actual = 0;
    for (const m of measured) {
      if (m.measured.year !== year) continue;
      estimated += m.estimated;
      actual += m.measured.actual;
    }
    estimatedToDate += estimated;
    actualToDate += actual;
    years.push({
      year,
      estimated,
      actual,
      share: shareOf(actual, estimated),
      estimatedToDate,
      actualToDate,
      shareToDate: shareOf(actualToDate, estimatedToDate),
    });
  }
  return { measured, years, estimatedToDate, realizedToDate: actualToDate };
}

function shareOf(actual: number, estimated: number): number | undefined {
  return estimated === 0 ? undefined : actual / estimated;
}

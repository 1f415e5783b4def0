import type { ElementResult, Results } from "../core/model/compute";
import { realizedValue } from "../core/model/realization";
import { rampAt } from "../core/model/types";
import { modelOf } from "./model-args";
import type { ModelSource } from "./model-cache";
import { computedModel } from "./model-outcome";
import { fail, ok, type Outcome } from "./outcome";
import { readText, readYear } from "./scalars";

/** The contract's A(e)·r(e, y), written as computeResults writes it so the numbers agree exactly. */
function valueInYear(e: ElementResult, year: number): number {
  return e.annualValue * rampAt(e.element.ramp, year);
}

/** By Id first (ids are unique), then by name; a name shared by several elements is ambiguous. */
function findElement(results: Results, wanted: string): Outcome<ElementResult> {
  if (wanted === "") return fail("#VALUE!", "Give the Id or the name of an element in elements.");
  const key = wanted.toLowerCase();
  const byId = results.elements.find((e) => e.element.id?.toLowerCase() === key);
  if (byId) return ok(byId);
  const named = results.elements.filter((e) => e.element.element.toLowerCase() === key);
  if (named.length === 1) return ok(named[0]!);
  if (named.length > 1) {
    const rows = named.map((e) => e.element.nameCell.row + 1);
    return fail("#N/A", `Several elements are named "${wanted}" (elements, rows ${rows.join(", ")}); give the Id of the one you mean.`);
  }
  return fail("#N/A", `No element with id or name "${wanted}" in elements.`);
}

function resultsOf(models: ModelSource, elements: unknown, variables: unknown, settings: unknown) {
  const entry = modelOf(models, elements, variables, settings);
  return entry.ok ? computedModel(entry.value) : entry;
}

export function elementValue(models: ModelSource, elements: unknown, variables: unknown, element: unknown, year: unknown): Outcome<number> {
  const y = readYear(year);
  if (!y.ok) return y;
  const computed = resultsOf(models, elements, variables, undefined);
  if (!computed.ok) return computed;
  const found = findElement(computed.value.results, readText(element));
  if (!found.ok) return found;
  return ok(y.value === undefined ? found.value.annualValue : valueInYear(found.value, y.value));
}

export function totalValue(models: ModelSource, elements: unknown, variables: unknown, year: unknown): Outcome<number> {
  const y = readYear(year);
  if (!y.ok) return y;
  const computed = resultsOf(models, elements, variables, undefined);
  if (!computed.ok) return computed;
  const { results } = computed.value;
  if (y.value === undefined) return ok(results.totals.TotalAnnualValue);
  let benefit = 0;
  for (const e of results.elements) benefit += valueInYear(e, y.value);
  return ok(benefit);
}

export function npv(models: ModelSource, elements: unknown, variables: unknown, settings: unknown): Outcome<number> {
  const computed = resultsOf(models, elements, variables, settings);
  return computed.ok ? ok(computed.value.results.totals.NPV) : computed;
}

export function roi(models: ModelSource, elements: unknown, variables: unknown, settings: unknown): Outcome<number> {
  const computed = resultsOf(models, elements, variables, settings);
  if (!computed.ok) return computed;
  const value = computed.value.results.totals.ROI;
  return value === undefined
    ? fail("#N/A", "The ROI has no value because the total cost is 0: settings give no Investment and no AnnualCost.")
    : ok(value);
}

/** Anderson's incentive to purchase: the total benefit (measured against the next-best alternative) less the price difference. */
export function incentive(models: ModelSource, elements: unknown, variables: unknown, settings: unknown): Outcome<number> {
  const computed = resultsOf(models, elements, variables, settings);
  return computed.ok ? ok(computed.value.results.totals.Incentive) : computed;
}

export function paybackMonths(models: ModelSource, elements: unknown, variables: unknown, settings: unknown): Outcome<number> {
  const computed = resultsOf(models, elements, variables, settings);
  if (!computed.ok) return computed;
  const value = computed.value.results.totals.PaybackMonths;
  if (value !== undefined) return ok(value);
  const years = computed.value.model.settings.years;
  return fail("#N/A", `The offering does not pay back within the ${years}-year horizon: the cumulative net cash flow stays below 0.`);
}

export function realized(models: ModelSource, elements: unknown, variables: unknown): Outcome<number> {
  const computed = resultsOf(models, elements, variables, undefined);
  if (!computed.ok) return computed;
  const { total, recorded } = realizedValue(computed.value.model);
  // A total of 0 when nothing was measured would read as "no value was realized".
  if (recorded === 0)
    return fail("#N/A", "No element in elements has an Actual value yet; record the realized annual values in the Actual column.");
  return ok(total);
}

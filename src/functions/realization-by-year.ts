import { readActuals } from "../core/model/read-actuals";
import { realizationByYear as computeRealizationByYear } from "../core/model/realization-by-year";
import { asGrid, toRangeInput } from "./grid";
import { modelOf } from "./model-args";
import type { ModelSource } from "./model-cache";
import { computedModel, errorsFailure } from "./model-outcome";
import { fail, failure, type MatrixCell, ok, type Outcome } from "./outcome";
import { MAX_YEAR, readYear } from "./scalars";

/** Columns of CVM.REALIZEDBYYEAR without a year, documented for users who write headers above it. */
export const REALIZATION_COLUMNS = [
  "Year",
  "Estimated",
  "Actual",
  "Realized",
  "Estimated to date",
  "Actual to date",
  "Realized to date",
] as const;

const NO_SHARE = "Nothing was estimated for the element-years measured (their ramp is 0%), so there is no share.";

/**
 * Realization by year, over the actuals range (Element, Year, Actual, Source, Date) as the
 * Value Summary shows it. Without a year: one row per measured year (no header row, as
 * CVM.SENSITIVITY), with the columns above. With a year: the money realized in that year, as a
 * single cell.
 * The functions take no settings, so every year up to 30 is compared (a ramp defines every year).
 */
export function realizationByYear(
  models: ModelSource,
  elements: unknown,
  variables: unknown,
  actuals: unknown,
  year: unknown,
): Outcome<MatrixCell[][]> {
  const y = readYear(year);
  if (!y.ok) return y;
  const grid = asGrid(actuals, "actuals");
  if (!grid.ok) return grid;
  const entry = modelOf(models, elements, variables, undefined);
  if (!entry.ok) return entry;
  const computed = computedModel(entry.value);
  if (!computed.ok) return computed;
  const { model, results } = computed.value;
  const read = readActuals(toRangeInput(grid.value, "actuals"), model.elements, MAX_YEAR, true);
  const headers = { ...entry.value.headers, actuals: grid.value[0] ?? [] };
  if (read.problems.some((p) => p.severity === "error")) return { ok: false, failure: errorsFailure(read.problems, headers) };
  const realization = computeRealizationByYear({ ...model, actuals: read.actuals }, results);
  if (!realization)
    return fail("#N/A", "The actuals range records no result yet; add a row per element and year measured (Element, Year, Actual).");
  if (y.value !== undefined) {
    const measured = realization.years.find((r) => r.year === y.value);
    // One cell: a dynamic array of one shows as a plain value.
    return measured ? ok([[measured.actual]]) : fail("#N/A", `The actuals range records no result for year ${y.value}.`);
  }
  const share = (value: number | undefined): MatrixCell => value ?? failure("#N/A", NO_SHARE);
  return ok(
    realization.years.map((r) => [r.year, r.estimated, r.actual, share(r.share), r.estimatedToDate, r.actualToDate, share(r.shareToDate)]),
  );
}

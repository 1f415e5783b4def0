import { formatCell } from "../workbook/address";
import { inExcel, NOT_AVAILABLE } from "./cached";
import type { CachedValue } from "./types";
import { relative, type SummaryGrid } from "./summary-grid";

/** Where realization's cells sit: sheet-relative A1 addresses on the Value Summary. */
export interface RealizationLayout {
  /** One entry per element with an Actual, in the model's order. */
  readonly rows: readonly {
    readonly element: number;
    readonly estimated: string;
    readonly actual: string;
    readonly share: string;
    readonly gap: string;
  }[];
  readonly total: { readonly estimated: string; readonly actual: string; readonly share: string; readonly gap: string };
  readonly unmeasured: string;
}

/**
 * Value realization: for each element with an Actual, the estimate (its live annual value), the
 * Actual (read live from CVM_Elements), the share realized and the gap; then the total over the
 * measured elements and the estimate not yet measured. Absent until some element has an Actual.
 */
export function planRealization(g: SummaryGrid, start: number): { nextRow: number; layout: RealizationLayout } | undefined {
  const { s, model } = g;
  const measured = model.elements.flatMap((e, index) =>
    e.actual !== undefined && e.actualCell ? [{ e, index, actualCell: e.actualCell }] : [],
  );
  if (measured.length === 0) return undefined;

  s.text(start, 0, "Value realization", "section");
  s.text(
    start + 1,
    0,
    `Estimated annual value against the actual value measured, for the ${measured.length} of ${model.elements.length} elements measured so far.`,
    "note",
  );
  s.text(start + 2, 0, "The Assumptions Log records when each actual value was first seen.", "note");
  const header = start + 3;
  ["Element", "Estimated (full realization)", "Actual", "Realized", "Gap"].forEach((h, c) =>
    s.text(header, c, h, c === 0 ? "header" : "headerRight"),
  );
  const first = header + 1;
  let estimatedTotal = 0;
  let actualTotal = 0;
  const rows = measured.map(({ e, index, actualCell }, i) => {
    const row = first + i;
    const estimated = g.results.elements[index]!.annualValue;
    const measuredValue = e.actual!;
    estimatedTotal += estimated;
    actualTotal += measuredValue;
    s.text(row, 0, e.element, "text");
    s.formula(row, 1, g.annualCell(index), "money", estimated);
    // An Actual cleared after the build is no 0: it shows #N/A until the next build drops the row.
    const actual = formatCell(actualCell, true);
    s.formula(row, 2, `IF(ISNUMBER(${actual}),${actual},NA())`, "money", measuredValue);
    s.formula(row, 3, share(relative(row, 2), relative(row, 1)), "percent", inExcelValue(shareValue(measuredValue, estimated)));
    s.formula(row, 4, `${relative(row, 2)}-${relative(row, 1)}`, "money", inExcel(measuredValue - estimated));
    return { element: index, estimated: relative(row, 1), actual: relative(row, 2), share: relative(row, 3), gap: relative(row, 4) };
  });
  const last = first + measured.length - 1;
  const total = last + 1;
  s.text(total, 0, "Total, measured elements", "labelTotal");
  s.formula(total, 1, `SUM(${relative(first, 1)}:${relative(last, 1)})`, "moneyTotal", inExcel(estimatedTotal));
  s.formula(total, 2, `SUM(${relative(first, 2)}:${relative(last, 2)})`, "moneyTotal", inExcel(actualTotal));
  s.formula(total, 3, share(relative(total, 2), relative(total, 1)), "percent", inExcelValue(shareValue(actualTotal, estimatedTotal)));
  s.formula(total, 4, `${relative(total, 2)}-${relative(total, 1)}`, "moneyTotal", inExcel(actualTotal - estimatedTotal));
  const unmeasured = total + 1;
  const waiting = model.elements.length - measured.length;
  s.text(unmeasured, 0, `Estimated, not yet measured (${waiting} element${waiting === 1 ? "" : "s"})`, "label");
  s.formula(
    unmeasured,
    1,
    `${g.result("CVM_TotalAnnualValue")}-${relative(total, 1)}`,
    "money",
    inExcel(g.results.totals.TotalAnnualValue - estimatedTotal),
  );
  return {
    nextRow: unmeasured,
    layout: {
      rows,
      total: { estimated: relative(total, 1), actual: relative(total, 2), share: relative(total, 3), gap: relative(total, 4) },
      unmeasured: relative(unmeasured, 1),
    },
  };
}

function inExcelValue(value: CachedValue): CachedValue {
  return typeof value === "number" ? inExcel(value) : value;
}

function shareValue(actual: number, estimated: number): CachedValue {
  return estimated === 0 ? NOT_AVAILABLE : actual / estimated;
}

/** #N/A where nothing was estimated: a share of zero has no meaning. */
function share(actual: string, estimated: string): string {
  return `IF(${estimated}=0,NA(),${actual}/${estimated})`;
}

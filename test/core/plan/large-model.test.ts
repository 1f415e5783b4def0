import { analyzeWorkbook } from "../../../src/core/model/analyze";
import { planBuild } from "../../../src/core/plan/build-plan";
import { formatRange } from "../../../src/core/workbook/address";
import type { CellValue, RangeInput } from "../../../src/core/workbook/cells";
import { generatedModel } from "../../support/generated-model";

function rangeOf(rows: readonly (readonly CellValue[])[], sheet: string): RangeInput {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return { address: formatRange({ sheet, top: 0, left: 0, bottom: rows.length - 1, right: width - 1 }), values: rows };
}

// A 10,000-element model once made the planner spread every Value Summary cell into one
// Math.max call, which overflows the call stack: a large model must plan like a small one.
test("a model of 10,000 elements (with Actuals and ranges) plans a build", () => {
  const tables = generatedModel(10_000, { actuals: true });
  const analysis = analyzeWorkbook({ variables: rangeOf(tables.variables, "Variables"), elements: rangeOf(tables.elements, "Elements") });
  if (!analysis.ok) throw new Error(analysis.problems.map((p) => p.message).join("; "));
  const planned = planBuild(analysis.model, analysis.results, { sheets: [], names: [] }, new Date(Date.UTC(2026, 11, 4)));
  if (!planned.ok) throw new Error(planned.problems.map((p) => p.message).join("; "));

  const summary = planned.plan.sheets.find((s) => s.name === "Value Summary")!;
  const lastElement = tables.elements[tables.elements.length - 1]![0];
  expect(summary.cells.some((c) => c.content.kind === "text" && c.content.value === lastElement)).toBe(true);
  expect(summary.cells.length).toBeGreaterThan(150_000);
});

import { analyzeWorkbook } from "../../../src/core/model/analyze";
import { planBuild } from "../../../src/core/plan/build-plan";
import { describeBuild } from "../../../src/core/plan/describe";
import type { WorkbookInput } from "../../../src/core/workbook/cells";

const input = (miles: number): WorkbookInput => ({
  variables: {
    address: "Inputs!A1:B3",
    values: [
      ["Name", "Value"],
      ["Miles", miles],
      ["Cost", 500],
    ],
  },
  elements: {
    address: "Elements!A1:D3",
    values: [
      ["Element", "Formula", "Stakeholder", "Confidence"],
      ["Repairs", "Miles*Cost", "CFO", "green"],
      ["Patrols", "Miles*2", "Field Manager", "gray"],
    ],
  },
  settings: {
    address: "Settings!A1:B2",
    values: [
      ["Setting", "Value"],
      ["Years", 4],
    ],
  },
});

function build(miles: number, record?: readonly (readonly (string | number | boolean | null)[])[]) {
  const analysis = analyzeWorkbook(input(miles));
  if (!analysis.ok) throw new Error("model");
  const planned = planBuild(
    analysis.model,
    analysis.results,
    { sheets: ["Inputs", "Elements", "Settings"], names: [], ...(record ? { record } : {}) },
    new Date(Date.UTC(2026, 10, 23)),
  );
  if (!planned.ok) throw new Error("plan");
  return { plan: planned.plan, lines: describeBuild(planned.plan, analysis.model, analysis.results) };
}

/** The record as the add-in would read it back: the planned cells of its sheet as a grid. */
function recordOf(plan: ReturnType<typeof build>["plan"]) {
  const sheet = plan.sheets.find((s) => s.name === "CVM_Meta")!;
  const rows: (string | number | null)[][] = [];
  for (const c of sheet.cells) {
    while (rows.length <= c.row) rows.push([]);
    const row = rows[c.row]!;
    while (row.length <= c.column) row.push(null);
    row[c.column] = c.content.kind === "number" ? c.content.value : c.content.kind === "text" ? c.content.value : c.content.formula;
  }
  return rows;
}

test("a first build says what each sheet got and how many names (2 variables + 9 results; no element ids)", () => {
  expect(build(100).lines).toEqual([
    "Value Summary: 2 elements over 4 years, the financial results, 2 stakeholders and a chart of value by element.",
    "Assumptions Log: 2 variables, 2 elements and the settings; 1 new history row.",
    "11 defined names set (variables and results such as CVM_NPV).",
  ]);
});

test("a rebuild says how many history rows a change added, and none when nothing changed", () => {
  const first = build(100);
  expect(build(100, recordOf(first.plan)).lines[1]).toMatch(/no change to the history\.$/);
  expect(build(120, recordOf(first.plan)).lines[1]).toMatch(/; 1 new history row\.$/);
});

test("a build with an alternative and actuals by year says so, with the years, element-years and results it compared", () => {
  const base = input(100);
  const analysis = analyzeWorkbook({
    ...base,
    settings: {
      address: "Settings!A1:B4",
      values: [
        ["Setting", "Value"],
        ["Years", 4],
        ["Alternative", "Manual patrols"],
        ["AlternativeAnnualCost", 1000],
      ],
    },
    // Two years of Repairs, one of Patrols; a row for year 9 lies beyond the horizon and is not compared.
    actuals: {
      address: "Actuals!A1:C5",
      values: [
        ["Element", "Year", "Actual"],
        ["Repairs", 1, 40000],
        ["Repairs", 2, 52000],
        ["Patrols", 2, 150],
        ["Patrols", 9, 150],
      ],
    },
  });
  if (!analysis.ok) throw new Error(analysis.problems.map((p) => p.message).join("\n"));
  const planned = planBuild(
    analysis.model,
    analysis.results,
    { sheets: ["Inputs", "Elements", "Settings", "Actuals"], names: [] },
    new Date(),
  );
  if (!planned.ok) throw new Error("plan");
  const lines = describeBuild(planned.plan, analysis.model, analysis.results);
  expect(lines).toContain(
    "The incentive to purchase against Manual patrols: the alternative's cost and the price difference over the horizon.",
  );
  expect(lines).toContain(
    "Realization by year: 2 measured years and 3 element-years against the ramped estimate, with a chart of estimate against actual.",
  );
  expect(lines).toContain("Assumptions Log: 2 variables, 2 elements, the settings and 3 actual results by year; 1 new history row.");
});

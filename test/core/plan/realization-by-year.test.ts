/**
 * The plan of "Realization by year": live formulas over the element-year cells of the Value
 * Summary and the Actual cells of CVM_Actuals, the names to date, the chart, the Assumptions Log's
 * list; and a model without actuals planned exactly as before.
 */
import { analyzeWorkbook } from "../../../src/core/model/analyze";
import { planBuild, type ExistingWorkbook } from "../../../src/core/plan/build-plan";
import type { PlannedCell, RealizationChart, SheetPlan, WorkbookPlan } from "../../../src/core/plan/types";
import type { WorkbookInput } from "../../../src/core/workbook/cells";

// Saving (Id Saving) = 100*10 = 1000, ramp 50%,100%: year 1 500, year 2 1000. Fixed = 300, no ramp.
// The single Actual column also has a value for Saving (the older "Value realization" stays).
const BASE: WorkbookInput = {
  variables: {
    address: "In!A1:B3",
    values: [
      ["Name", "Value"],
      ["Units", 100],
      ["Price", 10],
    ],
  },
  elements: {
    address: "El!A1:F3",
    values: [
      ["Element", "Id", "Formula", "Stakeholder", "Ramp", "Actual"],
      ["Saving", "Saving", "Units*Price", "CFO", "50%,100%", 900],
      ["Fixed", "", "300", "CFO", "", ""],
    ],
  },
  settings: {
    address: "Set!A1:B2",
    values: [
      ["Setting", "Value"],
      ["Years", 3],
    ],
  },
};
// CVM_Actuals at Act!A1:E4: Saving y1 450 (row 2), Fixed y1 330 (row 3), Saving y2 1100 (row 4).
const WITH_ACTUALS: WorkbookInput = {
  ...BASE,
  actuals: {
    address: "Act!A1:E4",
    values: [
      ["Element", "Year", "Actual", "Source", "Date"],
      ["Saving", 1, 450, "=Work orders", 46112],
      ["fixed", 1, 330, "Ledger", ""],
      ["saving", 2, 1100, "Work orders", 46477],
    ],
  },
};
const NOW = new Date(Date.UTC(2026, 10, 23, 12, 0));
const EXISTING: ExistingWorkbook = { sheets: ["In", "El", "Set", "Act"], names: [] };

function plan(input: WorkbookInput): WorkbookPlan {
  const analysis = analyzeWorkbook(input);
  if (!analysis.ok) throw new Error(analysis.problems.map((p) => p.message).join("\n"));
  const outcome = planBuild(analysis.model, analysis.results, EXISTING, NOW);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  return outcome.plan;
}
const sheetOf = (p: WorkbookPlan, name: string): SheetPlan => p.sheets.find((s) => s.name === name)!;
const cellAt = (s: SheetPlan, row: number, column: number): PlannedCell | undefined =>
  s.cells.find((c) => c.row === row && c.column === column);
const shown = (c: PlannedCell | undefined) =>
  c === undefined ? undefined : c.content.kind === "formula" ? [c.content.formula, c.content.value] : c.content.value;
const rowOf = (s: SheetPlan, label: string) =>
  s.cells.find((c) => c.column === 0 && c.content.kind === "text" && c.content.value === label)?.row;
const a1 = (row: number, column: number) => `${String.fromCharCode(65 + column)}${row + 1}`;

const planned = plan(WITH_ACTUALS);
const summary = sheetOf(planned, "Value Summary");
const savingRow = summary.cells.find((c) => c.column === 0 && c.content.kind === "text" && c.content.value === "Saving")!.row;
const fixedRow = savingRow + 1;

describe("the Value Summary's realization by year", () => {
  const title = rowOf(summary, "Realization by year")!;
  const yearHeader = rowOf(summary, "Year")!;
  const listTitle = rowOf(summary, "By element and year")!;

  test("appears below the older value realization, which keeps working", () => {
    expect(rowOf(summary, "Value realization")).toBeLessThan(title);
    expect(yearHeader).toBeGreaterThan(title);
    expect(listTitle).toBeGreaterThan(yearHeader);
  });

  test("each measured element-year: the estimate is the element's cell of that year, the actual the CVM_Actuals cell, live", () => {
    const first = listTitle + 2;
    // Ordered by year, then element: Saving y1, Fixed y1, Saving y2. Year 1 is column E, year 2 column F.
    expect([0, 1, 2, 3, 4, 5].map((c) => shown(cellAt(summary, first, c)))).toEqual([
      "Saving",
      1,
      [`=$E$${savingRow + 1}`, 500],
      // Live while its row still names this element (by Id or name) and this year; #N/A otherwise.
      ["=IF(AND(Act!$B$2=1,OR(TRIM(Act!$A$2)=TRIM(El!$B$2),TRIM(Act!$A$2)=TRIM(El!$A$2)),ISNUMBER(Act!$C$2)),Act!$C$2,NA())", 450],
      [`=IF(C${first + 1}=0,NA(),D${first + 1}/C${first + 1})`, 0.9],
      // Workbook text stays text, even when it looks like a formula.
      "=Work orders",
    ]);
    expect(cellAt(summary, first, 5)!.content.kind).toBe("text");
    expect(shown(cellAt(summary, first + 1, 2))).toEqual([`=$E$${fixedRow + 1}`, 300]);
    expect(shown(cellAt(summary, first + 1, 3))).toEqual([
      "=IF(AND(Act!$B$3=1,OR(TRIM(Act!$A$3)=TRIM(El!$A$3)),ISNUMBER(Act!$C$3)),Act!$C$3,NA())",
      330,
    ]);
    expect(shown(cellAt(summary, first + 2, 2))).toEqual([`=$F$${savingRow + 1}`, 1000]);
    expect(shown(cellAt(summary, first + 2, 4))).toEqual([`=IF(C${first + 3}=0,NA(),D${first + 3}/C${first + 3})`, 1.1]);
  });

  test("each measured year sums its element-years; to date sums the years so far; the shares guard against 0", () => {
    const first = listTitle + 2;
    const y1 = yearHeader + 1;
    const y2 = yearHeader + 2;
    expect(shown(cellAt(summary, y1, 0))).toBe("Year 1");
    // Year 1: 500 + 300 against 450 + 330; year 2: 1000 against 1100. To date: 1800 against 1880.
    expect(shown(cellAt(summary, y1, 1))).toEqual([`=SUM(C${first + 1}:C${first + 2})`, 800]);
    expect(shown(cellAt(summary, y1, 2))).toEqual([`=SUM(D${first + 1}:D${first + 2})`, 780]);
    expect(shown(cellAt(summary, y1, 3))).toEqual([`=IF(B${y1 + 1}=0,NA(),C${y1 + 1}/B${y1 + 1})`, 780 / 800]);
    expect(shown(cellAt(summary, y2, 1))).toEqual([`=SUM(C${first + 3}:C${first + 3})`, 1000]);
    expect(shown(cellAt(summary, y2, 4))).toEqual([`=SUM($B$${y1 + 1}:B${y2 + 1})`, 1800]);
    expect(shown(cellAt(summary, y2, 5))).toEqual([`=SUM($C$${y1 + 1}:C${y2 + 1})`, 1880]);
    expect(shown(cellAt(summary, y2, 6))).toEqual([`=IF(E${y2 + 1}=0,NA(),F${y2 + 1}/E${y2 + 1})`, 1880 / 1800]);
  });

  test("CVM_EstimatedToDate and CVM_RealizedToDate point at the last year's figures to date", () => {
    const y2 = yearHeader + 2;
    expect(planned.names.filter((n) => /ToDate$/.test(n.name))).toEqual([
      { name: "CVM_EstimatedToDate", refersTo: `='Value Summary'!$E$${y2 + 1}` },
      { name: "CVM_RealizedToDate", refersTo: `='Value Summary'!$F$${y2 + 1}` },
    ]);
  });

  test("a clustered column chart of estimate against actual, from the table of years, below it and inside the print area", () => {
    const chart = summary.charts.find((c): c is RealizationChart => c.kind === "realizationByYear")!;
    const y1 = yearHeader + 1;
    const y2 = yearHeader + 2;
    expect(chart.categories).toBe(`${a1(y1, 0)}:${a1(y2, 0)}`);
    expect(chart.series.map((s) => [s.name, s.values])).toEqual([
      ["Estimated", `${a1(y1, 1)}:${a1(y2, 1)}`],
      ["Actual", `${a1(y1, 2)}:${a1(y2, 2)}`],
    ]);
    expect(chart.anchor.row).toBeGreaterThan(y2);
    expect(chart.anchor.row + chart.anchor.rows).toBeLessThan(listTitle);
    expect(summary.page!.printArea.lastRow).toBeGreaterThanOrEqual(chart.anchor.row + chart.anchor.rows - 1);
  });

  test("the Assumptions Log lists each actual with its element, Id, year, value, source and date", () => {
    const log = sheetOf(planned, "Assumptions Log");
    const title = rowOf(log, "Actual results by year")!;
    const rows = [1, 2, 3, 4].map((k) => [0, 1, 2, 3, 4, 5].map((c) => shown(cellAt(log, title + k, c))));
    expect(rows).toEqual([
      ["Element", "Id", "Year", "Actual", "Source", "Date"],
      ["Saving", "Saving", 1, 450, "=Work orders", 46112],
      ["Fixed", "", 1, 330, "Ledger", undefined],
      ["Saving", "Saving", 2, 1100, "Work orders", 46477],
    ]);
    expect(log.styles[cellAt(log, title + 2, 5)!.style!]!.numberFormat).toBe("yyyy-mm-dd");
  });
});

test("a model without CVM_Actuals, or with its header alone, is planned exactly as before", () => {
  const before = plan(BASE);
  expect(plan({ ...BASE, actuals: { address: "Act!A1:E1", values: [["Element", "Year", "Actual", "Source", "Date"]] } })).toEqual(before);
  expect(before.names.some((n) => /ToDate$/.test(n.name))).toBe(false);
  expect(sheetOf(before, "Value Summary").charts.map((c) => c.kind)).toEqual(["valueByElement"]);
});

test("a variable cannot take a name realization by year defines, nor the range's own", () => {
  for (const name of ["CVM_RealizedToDate", "cvm_estimatedtodate", "CVM_Actuals"]) {
    const analysis = analyzeWorkbook({
      ...BASE,
      variables: {
        address: "In!A1:B4",
        values: [
          ["Name", "Value"],
          ["Units", 100],
          ["Price", 10],
          [name, 1],
        ],
      },
    });
    expect(analysis.problems.map((p) => [p.code, p.message])).toEqual([
      ["variable-name-illegal", `The variable name "${name}" is a name the add-in uses for its own results.`],
    ]);
  }
});

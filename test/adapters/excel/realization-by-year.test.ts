/**
 * Realization by year inside Excel (simulated): the section and its names are written in the
 * build's usual three syncs, the chart of estimate against actual is a clustered column chart made
 * after the sheets, and a host that refuses it still gets complete sheets and a sentence.
 */
import { CHART_NAME, REALIZATION_CHART_NAME } from "../../../src/adapters/excel/apply";
import { REALIZATION_NAMES } from "../../../src/core/model/names";
import { INCOMPLETE_MARK } from "../../../src/core/plan/incomplete";
import { SUMMARY_SHEET } from "../../../src/core/plan/summary";
import { ACTUALS_BY_YEAR } from "../../fixtures/models";
import { buildInExcel } from "../../support/pipeline";
import { BUILT, hostOf, seedOfTables, simulationOf } from "./support";

test("a model with actuals by year builds in three syncs, with the names to date and a clustered column chart of the years", async () => {
  const simulation = await simulationOf(await seedOfTables(ACTUALS_BY_YEAR.tables, ACTUALS_BY_YEAR.options));
  const outcome = await buildInExcel(hostOf(simulation), BUILT);
  expect(outcome).toMatchObject({ ok: true, syncs: 3 });
  expect(simulation.syncs).toHaveLength(3);
  const doc = simulation.document;
  // Each name points at one cell of the table of years that holds a live formula.
  for (const name of Object.values(REALIZATION_NAMES)) {
    const match = /^='Value Summary'!\$([A-Z]+)\$(\d+)$/.exec(doc.name(name)!.formula)!;
    expect(doc.cell(SUMMARY_SHEET, `${match[1]}${match[2]}`).formula).toMatch(/^=SUM\(/);
  }
  const charts = doc.sheet(SUMMARY_SHEET).charts;
  expect(charts.map((c) => c.name)).toEqual([CHART_NAME, REALIZATION_CHART_NAME]);
  const chart = charts[1]!;
  expect(chart).toMatchObject({ type: "ColumnClustered", legendVisible: true, title: "Estimate against actual, by year" });
  expect(chart.series.map((s) => s.name)).toEqual(["Estimated", "Actual"]);
  // The years' labels and their two columns: two measured years, side by side from column B.
  const [, first] = /!B(\d+):/.exec(chart.series[0]!.values)!;
  expect(doc.cell(SUMMARY_SHEET, `A${Number(first) - 1}`).value).toBe("Year");
  expect(chart.series.map((s) => s.values)).toEqual([
    `'Value Summary'!B${first}:B${Number(first) + 1}`,
    `'Value Summary'!C${first}:C${Number(first) + 1}`,
  ]);
  expect(chart.series.every((s) => s.xAxisValues === `'Value Summary'!A${first}:A${Number(first) + 1}`)).toBe(true);

  // A rebuild replaces its own chart: no second copy.
  expect((await buildInExcel(hostOf(simulation), BUILT)).ok).toBe(true);
  expect(doc.sheet(SUMMARY_SHEET).charts.map((c) => c.name)).toEqual([CHART_NAME, REALIZATION_CHART_NAME]);
});

test("a host that refuses column charts: the sheets complete without that chart, and the build says so", async () => {
  const simulation = await simulationOf(await seedOfTables(ACTUALS_BY_YEAR.tables, ACTUALS_BY_YEAR.options));
  simulation.refuseOnCharts("ColumnClustered", ["add"]);
  const outcome = await buildInExcel(hostOf(simulation), BUILT);
  expect(outcome.ok).toBe(true);
  if (!outcome.ok) return;
  expect(simulation.document.cell(SUMMARY_SHEET, "A1").value).not.toBe(INCOMPLETE_MARK);
  expect(simulation.document.sheet(SUMMARY_SHEET).charts.map((c) => c.name)).toEqual([CHART_NAME]);
  expect(outcome.notes).toEqual([
    expect.stringMatching(
      /^Excel refused the chart of estimate against actual by year \(.*\), so the Value Summary has its table without that chart; every number is there\.$/,
    ),
  ]);
});

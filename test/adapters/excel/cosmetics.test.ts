import { buildInExcel } from "../../support/pipeline";
import { CHART_NAME, REALIZATION_CHART_NAME, SENSITIVITY_CHART_NAME } from "../../../src/adapters/excel/apply";
import { ASSUMPTIONS_SHEET } from "../../../src/core/plan/assumptions";
import { INCOMPLETE_MARK } from "../../../src/core/plan/incomplete";
import { SUMMARY_SHEET } from "../../../src/core/plan/summary";
import type { ExcelSimulation } from "../../../src/devtools/simulation/excel";
import { BUILT, SAMPLE_FILE, hostOf, seedOfFile, simulationOf } from "./support";

/**
 * A cosmetic failure never fails a build. Microsoft's threads report hosts that refuse a waterfall
 * chart's title (office-js#2041) or series (office-js-docs#910); the simulation refuses them as
 * told, and the build completes, unmarked, with the next simpler chart and a sentence saying so.
 */
const OUTPUTS = [SUMMARY_SHEET, ASSUMPTIONS_SHEET];
const marked = (simulation: ExcelSimulation) => OUTPUTS.filter((s) => simulation.document.cell(s, "A1").value === INCOMPLETE_MARK);
const charts = (simulation: ExcelSimulation) => simulation.document.sheet(SUMMARY_SHEET).charts.map((c) => [c.name, c.type]);

describe.each([["title"], ["series"]] as const)("a host that refuses a waterfall chart's %s", (part) => {
  test("gets a clustered bar chart of value by element, complete sheets, and is told which chart was made", async () => {
    const simulation = await simulationOf(await seedOfFile(SAMPLE_FILE));
    simulation.refuseOnCharts("Waterfall", [part]);
    const outcome = await buildInExcel(hostOf(simulation), BUILT);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(marked(simulation)).toEqual([]);
    expect(charts(simulation)).toEqual([
      [CHART_NAME, "BarClustered"],
      [SENSITIVITY_CHART_NAME, "BarClustered"],
      // The sample's two years of actuals: the chart of estimate against actual.
      [REALIZATION_CHART_NAME, "ColumnClustered"],
    ]);
    const value = simulation.document.sheet(SUMMARY_SHEET).charts[0]!;
    expect(value.title).toBe("Annual value by element");
    expect(value.series[0]!.name).toBe("Annual value");
    expect(outcome.notes).toEqual([
      expect.stringMatching(
        /^Excel refused the waterfall chart of value by element \(.*not implemented.*\), so the Value Summary shows value by element as a clustered bar chart\.$/,
      ),
    ]);
    // The page setup, which came after the refused call, was set after all.
    expect(simulation.document.sheet(SUMMARY_SHEET).pageLayout.orientation).toBe("Landscape");

    // A rebuild on the same host replaces its own charts: no second copy, the same fallback.
    const again = await buildInExcel(hostOf(simulation), BUILT);
    expect(again.ok).toBe(true);
    expect(charts(simulation)).toEqual([
      [CHART_NAME, "BarClustered"],
      [SENSITIVITY_CHART_NAME, "BarClustered"],
      // The sample's two years of actuals: the chart of estimate against actual.
      [REALIZATION_CHART_NAME, "ColumnClustered"],
    ]);
  });
});

test("a host that refuses every chart: the sheets complete without charts, each missing chart said", async () => {
  const simulation = await simulationOf(await seedOfFile(SAMPLE_FILE));
  simulation.refuseOnCharts("Waterfall", ["add"]);
  simulation.refuseOnCharts("BarClustered", ["add"]);
  simulation.refuseOnCharts("ColumnClustered", ["add"]);
  const outcome = await buildInExcel(hostOf(simulation), BUILT);
  expect(outcome.ok).toBe(true);
  if (!outcome.ok) return;
  expect(marked(simulation)).toEqual([]);
  expect(charts(simulation)).toEqual([]);
  expect(outcome.notes).toEqual([
    expect.stringMatching(
      /^Excel refused the chart of value by element \(.+\), so the Value Summary has its table without that chart; every number is there\.$/,
    ),
    expect.stringMatching(
      /^Excel refused the sensitivity chart \(.+\), so the Value Summary has its table without that chart; every number is there\.$/,
    ),
    expect.stringMatching(
      /^Excel refused the chart of estimate against actual by year \(.+\), so the Value Summary has its table without that chart; every number is there\.$/,
    ),
  ]);
  // Every number is written: the key figures' formulas are there.
  expect(simulation.document.name("CVM_NPV")).toBeDefined();
  // A bounded number of requests, whatever the model's size: the build's 3, a check, two per attempt
  // (four: waterfall and bar for value by element, the tornado, the chart of estimate against actual),
  // a last delete for each of the three charts, and the page setup.
  expect(outcome.syncs).toBeLessThanOrEqual(3 + 1 + 2 * 4 + 3 + 1);
});

test("a host that refuses nothing builds in three syncs with a waterfall chart and says nothing", async () => {
  const simulation = await simulationOf(await seedOfFile(SAMPLE_FILE));
  const outcome = await buildInExcel(hostOf(simulation), BUILT);
  expect(outcome).toMatchObject({ ok: true, syncs: 3, notes: [] });
  expect(charts(simulation)).toEqual([
    [CHART_NAME, "Waterfall"],
    [SENSITIVITY_CHART_NAME, "BarClustered"],
    [REALIZATION_CHART_NAME, "ColumnClustered"],
  ]);
});

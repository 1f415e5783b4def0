/**
 * Page setup inside Excel (simulated): what a plan's `page` sets through Worksheet.pageLayout, in
 * the same three syncs as any build; nothing below ExcelApi 1.9, with a note; and a host that
 * refuses a page-layout call still ends with complete sheets.
 */
import { applyPlanToExcel, CHART_NAME, REALIZATION_CHART_NAME, SENSITIVITY_CHART_NAME } from "../../../src/adapters/excel/apply";
import { readExcelWorkbook } from "../../../src/adapters/excel/read";
import { analyzeWorkbook } from "../../../src/core/model/analyze";
import { ASSUMPTIONS_SHEET } from "../../../src/core/plan/assumptions";
import { planBuild } from "../../../src/core/plan/build-plan";
import { INCOMPLETE_MARK } from "../../../src/core/plan/incomplete";
import { SUMMARY_SHEET } from "../../../src/core/plan/summary";
import type { PagePlan } from "../../../src/core/plan/types";
import type { ExcelSimulation } from "../../../src/devtools/simulation/excel";
import { withPages, LOG_PAGE, SUMMARY_PAGE } from "../../support/page-plans";
import { BUILT, SAMPLE_FILE, seedOfFile, simulationOf } from "./support";

const PAGES = { [SUMMARY_SHEET]: SUMMARY_PAGE, [ASSUMPTIONS_SHEET]: LOG_PAGE };

/** buildInExcel, with the test's page setups in place of the core's (none at all for `"none"`). */
async function build(simulation: ExcelSimulation, pages: Readonly<Record<string, PagePlan>> | "none") {
  const supportsExcelApi = (version: string) => simulation.supports("ExcelApi", version);
  return simulation.run(async (context) => {
    const read = await readExcelWorkbook(context, [SUMMARY_SHEET, ASSUMPTIONS_SHEET]);
    const analysis = analyzeWorkbook(read.input);
    if (!analysis.ok) throw new Error("the sample does not analyze");
    const planned = planBuild(analysis.model, analysis.results, read.existing, BUILT);
    if (!planned.ok) throw new Error("the sample does not plan");
    const plan =
      pages === "none"
        ? { ...planned.plan, sheets: planned.plan.sheets.map(({ page: _page, ...s }) => s) }
        : withPages(planned.plan, pages);
    const applied = await applyPlanToExcel(context, plan, {
      supportsExcelApi,
      existingSheets: read.existing.sheets,
      existingNames: read.existing.names.map((n) => n.name),
      charts: read.charts,
      recordRows: read.existing.record?.length ?? 0,
      calculation: read.calculation,
    });
    return { syncs: read.syncs + applied.syncs, notes: applied.notes };
  });
}

const printing = (object: string) => /\.(pageLayout|horizontalPageBreaks)\b/.test(object);

function marks(simulation: ExcelSimulation): string[] {
  return [SUMMARY_SHEET, ASSUMPTIONS_SHEET].filter((s) => simulation.document.cell(s, "A1").value === INCOMPLETE_MARK);
}

describe("page setup inside Excel (simulated)", () => {
  test("each sheet's page layout is set, in the same three syncs as a build without it", async () => {
    const without = await simulationOf(await seedOfFile(SAMPLE_FILE));
    const plain = await build(without, "none");
    const simulation = await simulationOf(await seedOfFile(SAMPLE_FILE));
    const outcome = await build(simulation, PAGES);

    expect(plain.syncs).toBe(3);
    expect(outcome).toEqual({ syncs: 3, notes: [] });
    expect(simulation.syncs).toHaveLength(3);
    expect(simulation.document.sheet(SUMMARY_SHEET).pageLayout).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: "A1:J60",
      printTitleRows: "$4:$5",
      headerFooterMode: "Default",
      header: { left: "Value to Acme && Co", center: "", right: "Pipeline Leak Analytics" },
      footer: { left: "Built 23 Nov 2026", center: "", right: "Page &P of &N" },
      rowBreaks: [20, 41],
    });
    expect(simulation.document.sheet(ASSUMPTIONS_SHEET).pageLayout).toMatchObject({
      orientation: "Portrait",
      printArea: "A1:F31",
      rowBreaks: [],
    });
    expect(simulation.document.sheet(ASSUMPTIONS_SHEET).pageLayout.printTitleRows).toBeUndefined();
    // Last in the last request: after the marks gave way, so a refusal cannot leave a sheet marked.
    const operations = simulation.syncs.at(-1)!.operations;
    const firstPrinting = operations.findIndex((o) => printing(o.object));
    expect(firstPrinting).toBeGreaterThan(0);
    expect(operations.slice(firstPrinting).every((o) => printing(o.object))).toBe(true);
    expect(without.syncs.flatMap((s) => s.operations).some((o) => printing(o.object))).toBe(false);
  });

  test("a rebuild replaces the breaks and the layout", async () => {
    const simulation = await simulationOf(await seedOfFile(SAMPLE_FILE));
    await build(simulation, PAGES);
    await build(simulation, { [SUMMARY_SHEET]: { ...SUMMARY_PAGE, orientation: "portrait", breaksBefore: [30] } });
    expect(simulation.document.sheet(SUMMARY_SHEET).pageLayout).toMatchObject({
      orientation: "Portrait",
      rowBreaks: [30],
      printArea: "A1:J60",
    });
  });

  test("a host that refuses a page-layout call: the sheets are complete, the build succeeds with a note", async () => {
    const probe = await simulationOf(await seedOfFile(SAMPLE_FILE));
    await build(probe, PAGES);
    const firstPrinting = probe.syncs.at(-1)!.operations.findIndex((o) => printing(o.object));

    const simulation = await simulationOf(await seedOfFile(SAMPLE_FILE));
    // The write request applies everything before the page setup, then is refused; so is the page
    // setup tried again on its own (sync 11: after the check, and two syncs for each of the
    // sample's three charts made again).
    simulation.failOnSync(3, undefined, firstPrinting + 2);
    simulation.failOnSync(11, undefined, 2);
    const outcome = await build(simulation, PAGES);
    expect(outcome.syncs).toBe(11);
    expect(simulation.syncs).toHaveLength(11);
    expect(outcome.notes).toEqual([
      expect.stringMatching(
        /^The sheets are complete, but Excel refused part of their page setup for printing \(.+\): check Page Layout on Value Summary, Value Map and Assumptions Log before printing\.$/,
      ),
    ]);
    expect(marks(simulation)).toEqual([]);
    // The verifying sync only reads.
    expect(simulation.syncs[3]!.operations.every((o) => o.action.startsWith("load"))).toBe(true);
    expect(simulation.document.sheet(SUMMARY_SHEET).charts.map((c) => c.name)).toEqual([
      CHART_NAME,
      SENSITIVITY_CHART_NAME,
      REALIZATION_CHART_NAME,
    ]);
  });

  test("a request that fails before the page setup still fails the build, the sheets marked INCOMPLETE", async () => {
    const simulation = await simulationOf(await seedOfFile(SAMPLE_FILE));
    simulation.failOnSync(3);
    await expect(build(simulation, PAGES)).rejects.toMatchObject({ code: "GeneralException" });
    expect(marks(simulation).length).toBeGreaterThan(0);
  });
});

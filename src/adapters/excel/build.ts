import { analyzeWorkbook, type Analysis } from "../../core/model/analyze";
import { planBuild } from "../../core/plan/build-plan";
import { ASSUMPTIONS_SHEET } from "../../core/plan/assumptions";
import { SUMMARY_SHEET } from "../../core/plan/summary";
import type { WorkbookPlan } from "../../core/plan/types";
import type { Problem } from "../../core/problems";
import { applyPlanToExcel } from "./apply";
import type { ExcelHost } from "./host";
import { readExcelWorkbook } from "./read";

export type ExcelBuildOutcome =
  | {
      readonly ok: true;
      readonly analysis: Extract<Analysis, { ok: true }>;
      readonly plan: WorkbookPlan;
      /** `context.sync()` calls of the whole build, reading included. */
      readonly syncs: number;
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Reads the model from the open workbook, and when it has no error and nothing clashes, writes the
 * Value Summary, the Assumptions Log, the defined names and the add-in's record: the same plan
 * that `cvm build` writes into an .xlsx file.
 */
export async function buildInExcel(host: ExcelHost, now: Date, maxRequestBytes?: number): Promise<ExcelBuildOutcome> {
  return host.run(async (context) => {
    const read = await readExcelWorkbook(context, [SUMMARY_SHEET, ASSUMPTIONS_SHEET]);
    const analysis = analyzeWorkbook(read.input);
    if (!analysis.ok) return { ok: false, problems: analysis.problems };
    const planned = planBuild(analysis.model, analysis.results, read.existing, now);
    if (!planned.ok) return { ok: false, problems: [...analysis.problems, ...planned.problems] };
    const applied = await applyPlanToExcel(context, planned.plan, {
      supportsExcelApi: host.supportsExcelApi,
      existingSheets: read.existing.sheets,
      existingNames: read.existing.names.map((n) => n.name),
      charts: read.charts,
      recordRows: read.existing.record?.length ?? 0,
      ...(maxRequestBytes === undefined ? {} : { maxRequestBytes }),
    });
    return { ok: true, analysis, plan: planned.plan, syncs: read.syncs + applied.syncs, notes: applied.notes };
  });
}

/** Reads and analyzes the model without writing anything: the task pane's check and preview. */
export async function analyzeInExcel(host: ExcelHost): Promise<Analysis> {
  return host.run(async (context) => analyzeWorkbook((await readExcelWorkbook(context, [])).input));
}

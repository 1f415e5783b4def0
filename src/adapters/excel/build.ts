import { analyzeWorkbook, type Analysis } from "../../core/model/analyze";
import { type OtherCustomersRemoved, planBuild } from "../../core/plan/build-plan";
import { ASSUMPTIONS_SHEET } from "../../core/plan/assumptions";
import { SUMMARY_SHEET } from "../../core/plan/summary";
import type { WorkbookPlan } from "../../core/plan/types";
import type { Problem } from "../../core/problems";
import { type ExistingInputs, INPUT_RANGES, type InputRange } from "../../core/starter/starter-model";
import { applyPlanToExcel, type WriteProgress } from "./apply";
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
      /** What of other customers the build left out of the workbook. */
      readonly removed: OtherCustomersRemoved;
      /** Rows this build added to the change history. */
      readonly historyAdded: number;
    }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Where a build is: reading the workbook, or writing it request by request. */
export type BuildProgress = { readonly stage: "reading" } | ({ readonly stage: "writing" } & WriteProgress);

export interface BuildOptions {
  /** Payload per request; by default just under what Excel on the web accepts. */
  readonly maxRequestBytes?: number;
  readonly onProgress?: (progress: BuildProgress) => void;
}

/**
 * Reads the model from the open workbook, and when it has no error and nothing clashes, writes the
 * Value Summary, the Assumptions Log, the defined names and the add-in's record: the same plan
 * that `cvm build` writes into an .xlsx file.
 */
export async function buildInExcel(host: ExcelHost, now: Date, options: BuildOptions = {}): Promise<ExcelBuildOutcome> {
  const { maxRequestBytes, onProgress } = options;
  return host.run(async (context) => {
    onProgress?.({ stage: "reading" });
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
      calculation: read.calculation,
      ...(maxRequestBytes === undefined ? {} : { maxRequestBytes }),
      ...(onProgress ? { onProgress: (p: WriteProgress) => onProgress({ stage: "writing", ...p }) } : {}),
    });
    return { ok: true, analysis, plan: planned.plan, syncs: read.syncs + applied.syncs, notes: applied.notes, removed: planned.removed, historyAdded: planned.historyAdded };
  });
}

/** The model as the task pane shows it: where its ranges are, its problems, and its results. */
export interface ModelInspection {
  readonly analysis: Analysis;
  /**
   * What would stop a build of a sound model: a sheet or name of the user's where the add-in
   * writes. Found without writing, so Check lists them before the user presses Build.
   */
  readonly clashes: readonly Problem[];
  /** The address of each range of the contract the workbook defines (`Variables!A1:G18`). */
  readonly ranges: Partial<Record<InputRange, string>>;
  /** Sheets, names and tables: what a starter model must not be written over. */
  readonly existing: ExistingInputs;
  /** What of other customers a build now would leave out, when the model would build. */
  readonly removed?: OtherCustomersRemoved;
}

/** Reads and analyzes the model without writing anything: the task pane's start, check and preview. */
export async function inspectInExcel(host: ExcelHost): Promise<ModelInspection> {
  return host.run(async (context) => {
    const read = await readExcelWorkbook(context, []);
    const ranges: Partial<Record<InputRange, string>> = {};
    for (const range of INPUT_RANGES) {
      const address = read.input[range]?.address;
      if (address !== undefined) ranges[range] = address;
    }
    const analysis = analyzeWorkbook(read.input);
    const planned = analysis.ok ? planBuild(analysis.model, analysis.results, read.existing, new Date()) : undefined;
    return {
      analysis,
      clashes: planned && !planned.ok ? planned.problems : [],
      ranges,
      existing: { sheets: read.existing.sheets, names: read.existing.names.map((n) => n.name), tables: read.existing.tables ?? [] },
      ...(planned?.ok ? { removed: planned.removed } : {}),
    };
  });
}

export async function analyzeInExcel(host: ExcelHost): Promise<Analysis> {
  return (await inspectInExcel(host)).analysis;
}

import { analyzeWorkbook, type Analysis } from "../core/model/analyze";
import { type OtherCustomersRemoved, planBuild } from "../core/plan/build-plan";
import type { WorkbookPlan } from "../core/plan/types";
import type { WorkbookPort } from "../core/port";
import type { Problem } from "../core/problems";
import { type ExistingInputs, INPUT_RANGES, type InputRange, OPTIONAL_RANGES, type OptionalRange } from "../core/starter/starter-model";

/**
 * The application layer's one pipeline: read → analyse → plan → apply, over a workbook port that
 * either adapter implements. The pane, the ribbon, `cvm build`, `cvm batch` and Prepare for
 * sending all build through `buildWorkbook`; the pane's Check and Preview inspect through
 * `inspectWorkbook`. Nothing else runs analysis and planning in sequence.
 */

/** A model that computes: what a build plans from. */
export type SoundAnalysis = Extract<Analysis, { ok: true }>;

export type BuildOutcome<Applied> =
  | ({
      readonly ok: true;
      readonly analysis: SoundAnalysis;
      readonly plan: WorkbookPlan;
      /** What of other customers the build left out of the workbook. */
      readonly removed: OtherCustomersRemoved;
      /** Rows this build added to the change history. */
      readonly historyAdded: number;
    } & Applied)
  | { readonly ok: false; readonly problems: readonly Problem[] };

export interface BuildRequest {
  readonly now: Date;
  /**
   * The model already analysed, for a caller that computed it without reading the workbook (a
   * batch computes each customer's model from the CSV over the model read once); the workbook is
   * then read only for what exists in it.
   */
  readonly analysis?: SoundAnalysis;
}

/**
 * Reads the model and, when it has no error and nothing clashes, writes the Value Summary, the
 * Assumptions Log, the defined names and the add-in's record: the same plan in Excel and in an
 * .xlsx file. A model with errors, or a plan that would write over something of the user's,
 * writes nothing and returns the problems.
 */
export async function buildWorkbook<Applied>(workbook: WorkbookPort<Applied>, request: BuildRequest): Promise<BuildOutcome<Applied>> {
  return workbook.session(async (session) => {
    const read = await session.read("build");
    const analysis = request.analysis ?? analyzeWorkbook(read.input);
    if (!analysis.ok) return { ok: false, problems: analysis.problems };
    const planned = planBuild(analysis.model, analysis.results, read.existing, request.now);
    if (!planned.ok) return { ok: false, problems: [...analysis.problems, ...planned.problems] };
    const applied = await session.apply(planned.plan);
    return { ...applied, ok: true, analysis, plan: planned.plan, removed: planned.removed, historyAdded: planned.historyAdded };
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
  /** The address of each range of the contract the workbook defines (`Variables!A1:G18`), optional ones included. */
  readonly ranges: Partial<Record<InputRange | OptionalRange, string>>;
  /** Sheets, names and tables: what a starter model must not be written over. */
  readonly existing: ExistingInputs;
  /** What of other customers a build now would leave out, when the model would build. */
  readonly removed?: OtherCustomersRemoved;
}

/** Reads and analyses the model, and plans a build without applying it: the pane's start, Check and Preview. */
export async function inspectWorkbook<Applied>(workbook: WorkbookPort<Applied>, now: Date): Promise<ModelInspection> {
  return workbook.session(async (session) => {
    const read = await session.read("inspect");
    const ranges: Partial<Record<InputRange | OptionalRange, string>> = {};
    for (const range of [...INPUT_RANGES, ...OPTIONAL_RANGES]) {
      const address = read.input[range]?.address;
      if (address !== undefined) ranges[range] = address;
    }
    const analysis = analyzeWorkbook(read.input);
    const planned = analysis.ok ? planBuild(analysis.model, analysis.results, read.existing, now) : undefined;
    return {
      analysis,
      clashes: planned && !planned.ok ? planned.problems : [],
      ranges,
      existing: { sheets: read.existing.sheets, names: read.existing.names.map((n) => n.name), tables: read.existing.tables ?? [] },
      ...(planned?.ok ? { removed: planned.removed } : {}),
    };
  });
}

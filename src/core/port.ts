import type { ExistingWorkbook } from "./plan/build-plan";
import type { WorkbookPlan } from "./plan/types";
import type { WorkbookInput } from "./workbook/cells";

/**
 * The port between the application layer and a workbook: what the pipeline (src/app/pipeline.ts)
 * needs of any workbook, whichever adapter holds it. The Office.js adapter implements it over an
 * open workbook in Excel, the .xlsx adapter over a file's bytes. Only types live here, so the
 * core stays free of both.
 */

/** What a build reads of the workbook before it writes anything. */
export interface WorkbookRead {
  /** The three named ranges of the contract, as far as the workbook defines them. */
  readonly input: WorkbookInput;
  /** Sheets, names, tables, the add-in's record and the change history: what the plan must respect. */
  readonly existing: ExistingWorkbook;
}

/**
 * Why the workbook is read: "build" when a plan will be applied in the same session (the adapter
 * then also reads what applying needs, such as Excel's charts on the output sheets); "inspect"
 * when nothing will be written (the pane's Check and Preview).
 */
export type ReadIntent = "build" | "inspect";

/** One conversation with a workbook: reads, then at most one applied plan. */
export interface WorkbookSession<Applied> {
  read(intent: ReadIntent): Promise<WorkbookRead>;
  /** Applies a build plan to the workbook just read; what the adapter reports of it. */
  apply(plan: WorkbookPlan): Promise<Applied>;
}

/**
 * A workbook the application layer can read and write. `session` runs `work` in one batch of the
 * adapter (Office.js's `Excel.run`, one loaded .xlsx): what is read and what is applied in it see
 * the same workbook.
 */
export interface WorkbookPort<Applied> {
  session<T>(work: (session: WorkbookSession<Applied>) => Promise<T>): Promise<T>;
}

/** Where a build in a live workbook is: reading it, or writing it request by request. */
export type BuildProgress = { readonly stage: "reading" } | { readonly stage: "writing"; readonly done: number; readonly total: number };

/**
 * The add-in's startup setting as the application layer keeps it (src/app/startup.ts); the
 * Office.js adapter gives the real one.
 */
/** Office.addin as far as startup goes (SharedRuntime 1.1). */
export interface AddinStartup<B> {
  getStartupBehavior(): Promise<B>;
  setStartupBehavior(behavior: B): Promise<void>;
}

export interface StartupHost<B> {
  /** Undefined where the host has no Office.addin (outside Office, or before SharedRuntime 1.1). */
  readonly addin: AddinStartup<B> | undefined;
  /** `Office.context.requirements.isSetSupported("SharedRuntime", "1.1")`. */
  readonly supportsSharedRuntime: () => boolean;
  /** The enum's two values, Office.StartupBehavior.load and .none. */
  readonly load: B;
  readonly none: B;
}

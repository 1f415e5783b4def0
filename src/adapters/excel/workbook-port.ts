import { ASSUMPTIONS_SHEET } from "../../core/plan/assumptions";
import { SUMMARY_SHEET } from "../../core/plan/summary";
import type { WorkbookPlan } from "../../core/plan/types";
import type { BuildProgress, ReadIntent, WorkbookPort, WorkbookRead } from "../../core/port";
import { applyPlanToExcel, type WriteProgress } from "./apply";
import type { ExcelHost } from "./host";
import { type ExcelWorkbookRead, readExcelWorkbook } from "./read";

/** What applying a plan inside Excel reports. */
export interface ExcelApplied {
  /** `context.sync()` calls of the whole session, reading included. */
  readonly syncs: number;
  /** What Excel did differently from the plan, in words: a chart it refused, a page setup to check. */
  readonly notes: readonly string[];
}

export interface ExcelWorkbookOptions {
  /** Payload per request; by default just under what Excel on the web accepts. */
  readonly maxRequestBytes?: number;
  readonly onProgress?: (progress: BuildProgress) => void;
}

/** The open workbook in Excel, as the application layer's port: one `Excel.run` per session. */
export type ExcelWorkbook = WorkbookPort<ExcelApplied>;

/**
 * The workbook open in Excel (or the simulation) behind the port: a session is one batch of
 * `host.run`, whose reads take a constant number of round trips and whose plan is applied in a
 * constant number of `context.sync()` calls, whatever the model's size.
 */
export function excelWorkbook(host: ExcelHost, options: ExcelWorkbookOptions = {}): ExcelWorkbook {
  const { maxRequestBytes, onProgress } = options;
  return {
    session: (work) =>
      host.run(async (context) => {
        let last: ExcelWorkbookRead | undefined;
        let syncs = 0;
        return work({
          async read(intent: ReadIntent): Promise<WorkbookRead> {
            if (intent === "build") onProgress?.({ stage: "reading" });
            // Only a build replaces charts, so only a build asks for those on the output sheets.
            last = await readExcelWorkbook(context, intent === "build" ? [SUMMARY_SHEET, ASSUMPTIONS_SHEET] : []);
            syncs += last.syncs;
            return { input: last.input, existing: last.existing };
          },
          async apply(plan: WorkbookPlan): Promise<ExcelApplied> {
            if (!last) throw new Error("A plan is applied to the workbook it was made from: read the workbook first.");
            const applied = await applyPlanToExcel(context, plan, {
              supportsExcelApi: host.supportsExcelApi,
              existingSheets: last.existing.sheets,
              existingNames: last.existing.names.map((n) => n.name),
              charts: last.charts,
              recordRows: last.existing.record?.length ?? 0,
              calculation: last.calculation,
              ...(maxRequestBytes === undefined ? {} : { maxRequestBytes }),
              ...(onProgress ? { onProgress: (p: WriteProgress) => onProgress({ stage: "writing", ...p }) } : {}),
            });
            syncs += applied.syncs;
            return { syncs, notes: applied.notes };
          },
        });
      }),
  };
}

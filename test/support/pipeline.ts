import { excelWorkbook, type ExcelApplied, type ExcelHost, type ExcelWorkbookOptions } from "../../src/adapters/excel";
import { buildWorkbook, type BuildOutcome, inspectWorkbook, type ModelInspection } from "../../src/app/pipeline";
import type { Analysis } from "../../src/core/model/analyze";

/**
 * The pipeline over the Office.js adapter, as the pane and the ribbon wire it: the tests of the
 * adapter build and inspect through exactly this composition.
 */
export type ExcelBuildOutcome = BuildOutcome<ExcelApplied>;

export function buildInExcel(host: ExcelHost, now: Date, options: ExcelWorkbookOptions = {}): Promise<ExcelBuildOutcome> {
  return buildWorkbook(excelWorkbook(host, options), { now });
}

export function inspectInExcel(host: ExcelHost): Promise<ModelInspection> {
  return inspectWorkbook(excelWorkbook(host), new Date());
}

export async function analyzeInExcel(host: ExcelHost): Promise<Analysis> {
  return (await inspectInExcel(host)).analysis;
}

/**
 * The workbench's workbook: the in-memory Excel simulation, seeded with the bundled sample (or an
 * empty workbook), calculating formulas, and the host the task pane runs on, as inside Excel.
 */
import { type ExcelSimulation, createExcelSimulation } from "../simulation/excel";
import { createFormulaCalculator } from "../simulation/excel/calculation";
import type { GridWorkbook } from "./grid/workbook";
import type { WorkbenchOptions } from "./options";
import { seedFor } from "./sample-seed";

export { simulationHost } from "./host";

export async function createWorkbenchSimulation(options: Pick<WorkbenchOptions, "workbook" | "apiVersion">): Promise<ExcelSimulation> {
  return createExcelSimulation(await seedFor(options.workbook), {
    calculate: createFormulaCalculator(),
    ...(options.apiVersion ? { apiVersion: options.apiVersion } : {}),
  });
}

/** The simulation as the grid sees it (its document view and the user's gestures). */
export function gridWorkbookOf(simulation: ExcelSimulation): GridWorkbook {
  return simulation;
}

/**
 * The workbench's workbook: the in-memory Excel simulation, seeded with the bundled sample (or an
 * empty workbook), calculating formulas, and the host the task pane runs on, as inside Excel.
 */
import { type ExcelHost, waitingHost } from "../../adapters/excel";
import { type ExcelSimulation, createExcelSimulation } from "../simulation/excel";
import { createFormulaCalculator } from "../simulation/excel/calculation";
import type { GridWorkbook } from "./grid/workbook";
import type { WorkbenchOptions } from "./options";
import { seedFor } from "./sample-seed";

export function createWorkbenchSimulation(options: Pick<WorkbenchOptions, "workbook" | "apiVersion">): ExcelSimulation {
  return createExcelSimulation(seedFor(options.workbook), {
    calculate: createFormulaCalculator(),
    ...(options.apiVersion ? { apiVersion: options.apiVersion } : {}),
  });
}

/** What the task pane gets inside Excel is Office.js; here, the same calls on the simulation. */
export function simulationHost(simulation: ExcelSimulation): ExcelHost {
  return waitingHost({ run: (options, batch) => simulation.run(options, batch), isSetSupported: (version) => simulation.supports("ExcelApi", version) });
}

/** The simulation as the grid sees it (its document view and the user's gestures). */
export function gridWorkbookOf(simulation: ExcelSimulation): GridWorkbook {
  return simulation;
}

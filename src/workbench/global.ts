/** What the workbench page exposes for end-to-end tests (and the curious, in the console). */
import type { ExcelSimulation } from "../simulation/excel";
import type { WorkbenchOptions } from "./options";

export interface WorkbenchGlobal {
  /** The simulated workbook the grid shows and the task pane works on. */
  readonly simulation: ExcelSimulation;
  readonly options: WorkbenchOptions;
}

declare global {
  interface Window {
    cvmWorkbench?: WorkbenchGlobal;
  }
}

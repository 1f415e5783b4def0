/** What the workbench page exposes for end-to-end tests (and the curious, in the console). */
import type { ExcelSimulation } from "../simulation/excel";
import type { WorkbenchOptions } from "./options";

export interface WorkbenchGlobal {
  /** The simulated workbook the grid shows and the task pane works on. */
  readonly simulation: ExcelSimulation;
  readonly options: WorkbenchOptions;
  /** Whether the real office.js loaded, and the host its Office.onReady reported (null outside Office). */
  readonly office: OfficeOnPage;
}

export type OfficeOnPage = { readonly library: "absent" } | { readonly library: "office.js"; readonly host: string | null };

declare global {
  interface Window {
    cvmWorkbench?: WorkbenchGlobal;
  }
}

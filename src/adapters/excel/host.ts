/**
 * What the adapter needs from its host: `Excel.run`, and whether an ExcelApi requirement set is
 * there. Inside Office these are Office.js itself; in tests and in the workbench, the in-memory
 * simulation. Nothing else in the add-in reaches for the `Excel` or `Office` globals to write.
 */
export interface ExcelHost {
  readonly run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** `Office.context.requirements.isSetSupported("ExcelApi", version)`. */
  readonly supportsExcelApi: (version: string) => boolean;
}

/** The host inside Excel. Call only after `Office.onReady`. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    supportsExcelApi: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
  };
}

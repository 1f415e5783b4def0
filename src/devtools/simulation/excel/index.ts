/**
 * An in-memory simulation of the part of the Excel JavaScript API the add-in's Office.js adapter
 * uses, typed against @types/office-js. Runs anywhere TypeScript does: no Node APIs, no Excel.
 * Besides the API (every sync recorded), it takes what a person does in the grid (`edit`,
 * `select`, `activate`), tells subscribers after every change (`subscribe`), and delivers
 * worksheet change events to handlers registered through the API, as Office.js does.
 */
export { createExcelSimulation, versionAtLeast } from "./simulation";
export type { CalculateFormula, ExcelSimulation, SimulationOptions } from "./simulation";
export type { CellSeed, NameSeed, SheetSeed, SimulationSeed, TableSeed } from "./seed";
export type {
  CellSnapshot,
  ChartSnapshot,
  ConditionalFormatSnapshot,
  DocumentView,
  NameSnapshot,
  SheetSnapshot,
  TableSnapshot,
} from "./snapshot";
export type { PageLayoutSnapshot } from "./page-layout";
export type { OperationRecord, SyncRecord } from "./requests";
export type { CellFormat, CellValue, NameType, Visibility } from "./state";
export { DEFAULT_COLUMN_WIDTH, DEFAULT_FORMAT } from "./state";
export { OfficeError, SimulationError } from "./errors";
export { DEFAULT_TABLE_STYLE } from "./names";

/**
 * An in-memory simulation of the part of the Excel JavaScript API the add-in's Office.js adapter
 * uses, typed against @types/office-js. Runs anywhere TypeScript does: no Node APIs, no Excel.
 */
export { createExcelSimulation, versionAtLeast } from "./simulation";
export type { CalculateFormula, ExcelSimulation, SimulationOptions } from "./simulation";
export type { CellSeed, NameSeed, SheetSeed, SimulationSeed, TableSeed } from "./seed";
export type { CellSnapshot, ChartSnapshot, ConditionalFormatSnapshot, DocumentView, NameSnapshot, SheetSnapshot, TableSnapshot } from "./snapshot";
export type { OperationRecord, SyncRecord } from "./requests";
export type { CellFormat, CellValue, NameType, Visibility } from "./state";
export { DEFAULT_COLUMN_WIDTH, DEFAULT_FORMAT } from "./state";
export { OfficeError, SimulationError } from "./errors";

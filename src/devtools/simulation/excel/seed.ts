/**
 * The workbook a simulation starts from. Seeded cells are stored as given (text stays text, even
 * "15%"), unlike values written through the API, which Excel reads like typed input.
 */
import { columnIndex } from "../../../core/workbook/address";
import { parseAddress } from "./addresses";
import { cellKey } from "./cells";
import { SimulationError } from "./errors";
import { DEFAULT_TABLE_STYLE, checkDefinedName, checkSheetName, isBuiltInTableStyle, nameFormula, nameType } from "./names";
import {
  type CalculationMode,
  type CellFormat,
  type CellState,
  type CellValue,
  type NameType,
  type SheetState,
  type Visibility,
  type WorkbookState,
  findName,
  findSheet,
  findTable,
  issueId,
  newSheet,
  newWorkbook,
} from "./state";

/**
 * A value, or a cell with a formula, a number format, a format. A formula's `value` is the one
 * Excel computed and saved; without it the simulation's calculate hook computes the value when
 * something reads it.
 */
export type CellSeed =
  | CellValue
  | null
  | { readonly value?: CellValue; readonly formula?: string; readonly numberFormat?: string; readonly format?: CellFormat };

export interface SheetSeed {
  readonly name: string;
  readonly visibility?: Visibility;
  /** Rows of cells from A1; null leaves a cell empty. */
  readonly rows?: readonly (readonly CellSeed[])[];
  /** Cells by address (`B2`), after `rows`. */
  readonly cells?: Readonly<Record<string, CellSeed>>;
  /** Points, by column letters. */
  readonly columnWidths?: Readonly<Record<string, number>>;
  readonly frozen?: { readonly rows?: number; readonly columns?: number };
}

export interface NameSeed {
  readonly name: string;
  /** With or without the leading `=`. */
  readonly formula: string;
  /** Needed only for a formula whose result type the simulation cannot tell. */
  readonly type?: NameType;
  readonly visible?: boolean;
  readonly comment?: string;
}

export interface TableSeed {
  readonly name: string;
  readonly sheet: string;
  /** Header row included (and the totals row, when shown): `A1:C10`. */
  readonly range: string;
  /** Whether the range's last row is a totals row. Default: no. */
  readonly showTotals?: boolean;
  /** A built-in table style. Default: TableStyleMedium2, Excel's. */
  readonly style?: string;
}

export interface SimulationSeed {
  /** Default: one empty sheet, Sheet1. */
  readonly sheets?: readonly SheetSeed[];
  readonly names?: readonly NameSeed[];
  readonly tables?: readonly TableSeed[];
  /** Default: the first visible sheet. */
  readonly activeSheet?: string;
  /** Default: Automatic, as in a new workbook. */
  readonly calculationMode?: CalculationMode;
}

function refuse(message: string): never {
  throw new SimulationError(`Invalid seed: ${message}`);
}

export function seedState(seed: SimulationSeed = {}): WorkbookState {
  const state = newWorkbook();
  state.calculationMode = seed.calculationMode ?? "Automatic";
  for (const sheetSeed of seed.sheets ?? [{ name: "Sheet1" }]) {
    checkSheetName(sheetSeed.name);
    if (findSheet(state, sheetSeed.name)) refuse(`two sheets are named ${sheetSeed.name}`);
    state.sheets.push(seedSheet(state, sheetSeed));
  }
  if (!state.sheets.some((s) => s.visibility === "Visible")) refuse("no sheet is visible");
  for (const name of seed.names ?? []) {
    checkDefinedName(name.name);
    if (findName(state, name.name)) refuse(`two names are ${name.name}`);
    const formula = nameFormula(name.formula);
    const type = name.type ?? nameType(formula);
    state.names.push({ name: name.name, formula, type, visible: name.visible ?? true, comment: name.comment ?? "" });
  }
  for (const table of seed.tables ?? []) {
    const sheet = findSheet(state, table.sheet) ?? refuse(`table ${table.name} is on a missing sheet ${table.sheet}`);
    const rect = parseAddress(table.range)?.rect ?? refuse(`table ${table.name} has the range ${table.range}`);
    if (findTable(state, table.name) || findName(state, table.name)) refuse(`the table name ${table.name} is taken`);
    if (table.style !== undefined && !isBuiltInTableStyle(table.style))
      refuse(`table ${table.name} has the style ${table.style}, which is no built-in one`);
    state.tables.push({
      id: issueId(state),
      name: table.name,
      sheet,
      rect,
      showTotals: table.showTotals ?? false,
      style: table.style ?? DEFAULT_TABLE_STYLE,
    });
  }
  state.active =
    seed.activeSheet === undefined
      ? state.sheets.find((s) => s.visibility === "Visible")
      : (findSheet(state, seed.activeSheet) ?? refuse(`no sheet ${seed.activeSheet} to activate`));
  if (state.active?.visibility !== "Visible") refuse("the active sheet must be visible");
  return state;
}

function seedSheet(state: WorkbookState, seed: SheetSeed): SheetState {
  const sheet = newSheet(state, seed.name, seed.visibility);
  seed.rows?.forEach((row, r) => row.forEach((cell, c) => seedCell(sheet, r, c, cell)));
  for (const [address, cell] of Object.entries(seed.cells ?? {})) {
    const parsed = parseAddress(address);
    if (!parsed || parsed.sheet !== undefined || parsed.rect.top !== parsed.rect.bottom || parsed.rect.left !== parsed.rect.right)
      refuse(`${address} on ${seed.name} is not one cell`);
    seedCell(sheet, parsed.rect.top, parsed.rect.left, cell);
  }
  for (const [letters, width] of Object.entries(seed.columnWidths ?? {})) sheet.columnWidths.set(columnIndex(letters), width);
  sheet.frozen = { rows: seed.frozen?.rows ?? 0, columns: seed.frozen?.columns ?? 0 };
  return sheet;
}

function seedCell(sheet: SheetState, row: number, column: number, seed: CellSeed): void {
  if (seed === null) return;
  const cell: CellState = typeof seed === "object" ? { ...seed, format: { ...seed.format } } : { value: seed, format: {} };
  if (cell.formula !== undefined && !cell.formula.startsWith("=")) refuse(`the formula ${cell.formula} must begin with =`);
  if (cell.numberFormat === "General") delete cell.numberFormat;
  sheet.cells.set(cellKey(row, column), cell);
}

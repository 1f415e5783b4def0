/** Excel tables: finding and reading them, adding one over a range, naming and styling it. */
import { MAX_ROWS } from "../../../core/workbook/address";
import { type Rect, formatRect, intersection, parseAddress } from "./addresses";
import { applyInput, cellAt } from "./cells";
import { SimulationError, officeError } from "./errors";
import { DEFAULT_TABLE_STYLE, checkDefinedName, isBuiltInTableStyle, nameTarget } from "./names";
import { type Link, type Properties, SimCollection, SimObject, simulated } from "./proxy";
import { SimRange } from "./range";
import type { Execution } from "./requests";
import {
  type CellValue,
  type RangeTarget,
  type SheetState,
  type TableState,
  type WorkbookState,
  findName,
  findSheet,
  issueId,
  sameName,
} from "./state";
import { SimWorksheet } from "./worksheets";

/** The workbook's tables, or one sheet's (`worksheet.tables`). */
export interface TableScope {
  readonly state: WorkbookState;
  readonly sheet?: SheetState;
}

export class SimTableCollection
  extends SimCollection<Excel.TableCollection, Excel.Table, TableScope, TableState>
  implements Pick<Excel.TableCollection, "items" | "load" | "add" | "getItem" | "getItemOrNullObject">
{
  protected readonly typeName = "TableCollection";
  protected readonly itemKind = "table";

  protected entries(scope: TableScope): readonly TableState[] {
    return scope.sheet ? scope.state.tables.filter((t) => t.sheet === scope.sheet) : scope.state.tables;
  }

  protected make(link: Link<TableState>): SimTable {
    return new SimTable(link);
  }

  /**
   * `address` is an A1 address (sheet-qualified or on the active sheet; on this sheet for a
   * worksheet's tables), a defined name, or a Range (ExcelApi 1.3). Only `hasHeaders: true` is
   * simulated: without headers Excel inserts a row of generic ones.
   */
  add(address: Excel.Range | string, hasHeaders: boolean): Excel.Table {
    const source = typeof address === "string" ? address : simulated(address, SimRange, "the table's range");
    return this.added(
      [source, hasHeaders],
      (scope, run) => {
        if (typeof source !== "string") run.requireVersion("1.3", "TableCollection add with a Range");
        return addTable(scope.state, tableSource(scope, source, run), hasHeaders, run);
      },
      (link) => new SimTable(link).asReal(),
      "1.1",
    );
  }
}

function tableSource(scope: TableScope, source: SimRange | string, run: Execution): RangeTarget {
  const { state } = scope;
  let target: RangeTarget;
  if (typeof source !== "string") target = source.resolve(run);
  else {
    const parsed = parseAddress(source);
    if (parsed) {
      const sheet = parsed.sheet === undefined ? (scope.sheet ?? state.active) : findSheet(state, parsed.sheet);
      if (!sheet) throw officeError("InvalidArgument", `no sheet for the table's range ${JSON.stringify(source)}`);
      target = { sheet, rect: parsed.rect };
    } else {
      const name = findName(state, source);
      if (name?.type !== "Range")
        throw officeError("InvalidArgument", `${JSON.stringify(source)} is neither an address nor a name of a range`);
      target = nameTarget(state, name.name, name.formula);
    }
  }
  if (scope.sheet && target.sheet !== scope.sheet) throw officeError("InvalidArgument", `the table's range is not on ${scope.sheet.name}`);
  return target;
}

function addTable(state: WorkbookState, target: RangeTarget, hasHeaders: boolean, run: Execution): TableState {
  if (hasHeaders !== true)
    throw new SimulationError("tables.add without headers is not simulated (Excel inserts a header row of Column1, Column2…)");
  const { sheet } = target;
  let rect = target.rect;
  // A table has at least one data row: a header row alone gets the row below it.
  if (rect.top === rect.bottom) rect = { ...rect, bottom: rect.bottom + 1 };
  if (rect.bottom >= MAX_ROWS) throw officeError("InvalidArgument", "the table would reach past the sheet's last row");
  for (const other of state.tables) {
    if (other.sheet === sheet && intersection(other.rect, rect)) {
      throw officeError(
        "InvalidArgument",
        `A table cannot overlap a range that contains a PivotTable report, query results, protected cells or another table (${other.name}).`,
      );
    }
  }
  writeHeaders(sheet, rect, run);
  const table: TableState = {
    id: issueId(state),
    name: defaultTableName(state),
    sheet,
    rect,
    showTotals: false,
    style: DEFAULT_TABLE_STYLE,
  };
  state.tables.push(table);
  return table;
}

/** `Table1`, `Table2`…: the first that no table or name has taken. */
function defaultTableName(state: WorkbookState): string {
  for (let n = 1; ; n++) {
    const name = `Table${n}`;
    if (!state.tables.some((t) => sameName(t.name, name)) && !findName(state, name)) return name;
  }
}

/**
 * Excel's header row holds unique text: numbers and booleans become text, an empty header
 * `Column1`, `Column2`… (by position), and a repeated one gets a number (`Cost`, `Cost2`).
 */
function writeHeaders(sheet: SheetState, rect: Rect, run: Execution): void {
  const row: Rect = { ...rect, bottom: rect.top };
  const headers: string[] = [];
  let changed = false;
  for (let column = rect.left; column <= rect.right; column++) {
    const cell = cellAt(sheet, rect.top, column);
    if (cell?.formula !== undefined)
      throw new SimulationError(
        `a formula in a table's header row (${formatRect({ ...row, left: column, right: column })}) is not simulated`,
      );
    const header = uniqueHeader(headers, headerText(cell?.value, column - rect.left));
    headers.push(header);
    if (cell?.value !== header) changed = true;
  }
  if (!changed) return;
  run.changeCells(sheet, row, () => {
    headers.forEach((header, i) => applyInput(sheet, rect.top, rect.left + i, { kind: "value", value: header }));
  });
}

function headerText(value: CellValue | undefined, index: number): string {
  if (value === undefined || value === "") return `Column${index + 1}`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

function uniqueHeader(taken: readonly string[], wanted: string): string {
  const clash = (name: string) => taken.some((t) => sameName(t, name));
  if (!clash(wanted)) return wanted;
  for (let n = 2; ; n++) if (!clash(`${wanted}${n}`)) return `${wanted}${n}`;
}

/**
 * Excel's rules for a table's name: those of a defined name (a letter, `_` or `\` first; no
 * spaces; not a cell reference), and unique among tables and names, without regard to case.
 */
export function checkTableName(state: WorkbookState, table: TableState | undefined, name: unknown): string {
  if (typeof name !== "string") throw officeError("InvalidArgument", `a table name must be text, not ${JSON.stringify(name)}`);
  try {
    checkDefinedName(name);
  } catch {
    throw officeError("InvalidArgument", `${JSON.stringify(name)} is not a valid table name`);
  }
  const other = state.tables.find((t) => t !== table && sameName(t.name, name));
  if (other || findName(state, name))
    throw officeError("InvalidArgument", `the name ${JSON.stringify(name)} is already a table's or a defined name`);
  return name;
}

function renameTable(state: WorkbookState, table: TableState, name: unknown): void {
  const checked = checkTableName(state, table, name);
  if (!sameName(checked, table.name) && referencesTable(state, table.name)) {
    // Excel would rewrite every structured reference to the table.
    throw new SimulationError(`Renaming the table ${table.name}, which formulas or names refer to, is not simulated`);
  }
  table.name = checked;
}

/** Whether any formula, defined name or conditional format mentions `Table[…]`. */
function referencesTable(state: WorkbookState, tableName: string): boolean {
  const escaped = tableName.replace(/[.\\?]/g, (c) => `\\${c}`);
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}_.\\\\])${escaped}\\[`, "iu");
  const formulas = [
    ...state.names.map((n) => n.formula),
    ...state.sheets.flatMap((s) => [...[...s.cells.values()].map((c) => c.formula), ...s.conditionalFormats.map((f) => f.formula)]),
  ];
  return formulas.some((f) => f !== undefined && pattern.test(f));
}

export class SimTable
  extends SimObject<Excel.Table, TableState>
  implements
    Pick<
      Excel.Table,
      "id" | "name" | "showTotals" | "style" | "getRange" | "getHeaderRowRange" | "getDataBodyRange" | "worksheet" | "load" | "isNullObject"
    >
{
  protected readonly typeName = "Table";
  protected readonly properties: Properties<TableState> = {
    id: (table) => table.id,
    name: (table) => table.name,
    showTotals: (table) => table.showTotals,
    style: (table) => table.style,
  };
  private worksheetProxy?: SimWorksheet;

  protected override exists(table: TableState, state: WorkbookState): boolean {
    return state.tables.includes(table);
  }

  get id(): string {
    return this.loadedValue("id");
  }

  get name(): string {
    return this.loadedValue("name");
  }

  /** Excel's naming rules; a table that formulas refer to by name is not renamed (SimulationError). */
  set name(value: string) {
    this.assign("name", value, (table, v, run) => renameTable(run.state, table, v), "1.1");
  }

  get showTotals(): boolean {
    return this.loadedValue("showTotals");
  }

  /** Setting the value it has changes nothing; showing or hiding the totals row is not simulated. */
  set showTotals(value: boolean) {
    this.assign("showTotals", value, (table, v) => {
      if (typeof v !== "boolean") throw officeError("InvalidArgument", `showTotals ${JSON.stringify(v)}`);
      // Excel would insert the row below (shifting cells) and fill in a label and a SUBTOTAL.
      if (v !== table.showTotals) throw new SimulationError("Showing or hiding a table's totals row is not simulated");
    });
  }

  get style(): string {
    return this.loadedValue("style");
  }

  /** One of Excel's built-in styles (`TableStyleLight1`…`21`, `Medium1`…`28`, `Dark1`…`11`); the workbook has no custom ones. */
  set style(value: string) {
    this.assign(
      "style",
      value,
      (table, v) => {
        if (!isBuiltInTableStyle(v)) throw officeError("InvalidArgument", `no table style ${JSON.stringify(v)}`);
        table.style = v;
      },
      "1.1",
    );
  }

  get worksheet(): Excel.Worksheet {
    return (this.worksheetProxy ??= new SimWorksheet(this.link(this.path.member("worksheet", "1.2"), (table) => table.sheet))).asReal();
  }

  /** The whole table, header row included. */
  getRange(): Excel.Range {
    return this.range("getRange", (table) => table.rect);
  }

  getHeaderRowRange(): Excel.Range {
    return this.range("getHeaderRowRange", (table) => ({ ...table.rect, bottom: table.rect.top }));
  }

  /** Between the header row and the totals row. */
  getDataBodyRange(): Excel.Range {
    return this.range("getDataBodyRange", (table) => {
      const bottom = table.rect.bottom - (table.showTotals ? 1 : 0);
      if (bottom <= table.rect.top)
        throw new SimulationError(`the seeded table ${table.name} has no data row, which Excel tables always have`);
      return { ...table.rect, top: table.rect.top + 1, bottom };
    });
  }

  private range(method: string, rect: (table: TableState) => Rect): Excel.Range {
    return new SimRange(
      this.link(this.path.method(method, [], { since: "1.1" }), (table) => ({ sheet: table.sheet, rect: rect(table) })),
    ).asReal();
  }
}

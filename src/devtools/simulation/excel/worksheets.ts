/** Worksheets, their collection and their freeze panes. */
import { MAX_COLUMNS, MAX_ROWS } from "../../../core/workbook/address";
import type { Rect } from "./addresses";
import { SimChartCollection } from "./charts";
import { usedRect } from "./cells";
import { activateSheet, addSheet, rangeOn, setVisibility } from "./document";
import { SimulationError, officeError } from "./errors";
import { SimEventHandlers } from "./events";
import { SimPageBreakCollection, SimPageLayout } from "./page-layout";
import { type Link, type Properties, SimCollection, SimObject, simulated } from "./proxy";
import { SimRange, rectOn } from "./range";
import { type SheetState, type Visibility, type WorkbookState, required } from "./state";
import { SimTableCollection } from "./tables";

export class SimWorksheetCollection
  extends SimCollection<Excel.WorksheetCollection, Excel.Worksheet, WorkbookState, SheetState>
  implements
    Pick<Excel.WorksheetCollection, "items" | "load" | "add" | "getItem" | "getItemOrNullObject" | "getActiveWorksheet" | "onChanged">
{
  protected readonly typeName = "WorksheetCollection";
  protected readonly itemKind = "sheet";
  private onChangedProxy?: SimEventHandlers<WorkbookState>;

  protected entries(state: WorkbookState): readonly SheetState[] {
    return state.sheets;
  }

  /** Excel's getItem takes a sheet's name or its id. */
  protected override matchesOtherwise(sheet: SheetState, key: string): boolean {
    return sheet.id === key;
  }

  protected make(link: Link<SheetState>): SimWorksheet {
    return new SimWorksheet(link);
  }

  add(name?: string): Excel.Worksheet {
    return this.added(
      [name],
      (state) => addSheet(state, name),
      (link) => new SimWorksheet(link).asReal(),
    );
  }

  getActiveWorksheet(): Excel.Worksheet {
    const path = this.path.method("getActiveWorksheet", [], { since: "1.1" });
    return new SimWorksheet(this.link(path, (state) => required(state.active, "the active sheet"))).asReal();
  }

  /** Changes of cell contents on any sheet (ExcelApi 1.9). */
  get onChanged(): OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs> {
    return (this.onChangedProxy ??= new SimEventHandlers(this.part("onChanged", "1.9"), () => undefined)).asReal();
  }
}

export class SimWorksheet
  extends SimObject<Excel.Worksheet, SheetState>
  implements
    Pick<
      Excel.Worksheet,
      | "id"
      | "name"
      | "visibility"
      | "getRange"
      | "getCell"
      | "getRangeByIndexes"
      | "getUsedRangeOrNullObject"
      | "charts"
      | "tables"
      | "freezePanes"
      | "pageLayout"
      | "horizontalPageBreaks"
      | "activate"
      | "onChanged"
      | "load"
      | "isNullObject"
    >
{
  protected readonly typeName = "Worksheet";
  protected readonly properties: Properties<SheetState> = {
    id: (sheet) => sheet.id,
    name: (sheet) => sheet.name,
    visibility: (sheet) => sheet.visibility,
  };
  private chartsProxy?: SimChartCollection;
  private tablesProxy?: SimTableCollection;
  private freezePanesProxy?: SimFreezePanes;
  private pageLayoutProxy?: SimPageLayout;
  private horizontalPageBreaksProxy?: SimPageBreakCollection;
  private onChangedProxy?: SimEventHandlers<SheetState>;

  get id(): string {
    return this.loadedValue("id");
  }

  get name(): string {
    return this.loadedValue("name");
  }

  set name(_: string) {
    // Excel would rewrite every formula, name and chart that mentions the sheet.
    throw new SimulationError("Renaming a worksheet is not simulated");
  }

  get visibility(): Excel.Worksheet["visibility"] {
    return this.loadedValue("visibility");
  }

  set visibility(value: Excel.Worksheet["visibility"]) {
    this.assign("visibility", value, (sheet, v, run) => setVisibility(run.state, sheet, String(v) as Visibility), "1.2");
  }

  get charts(): Excel.ChartCollection {
    return (this.chartsProxy ??= new SimChartCollection(this.part("charts"))).asReal();
  }

  /** The tables on this sheet (ExcelApi 1.1). */
  get tables(): Excel.TableCollection {
    return (this.tablesProxy ??= new SimTableCollection(
      this.link(this.path.member("tables", "1.1"), (sheet, run) => ({ state: run.state, sheet })),
    )).asReal();
  }

  get freezePanes(): Excel.WorksheetFreezePanes {
    return (this.freezePanesProxy ??= new SimFreezePanes(this.part("freezePanes", "1.7"))).asReal();
  }

  /** How the sheet prints (ExcelApi 1.9). */
  get pageLayout(): Excel.PageLayout {
    return (this.pageLayoutProxy ??= new SimPageLayout(this.part("pageLayout", "1.9"))).asReal();
  }

  /** Manual page breaks above rows (ExcelApi 1.9). */
  get horizontalPageBreaks(): Excel.PageBreakCollection {
    return (this.horizontalPageBreaksProxy ??= new SimPageBreakCollection(this.part("horizontalPageBreaks", "1.9"))).asReal();
  }

  /** Changes of cell contents on this sheet (ExcelApi 1.7). */
  get onChanged(): OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs> {
    return (this.onChangedProxy ??= new SimEventHandlers(this.part("onChanged", "1.7"), (sheet) => sheet)).asReal();
  }

  getRange(address?: string): Excel.Range {
    return new SimRange(
      this.link(this.path.method("getRange", [address]), (sheet, run) => ({ sheet, rect: rangeOn(run.state, sheet, address) })),
    ).asReal();
  }

  /** 0-based row and column (ExcelApi 1.1). */
  getCell(row: number, column: number): Excel.Range {
    const path = this.path.method("getCell", [row, column], { since: "1.1" });
    return new SimRange(this.link(path, (sheet) => ({ sheet, rect: indexRect(row, column, 1, 1) }))).asReal();
  }

  /** 0-based start, and a size of at least one row and one column (ExcelApi 1.7). */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Excel.Range {
    const path = this.path.method("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], { since: "1.7" });
    return new SimRange(this.link(path, (sheet) => ({ sheet, rect: indexRect(startRow, startColumn, rowCount, columnCount) }))).asReal();
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    const path = this.path.method("getUsedRangeOrNullObject", [valuesOnly], { since: "1.4" });
    const range = new SimRange(
      this.link(path, (sheet) => {
        const rect = usedRect(sheet, valuesOnly ?? false);
        return rect ? { sheet, rect } : null;
      }),
    );
    return range.instantiate().asReal();
  }

  activate(): void {
    this.invokeWithoutChange("activate", [], (sheet, run) => activateSheet(run.state, sheet));
  }
}

function indexRect(row: number, column: number, rows: number, columns: number): Rect {
  const whole = [row, column, rows, columns].every((n) => Number.isInteger(n));
  const rect = { top: row, left: column, bottom: row + rows - 1, right: column + columns - 1 };
  if (!whole || row < 0 || column < 0 || rows < 1 || columns < 1 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLUMNS) {
    throw officeError("InvalidArgument", `no range at row ${row}, column ${column} of ${rows}×${columns} cells`);
  }
  return rect;
}

export class SimFreezePanes
  extends SimObject<Excel.WorksheetFreezePanes, SheetState>
  implements Pick<Excel.WorksheetFreezePanes, "unfreeze" | "freezeRows" | "freezeColumns" | "freezeAt">
{
  protected readonly typeName = "WorksheetFreezePanes";
  protected readonly properties: Properties<SheetState> = {};

  unfreeze(): void {
    this.invoke("unfreeze", [], (sheet) => (sheet.frozen = { rows: 0, columns: 0 }));
  }

  /** Like Excel's Freeze Top Row, it replaces any earlier freeze. */
  freezeRows(count?: number): void {
    this.invoke("freezeRows", [count], (sheet) => (sheet.frozen = { rows: checkCount(count), columns: 0 }));
  }

  freezeColumns(count?: number): void {
    this.invoke("freezeColumns", [count], (sheet) => (sheet.frozen = { rows: 0, columns: checkCount(count) }));
  }

  /** The given range becomes the frozen top-left pane. */
  freezeAt(frozenRange: Excel.Range | string): void {
    const range = typeof frozenRange === "string" ? frozenRange : simulated(frozenRange, SimRange, "freezeAt's range");
    this.invoke("freezeAt", [range], (sheet, run) => {
      const rect = rectOn(range, sheet, run);
      sheet.frozen = { rows: rect.bottom + 1, columns: rect.right + 1 };
    });
  }
}

function checkCount(count: number | undefined): number {
  const n = count ?? 1;
  if (!Number.isInteger(n) || n < 0) throw new SimulationError(`freeze count ${n} is not simulated`);
  return n;
}

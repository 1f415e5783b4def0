/** Ranges: cell contents as 2-D arrays, and the way to their formats and conditional formats. */
import { type Rect, columnCount, formatAddress, rowCount } from "./addresses";
import { clearCells, readGrid, usedRect, writeGrid } from "./cells";
import { SimConditionalFormatCollection } from "./conditional-formats";
import { rangeOn, selectRange } from "./document";
import { SimulationError, officeError } from "./errors";
import { type Properties, SimObject } from "./proxy";
import { SimRangeFormat } from "./range-format";
import type { Execution } from "./requests";
import type { RangeTarget, SheetState } from "./state";
import { SimWorksheet } from "./worksheets";

type Grid = Excel.Range["values"];

export class SimRange
  extends SimObject<Excel.Range, RangeTarget>
  implements
    Pick<
      Excel.Range,
      | "address"
      | "values"
      | "formulas"
      | "numberFormat"
      | "rowCount"
      | "columnCount"
      | "rowIndex"
      | "columnIndex"
      | "format"
      | "conditionalFormats"
      | "clear"
      | "select"
      | "worksheet"
      | "load"
      | "isNullObject"
      | "getUsedRangeOrNullObject"
    >
{
  protected readonly typeName = "Range";
  protected readonly properties: Properties<RangeTarget> = {
    address: (target) => formatAddress(target.sheet.name, target.rect),
    values: (target, run) => readGrid(target, "values", run.environment.calculate),
    formulas: (target, run) => readGrid(target, "formulas", run.environment.calculate),
    numberFormat: (target, run) => readGrid(target, "numberFormat", run.environment.calculate),
    rowCount: (target) => rowCount(target.rect),
    columnCount: (target) => columnCount(target.rect),
    rowIndex: (target) => target.rect.top,
    columnIndex: (target) => target.rect.left,
  };
  private formatProxy?: SimRangeFormat;
  private conditionalFormatsProxy?: SimConditionalFormatCollection;
  private worksheetProxy?: SimWorksheet;

  get address(): string {
    return this.loadedValue("address");
  }

  get rowCount(): number {
    return this.loadedValue("rowCount");
  }

  get columnCount(): number {
    return this.loadedValue("columnCount");
  }

  get rowIndex(): number {
    return this.loadedValue("rowIndex");
  }

  get columnIndex(): number {
    return this.loadedValue("columnIndex");
  }

  get values(): Grid {
    return this.loadedValue("values");
  }

  set values(grid: Grid) {
    this.assign("values", grid, (target, value, run) =>
      run.changeCells(target.sheet, target.rect, () => writeGrid(target, value, "values")),
    );
  }

  get formulas(): Grid {
    return this.loadedValue("formulas");
  }

  set formulas(grid: Grid) {
    this.assign("formulas", grid, (target, value, run) =>
      run.changeCells(target.sheet, target.rect, () => writeGrid(target, value, "formulas")),
    );
  }

  get numberFormat(): Grid {
    return this.loadedValue("numberFormat");
  }

  set numberFormat(grid: Grid) {
    this.assign("numberFormat", grid, (target, value) => writeGrid(target, value, "numberFormat"));
  }

  get format(): Excel.RangeFormat {
    return (this.formatProxy ??= new SimRangeFormat(this.part("format"))).asReal();
  }

  get conditionalFormats(): Excel.ConditionalFormatCollection {
    return (this.conditionalFormatsProxy ??= new SimConditionalFormatCollection(this.part("conditionalFormats", "1.6"))).asReal();
  }

  get worksheet(): Excel.Worksheet {
    return (this.worksheetProxy ??= new SimWorksheet(this.link(this.path.member("worksheet"), (target) => target.sheet))).asReal();
  }

  clear(applyTo?: Excel.ClearApplyTo | "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents"): void {
    const mode = String(applyTo ?? "All");
    this.invoke("clear", [applyTo], (target, run) => {
      if (mode === "All" || mode === "Contents") run.changeCells(target.sheet, target.rect, () => clearCells(target, mode));
      else if (mode === "Formats") clearCells(target, mode);
      // The simulation holds no hyperlinks, so clearing them changes nothing.
      else if (mode !== "Hyperlinks" && mode !== "RemoveHyperlinks") throw new SimulationError(`clear("${mode}") is not simulated`);
    });
  }

  select(): void {
    this.invokeWithoutChange("select", [], (target, run) => selectRange(run.state, target), "1.1");
  }

  /** The smallest range around the used cells inside this one; a null object when none is used (ExcelApi 1.4). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    const path = this.path.method("getUsedRangeOrNullObject", [valuesOnly], { since: "1.4" });
    const range = new SimRange(
      this.link(path, (target) => {
        const rect = usedRect(target.sheet, valuesOnly ?? false, target.rect);
        return rect ? { sheet: target.sheet, rect } : null;
      }),
    );
    return range.instantiate().asReal();
  }
}

/** A cell or range argument of a sheet's method (freezeAt, setPosition): an address on the sheet, or a range on it. */
export function rectOn(cell: SimRange | string, sheet: SheetState, run: Execution): Rect {
  if (typeof cell === "string") return rangeOn(run.state, sheet, cell);
  const target = cell.resolve(run);
  if (target.sheet !== sheet)
    throw officeError("InvalidArgument", `${formatAddress(target.sheet.name, target.rect)} is not on ${sheet.name}`);
  return target.rect;
}

/** Worksheets, their collection and their freeze panes. */
import { SimChartCollection } from "./charts";
import { usedRect } from "./cells";
import { activateSheet, addSheet, rangeOn, setVisibility } from "./document";
import { SimulationError } from "./errors";
import { type Link, type Properties, SimCollection, SimObject, simulated } from "./proxy";
import { SimRange, rectOn } from "./range";
import type { SheetState, Visibility, WorkbookState } from "./state";

export class SimWorksheetCollection
  extends SimCollection<Excel.WorksheetCollection, Excel.Worksheet, WorkbookState, SheetState>
  implements Pick<Excel.WorksheetCollection, "items" | "load" | "add" | "getItem" | "getItemOrNullObject">
{
  protected readonly typeName = "WorksheetCollection";
  protected readonly itemKind = "sheet";

  protected entries(state: WorkbookState): readonly SheetState[] {
    return state.sheets;
  }

  protected make(link: Link<SheetState>): SimWorksheet {
    return new SimWorksheet(link);
  }

  add(name?: string): Excel.Worksheet {
    return this.added([name], (state) => addSheet(state, name), (link) => new SimWorksheet(link).asReal());
  }
}

export class SimWorksheet
  extends SimObject<Excel.Worksheet, SheetState>
  implements Pick<Excel.Worksheet, "name" | "visibility" | "getRange" | "getUsedRangeOrNullObject" | "charts" | "freezePanes" | "activate" | "load" | "isNullObject">
{
  protected readonly typeName = "Worksheet";
  protected readonly properties: Properties<SheetState> = {
    name: (sheet) => sheet.name,
    visibility: (sheet) => sheet.visibility,
  };
  private chartsProxy?: SimChartCollection;
  private freezePanesProxy?: SimFreezePanes;

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

  get freezePanes(): Excel.WorksheetFreezePanes {
    return (this.freezePanesProxy ??= new SimFreezePanes(this.part("freezePanes", "1.7"))).asReal();
  }

  getRange(address?: string): Excel.Range {
    return new SimRange(this.link(this.path.method("getRange", [address]), (sheet, run) => ({ sheet, rect: rangeOn(run.state, sheet, address) }))).asReal();
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
    this.invoke("activate", [], (sheet, run) => activateSheet(run.state, sheet));
  }
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

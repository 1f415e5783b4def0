/** Excel tables, as far as reading them goes: the add-in finds its input ranges through them. */
import { SimulationError } from "./errors";
import { type Link, type Properties, SimCollection, SimObject } from "./proxy";
import { SimRange } from "./range";
import type { TableState, WorkbookState } from "./state";
import { SimWorksheet } from "./worksheets";

export class SimTableCollection
  extends SimCollection<Excel.TableCollection, Excel.Table, WorkbookState, TableState>
  implements Pick<Excel.TableCollection, "items" | "load" | "getItem" | "getItemOrNullObject">
{
  protected readonly typeName = "TableCollection";
  protected readonly itemKind = "table";

  protected entries(state: WorkbookState): readonly TableState[] {
    return state.tables;
  }

  protected make(link: Link<TableState>): SimTable {
    return new SimTable(link);
  }
}

export class SimTable extends SimObject<Excel.Table, TableState> implements Pick<Excel.Table, "name" | "showTotals" | "getRange" | "worksheet" | "load" | "isNullObject"> {
  protected readonly typeName = "Table";
  protected readonly properties: Properties<TableState> = { name: (table) => table.name, showTotals: (table) => table.showTotals };
  private worksheetProxy?: SimWorksheet;

  get name(): string {
    return this.loadedValue("name");
  }

  set name(_: string) {
    throw new SimulationError("Renaming a table is not simulated");
  }

  get showTotals(): boolean {
    return this.loadedValue("showTotals");
  }

  set showTotals(_: boolean) {
    throw new SimulationError("Showing or hiding a table's totals row is not simulated");
  }

  get worksheet(): Excel.Worksheet {
    return (this.worksheetProxy ??= new SimWorksheet(this.link(this.path.member("worksheet", "1.2"), (table) => table.sheet))).asReal();
  }

  /** The whole table, header row included. */
  getRange(): Excel.Range {
    return new SimRange(this.link(this.path.method("getRange", []), (table) => ({ sheet: table.sheet, rect: table.rect }))).asReal();
  }
}

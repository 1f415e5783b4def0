/** The request context, and the two roots it hands out: the workbook and the application. */
import { type Rect, formatRect } from "./addresses";
import { selectedRange } from "./document";
import { officeError } from "./errors";
import { SimNamedItemCollection } from "./named-items";
import { type Properties, type RequestQueue, SimObject, presentAs } from "./proxy";
import { SimRange } from "./range";
import { type Environment, ObjectPath, type Operation, type SyncLog } from "./requests";
import type { WorkbookState } from "./state";
import { SimTableCollection } from "./tables";
import { SimWorksheetCollection } from "./worksheets";

export class SimContext implements Pick<Excel.RequestContext, "workbook" | "application" | "sync" | "load">, RequestQueue {
  declare readonly simulates?: Excel.RequestContext;
  private pending: Operation[] = [];
  private closed = false;
  private workbookProxy?: SimWorkbook;
  private applicationProxy?: SimApplication;

  constructor(
    private readonly log: SyncLog,
    private readonly environment: Environment,
    /** Excel.run's `delayForCellEdit`: requests wait out a cell edit instead of failing. */
    private readonly delayForCellEdit = false,
  ) {}

  asReal(): Excel.RequestContext {
    return presentAs(this);
  }

  get workbook(): Excel.Workbook {
    return (this.workbookProxy ??= new SimWorkbook({
      queue: this,
      path: ObjectPath.root("workbook"),
      locate: (run) => run.state,
    })).asReal();
  }

  get application(): Excel.Application {
    return (this.applicationProxy ??= new SimApplication({
      queue: this,
      path: ObjectPath.root("application"),
      locate: (run) => run.state,
    })).asReal();
  }

  /** Like a round trip to Excel: the queue is taken now, executed and answered asynchronously. */
  sync<T>(passThroughValue?: T): Promise<T> {
    const operations = this.pending.splice(0);
    const { cellEdit } = this.environment;
    if (cellEdit.active && !this.delayForCellEdit) {
      return Promise.reject(officeError("InvalidOperationInCellEditMode"));
    }
    return cellEdit.ended().then(() => {
      this.log.execute(operations, this.environment);
      return passThroughValue as T;
    });
  }

  load(object: OfficeExtension.ClientObject, option?: string | string[] | OfficeExtension.LoadOption): void {
    if (!(object instanceof SimObject)) throw officeError("InvalidArgument", "context.load was given an object of no simulation");
    object.load(option);
  }

  enqueue(operation: Operation): void {
    if (this.closed) throw officeError("InvalidRequestContext", `${operation.path.text} belongs to a finished run`);
    this.pending.push(operation);
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** What Excel.run does when its batch ends: later use of its objects is an error. */
  close(): void {
    this.closed = true;
  }

  runsOn(environment: Environment): boolean {
    return this.environment === environment;
  }

  /** For `Excel.run(context, batch)`, which runs a batch on an earlier context; returns whether it was closed. */
  reopen(): boolean {
    const was = this.closed;
    this.closed = false;
    return was;
  }

  /** `workbook.worksheets.getItem(sheetId).getRange(address)`, or a null object where the sheet is gone (event args' getRange). */
  rangeOnSheet(sheetId: string, rect: Rect, orNull: boolean): Excel.Range {
    const sheetPath = ObjectPath.root("workbook")
      .member("worksheets")
      .method(orNull ? "getItemOrNullObject" : "getItem", [sheetId]);
    const path = sheetPath.method("getRange", [formatRect(rect)]);
    const range = new SimRange({
      queue: this,
      path,
      locate: (run) => {
        const sheet = run.state.sheets.find((s) => s.id === sheetId);
        if (sheet) return { sheet, rect };
        if (orNull) return null;
        throw officeError("ItemNotFound", `the sheet ${sheetId} does not exist`);
      },
    });
    return (orNull ? range.instantiate() : range).asReal();
  }
}

export class SimApplication
  extends SimObject<Excel.Application, WorkbookState>
  implements
    Pick<
      Excel.Application,
      "calculate" | "calculationMode" | "suspendApiCalculationUntilNextSync" | "suspendScreenUpdatingUntilNextSync" | "load"
    >
{
  protected readonly typeName = "Application";
  protected readonly properties: Properties<WorkbookState> = { calculationMode: (workbook) => workbook.calculationMode };

  get calculationMode(): Excel.Application["calculationMode"] {
    return this.loadedValue("calculationMode");
  }

  suspendApiCalculationUntilNextSync(): void {
    this.invokeWithoutChange("suspendApiCalculationUntilNextSync", [], (_, run) => (run.calculationSuspended = true), "1.6");
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.invokeWithoutChange("suspendScreenUpdatingUntilNextSync", [], (_, run) => (run.screenUpdatingSuspended = true), "1.9");
  }

  /** Recorded only: the simulation holds no calculated values to refresh. */
  calculate(calculationType: Excel.CalculationType | "Recalculate" | "Full" | "FullRebuild"): void {
    this.invokeWithoutChange("calculate", [calculationType], () => undefined, "1.1");
  }
}

export class SimWorkbook
  extends SimObject<Excel.Workbook, WorkbookState>
  implements Pick<Excel.Workbook, "names" | "tables" | "worksheets" | "getSelectedRange" | "load">
{
  protected readonly typeName = "Workbook";
  protected readonly properties: Properties<WorkbookState> = {};
  private namesProxy?: SimNamedItemCollection;
  private tablesProxy?: SimTableCollection;
  private worksheetsProxy?: SimWorksheetCollection;

  get names(): Excel.NamedItemCollection {
    return (this.namesProxy ??= new SimNamedItemCollection(this.part("names"))).asReal();
  }

  get tables(): Excel.TableCollection {
    return (this.tablesProxy ??= new SimTableCollection(this.link(this.path.member("tables"), (state) => ({ state })))).asReal();
  }

  /** The active sheet's selection (ExcelApi 1.1); a sheet never selected on has A1 selected. */
  getSelectedRange(): Excel.Range {
    return new SimRange(this.link(this.path.method("getSelectedRange", [], { since: "1.1" }), (state) => selectedRange(state))).asReal();
  }

  get worksheets(): Excel.WorksheetCollection {
    return (this.worksheetsProxy ??= new SimWorksheetCollection(this.part("worksheets"))).asReal();
  }
}

/**
 * Worksheet change events as Office.js delivers them. A registration (`onChanged.add`) is queued
 * like any request and takes effect when its context syncs; it then outlives the `run` that made
 * it, as in Excel. Every cell change (a sync's writes and clears, a person's edit) is recorded;
 * when the sync or edit is over, each registration is told, per sheet, the bounding box of the
 * changes it has not seen, asynchronously (a later task, never inside the sync), and whatever
 * the handler throws or rejects with is kept in `errors` instead of reaching the simulation.
 */
import { type Rect, area, formatRect } from "./addresses";
import { officeError } from "./errors";
import { type Link, type Properties, type RequestQueue, SimObject, presentAs } from "./proxy";
import type { CellValue, SheetState } from "./state";

export type ChangedHandler = (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>;

/** Who made a change: `api` a sync, `user` an edit in the grid. */
export type Trigger = "api" | "user";

interface Registration {
  /** Undefined for WorksheetCollection.onChanged: every sheet. */
  readonly scope: SheetState | undefined;
  readonly handler: ChangedHandler;
  readonly queue: RequestQueue;
  /** The last change that happened before the registration took effect. */
  readonly since: number;
}

interface CellChange {
  readonly seq: number;
  readonly sheet: SheetState;
  readonly rect: Rect;
  /** For a one-cell change: the cell's value before it ("" when empty), if known. */
  readonly before?: CellValue;
}

/** What the events need of the rest of the simulation. */
export interface EventServices {
  supports(version: string): boolean;
  /** The value a cell shows: "" when empty, undefined when a formula's value is unknown. */
  shownValue(sheet: SheetState, row: number, column: number): CellValue | undefined;
  /** `context.workbook.worksheets.getItem(id).getRange(address)`, or its OrNullObject form. */
  rangeFor(context: Excel.RequestContext, sheetId: string, rect: Rect, orNull: boolean): Excel.Range;
}

export class EventHub {
  /** What handlers threw or rejected with, in order. */
  readonly errors: unknown[] = [];
  private registrations: Registration[] = [];
  private changes: CellChange[] = [];
  private seq = 0;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly services: EventServices) {}

  register(scope: SheetState | undefined, handler: ChangedHandler, queue: RequestQueue): void {
    this.registrations.push({ scope, handler, queue, since: this.seq });
  }

  /** Removes what `add` registered in the same context; removing what is not there does nothing. */
  unregister(scope: SheetState | undefined, handler: ChangedHandler, queue: RequestQueue): void {
    const index = this.registrations.findIndex((r) => r.scope === scope && r.handler === handler && r.queue === queue);
    if (index >= 0) this.registrations.splice(index, 1);
  }

  /** Records a change of the cells of `rect` made by `write`; nothing is recorded if `write` throws. */
  changeCells(sheet: SheetState, rect: Rect, write: () => void): void {
    const before = area(rect) === 1 ? this.valueOf(sheet, rect) : undefined;
    write();
    this.seq += 1;
    this.changes.push({ seq: this.seq, sheet, rect, ...(before !== undefined ? { before } : {}) });
  }

  /** Sends what changed since the last flush: one event per registration and sheet. */
  flush(trigger: Trigger): void {
    const changes = this.changes.splice(0);
    if (changes.length === 0) return;
    const sheets = [...new Set(changes.map((c) => c.sheet))];
    for (const sheet of sheets) {
      for (const registration of this.registrations) {
        if (registration.scope !== undefined && registration.scope !== sheet) continue;
        const seen = changes.filter((c) => c.sheet === sheet && c.seq > registration.since);
        if (seen.length > 0) this.deliver(registration.handler, this.eventArgs(sheet, seen, trigger));
      }
    }
  }

  /** Resolves once every event sent so far has been handled, including events those handlers caused. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private deliver(handler: ChangedHandler, args: Excel.WorksheetChangedEventArgs): void {
    // Excel's events arrive as separate messages, after the request that caused them.
    const delivery = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(() => handler(args))
      .then(
        () => undefined,
        (error: unknown) => void this.errors.push(error),
      );
    this.inFlight.add(delivery);
    void delivery.then(() => this.inFlight.delete(delivery));
  }

  private eventArgs(sheet: SheetState, changes: readonly CellChange[], trigger: Trigger): Excel.WorksheetChangedEventArgs {
    const box = changes.map((c) => c.rect).reduce(union);
    const { supports, rangeFor } = this.services;
    const details = area(box) === 1 && supports("1.9") ? this.details(sheet, box, changes[0]!.before) : undefined;
    const args: SimWorksheetChangedEventArgs = {
      type: "WorksheetChanged",
      changeType: "RangeEdited",
      source: "Local",
      address: formatRect(box),
      worksheetId: sheet.id,
      ...(details ? { details } : {}),
      ...(supports("1.14") ? { triggerSource: trigger === "api" ? "ThisLocalAddin" : "Unknown" } : {}),
      getRange: (context) => {
        if (!supports("1.8")) throw officeError("ApiNotFound", "WorksheetChangedEventArgs.getRange needs ExcelApi 1.8");
        return rangeFor(context, sheet.id, box, false);
      },
      getRangeOrNullObject: (context) => {
        if (!supports("1.8")) throw officeError("ApiNotFound", "WorksheetChangedEventArgs.getRangeOrNullObject needs ExcelApi 1.8");
        return rangeFor(context, sheet.id, box, true);
      },
    };
    return presentAs<Excel.WorksheetChangedEventArgs>(
      args as SimWorksheetChangedEventArgs & { readonly simulates?: Excel.WorksheetChangedEventArgs },
    );
  }

  /** A cell's value for an event's details; a calculation that fails only leaves the details out. */
  private valueOf(sheet: SheetState, cell: Rect): CellValue | undefined {
    try {
      return this.services.shownValue(sheet, cell.top, cell.left);
    } catch {
      return undefined;
    }
  }

  /** Excel gives details only for a change of one cell; a cell whose value is unknown (a formula no hook computes) gives none. */
  private details(sheet: SheetState, cell: Rect, before: CellValue | undefined): SimChangedEventDetail | undefined {
    const after = this.valueOf(sheet, cell);
    if (before === undefined || after === undefined) return undefined;
    return { valueBefore: before, valueAfter: after, valueTypeBefore: valueType(before), valueTypeAfter: valueType(after) };
  }
}

function union(a: Rect, b: Rect): Rect {
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}

type ValueType = Excel.ChangedEventDetail["valueTypeAfter"];

function valueType(value: CellValue): ValueType {
  if (value === "") return "Empty";
  if (typeof value === "string") return "String";
  if (typeof value === "boolean") return "Boolean";
  return "Double";
}

/** What the simulation fills in of Excel.ChangedEventDetail (ExcelApi 1.9); the `valueAsJson` forms (1.16) are not simulated. */
type SimChangedEventDetail = Pick<Excel.ChangedEventDetail, "valueBefore" | "valueAfter" | "valueTypeBefore" | "valueTypeAfter">;

/**
 * What the simulation fills in of Excel.WorksheetChangedEventArgs. `details` (ExcelApi 1.9) only
 * for a one-cell change; `triggerSource` (1.14) where supported; `changeDirectionState` (1.14,
 * for inserted and deleted cells) never, as cells are never inserted or deleted here.
 */
type SimWorksheetChangedEventArgs = Pick<
  Excel.WorksheetChangedEventArgs,
  "type" | "changeType" | "source" | "address" | "worksheetId" | "getRange" | "getRangeOrNullObject"
> &
  Partial<Pick<Excel.WorksheetChangedEventArgs, "triggerSource">> & { details?: SimChangedEventDetail };

/** `worksheet.onChanged`, `worksheets.onChanged`: registrations are requests, effective at the next sync. */
export class SimEventHandlers<E>
  extends SimObject<OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs>, E>
  implements Pick<OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs>, "add" | "remove">
{
  protected readonly typeName = "EventHandlers";
  protected readonly properties: Properties<E> = {};

  constructor(
    link: Link<E>,
    /** The sheet whose changes the event reports, or undefined for every sheet. */
    private readonly scopeOf: (entity: E) => SheetState | undefined,
  ) {
    super(link);
  }

  add(handler: ChangedHandler): OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> {
    if (typeof handler !== "function") throw officeError("InvalidArgument", "an event handler must be a function");
    this.invokeWithoutChange("add", [], (entity, run) => run.environment.events.register(this.scopeOf(entity), handler, this.queue));
    return presentAs<OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>>(
      new SimEventHandlerResult(this.queue, () => this.remove(handler)),
    );
  }

  /** Takes effect at the next sync; only a handler added through the same context is removed. */
  remove(handler: ChangedHandler): void {
    this.invokeWithoutChange("remove", [], (entity, run) => run.environment.events.unregister(this.scopeOf(entity), handler, this.queue));
  }
}

export class SimEventHandlerResult implements Pick<
  OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>,
  "context" | "remove"
> {
  declare readonly simulates?: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
  readonly context: Excel.RequestContext;

  constructor(
    queue: RequestQueue,
    private readonly removal: () => void,
  ) {
    this.context = queue.asReal();
  }

  /** Queued on the context the handler was added in: call it inside `run(result.context, …)` once the adding run has ended, as in Office.js. */
  remove(): void {
    this.removal();
  }
}

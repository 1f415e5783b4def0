/**
 * The simulation's entry point: a seeded workbook, contexts on it, the record of their syncs, and
 * what a person does in Excel's grid (typing, selecting, switching sheets) for a workbench page.
 */
import { type Rect, parseAddress } from "./addresses";
import { applyInput, cellAt, shownValue, typedInput } from "./cells";
import { SimContext } from "./context";
import { activateSheet, selectRange } from "./document";
import { SimulationError, officeError } from "./errors";
import { EventHub } from "./events";
import { simulated } from "./proxy";
import { CellEdit, type ChartPart, type Environment, type SyncRecord, SyncLog } from "./requests";
import { type SimulationSeed, seedState } from "./seed";
import { type DocumentView, documentView } from "./snapshot";
import { type CellValue, type SheetState, type TableState, type WorkbookState, findSheet, sameName } from "./state";

/** Computes a formula cell's value (no seeded value); undefined when it cannot. */
export type CalculateFormula = (
  sheet: string,
  row: number,
  column: number,
  formula: string,
  document: DocumentView,
) => CellValue | undefined;

export interface SimulationOptions {
  /** The highest ExcelApi requirement set the simulated host supports. Default "1.12". */
  readonly apiVersion?: string;
  readonly calculate?: CalculateFormula;
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface ExcelSimulation {
  /** Like Excel.run: a fresh context per call, a final sync of what is still queued, then the context is closed. */
  run<T>(batch: Batch<T>): Promise<T>;
  /** Like Excel.run(context, batch): the batch runs on an earlier context (`eventResult.context`), even one whose run has ended. */
  run<T>(context: OfficeExtension.ClientRequestContext, batch: Batch<T>): Promise<T>;
  /** Like Excel.run(options, batch): `delayForCellEdit` holds each request while a cell is being edited, instead of failing it. */
  run<T>(options: Excel.RunOptions, batch: Batch<T>): Promise<T>;
  /** A fresh context that stays open; the caller syncs it. */
  context(): Excel.RequestContext;
  /** Every sync so far, in order. */
  readonly syncs: readonly SyncRecord[];
  /**
   * The n-th sync from now (1 = the next) applies the first half of its operations, or the first
   * `after` of them, then rejects with `error`.
   */
  failOnSync(n: number, error?: unknown, after?: number | "half"): void;
  /** Like Office.context.requirements.isSetSupported. */
  supports(set: string, version: string): boolean;
  readonly apiVersion: string;
  readonly document: DocumentView;

  /**
   * A person types `input` into one cell of a visible sheet and presses Enter (no API call, no
   * sync record): "" clears the contents (the format stays), `=…` is a formula, `'…` text; numbers
   * (`1200`, `-3.5`, `1e3`, `1,200`), percentages (`15%`: 0.15, and the format 0% on a General
   * cell) and TRUE/FALSE convert; `+` or `-` before anything else starts a formula; all else is
   * text. As in Excel, a header cell of a table holds unique text, and typing in the row just
   * below a table (or the column just right of it) makes the table grow. The sheet's onChanged
   * handlers hear of it with source "Local". Throws, changing nothing, where Excel refuses the entry.
   */
  edit(sheet: string, address: string, input: string): void;
  /** A person selects a range (`B2`, `B2:C5`) on a visible sheet, which becomes the active sheet. */
  select(sheet: string, address: string): void;
  /** A person clicks a visible sheet's tab. */
  activate(sheet: string): void;
  /**
   * A person starts typing in a cell of a visible sheet (double-click, F2, or a key): Excel is in
   * cell-edit mode, and refuses every request (InvalidOperationInCellEditMode) or, for a run with
   * `delayForCellEdit`, holds it, until `finishEditing`.
   */
  startEditing(sheet: string, address: string): void;
  /** The person presses Enter (with `input`, typed as `edit` types it) or Esc (without): held requests go on. */
  finishEditing(input?: string): void;
  /** Whether a cell is being edited. */
  readonly editing: boolean;
  /**
   * The host refuses these parts of charts of `type` (UnsupportedOperation, failing the request at
   * that operation), as Microsoft's threads report for waterfall charts' title and series on some
   * hosts (office-js#2041, office-js-docs#910); "add" refuses the chart type altogether.
   */
  refuseOnCharts(type: string, parts: readonly ChartPart[]): void;
  /**
   * `listener` is called, synchronously, after every sync (whether or not it changed anything),
   * edit, select and activate: what a grid view re-renders on. Returns the unsubscribe.
   */
  subscribe(listener: () => void): () => void;
  /** Resolves once every event sent so far has been handled, including events those handlers caused. */
  settled(): Promise<void>;
  /** What event handlers and subscribers threw or rejected with, in order; the simulation goes on regardless. */
  readonly handlerErrors: readonly unknown[];
}

/** `1.10` is newer than `1.9`: versions compare number by number. */
export function versionAtLeast(have: string, need: string): boolean {
  const a = have.split(".").map(Number);
  const b = need.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export function createExcelSimulation(seed?: SimulationSeed, options: SimulationOptions = {}): ExcelSimulation {
  const host = createHost(seed, options);
  const { state, log, events, environment, supports } = host;
  let editingCell: { readonly sheet: string; readonly address: string } | undefined;

  return {
    run: <T>(first: Batch<T> | OfficeExtension.ClientRequestContext | Excel.RunOptions, second?: Batch<T>) => runOn(host, first, second),
    context: () => host.newContext().asReal(),
    startEditing(sheetName, address) {
      const sheet = visibleSheet(state, sheetName);
      oneCell(sheet, address, "edits");
      editingCell = { sheet: sheet.name, address };
      environment.cellEdit.start();
    },
    finishEditing(input) {
      const cell = editingCell;
      if (!cell) throw new SimulationError("No cell is being edited");
      editingCell = undefined;
      // The entry lands before any held request runs, as Excel commits it on Enter.
      if (input !== undefined) this.edit(cell.sheet, cell.address, input);
      environment.cellEdit.finish();
    },
    get editing() {
      return environment.cellEdit.active;
    },
    refuseOnCharts(type, parts) {
      environment.chartRefusals.set(type, new Set([...(environment.chartRefusals.get(type) ?? []), ...parts]));
    },
    get syncs() {
      return log.records;
    },
    failOnSync: (n, error, after) => log.failOnSync(n, error, after),
    supports: (set, version) => set === "ExcelApi" && supports(version),
    apiVersion: host.apiVersion,
    document: host.document,

    edit(sheetName, address, input) {
      if (typeof input !== "string") throw new SimulationError(`A person types text, not ${JSON.stringify(input)}`);
      const sheet = visibleSheet(state, sheetName);
      const rect = oneCell(sheet, address, "types into");
      typeInto(state, sheet, rect.top, rect.left, input, events);
      state.revision += 1;
      events.flush("user");
      host.notify();
    },

    select(sheetName, address) {
      const sheet = visibleSheet(state, sheetName);
      selectRange(state, { sheet, rect: rectOn(sheet, address) });
      host.notify();
    },

    activate(sheetName) {
      activateSheet(state, visibleSheet(state, sheetName));
      host.notify();
    },

    subscribe(listener) {
      const subscription = (): void => listener();
      host.listeners.add(subscription);
      return () => void host.listeners.delete(subscription);
    },

    settled: () => events.settled(),
    handlerErrors: events.errors,
  };
}

/** What a simulation runs on: the workbook's state, the record of syncs, its events, and who hears of changes. */
interface Host {
  readonly apiVersion: string;
  readonly state: WorkbookState;
  readonly document: DocumentView;
  readonly log: SyncLog;
  readonly events: EventHub;
  readonly environment: Environment;
  readonly listeners: Set<() => void>;
  supports(version: string): boolean;
  /** Tells every subscriber that something shown may have changed. */
  notify(): void;
  newContext(delayForCellEdit?: boolean): SimContext;
  /** The context behind a proxy, which must be this simulation's. */
  ownContext(context: unknown): SimContext;
}

function createHost(seed: SimulationSeed | undefined, options: SimulationOptions): Host {
  const apiVersion = options.apiVersion ?? "1.12";
  const state = seedState(seed);
  const { calculate } = options;
  const hook =
    calculate && ((sheet: string, row: number, column: number, formula: string) => calculate(sheet, row, column, formula, document));
  const document = documentView(state, hook);
  const log = new SyncLog();
  const supports = (version: string): boolean => versionAtLeast(apiVersion, version);
  const listeners = new Set<() => void>();
  const events = new EventHub({
    supports,
    shownValue: (sheet, row, column) => shownValue(sheet, row, column, hook),
    rangeFor: (context, sheetId, rect, orNull) => ownContext(context).rangeOnSheet(sheetId, rect, orNull),
  });

  const notify = (): void => {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        events.errors.push(error);
      }
    }
  };

  const environment: Environment = {
    state,
    calculate: hook,
    supports,
    events,
    afterSync: () => {
      events.flush("api");
      notify();
    },
    cellEdit: new CellEdit(),
    chartRefusals: new Map(),
  };
  const newContext = (delayForCellEdit = false): SimContext => new SimContext(log, environment, delayForCellEdit);
  const ownContext = (context: unknown): SimContext => {
    const found = simulated(context, SimContext, "the request context");
    if (!found.runsOn(environment)) throw officeError("InvalidRequestContext", "the request context belongs to another simulation");
    return found;
  };
  return { apiVersion, state, document, log, events, environment, listeners, supports, notify, newContext, ownContext };
}

/** Excel.run in its three forms: on a fresh context, on an earlier one, or with run options. */
async function runOn<T>(
  host: Host,
  first: Batch<T> | OfficeExtension.ClientRequestContext | Excel.RunOptions,
  second?: Batch<T>,
): Promise<T> {
  // Run options are a plain object; a context is one of the simulation's proxies.
  const options =
    typeof first === "object" && first !== null && Object.getPrototypeOf(first) === Object.prototype
      ? (first as Excel.RunOptions)
      : undefined;
  const given = typeof first === "function" || options ? undefined : host.ownContext(first);
  const batch = typeof first === "function" ? first : second;
  if (typeof batch !== "function") throw officeError("InvalidArgument", "Excel.run needs a batch function");
  const context = given ?? host.newContext(options?.delayForCellEdit === true);
  const wasClosed = given ? given.reopen() : true;
  try {
    const pending = batch(context.asReal()) as Promise<T> | undefined;
    if (typeof pending?.then !== "function") throw officeError("RunMustReturnPromise");
    const result = await pending;
    // Office.js syncs what the batch left queued; with nothing queued it sends no request.
    if (context.hasPending) await context.sync();
    return result;
  } finally {
    if (wasClosed) context.close();
  }
}

/** A sheet a person can work on: it exists and is visible. */
function visibleSheet(state: WorkbookState, name: string): SheetState {
  const sheet = findSheet(state, name);
  if (!sheet) throw new SimulationError(`There is no sheet ${JSON.stringify(name)}`);
  if (sheet.visibility !== "Visible") throw new SimulationError(`The sheet ${sheet.name} is hidden: a person cannot work on it`);
  return sheet;
}

function rectOn(sheet: SheetState, address: string): Rect {
  const parsed = parseAddress(address);
  if (!parsed || (parsed.sheet !== undefined && !sameName(parsed.sheet, sheet.name)))
    throw new SimulationError(`${JSON.stringify(address)} is not an address on ${sheet.name}`);
  return parsed.rect;
}

/** The one cell at `address`; a person who `does` something does it to one cell at a time. */
function oneCell(sheet: SheetState, address: string, does: string): Rect {
  const rect = rectOn(sheet, address);
  if (rect.top !== rect.bottom || rect.left !== rect.right)
    throw new SimulationError(`${address} is not one cell: a person ${does} one cell at a time`);
  return rect;
}

/** What pressing Enter after typing does to the cell, and to a table it belongs to or adjoins. */
function typeInto(state: WorkbookState, sheet: SheetState, row: number, column: number, input: string, events: EventHub): void {
  const typed = typedInput(input);
  const grows = typed.kind === "clear" ? undefined : growingTable(state, sheet, row, column);
  const tableAfter = (t: TableState): Rect => (grows?.table === t ? grows.rect : t.rect);
  const headed = state.tables.find(
    (t) => t.sheet === sheet && tableAfter(t).top === row && column >= tableAfter(t).left && column <= tableAfter(t).right,
  );
  // Everything is worked out before anything changes, so that a refusal changes nothing.
  const entry = headed ? { kind: "value" as const, value: headerEntry(headed, tableAfter(headed), column, input) } : typed;
  const newColumn = grows && column === grows.rect.right && column > grows.table.rect.right && row !== grows.rect.top;
  const newHeader = newColumn
    ? headerEntry(grows.table, grows.rect, column, textOf(cellAt(sheet, grows.rect.top, column)?.value))
    : undefined;
  if (grows) grows.table.rect = grows.rect;
  events.changeCells(sheet, { top: row, left: column, bottom: row, right: column }, () => applyInput(sheet, row, column, entry));
  if (grows && newHeader !== undefined) {
    const top = grows.rect.top;
    events.changeCells(sheet, { top, left: column, bottom: top, right: column }, () =>
      applyInput(sheet, top, column, { kind: "value", value: newHeader }),
    );
  }
}

function textOf(value: CellValue | undefined): string {
  return value === undefined ? "" : typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value);
}

/**
 * A table's header is unique text: what was typed (an apostrophe dropped, nothing converted), or
 * `ColumnN` (its position) when cleared, numbered (`Cost2`) when another column has it.
 */
function headerEntry(table: TableState, rect: Rect, column: number, input: string): string {
  if (input.startsWith("="))
    throw new SimulationError("A formula in a table's header row is not simulated: Excel keeps only its value, as text");
  const text = input.startsWith("'") ? input.slice(1) : input;
  const others: string[] = [];
  for (let c = rect.left; c <= rect.right; c++) {
    if (c !== column) others.push(textOf(cellAt(table.sheet, rect.top, c)?.value));
  }
  const wanted = text === "" ? `Column${column - rect.left + 1}` : text;
  const taken = (name: string): boolean => others.some((o) => sameName(o, name));
  if (!taken(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken(`${wanted}${n}`)) return `${wanted}${n}`;
}

/**
 * Excel's "include new rows and columns in table" (on by default): an entry just below a table
 * without a totals row, or just right of it, makes the table one row longer or one column wider,
 * unless another table is in the way.
 */
function growingTable(state: WorkbookState, sheet: SheetState, row: number, column: number): { table: TableState; rect: Rect } | undefined {
  for (const table of state.tables) {
    if (table.sheet !== sheet) continue;
    const { top, left, bottom, right } = table.rect;
    let rect: Rect | undefined;
    if (row === bottom + 1 && column >= left && column <= right && !table.showTotals) rect = { ...table.rect, bottom: row };
    else if (column === right + 1 && row >= top && row <= bottom) rect = { ...table.rect, right: column };
    if (!rect) continue;
    const grown = rect;
    const blocked = state.tables.some((t) => t !== table && t.sheet === sheet && overlaps(t.rect, grown));
    if (!blocked) return { table, rect };
  }
  return undefined;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

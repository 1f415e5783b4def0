/**
 * Requests as Office.js builds them: object paths, operations queued on them, and the record of
 * every `context.sync()`. The payload estimate counts what dominates Excel's real request size,
 * the JSON of arguments and set values; object references travel as ids and count nothing.
 */
import type { Rect } from "./addresses";
import type { CalculateHook } from "./cells";
import { OfficeError, officeError } from "./errors";
import type { EventHub } from "./events";
import type { SheetState, WorkbookState } from "./state";

/** How an object is reached: `workbook.worksheets.getItem("Value Summary").getRange("A1:K20")`. */
export class ObjectPath {
  private constructor(
    readonly parent: ObjectPath | undefined,
    /** `getRange("A1:K20")` */
    private readonly segment: string,
    /** JSON values, or the paths of objects passed as arguments. */
    readonly args: readonly unknown[],
    /** The ExcelApi version that introduced this member. */
    readonly since: string | undefined,
    /** Set for objects an operation returned (`add`): their arguments were sent with that operation. */
    readonly createdByOperation: boolean,
  ) {}

  static root(name: string): ObjectPath {
    return new ObjectPath(undefined, name, [], undefined, false);
  }

  member(name: string, since?: string): ObjectPath {
    return new ObjectPath(this, name, [], since, false);
  }

  method(name: string, args: readonly unknown[], options: { since?: string; createdByOperation?: boolean } = {}): ObjectPath {
    const sent = sentArguments(args);
    const segment = `${name}(${sent.map(describeArgument).join(", ")})`;
    return new ObjectPath(this, segment, sent, options.since, options.createdByOperation ?? false);
  }

  get text(): string {
    return this.parent ? `${this.parent.text}.${this.segment}` : this.segment;
  }
}

/** Optional arguments left out are not sent. */
export function sentArguments(args: readonly unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return args.slice(0, end);
}

function describeArgument(arg: unknown): string {
  return arg instanceof ObjectPath ? arg.text : (JSON.stringify(arg) ?? "undefined");
}

export interface Operation {
  readonly path: ObjectPath;
  /** `set values`, `load values,address`, `add`, `clear`, `instantiate`… */
  readonly action: string;
  readonly args: readonly unknown[];
  /** False for what leaves the document as it was: loads, selecting, event registrations. */
  readonly changesDocument: boolean;
  execute(run: Execution): void;
}

export interface Environment {
  readonly state: WorkbookState;
  readonly calculate: CalculateHook | undefined;
  supports(version: string): boolean;
  /** Event registrations and the cell changes they are told about. */
  readonly events: EventHub;
  /** Runs after every sync, failed or not: sends events, tells subscribers. */
  afterSync(documentChanged: boolean): void;
  /** A person is typing in a cell: Excel takes no request until they finish. */
  readonly cellEdit: CellEdit;
  /** What this host refuses on charts of some types, as Microsoft's threads report of some hosts. */
  readonly chartRefusals: Map<string, Set<ChartPart>>;
}

/** Parts of a chart a host may refuse to touch on a chart type: adding it at all, its title, series or axes. */
export type ChartPart = "add" | "title" | "series" | "axes";

/**
 * Excel's cell-edit mode: while a person edits a cell, a request fails with
 * InvalidOperationInCellEditMode, unless its run asked to wait (`delayForCellEdit`), in which case
 * it is held until the edit ends.
 */
export class CellEdit {
  private waiting: (() => void)[] = [];
  active = false;

  start(): void {
    this.active = true;
  }

  finish(): void {
    this.active = false;
    for (const resume of this.waiting.splice(0)) resume();
  }

  /** Resolves when no cell is being edited. */
  ended(): Promise<void> {
    return this.active ? new Promise((resolve) => this.waiting.push(resolve)) : Promise.resolve();
  }
}

/** One sync being executed: what it loaded is handed to the proxies only if the whole sync succeeds. */
export class Execution {
  calculationSuspended = false;
  screenUpdatingSuspended = false;
  private readonly commits: (() => void)[] = [];

  constructor(readonly environment: Environment) {}

  get state(): WorkbookState {
    return this.environment.state;
  }

  requireVersion(since: string | undefined, what: string): void {
    if (since !== undefined && !this.environment.supports(since)) throw officeError("ApiNotFound", `${what} needs ExcelApi ${since}`);
  }

  /** A change of cell contents, for the onChanged events: `write` changes the cells of `rect`. */
  changeCells(sheet: SheetState, rect: Rect, write: () => void): void {
    this.environment.events.changeCells(sheet, rect, write);
  }

  onCommit(deliver: () => void): void {
    this.commits.push(deliver);
  }

  commit(): void {
    for (const deliver of this.commits) deliver();
  }
}

export interface OperationRecord {
  /** The object's path. */
  readonly object: string;
  readonly action: string;
}

export interface SyncRecord {
  /** 1-based, counting every sync of the simulation. */
  readonly index: number;
  readonly operationCount: number;
  readonly operations: readonly OperationRecord[];
  /** UTF-8 bytes of the JSON of all arguments and set values, object paths included once each. */
  readonly payloadBytes: number;
  readonly calculationSuspended: boolean;
  readonly screenUpdatingSuspended: boolean;
  /** Why the sync rejected; `operation` is the 0-based index of the failing one, `injected` a failOnSync. */
  readonly error?: { readonly code: string; readonly message: string; readonly operation?: number; readonly injected: boolean };
}

/** UTF-8, as the request travels: text outside ASCII (a customer's "Müller", a "€") counts what it weighs. */
const utf8 = new TextEncoder();

function argumentBytes(args: readonly unknown[]): number {
  return args.reduce<number>((sum, arg) => {
    const json = arg instanceof ObjectPath ? undefined : JSON.stringify(arg);
    return sum + (json === undefined ? 0 : utf8.encode(json).length);
  }, 0);
}

export function payloadBytes(operations: readonly Operation[]): number {
  const paths = new Set<ObjectPath>();
  const visit = (path: ObjectPath | undefined): void => {
    for (let p = path; p && !paths.has(p); p = p.parent) {
      paths.add(p);
      for (const arg of p.args) if (arg instanceof ObjectPath) visit(arg);
    }
  };
  let bytes = 0;
  for (const operation of operations) {
    bytes += argumentBytes(operation.args);
    visit(operation.path);
    for (const arg of operation.args) if (arg instanceof ObjectPath) visit(arg);
  }
  for (const path of paths) if (!path.createdByOperation) bytes += argumentBytes(path.args);
  return bytes;
}

/** Executes syncs in order and keeps their record; failures can be injected by sync number. */
export class SyncLog {
  readonly records: SyncRecord[] = [];
  private readonly injected = new Map<number, { readonly error: unknown; readonly after: number | "half" }>();

  failOnSync(
    n: number,
    error: unknown = officeError("GeneralException", "failure injected by failOnSync"),
    after: number | "half" = "half",
  ): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`failOnSync counts syncs from 1, not ${n}`);
    if (after !== "half" && (!Number.isInteger(after) || after < 0))
      throw new RangeError(`failOnSync applies a whole number of operations, not ${after}`);
    this.injected.set(this.records.length + n, { error, after });
  }

  /** Applies the operations in order; Excel keeps what came before a failing one. */
  execute(operations: readonly Operation[], environment: Environment): void {
    const index = this.records.length + 1;
    const injected = this.injected.get(index);
    this.injected.delete(index);
    const run = new Execution(environment);
    // An interrupted request: its first operations (half of them, unless told) reached the workbook.
    const limit =
      injected === undefined
        ? operations.length
        : Math.min(operations.length, injected.after === "half" ? Math.floor(operations.length / 2) : injected.after);
    let failure: { error: unknown; operation?: number; injected: boolean } | undefined;
    let documentChanged = false;
    for (let i = 0; i < limit && !failure; i++) {
      const operation = operations[i]!;
      try {
        operation.execute(run);
      } catch (error) {
        failure = { error, operation: i, injected: false };
      } finally {
        // Counted per operation, so that a later read in the same request sees a new revision;
        // and when it failed too, which may have changed part of what it touches.
        if (operation.changesDocument) {
          environment.state.revision += 1;
          documentChanged = true;
        }
      }
    }
    if (!failure && injected !== undefined) failure = { error: injected.error, injected: true };
    this.records.push({
      index,
      operationCount: operations.length,
      operations: operations.map((o) => ({ object: o.path.text, action: o.action })),
      payloadBytes: payloadBytes(operations),
      calculationSuspended: run.calculationSuspended,
      screenUpdatingSuspended: run.screenUpdatingSuspended,
      ...(failure ? { error: describeFailure(failure, operations) } : {}),
    });
    environment.afterSync(documentChanged);
    if (failure) throw failure.error;
    run.commit();
  }
}

function describeFailure(
  failure: { error: unknown; operation?: number; injected: boolean },
  operations: readonly Operation[],
): NonNullable<SyncRecord["error"]> {
  const { error, operation, injected } = failure;
  if (error instanceof OfficeError && operation !== undefined) {
    const failed = operations[operation]!;
    error.debugInfo.errorLocation = `${failed.path.text} ${failed.action}`;
  }
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "Error";
  const message = error instanceof Error ? error.message : String(error);
  return { code, message, injected, ...(operation !== undefined ? { operation } : {}) };
}

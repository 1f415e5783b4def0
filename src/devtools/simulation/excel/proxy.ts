/**
 * The proxy semantics every simulated Office.js object shares: calls and property sets only
 * queue operations; `context.sync()` runs them and hands loaded values back; reading what was
 * not loaded throws PropertyNotLoaded, as in Excel.
 */
import { SimulationError, officeError, propertyNotLoaded } from "./errors";
import { type LoadRequest, describeLoad, parseLoadOption } from "./load-options";
import { type Execution, type ObjectPath, type Operation, sentArguments } from "./requests";
import { type WorkbookState, sameName } from "./state";

/** The one place where a simulated object is handed out as the Office.js type it stands for. */
export function presentAs<Real>(simulated: { readonly simulates?: Real }): Real {
  return simulated as unknown as Real;
}

export interface RequestQueue {
  enqueue(operation: Operation): void;
  /** The request context as Office.js types it (EventHandlerResult.context). */
  asReal(): Excel.RequestContext;
}

/** Finds the object's document entity while a sync runs; null makes a null object. */
export type Locator<E> = (run: Execution) => E | null;

/** How a proxy reaches its entity: through its context's queue, along its path. */
export interface Link<E> {
  readonly queue: RequestQueue;
  readonly path: ObjectPath;
  readonly locate: Locator<E>;
}

type Read<E> = (entity: E, run: Execution) => unknown;
export type Properties<E> = Readonly<Record<string, Read<E> | { readonly read: Read<E>; readonly since: string }>>;

const EVERYTHING: LoadRequest = { all: true, scalars: [], nested: new Map() };

export abstract class SimObject<Real, E> {
  declare readonly simulates?: Real;
  /** `Range`, as Office.js names the type in its errors. */
  protected abstract readonly typeName: string;
  /** The scalar properties load() can fill in. */
  protected abstract readonly properties: Properties<E>;
  protected readonly isCollection: boolean = false;
  readonly queue: RequestQueue;
  readonly path: ObjectPath;
  private readonly locate: Locator<E>;
  private readonly loaded = new Map<string, unknown>();
  private knownNull: boolean | undefined;
  private resolution: { readonly entity: E | null } | undefined;

  constructor(link: Link<E>) {
    this.queue = link.queue;
    this.path = link.path;
    this.locate = link.locate;
  }

  asReal(): Real {
    return presentAs<Real>(this);
  }

  /** Readable once a sync has reached the object, as in Office.js. */
  get isNullObject(): boolean {
    if (this.knownNull === undefined) throw propertyNotLoaded(this.typeName, "isNullObject");
    return this.knownNull;
  }

  load(option?: string | string[] | object): Real {
    this.refuseIfNull("load");
    const request = parseLoadOption(option, this.isCollection);
    // Loading what turns out to be a null object is how Office.js code finds out: the sync succeeds
    // and isNullObject tells (`getUsedRangeOrNullObject().load("address")`).
    const collect = (run: Execution) => void (this.resolveOrNull(run) === null ? undefined : this.collect(request, run));
    this.enqueue(`load ${describeLoad(request, this.isCollection ? "items/" : "")}`, [option], collect, undefined, false);
    return this.asReal();
  }

  /** Whether an entity found earlier still exists (a deleted name or chart does not). */
  protected exists(_entity: E, _state: WorkbookState): boolean {
    return true;
  }

  resolveOrNull(run: Execution): E | null {
    run.requireVersion(this.path.since, this.path.text);
    // Like Excel's object ids: once found, an object stays the object it was, whatever its name becomes.
    this.resolution ??= { entity: this.locate(run) };
    const { entity } = this.resolution;
    if (entity !== null && !this.exists(entity, run.state)) throw officeError("ItemNotFound", `${this.path.text} no longer exists`);
    run.onCommit(() => (this.knownNull = entity === null));
    return entity;
  }

  resolve(run: Execution): E {
    const entity = this.resolveOrNull(run);
    if (entity === null) throw officeError("InvalidObjectPath", `${this.path.text} is a null object`);
    return entity;
  }

  /** Loads into this object (public so a collection can load its items). */
  collect(request: LoadRequest, run: Execution): void {
    const entity = this.resolve(run);
    const names = request.all ? Object.keys(this.properties) : request.scalars;
    for (const name of names) {
      const property = this.properties[name];
      if (property === undefined) {
        this.navigation(name).collect(EVERYTHING, run);
        continue;
      }
      const { read, since } = typeof property === "function" ? { read: property, since: undefined } : property;
      // A bare load() on an older host loads what that host has.
      if (request.all && since !== undefined && !run.environment.supports(since)) continue;
      run.requireVersion(since, `${this.typeName}.${name}`);
      const value = read(entity, run);
      run.onCommit(() => this.receive(name, value));
    }
    for (const [name, nested] of request.nested) this.navigation(name).collect(nested, run);
  }

  /** The child object a load path such as `format/font/bold` goes through. */
  private navigation(name: string): SimObject<unknown, unknown> {
    const child = name === "isNullObject" || name === "items" ? undefined : (this as unknown as Record<string, unknown>)[name];
    if (child instanceof SimObject) return child;
    throw new SimulationError(`${this.typeName}.${name} is not simulated`);
  }

  protected receive(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  protected loadedValue<T>(name: string): T {
    this.refuseIfNull(name);
    if (!this.loaded.has(name)) throw propertyNotLoaded(this.typeName, name);
    return this.loaded.get(name) as T;
  }

  /** Office.js keeps a value that was set, so reading it back needs no load. */
  protected assign<V>(name: string, value: V, apply: (entity: E, value: V, run: Execution) => void, since?: string): void {
    this.refuseIfNull(name);
    this.loaded.set(name, value);
    this.enqueue(`set ${name}`, [value], (run) => apply(this.resolve(run), value, run), since);
  }

  protected invoke(action: string, args: readonly unknown[], apply: (entity: E, run: Execution) => void, since?: string): void {
    this.refuseIfNull(action);
    this.enqueue(action, args, (run) => apply(this.resolve(run), run), since);
  }

  /** A method that leaves the document's contents as they were (select, activate, calculate, event registrations). */
  protected invokeWithoutChange(
    action: string,
    args: readonly unknown[],
    apply: (entity: E, run: Execution) => void,
    since?: string,
  ): void {
    this.refuseIfNull(action);
    this.enqueue(action, args, (run) => apply(this.resolve(run), run), since, false);
  }

  /** What a `*OrNullObject` method queues, so that isNullObject is known after the next sync. */
  instantiate(): this {
    this.enqueue("instantiate", [], (run) => void this.resolveOrNull(run), undefined, false);
    return this;
  }

  /** An `add` method: the proxy it returns stands for what the queued operation will create. */
  protected added<F, P>(args: readonly unknown[], create: (entity: E, run: Execution) => F, make: (link: Link<F>) => P, since?: string): P {
    let created: F | undefined;
    this.invoke("add", args, (entity, run) => (created = create(entity, run)), since);
    // Named by its first argument, as a path; an object argument appears as its own path.
    const path = this.path.method(
      "add",
      args.slice(0, 1).map((arg) => this.wire(arg)),
      { createdByOperation: true },
    );
    return make({
      queue: this.queue,
      path,
      locate: () => created ?? failed(officeError("InvalidObjectPath", `${path.text} was not created`)),
    });
  }

  /** A child object on the same entity: `range.format`, `chart.title`. */
  protected part(name: string, since?: string): Link<E> {
    return this.link(this.path.member(name, since), (entity) => entity);
  }

  protected link<F>(path: ObjectPath, map: (entity: E, run: Execution) => F | null): Link<F> {
    return { queue: this.queue, path, locate: (run) => map(this.resolve(run), run) };
  }

  /** A proxy for an entity already found, such as a loaded collection's items. */
  protected bound<F>(path: ObjectPath, entity: F): Link<F> {
    return { queue: this.queue, path, locate: () => entity };
  }

  private refuseIfNull(member: string): void {
    if (this.knownNull === true) throw officeError("InvalidObjectPath", `${member} on the null object ${this.path.text}`);
  }

  private enqueue(
    action: string,
    args: readonly unknown[],
    execute: (run: Execution) => void,
    since?: string,
    changesDocument = true,
  ): void {
    const wire = sentArguments(args).map((arg) => this.wire(arg));
    this.queue.enqueue({
      path: this.path,
      action,
      args: wire,
      changesDocument,
      execute: (run) => {
        run.requireVersion(since, `${this.typeName} ${action}`);
        execute(run);
      },
    });
  }

  /** Objects passed as arguments travel as references to their paths. */
  private wire(arg: unknown): unknown {
    if (!(arg instanceof SimObject)) return arg;
    if (arg.queue !== this.queue) throw officeError("InvalidRequestContext", `${arg.path.text} belongs to another request context`);
    return arg.path;
  }
}

function failed(error: Error): never {
  throw error;
}

/** A collection whose items Excel finds by name, without regard to case. */
export abstract class SimCollection<Real, ItemReal, E, ItemE extends { readonly name: string }> extends SimObject<Real, E> {
  protected override readonly isCollection = true;
  protected readonly properties: Properties<E> = {};
  /** `sheet`, for error details. */
  protected abstract readonly itemKind: string;

  protected abstract entries(entity: E): readonly ItemE[];
  protected abstract make(link: Link<ItemE>): SimObject<ItemReal, ItemE>;

  getItem(key: string): ItemReal {
    const path = this.path.method("getItem", [key]);
    return this.make(
      this.link(
        path,
        (entity) =>
          this.find(entity, key) ?? failed(officeError("ItemNotFound", `the ${this.itemKind} ${JSON.stringify(key)} does not exist`)),
      ),
    ).asReal();
  }

  getItemOrNullObject(key: string): ItemReal {
    const path = this.path.method("getItemOrNullObject", [key], { since: "1.4" });
    return this.make(this.link(path, (entity) => this.find(entity, key) ?? null))
      .instantiate()
      .asReal();
  }

  private find(entity: E, key: string): ItemE | undefined {
    const items = this.entries(entity);
    return items.find((item) => sameName(item.name, key)) ?? items.find((item) => this.matchesOtherwise(item, key));
  }

  /** Whether getItem finds the item by a key other than its name (a worksheet's id). */
  protected matchesOtherwise(_item: ItemE, _key: string): boolean {
    return false;
  }

  private item(entity: ItemE): SimObject<ItemReal, ItemE> {
    return this.make(this.bound(this.path.method("getItem", [entity.name]), entity));
  }

  get items(): ItemReal[] {
    return this.loadedValue<SimObject<ItemReal, ItemE>[]>("items").map((item) => item.asReal());
  }

  /** A collection's load options name its items' properties. */
  override collect(request: LoadRequest, run: Execution): void {
    const items = this.entries(this.resolve(run)).map((entity) => this.item(entity));
    for (const item of items) item.collect(request, run);
    run.onCommit(() => this.receive("items", items));
  }
}

/** An argument typed as an Office.js object must be one of this simulation's. */
export function simulated<T>(value: unknown, type: abstract new (...args: never[]) => T, what: string): T {
  if (value instanceof type) return value;
  throw officeError("InvalidArgument", `${what} is not an object of this simulation`);
}

/**
 * What `load()` asks for, in every form the typings accept: `"values,address"`, `["values"]`,
 * `"format/font/bold"`, `{ select: "name" }`, `{ values: true, format: { font: { bold: true } } }`
 * and `{ $all: true }`; on a collection `"items/name"` and `"name"` both mean the items' names.
 */
import { SimulationError } from "./errors";

export interface LoadRequest {
  /** Every scalar property (a bare `load()`, `"items"`, `$all`). */
  all: boolean;
  scalars: string[];
  nested: Map<string, LoadRequest>;
}

const emptyRequest = (): LoadRequest => ({ all: false, scalars: [], nested: new Map() });

export function parseLoadOption(option: unknown, collection: boolean): LoadRequest {
  const request = emptyRequest();
  if (option === undefined || option === null) request.all = true;
  else if (typeof option === "string") addPaths(request, option.split(","), collection);
  else if (Array.isArray(option)) addPaths(request, option.map(String), collection);
  else if (typeof option === "object") addObject(request, option as Record<string, unknown>, collection);
  else throw new SimulationError(`load() cannot take ${JSON.stringify(option)}`);
  return request;
}

function addPaths(request: LoadRequest, paths: readonly string[], collection: boolean): void {
  for (const raw of paths) {
    let path = raw.trim();
    if (path === "") continue;
    if (collection && /^items$/i.test(path)) {
      request.all = true;
      continue;
    }
    if (collection) path = path.replace(/^items[/.]/i, "");
    addPath(request, path.split("/"));
  }
}

function addPath(request: LoadRequest, segments: readonly string[]): void {
  const [first, ...rest] = segments;
  if (first === undefined) return;
  if (rest.length === 0) {
    if (!request.scalars.includes(first)) request.scalars.push(first);
    return;
  }
  addPath(nestedRequest(request, first), rest);
}

function nestedRequest(request: LoadRequest, name: string): LoadRequest {
  let nested = request.nested.get(name);
  if (!nested) request.nested.set(name, (nested = emptyRequest()));
  return nested;
}

function addObject(request: LoadRequest, option: Record<string, unknown>, collection: boolean): void {
  const keys = Object.keys(option);
  if (keys.some((k) => ["top", "skip", "$top", "$skip"].includes(k))) throw new SimulationError("load() with top or skip is not simulated");
  if (keys.some((k) => k === "select" || k === "expand")) {
    for (const key of ["select", "expand"]) {
      const value = option[key];
      if (typeof value === "string") addPaths(request, value.split(","), collection);
      else if (Array.isArray(value)) addPaths(request, value.map(String), collection);
    }
    return;
  }
  for (const [key, value] of Object.entries(option)) {
    if (key === "$all") request.all = request.all || value === true;
    else if (value === true) addPath(request, [key]);
    else if (typeof value === "object" && value !== null) addObject(nestedRequest(request, key), value as Record<string, unknown>, false);
  }
}

/** `values,address` or `*` (everything), for the sync record. */
export function describeLoad(request: LoadRequest, prefix = ""): string {
  const parts = [...(request.all ? [`${prefix}*`] : []), ...request.scalars.map((s) => prefix + s)];
  for (const [name, nested] of request.nested) parts.push(describeLoad(nested, `${prefix}${name}/`));
  return parts.join(",");
}

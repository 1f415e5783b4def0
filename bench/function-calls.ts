/**
 * The custom functions over one model, as a workbook full of CVM formulas calls them: Excel hands
 * each call fresh arrays of the ranges' values, so every call either finds the model in the parse
 * cache by content (`createModelCache`) or reads, validates and computes it again (`uncachedModels`).
 */
import type { ModelTables } from "../src/core/starter/starter-model";
import { type Cvm, createCvm } from "../src/functions/cvm";
import { createModelCache, type ModelSource, uncachedModels } from "../src/functions/model-cache";
import { generatedModel } from "./models";
import { median } from "./stats";

type Grid = unknown[][];

/** Distinct copies of equal content, rotated through: each call gets arrays no earlier call had. */
interface GridPool {
  readonly elements: readonly Grid[];
  readonly variables: readonly Grid[];
  readonly settings: readonly Grid[];
  readonly elementCount: number;
}

const POOL_SIZE = 64;

function copies(rows: readonly (readonly unknown[])[]): Grid[] {
  return Array.from({ length: POOL_SIZE }, () => rows.map((row) => [...row]));
}

export function gridPool(tables: ModelTables): GridPool {
  return {
    elements: copies(tables.elements),
    variables: copies(tables.variables),
    settings: copies(tables.settings ?? [["Setting", "Value"]]),
    elementCount: tables.elements.length - 1,
  };
}

/**
 * Call number `i` of the mix: of every ten calls, four CVM.ELEMENTVALUE of an element (annual value),
 * four CVM.ELEMENTVALUE of an element in a year (1 to 5), one CVM.TOTAL and one CVM.NETPRESENTVALUE, each over its
 * own copies of the ranges. Elements vary from call to call. Returns the call's number.
 */
export function callOfMix(cvm: Cvm, pool: GridPool, i: number): number {
  const elements = pool.elements[i % POOL_SIZE]!;
  const variables = pool.variables[(i * 7) % POOL_SIZE]!;
  const which = i % 10;
  const element = `Value_${((i * 37) % pool.elementCount) + 1}`;
  const outcome =
    which < 4
      ? cvm.value(elements, variables, element, null)
      : which < 8
        ? cvm.value(elements, variables, element, (i % 5) + 1)
        : which === 8
          ? cvm.total(elements, variables, null)
          : cvm.npv(elements, variables, pool.settings[(i * 3) % POOL_SIZE]!);
  if (!outcome.ok) throw new Error(`call ${i} failed: ${outcome.failure.message}`);
  return outcome.value;
}

/** Calls 0..calls-1 of the mix on a fresh source (an empty cache: the first call analyses); ms for all. */
function timeCalls(source: () => ModelSource, pool: GridPool, calls: number): number {
  const cvm = createCvm(source());
  const started = performance.now();
  for (let i = 0; i < calls; i++) callOfMix(cvm, pool, i);
  return performance.now() - started;
}

export interface FunctionCallTiming {
  readonly elements: number;
  readonly calls: number;
  /** Median ms for all `calls` with the cache (each run starts with an empty cache). */
  readonly cachedMs: number;
  readonly cachedRuns: number;
  /** Ms for all `calls` without the cache: measured on `uncachedSample` calls and scaled up when that is fewer. */
  readonly uncachedMs: number;
  readonly uncachedSample: number;
  readonly uncachedRuns: number;
  readonly extrapolated: boolean;
  readonly ratio: number;
  /** Calls whose cached answer was checked against the uncached one, all equal. */
  readonly checked: number;
}

export function timeFunctionCalls(options: {
  elements: number;
  calls: number;
  uncachedSample: number;
  cachedRuns: number;
  uncachedRuns: number;
}): FunctionCallTiming {
  const pool = gridPool(generatedModel(options.elements));
  // The same answers either way (checked on the first calls of the mix).
  const cached = createCvm(createModelCache());
  const uncached = createCvm(uncachedModels());
  const checked = 50;
  for (let i = 0; i < checked; i++) {
    if (callOfMix(cached, pool, i) !== callOfMix(uncached, pool, i))
      throw new Error(`call ${i}: the cached answer differs from the uncached one`);
  }
  // Warm-up: both paths compiled before anything is timed.
  timeCalls(createModelCache, pool, 1000);
  timeCalls(uncachedModels, pool, 10);

  const cachedMs = median(Array.from({ length: options.cachedRuns }, () => timeCalls(createModelCache, pool, options.calls)));
  const sample = Math.min(options.uncachedSample, options.calls);
  const sampleMs = median(Array.from({ length: options.uncachedRuns }, () => timeCalls(uncachedModels, pool, sample)));
  const uncachedMs = (sampleMs * options.calls) / sample;
  return {
    elements: options.elements,
    calls: options.calls,
    cachedMs,
    cachedRuns: options.cachedRuns,
    uncachedMs,
    uncachedSample: sample,
    uncachedRuns: options.uncachedRuns,
    extrapolated: sample < options.calls,
    ratio: uncachedMs / cachedMs,
    checked,
  };
}

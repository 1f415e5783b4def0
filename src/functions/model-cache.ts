import { type Analysis, analyzeWorkbook } from "../core/model/analyze";
import type { WorkbookInput } from "../core/workbook/cells";
import { withErrorCells } from "./error-cells";
import { type Grid, toRangeInput } from "./grid";
import { type ArgumentHeaders, headersOf } from "./location";
import { ContentCache } from "./lru";
import { readScope, type VariableScope } from "./variable-scope";

/** One analysed model (parsed, validated, computed) and what has been derived from it. */
export interface ModelEntry {
  readonly analysis: Analysis;
  readonly headers: ArgumentHeaders;
  /** True when the optional settings range was omitted and the contract's defaults apply. */
  readonly settingsOmitted: boolean;
  /** A result derived from the analysis (sensitivity), computed at most once per entry. */
  derive<T>(key: string, compute: (analysis: Analysis) => T): T;
}

/** Where the functions get their models: cached by content, or analysed on every call. */
export interface ModelSource {
  model(elements: Grid, variables: Grid, settings: Grid | undefined): ModelEntry;
  scope(variables: Grid): VariableScope;
}

export interface ModelCacheStats {
  /** Models analysed: one per distinct content of (elements, variables, settings). */
  readonly analyses: number;
  /** Variable ranges read for CVM.EVAL. */
  readonly scopes: number;
  readonly hits: number;
}

export interface ModelCache extends ModelSource {
  stats(): ModelCacheStats;
  clear(): void;
}

export interface ModelSourceOptions {
  /** The analysis to run on a miss; injectable so that tests can count analyses. */
  readonly analyze?: (input: WorkbookInput) => Analysis;
  /** How many distinct models (and, separately, variable ranges) to keep. */
  readonly capacity?: number;
}

function buildEntry(analyze: (input: WorkbookInput) => Analysis, elements: Grid, variables: Grid, settings: Grid | undefined): ModelEntry {
  const analysis = withErrorCells(
    analyze({
      elements: toRangeInput(elements, "elements"),
      variables: toRangeInput(variables, "variables"),
      ...(settings ? { settings: toRangeInput(settings, "settings") } : {}),
    }),
    { elements, variables, settings },
  );
  const derived = new Map<string, unknown>();
  return {
    analysis,
    headers: headersOf({ elements, variables, settings }),
    settingsOmitted: settings === undefined,
    derive<T>(key: string, compute: (analysis: Analysis) => T): T {
      if (!derived.has(key)) derived.set(key, compute(analysis));
      return derived.get(key) as T;
    },
  };
}

/**
 * Models cached by the content of their ranges: every CVM function in a workbook calls with the
 * same few ranges, and Excel recalculates them all at once, so each distinct model is analysed
 * once and every call after that only looks its answer up.
 */
export function createModelCache(options: ModelSourceOptions = {}): ModelCache {
  const analyze = options.analyze ?? analyzeWorkbook;
  const capacity = options.capacity ?? 32;
  const models = new ContentCache<ModelEntry>(capacity);
  const scopes = new ContentCache<VariableScope>(capacity);
  return {
    model: (elements, variables, settings) =>
      models.get([elements, variables, settings], () => buildEntry(analyze, elements, variables, settings)),
    scope: (variables) => scopes.get([variables], () => readScope(variables)),
    stats: () => ({ analyses: models.stats().builds, scopes: scopes.stats().builds, hits: models.stats().hits + scopes.stats().hits }),
    clear: () => {
      models.clear();
      scopes.clear();
    },
  };
}

/** Analyses on every call: the baseline the benchmark compares the cache with. */
export function uncachedModels(options: Pick<ModelSourceOptions, "analyze"> = {}): ModelSource {
  const analyze = options.analyze ?? analyzeWorkbook;
  return {
    model: (elements, variables, settings) => buildEntry(analyze, elements, variables, settings),
    scope: (variables) => readScope(variables),
  };
}

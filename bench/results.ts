/**
 * bench/results.json: the benchmark's figures in a fixed shape for tools, and the goals they are
 * held to. Pure: no clock, no files.
 */
import { roundSignificant } from "./stats";

/** The shape of bench/results.json, key for key. Times in ms; sizes in elements. */
export interface BenchResults {
  readonly coreMs: { readonly "10": number; readonly "100": number; readonly "1000": number; readonly "10000": number };
  readonly hyperformulaMs: { readonly "1000": number };
  /** HyperFormula's time ÷ the core's, at 1,000 elements. */
  readonly coreVsHyperformula1000: number;
  readonly functionCalls: { readonly cachedMs: number; readonly uncachedMs: number; readonly ratio: number };
  readonly syncCalls: { readonly "10": number; readonly "100": number; readonly "1000": number };
  readonly payloadBytes: { readonly "10": number; readonly "100": number; readonly "1000": number };
  readonly batchWorkbooksPerSecond: number;
  readonly taskpaneInitialGzipKB: number;
}

/** The measurements results.json is made of, unrounded. */
export interface ResultsInput {
  readonly core: readonly { readonly elements: number; readonly totalMs: number }[];
  readonly hyperformula: { readonly elements: number; readonly medianMs: number };
  readonly functionCalls: { readonly cachedMs: number; readonly uncachedMs: number };
  readonly syncs: readonly { readonly elements: number; readonly syncs: number; readonly payloadBytes: number }[];
  readonly batchWorkbooksPerSecond: number;
  readonly taskpaneInitialGzipBytes: number;
}

export const GOALS = {
  /** context.sync() calls of a build, the same at every size. */
  maxSyncCalls: 3,
  /** HyperFormula's time ÷ the core's at 1,000 elements. */
  minCoreVsHyperformula: 20,
  /** Uncached ÷ cached time of 10,000 function calls. */
  minCacheRatio: 50,
  minBatchWorkbooksPerSecond: 50,
  maxTaskpaneInitialGzipKB: 350,
  /** Core time at 10× the elements, at most this many times longer (10 is linear; the margin is for noise). */
  maxGrowthPer10x: 13,
} as const;

function bySize<T extends { readonly elements: number }>(rows: readonly T[], what: string, elements: number): T {
  const row = rows.find((r) => r.elements === elements);
  if (!row) throw new Error(`no ${what} measured at ${elements} elements`);
  return row;
}

const ms = (value: number) => roundSignificant(value, 3);
const ratio = (value: number) => roundSignificant(value, 3);

/** The figures of results.json, rounded: times and ratios to 3 significant digits, counts and bytes whole, KB to 0.1. */
export function resultsOf(input: ResultsInput): BenchResults {
  const core = (n: number) => bySize(input.core, "core time", n).totalMs;
  const sync = (n: number) => bySize(input.syncs, "sync count", n);
  if (input.hyperformula.elements !== 1000)
    throw new Error(`HyperFormula was measured at ${input.hyperformula.elements} elements, not 1,000`);
  return {
    coreMs: { "10": ms(core(10)), "100": ms(core(100)), "1000": ms(core(1000)), "10000": ms(core(10_000)) },
    hyperformulaMs: { "1000": ms(input.hyperformula.medianMs) },
    coreVsHyperformula1000: ratio(input.hyperformula.medianMs / core(1000)),
    functionCalls: {
      cachedMs: ms(input.functionCalls.cachedMs),
      uncachedMs: ms(input.functionCalls.uncachedMs),
      ratio: ratio(input.functionCalls.uncachedMs / input.functionCalls.cachedMs),
    },
    syncCalls: { "10": sync(10).syncs, "100": sync(100).syncs, "1000": sync(1000).syncs },
    payloadBytes: {
      "10": Math.round(sync(10).payloadBytes),
      "100": Math.round(sync(100).payloadBytes),
      "1000": Math.round(sync(1000).payloadBytes),
    },
    batchWorkbooksPerSecond: roundSignificant(input.batchWorkbooksPerSecond, 3),
    taskpaneInitialGzipKB: Math.round((input.taskpaneInitialGzipBytes / 1024) * 10) / 10,
  };
}

/** results.json's text: two-space indented, one final newline. */
export function resultsJson(results: BenchResults): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

export interface GoalCheck {
  readonly figure: string;
  readonly measured: string;
  readonly goal: string;
  readonly met: boolean;
}

const fmt = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: value >= 100 ? 0 : value >= 10 ? 1 : 2 });

/** Each goal of the benchmark against the figures. */
export function goalChecks(results: BenchResults): GoalCheck[] {
  const syncs = [results.syncCalls["10"], results.syncCalls["100"], results.syncCalls["1000"]];
  const growth = results.coreMs["10000"] / results.coreMs["1000"];
  return [
    {
      figure: "context.sync() calls of a build (10 / 100 / 1,000 elements)",
      measured: syncs.join(" / "),
      goal: `the same at every size, at most ${GOALS.maxSyncCalls}`,
      met: syncs.every((s) => s === syncs[0]) && Math.max(...syncs) <= GOALS.maxSyncCalls,
    },
    {
      figure: "core time from 1,000 to 10,000 elements",
      measured: `×${fmt(growth)}`,
      goal: `linear: about ×10, at most ×${GOALS.maxGrowthPer10x}`,
      met: growth <= GOALS.maxGrowthPer10x,
    },
    {
      figure: "HyperFormula ÷ core, 1,000 elements",
      measured: `${fmt(results.coreVsHyperformula1000)}×`,
      goal: `at least ${GOALS.minCoreVsHyperformula}×`,
      met: results.coreVsHyperformula1000 >= GOALS.minCoreVsHyperformula,
    },
    {
      figure: "10,000 function calls, uncached ÷ cached",
      measured: `${fmt(results.functionCalls.ratio)}×`,
      goal: `at least ${GOALS.minCacheRatio}×`,
      met: results.functionCalls.ratio >= GOALS.minCacheRatio,
    },
    {
      figure: "cvm batch, 1,000 customers",
      measured: `${fmt(results.batchWorkbooksPerSecond)} workbooks/s`,
      goal: `at least ${GOALS.minBatchWorkbooksPerSecond} workbooks/s`,
      met: results.batchWorkbooksPerSecond >= GOALS.minBatchWorkbooksPerSecond,
    },
    {
      figure: "task pane initial JavaScript, gzipped",
      measured: `${results.taskpaneInitialGzipKB.toFixed(1)} KB`,
      goal: `at most ${GOALS.maxTaskpaneInitialGzipKB} KB`,
      met: results.taskpaneInitialGzipKB <= GOALS.maxTaskpaneInitialGzipKB,
    },
  ];
}

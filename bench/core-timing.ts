/**
 * The core's time for a build: reading, validating and computing the model (`analyzeWorkbook`)
 * and planning what is written (`planBuild`, on a workbook with nothing of the add-in's yet).
 */
import type { ModelTables } from "../src/core/starter/starter-model";
import { type Analysis, analyzeWorkbook } from "../src/core/model/analyze";
import { npvSensitivity } from "../src/core/model/sensitivity";
import { planBuild } from "../src/core/plan/build-plan";
import type { WorkbookPlan } from "../src/core/plan/types";
import type { WorkbookInput } from "../src/core/workbook/cells";
import { BUILT, EMPTY_WORKBOOK, generatedModel, workbookInputOf } from "./models";
import { median } from "./stats";

export type SoundAnalysis = Extract<Analysis, { ok: true }>;

export interface CoreBuild {
  readonly tables: ModelTables;
  readonly input: WorkbookInput;
  readonly analysis: SoundAnalysis;
  readonly plan: WorkbookPlan;
}

/** Analyses and plans a model; a generated model that does not analyse or plan is a bug of the benchmark. */
export function analyzeAndPlan(input: WorkbookInput): { analysis: SoundAnalysis; plan: WorkbookPlan } {
  const analysis = analyzeWorkbook(input);
  if (!analysis.ok) throw new Error(`the generated model has errors: ${analysis.problems.map((p) => p.message).join("; ")}`);
  const planned = planBuild(analysis.model, analysis.results, EMPTY_WORKBOOK, BUILT);
  if (!planned.ok) throw new Error(`the generated model does not plan: ${planned.problems.map((p) => p.message).join("; ")}`);
  return { analysis, plan: planned.plan };
}

export function coreBuild(elements: number): CoreBuild {
  const tables = generatedModel(elements);
  const input = workbookInputOf(tables);
  return { tables, input, ...analyzeAndPlan(input) };
}

export interface CoreTiming {
  readonly elements: number;
  /** Medians over the runs, in ms for one build of the model. */
  readonly analyzeMs: number;
  readonly planMs: number;
  /** Median of analyse + plan (not the sum of the two medians). */
  readonly totalMs: number;
  readonly runs: number;
  /** Untimed builds before the runs. */
  readonly warmups: number;
  /** How many builds a run averaged (small models are built many times per run). */
  readonly repeats: number;
  /**
   * Part of the plan's time: the NPV's sensitivity (each ranged variable at its Low and its High),
   * computed at build for the Value Summary. Timed on its own, median of the same number of runs.
   */
  readonly sensitivityMs: number;
  /** Cells the plan writes and how many of them are formulas, for scale. */
  readonly plannedCells: number;
  readonly plannedFormulas: number;
}

/**
 * Times analyse + plan at one size: `warmups` untimed builds, then `runs` runs, each averaging
 * as many builds as fill `minRunMs`.
 */
export function timeCore(elements: number, options: { runs: number; warmups: number; minRunMs: number }): CoreTiming {
  const { input, plan, analysis: sound } = coreBuild(elements);
  for (let i = 0; i < options.warmups; i++) analyzeAndPlan(input);
  const once = performance.now();
  analyzeAndPlan(input);
  const repeats = Math.max(1, Math.ceil(options.minRunMs / Math.max(performance.now() - once, 0.001)));
  const analyze: number[] = [];
  const planning: number[] = [];
  const total: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    let analyzeMs = 0;
    let planMs = 0;
    for (let i = 0; i < repeats; i++) {
      const t0 = performance.now();
      const analysis = analyzeWorkbook(input);
      const t1 = performance.now();
      if (!analysis.ok) throw new Error("the generated model has errors");
      const planned = planBuild(analysis.model, analysis.results, EMPTY_WORKBOOK, BUILT);
      const t2 = performance.now();
      if (!planned.ok) throw new Error("the generated model does not plan");
      analyzeMs += t1 - t0;
      planMs += t2 - t1;
    }
    analyze.push(analyzeMs / repeats);
    planning.push(planMs / repeats);
    total.push((analyzeMs + planMs) / repeats);
  }
  const sensitivity: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const started = performance.now();
    for (let i = 0; i < repeats; i++) npvSensitivity(sound.model, sound.results);
    sensitivity.push((performance.now() - started) / repeats);
  }
  const cells = plan.sheets.flatMap((s) => s.cells);
  return {
    elements,
    analyzeMs: median(analyze),
    planMs: median(planning),
    totalMs: median(total),
    sensitivityMs: median(sensitivity),
    runs: options.runs,
    warmups: options.warmups,
    repeats,
    plannedCells: cells.length,
    plannedFormulas: cells.filter((c) => c.content.kind === "formula").length,
  };
}

import { analyzeWorkbook, type Analysis } from "../core/model/analyze";
import { planBuild } from "../core/plan/build-plan";
import type { Problem } from "../core/problems";
import { loadXlsx, readWorkbook } from "../adapters/xlsx/read";
import { writePlannedXlsx } from "../adapters/xlsx/write";

export type BuildOutcome =
  | { readonly ok: true; readonly analysis: Extract<Analysis, { ok: true }>; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Reads a model workbook's bytes and returns the bytes of its value workbook, or the problems. */
export async function buildValueWorkbook(input: Uint8Array, now: Date): Promise<BuildOutcome> {
  const workbook = await loadXlsx(input);
  const { input: ranges, existing } = readWorkbook(workbook);
  const analysis = analyzeWorkbook(ranges);
  if (!analysis.ok) return { ok: false, problems: analysis.problems };
  const planned = planBuild(analysis.model, analysis.results, existing, now);
  if (!planned.ok) return { ok: false, problems: [...analysis.problems, ...planned.problems] };
  const bytes = await writePlannedXlsx(workbook, planned.plan);
  return { ok: true, analysis, bytes };
}

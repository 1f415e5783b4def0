import type { Problem } from "../problems";
import { computeResults } from "./compute";
import { checkReferences } from "./references";
import type { ValueModel, Variable } from "./types";

/** The NPV with one variable moved, or the problems that stop the model computing there. */
export type NpvAt = { readonly ok: true; readonly npv: number } | { readonly ok: false; readonly value: number; readonly problems: readonly Problem[] };

export interface VariableSensitivity {
  readonly variable: Variable;
  readonly low: NpvAt;
  readonly high: NpvAt;
  /** |NPV at High − NPV at Low|; undefined when either end has no NPV. */
  readonly swing: number | undefined;
}

/**
 * One-at-a-time sensitivity of the NPV: each variable that has a Low and a High is set to each
 * end while every other variable keeps its value. Sorted by swing, largest first (a tornado
 * chart's order); variables whose model fails at an end come last, in the model's order.
 *
 * The model computes through the same `computeResults` as the workbook, so an end's NPV is
 * exactly what the add-in would show with that value typed in.
 */
export function npvSensitivity(model: ValueModel): VariableSensitivity[] {
  // The model is valid, so every name resolves and the order only depends on its formulas.
  const { order } = checkReferences(model.variables, model.elements, []);
  const npvWith = (variable: Variable, value: number): NpvAt => {
    const variables = model.variables.map((v) => (v === variable ? { ...v, value } : v));
    const computed = computeResults({ ...model, variables }, order);
    return computed.results ? { ok: true, npv: computed.results.totals.NPV } : { ok: false, value, problems: computed.problems };
  };
  const rows = model.variables.flatMap((variable): VariableSensitivity[] => {
    if (!variable.range) return [];
    const low = npvWith(variable, variable.range.low);
    const high = npvWith(variable, variable.range.high);
    return [{ variable, low, high, swing: low.ok && high.ok ? Math.abs(high.npv - low.npv) : undefined }];
  });
  // Array.prototype.sort is stable: equal swings keep the model's order.
  return rows.sort((a, b) => (b.swing ?? -1) - (a.swing ?? -1));
}

import { evaluate, referencedNames } from "../formula";
import { type FormulaValue, numberToText } from "../formula/values";
import { error, type Problem } from "../problems";
import { RANGE_NAMES } from "../workbook/cells";
import { computeResults, type Results } from "./compute";
import { excelNpv } from "./finance";
import { checkReferences } from "./references";
import { type Element, rampAt, type ValueModel, type Variable } from "./types";

/** The NPV with one variable moved, or the problems that stop the model computing there. */
export type NpvAt =
  { readonly ok: true; readonly npv: number } | { readonly ok: false; readonly value: number; readonly problems: readonly Problem[] };

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
 * Moving one variable changes only the elements that use it, directly or through other
 * elements' ids: only those are evaluated again (in dependency order, with the same evaluator as
 * `computeResults`), and the yearly benefit moves by their change. Recomputing the whole model
 * for each end would make sensitivity quadratic in the model's size: minutes at 10,000 elements.
 * An end where a formula fails is computed in full, so that its problems read exactly as the
 * model's own would.
 */
export function npvSensitivity(model: ValueModel, base?: Results): VariableSensitivity[] {
  // The model is valid, so every name resolves and the order only depends on its formulas.
  const results = base ?? computeResults(model, checkReferences(model.variables, model.elements, []).order).results;
  if (!results) return [];
  const dependentsOf = dependencyIndex(model, results.order);
  const npvWith = npvMover(model, results);
  const asGiven = results.totals.NPV;
  const rows = model.variables.flatMap((variable): VariableSensitivity[] => {
    if (!variable.range) return [];
    const dependents = dependentsOf(variable.name);
    let low = withinReach(variable, "low", npvWith(variable, variable.range.low, dependents), asGiven, "the NPV as given");
    let high = withinReach(variable, "high", npvWith(variable, variable.range.high, dependents), asGiven, "the NPV as given");
    // Both ends may be in reach of the NPV as given and not of each other (-1E+308 and 1E+308):
    // the end further from the NPV as given is the one that cannot be shown beside the other.
    if (low.ok && high.ok && !Number.isFinite(high.npv - low.npv)) {
      if (Math.abs(high.npv - asGiven) >= Math.abs(low.npv - asGiven))
        high = withinReach(variable, "high", high, low.npv, "the NPV at the Low");
      else low = withinReach(variable, "low", low, high.npv, "the NPV at the High");
    }
    return [{ variable, low, high, swing: low.ok && high.ok ? Math.abs(high.npv - low.npv) : undefined }];
  });
  // Array.prototype.sort is stable: equal swings keep the model's order.
  return rows.sort((a, b) => (b.swing ?? -1) - (a.swing ?? -1));
}

/** For a name, every element whose value depends on it, in the order they must be evaluated. */
function dependencyIndex(model: ValueModel, order: readonly Element[]): (name: string) => Element[] {
  const position = new Map<Element, number>(order.map((e, i) => [e, i]));
  const users = new Map<string, Element[]>();
  for (const e of model.elements) {
    for (const name of referencedNames(e.expr)) {
      const key = name.toLowerCase();
      const list = users.get(key);
      if (list) list.push(e);
      else users.set(key, [e]);
    }
  }
  return (name) => {
    const found = new Set<Element>();
    const queue = [...(users.get(name.toLowerCase()) ?? [])];
    while (queue.length > 0) {
      const e = queue.pop()!;
      if (found.has(e)) continue;
      found.add(e);
      if (e.id) queue.push(...(users.get(e.id.toLowerCase()) ?? []));
    }
    return [...found].sort((a, b) => position.get(a)! - position.get(b)!);
  };
}

/** The NPV with one variable set to a value: only its dependents are evaluated again. */
function npvMover(model: ValueModel, results: Results): (variable: Variable, value: number, dependents: readonly Element[]) => NpvAt {
  const { order } = results;
  const annual = new Map<Element, number>(results.elements.map((r) => [r.element, r.annualValue]));
  const scope = new Map<string, FormulaValue>();
  for (const v of model.variables) scope.set(v.name.toLowerCase(), v.value);
  for (const e of model.elements) if (e.id) scope.set(e.id.toLowerCase(), annual.get(e)!);
  const { years, investment, annualCost, discountRate } = model.settings;
  // Names as the formulas spell them, lower-cased once: evaluation looks every one up, for every end of every variable.
  const keys = new Map<string, string>();
  const keyOf = (name: string) => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = name.toLowerCase()));
    return key;
  };
  return (variable, value, dependents) => {
    const moved = new Map<string, FormulaValue>([[variable.name.toLowerCase(), value]]);
    const resolve = (name: string) => {
      const key = keyOf(name);
      const changed = moved.get(key);
      return changed === undefined ? scope.get(key) : changed;
    };
    const benefit = [...results.benefitByYear];
    for (const e of dependents) {
      const now = evaluate(e.expr, resolve);
      if (typeof now !== "number") return fullyComputed(model, order, variable, value);
      if (e.id) moved.set(e.id.toLowerCase(), now);
      const change = now - annual.get(e)!;
      if (change !== 0) for (let y = 1; y <= years; y++) benefit[y - 1]! += change * rampAt(e.ramp, y);
    }
    const npv =
      -investment +
      excelNpv(
        discountRate,
        benefit.map((b) => b - annualCost),
      );
    // A sum that passes Excel's largest number: the full computation says where, as the model's own would.
    return Number.isFinite(npv) ? { ok: true, npv } : fullyComputed(model, order, variable, value);
  };
}

/**
 * Every number of the table (each end's NPV, its change from the NPV as given, the swing) is
 * written into the workbook, where a number past Excel's largest (about 1.8E+308) cannot go: an
 * end whose NPV is further than that from `other` has no NPV to show, and says why at its cell.
 */
function withinReach(variable: Variable, end: "low" | "high", at: NpvAt, other: number, otherName: string): NpvAt {
  if (!at.ok || Number.isFinite(at.npv - other)) return at;
  const range = variable.range!;
  const value = end === "low" ? range.low : range.high;
  const message = `At ${variable.name} = ${numberToText(value)} the NPV is ${numberToText(at.npv)}, further from ${otherName} (${numberToText(other)}) than Excel can hold (about 1.8E+308): the difference would show #NUM!.`;
  return {
    ok: false,
    value,
    problems: [error("result-overflow", RANGE_NAMES.variables, message, end === "low" ? range.lowCell : range.highCell)],
  };
}

function fullyComputed(model: ValueModel, order: readonly Element[], variable: Variable, value: number): NpvAt {
  const variables = model.variables.map((v) => (v === variable ? { ...v, value } : v));
  const computed = computeResults({ ...model, variables }, order);
  return computed.results ? { ok: true, npv: computed.results.totals.NPV } : { ok: false, value, problems: computed.problems };
}

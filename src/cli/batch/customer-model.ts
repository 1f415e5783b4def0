import { sameCustomer } from "../../core/model/customer";
import { readActuals } from "../../core/model/read-actuals";
import type { RangeInput } from "../../core/workbook/cells";
import { computeResults, type Results } from "../../core/model/compute";
import { rangeWarnings } from "../../core/model/ranges";
import { checkReferences } from "../../core/model/references";
import type { Element, ValueModel } from "../../core/model/types";
import type { Problem } from "../../core/problems";
import type { CustomerSettings } from "../../core/model/settings";

/**
 * One customer's model: the model's variables with the customer's numbers in place of the
 * model's, and the customer's name as the Customer setting. Computed by the core, as the
 * workbook's own formulas compute it; never by recalculating a workbook. Pure.
 */

/** The model of a batch and the order its elements compute in (the same for every customer). */
export interface BatchBase {
  readonly model: ValueModel;
  readonly order: readonly Element[];
  /**
   * Per variable, the model's Low and High as its cells hold them, one without the other
   * included (the model then has no range, but a customer who gives the other one completes it).
   */
  readonly bounds: readonly Bounds[];
  /** The model's CVM_Actuals as read: each customer's results are its own rows of it. */
  readonly actuals?: RangeInput;
}

export interface Bounds {
  readonly low?: number;
  readonly high?: number;
}

export function batchBase(
  model: ValueModel,
  bounds: readonly Bounds[] = model.variables.map((v) => (v.range ? { low: v.range.low, high: v.range.high } : {})),
  actuals?: RangeInput,
): BatchBase {
  const declared = [...model.variables.map((v) => v.name), ...model.elements.flatMap((e) => (e.id ? [e.id] : []))];
  return { model, order: checkReferences(model.variables, model.elements, declared).order, bounds, ...(actuals ? { actuals } : {}) };
}

/** What a batch knows of one customer: the name and a number (or undefined: the model's) per variable, in the model's order. */
export interface CustomerInput {
  readonly customer: string;
  readonly values: readonly (number | undefined)[];
  /** Per variable the customer's Low, High (undefined: the model's); absent when the CSV has no such column. */
  readonly lows?: readonly (number | undefined)[];
  readonly highs?: readonly (number | undefined)[];
  /** Per element, in the model's order, the customer's Actual (undefined: the model's). */
  readonly actuals?: readonly (number | undefined)[];
  /** The customer's next-best alternative where the CSV gives it (else the model's). */
  readonly settings?: CustomerSettings;
}

/** Whether the customer is the one the model is configured for (its Customer setting), whose results the model's are. */
export function isModelCustomer(base: BatchBase, input: CustomerInput): boolean {
  return sameCustomer(base.model.settings.customer, input.customer);
}

/**
 * Whether a row of CVM_Actuals is this customer's: its Customer names them (trimmed, ignoring
 * case), or it names nobody and they are the customer the model is configured for (its Customer
 * setting), whose results such rows are.
 */
export function ownsActualsRow(base: BatchBase, input: CustomerInput, rowCustomer: string): boolean {
  return sameCustomer(rowCustomer === "" ? base.model.settings.customer : rowCustomer, input.customer);
}

/** This customer's rows of the model's CVM_Actuals, read as the core reads a workbook's for its customer. */
function customerActuals(base: BatchBase, input: CustomerInput): ReturnType<typeof readActuals> {
  const { model } = base;
  return readActuals(base.actuals, model.elements, model.settings.years, true, {
    customer: input.customer,
    unnamedAreTheirs: sameCustomer(model.settings.customer, input.customer),
  });
}

/** A variable's Low and High for this customer: the CSV's, else the model's. */
export function customerBounds(base: BatchBase, input: CustomerInput, index: number): Bounds {
  const model = base.bounds[index] ?? {};
  const low = input.lows?.[index] ?? model.low;
  const high = input.highs?.[index] ?? model.high;
  return { ...(low === undefined ? {} : { low }), ...(high === undefined ? {} : { high }) };
}

export function customerModel(base: BatchBase, input: CustomerInput, actuals: ValueModel["actuals"] = []): ValueModel {
  const { actuals: _model, ...model } = base.model;
  return {
    ...model,
    // Each customer's own results only: no customer's workbook shows another's.
    ...(actuals.length > 0 ? { actuals } : {}),
    variables: model.variables.map((v, i) => {
      const value = input.values[i] ?? v.value;
      const { low, high } = customerBounds(base, input, i);
      // A range needs both ends and their cells, as the reader of CVM_Variables makes it.
      const range =
        low !== undefined && high !== undefined && v.lowCell && v.highCell
          ? { low, high, lowCell: v.lowCell, highCell: v.highCell }
          : undefined;
      const { range: _old, ...rest } = v;
      return { ...rest, value, ...(range ? { range } : {}) };
    }),
    elements: customerElements(base, input),
    settings: { ...model.settings, ...input.settings, customer: input.customer },
  };
}

/**
 * The elements with the customer's Actual where the CSV gives one. An Actual it does not give is
 * the model's customer's result: kept for that customer, left out for every other. The model's
 * elements themselves where nothing changes (the results are keyed by element object).
 */
function customerElements(base: BatchBase, input: CustomerInput): ValueModel["elements"] {
  const own = isModelCustomer(base, input);
  const { elements } = base.model;
  if (!input.actuals && (own || elements.every((e) => e.actual === undefined))) return elements;
  return elements.map((e, j) => {
    const given = input.actuals?.[j];
    if (given !== undefined) return { ...e, actual: given };
    if (own || e.actual === undefined) return e;
    const { actual: _theirs, ...rest } = e;
    return rest;
  });
}

export type CustomerOutcome =
  | { readonly ok: true; readonly model: ValueModel; readonly results: Results; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * The customer's results and warnings (a Value outside the customer's Low–High range, by the
 * core's own rule), or the problems (an element whose formula fails with the customer's numbers).
 */
export function computeCustomer(base: BatchBase, input: CustomerInput): CustomerOutcome {
  const actuals = customerActuals(base, input);
  // The others' rows are emptied in this customer's copy: no warning of them is the customer's.
  const problems = actuals.problems.filter((p) => p.code !== "actual-other-customer");
  if (problems.some((p) => p.severity === "error")) return { ok: false, problems };
  const model = customerModel(base, input, actuals.actuals);
  // The results are keyed by element object: a customer's Actual makes new ones, in the same order.
  const order =
    model.elements === base.model.elements ? base.order : base.order.map((e) => model.elements[base.model.elements.indexOf(e)]!);
  const computed = computeResults(model, order);
  return computed.results
    ? {
        ok: true,
        model,
        results: computed.results,
        // The model's own rows were checked, and their warnings said, when the model was opened.
        warnings: [...rangeWarnings(model.variables), ...(sameCustomer(base.model.settings.customer, input.customer) ? [] : problems)],
      }
    : { ok: false, problems: computed.problems };
}

import { computeResults, type Results } from "../../core/model/compute";
import { checkReferences } from "../../core/model/references";
import type { Element, ValueModel } from "../../core/model/types";
import type { Problem } from "../../core/problems";

/**
 * One customer's model: the model's variables with the customer's numbers in place of the
 * model's, and the customer's name as the Customer setting. Computed by the core, as the
 * workbook's own formulas compute it; never by recalculating a workbook. Pure.
 */

/** The model of a batch and the order its elements compute in (the same for every customer). */
export interface BatchBase {
  readonly model: ValueModel;
  readonly order: readonly Element[];
}

export function batchBase(model: ValueModel): BatchBase {
  const declared = [...model.variables.map((v) => v.name), ...model.elements.flatMap((e) => (e.id ? [e.id] : []))];
  return { model, order: checkReferences(model.variables, model.elements, declared).order };
}

/** What a batch knows of one customer: the name and a number (or undefined: the model's) per variable, in the model's order. */
export interface CustomerInput {
  readonly customer: string;
  readonly values: readonly (number | undefined)[];
}

export function customerModel(model: ValueModel, input: CustomerInput): ValueModel {
  return {
    ...model,
    variables: model.variables.map((v, i) => {
      const value = input.values[i];
      return value === undefined ? v : { ...v, value };
    }),
    settings: { ...model.settings, customer: input.customer },
  };
}

export type CustomerOutcome = { readonly ok: true; readonly model: ValueModel; readonly results: Results } | { readonly ok: false; readonly problems: readonly Problem[] };

/** The customer's results, or the problems (an element whose formula fails with the customer's numbers). */
export function computeCustomer(base: BatchBase, input: CustomerInput): CustomerOutcome {
  const model = customerModel(base.model, input);
  const computed = computeResults(model, base.order);
  return computed.results ? { ok: true, model, results: computed.results } : { ok: false, problems: computed.problems };
}

import type { ValueModel } from "./types";

export interface Realization {
  /** Sum of the Actual values recorded so far. */
  readonly total: number;
  /** How many elements have an Actual value; 0 means nothing has been measured yet. */
  readonly recorded: number;
}

/**
 * Value realization: what the customer has actually gained, from the Actual column. Elements
 * without an Actual are not yet measured and add nothing; counting them keeps "nothing measured"
 * apart from "measured, and it was 0".
 */
export function realizedValue(model: ValueModel): Realization {
  let total = 0;
  let recorded = 0;
  for (const element of model.elements) {
    if (element.actual === undefined) continue;
    total += element.actual;
    recorded += 1;
  }
  return { total, recorded };
}

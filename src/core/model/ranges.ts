import { type Problem, warning } from "../problems";
import { RANGE_NAMES } from "../workbook/cells";
import type { Variable } from "./types";

/**
 * A number as a sales engineer reads it in a sentence: digits grouped (2,300), at most ten
 * significant digits, so that 0.1 + 0.2 does not show as 0.30000000000000004.
 */
export function figure(value: number): string {
  return Number(value.toPrecision(10)).toLocaleString("en-US", { maximumFractionDigits: 10 });
}

export const OUTSIDE_RANGE = "variable-outside-range";

/**
 * A Value outside its Low–High range is a warning, not an error: the model still computes, but
 * its scenarios no longer bracket the expected case (the "optimistic" case can lie below it),
 * which is what happens when one customer's number meets another customer's range.
 */
export function outsideRange(name: string, value: number, low: number, high: number, at: Variable["valueCell"]): Problem | undefined {
  if (value >= low && value <= high) return undefined;
  return warning(
    OUTSIDE_RANGE,
    RANGE_NAMES.variables,
    `${name} is ${figure(value)}, outside its range ${figure(low)} to ${figure(high)} (Low to High): the conservative and optimistic cases would not bracket it; update Low and High for this customer.`,
    at,
  );
}

/** The range warnings of a model's variables, as they are now (after a batch put a customer's numbers in). */
export function rangeWarnings(variables: readonly Variable[]): Problem[] {
  return variables.flatMap((v) => {
    const found = v.range && outsideRange(v.name, v.value, v.range.low, v.range.high, v.valueCell);
    return found ? [found] : [];
  });
}

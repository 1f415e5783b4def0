/** Shapes of built-in functions, so that each definition says only what is particular to it. */
import { lift } from "../arrays";
import type { CellReader } from "../workbook";
import { type ErrorValue, type Scalar, type Value, isBlank, isError, toNumber } from "../values";
import type { CallContext, FunctionDefinition } from "./types";

export function define(name: string, minArgs: number, maxArgs: number, call: FunctionDefinition["call"]): FunctionDefinition {
  return { name, minArgs, maxArgs, call };
}

/** Every argument evaluated, in order, before the function runs. */
export function eager(
  name: string,
  minArgs: number,
  maxArgs: number,
  apply: (values: readonly Value[], context: CallContext) => Value,
): FunctionDefinition {
  return define(name, minArgs, maxArgs, (args, context) =>
    apply(
      args.map((arg) => context.evaluate(arg)),
      context,
    ),
  );
}

/** A function of single values; given ranges or arrays it works element by element. */
export function elementwise(
  name: string,
  minArgs: number,
  maxArgs: number,
  apply: (scalars: readonly Scalar[]) => Scalar,
): FunctionDefinition {
  return eager(name, minArgs, maxArgs, (values, context) => lift(values, context.reader, apply));
}

/** A function of numbers: each argument is coerced like arithmetic does, and the first error is the result. */
export function numeric(name: string, minArgs: number, maxArgs: number, apply: (numbers: readonly number[]) => Scalar): FunctionDefinition {
  return elementwise(name, minArgs, maxArgs, (scalars) => {
    const numbers: number[] = [];
    for (const scalar of scalars) {
      const n = toNumber(scalar);
      if (isError(n)) return n;
      numbers.push(n);
    }
    return apply(numbers);
  });
}

/**
 * Every value of the arguments in Excel's two ways: cells of ranges and arrays as they are, and
 * values given directly (`SUM(1,"2")`) marked so, since functions coerce those but skip text in ranges.
 */
export function* argumentValues(values: readonly Value[], reader: CellReader): Generator<{ value: Scalar; direct: boolean }> {
  for (const value of values) {
    if (typeof value === "object" && value.kind === "reference") {
      for (const cell of reader.nonBlank(value)) yield { value: cell, direct: false };
    } else if (typeof value === "object" && value.kind === "array") {
      for (const row of value.rows) for (const cell of row) yield { value: cell, direct: false };
    } else {
      yield { value, direct: true };
    }
  }
}

/**
 * The numbers SUM, AVERAGE, MIN, MAX and NPV take: numbers in ranges (text, TRUE and empty cells
 * skipped), values given directly coerced (`"2"` is 2, `"x"` is #VALUE!); the first error wins.
 */
export function numbersOf(values: readonly Value[], reader: CellReader): number[] | ErrorValue {
  const numbers: number[] = [];
  for (const { value, direct } of argumentValues(values, reader)) {
    if (isError(value)) return value;
    if (typeof value === "number") numbers.push(value);
    else if (direct && !isBlank(value)) {
      const n = toNumber(value);
      if (isError(n)) return n;
      numbers.push(n);
    }
  }
  return numbers;
}

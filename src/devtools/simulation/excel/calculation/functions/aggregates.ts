/**
 * Functions over many values: SUM, COUNT, COUNTA, AVERAGE, MIN, MAX, NPV and SUMPRODUCT.
 * In ranges and arrays they take numbers only (text, TRUE and empty cells are skipped); values
 * given directly are coerced as arithmetic does; an error anywhere is the result.
 */
import { gridOf, scalarOf } from "../arrays";
import { type Grid, type Scalar, type Value, error, isBlank, isError, numberResult, toNumber } from "../values";
import { argumentValues, eager, numbersOf } from "./helpers";
import { ANY, type FunctionDefinition } from "./types";

function overNumbers(name: string, apply: (numbers: number[]) => Scalar): FunctionDefinition {
  return eager(name, 1, ANY, (values, { reader }) => {
    const numbers = numbersOf(values, reader);
    return isError(numbers) ? numbers : apply(numbers);
  });
}

/** Summed in order, as Excel does (no compensated summation). */
const sum = (numbers: readonly number[]) => numbers.reduce((total, n) => total + n, 0);

/** COUNT: numbers in ranges; directly given, anything that reads as a number (errors are not counted, nor do they stop it). */
const count = eager("COUNT", 1, ANY, (values, { reader }) => {
  let n = 0;
  for (const { value, direct } of argumentValues(values, reader)) {
    if (typeof value === "number") n++;
    else if (direct && !isBlank(value) && !isError(value) && typeof toNumber(value) === "number") n++;
  }
  return n;
});

/** COUNTA: every value that is not an empty cell, errors and the text "" included. */
const counta = eager("COUNTA", 1, ANY, (values, { reader }) => {
  let n = 0;
  for (const { value } of argumentValues(values, reader)) if (!isBlank(value)) n++;
  return n;
});

/** NPV(rate, value1, …): Σ valueᵢ / (1+rate)^i for i = 1, 2, …, discounting as the core does. */
const npv = eager("NPV", 2, ANY, (values, { reader }) => {
  const [rateValue, ...flows] = values;
  const rate = toNumber(scalarOf(rateValue!, reader));
  if (isError(rate)) return rate;
  if (rate === -1) return error("#DIV/0!");
  const numbers = numbersOf(flows, reader);
  if (isError(numbers)) return numbers;
  let total = 0;
  let factor = 1;
  for (const n of numbers) {
    factor *= 1 + rate;
    total += n / factor;
  }
  return numberResult(total);
});

/**
 * SUMPRODUCT(array1, …): the arrays must have one shape; entries that are not numbers (text,
 * TRUE) count as 0, which is why formulas write `--(range="x")` or `(range="x")*values`.
 */
const sumproduct = eager("SUMPRODUCT", 1, ANY, (values: readonly Value[], { reader }) => {
  const grids: Grid[] = [];
  for (const value of values) {
    const grid = gridOf(value, reader);
    if (isError(grid)) return grid;
    grids.push(grid);
  }
  const height = grids[0]!.length;
  const width = grids[0]![0]!.length;
  if (grids.some((g) => g.length !== height || g[0]!.length !== width)) return error("#VALUE!");
  let total = 0;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      let product = 1;
      for (const grid of grids) {
        const entry = grid[r]![c]!;
        if (isError(entry)) return entry;
        product *= typeof entry === "number" ? entry : 0;
      }
      total += product;
    }
  }
  return numberResult(total);
});

export const AGGREGATES: readonly FunctionDefinition[] = [
  overNumbers("SUM", (numbers) => numberResult(sum(numbers))),
  overNumbers("AVERAGE", (numbers) => (numbers.length === 0 ? error("#DIV/0!") : numberResult(sum(numbers) / numbers.length))),
  // MIN and MAX of no numbers are 0 in Excel.
  overNumbers("MIN", (numbers) => (numbers.length === 0 ? 0 : numbers.reduce((a, b) => Math.min(a, b)))),
  overNumbers("MAX", (numbers) => (numbers.length === 0 ? 0 : numbers.reduce((a, b) => Math.max(a, b)))),
  count,
  counta,
  npv,
  sumproduct,
];

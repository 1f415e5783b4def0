/** SUMIF, SUMIFS, COUNTIF and COUNTIFS: sums and counts over the cells that meet criteria (criteria.ts). */
import { MAX_COLUMNS, MAX_ROWS } from "../../../../../core/workbook/address";
import { gridOf, lift } from "../arrays";
import { type Matcher, criteriaMatcher } from "../criteria";
import type { Expr } from "../ast";
import { type Grid, type Scalar, type Value, error, isError, numberResult } from "../values";
import { define } from "./helpers";
import { ANY, type CallContext, type FunctionDefinition } from "./types";

/** Excel's SUMIF sums a range of the criteria range's shape that starts at sum_range's top-left cell. */
function resized(value: Value, shape: Grid): Value {
  if (typeof value !== "object" || value.kind !== "reference") return value;
  const { top, left } = value.rect;
  const bottom = Math.min(top + shape.length - 1, MAX_ROWS - 1);
  const right = Math.min(left + shape[0]!.length - 1, MAX_COLUMNS - 1);
  return { ...value, rect: { top, left, bottom, right } };
}

const sameShape = (a: Grid, b: Grid) => a.length === b.length && a[0]!.length === b[0]!.length;

/** Σ of the numbers in `sums` where every test matches its grid; text there is skipped, an error is the result. */
function conditionalSum(tests: readonly { grid: Grid; matches: Matcher }[], sums: Grid): Scalar {
  let total = 0;
  const [first] = tests;
  for (let r = 0; r < first!.grid.length; r++) {
    for (let c = 0; c < first!.grid[0]!.length; c++) {
      if (!tests.every((t) => t.matches(t.grid[r]![c]!))) continue;
      const value = sums[r]?.[c];
      if (isError(value)) return value;
      if (typeof value === "number") total += value;
    }
  }
  return numberResult(total);
}

function conditionalCount(tests: readonly { grid: Grid; matches: Matcher }[]): Scalar {
  let count = 0;
  const [first] = tests;
  for (let r = 0; r < first!.grid.length; r++) {
    for (let c = 0; c < first!.grid[0]!.length; c++) if (tests.every((t) => t.matches(t.grid[r]![c]!))) count++;
  }
  return count;
}

/** Reads (range, criteria) pairs; each criteria may be a range or array, giving an array of results. */
function pairs(
  args: readonly Expr[],
  context: CallContext,
  shape: Grid | undefined,
  finish: (tests: { grid: Grid; matches: Matcher }[]) => Scalar,
): Value {
  const grids: Grid[] = [];
  const criteria: Value[] = [];
  for (let i = 0; i + 1 < args.length; i += 2) {
    const grid = gridOf(context.evaluate(args[i]!), context.reader);
    if (isError(grid)) return grid;
    if (shape && !sameShape(grid, shape)) return error("#VALUE!");
    shape ??= grid;
    grids.push(grid);
    criteria.push(context.evaluate(args[i + 1]!));
  }
  return lift(criteria, context.reader, (values) =>
    finish(values.map((value, i) => ({ grid: grids[i]!, matches: criteriaMatcher(value) }))),
  );
}

const sumif = define("SUMIF", 2, 3, (args, context) => {
  const range = context.evaluate(args[0]!);
  const grid = gridOf(range, context.reader);
  if (isError(grid)) return grid;
  const sumArgument = args[2] && args[2].type !== "missing" ? resized(context.evaluate(args[2]), grid) : range;
  const sums = gridOf(sumArgument, context.reader);
  if (isError(sums)) return sums;
  const criteria = context.evaluate(args[1]!);
  return lift([criteria], context.reader, ([value]) => conditionalSum([{ grid, matches: criteriaMatcher(value!) }], sums));
});

const sumifs = define("SUMIFS", 3, ANY, (args, context) => {
  if (args.length % 2 === 0) return error("#VALUE!");
  const sums = gridOf(context.evaluate(args[0]!), context.reader);
  if (isError(sums)) return sums;
  return pairs(args.slice(1), context, sums, (tests) => conditionalSum(tests, sums));
});

const countif = define("COUNTIF", 2, 2, (args, context) => pairs(args, context, undefined, conditionalCount));

const countifs = define("COUNTIFS", 2, ANY, (args, context) => {
  if (args.length % 2 === 1) return error("#VALUE!");
  return pairs(args, context, undefined, conditionalCount);
});

export const CONDITIONAL: readonly FunctionDefinition[] = [sumif, sumifs, countif, countifs];

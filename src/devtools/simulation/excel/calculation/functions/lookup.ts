/** INDEX and MATCH. */
import { gridOf, scalarOf } from "../arrays";
import type { Expr } from "../ast";
import { wildcardPattern } from "../criteria";
import { type Scalar, type Value, arrayOf, compareValues, error, isBlank, isError, toNumber } from "../values";
import { define, eager } from "./helpers";
import type { CallContext, FunctionDefinition } from "./types";

function shapeOf(value: Value): { rows: number; columns: number } {
  if (typeof value === "object" && value.kind === "reference")
    return { rows: value.rect.bottom - value.rect.top + 1, columns: value.rect.right - value.rect.left + 1 };
  if (typeof value === "object" && value.kind === "array") return { rows: value.rows.length, columns: value.rows[0]!.length };
  return { rows: 1, columns: 1 };
}

/** A whole number from an argument; an omitted one is `omitted`. */
function position(expr: Expr | undefined, context: CallContext, omitted: number): number | Scalar {
  if (expr === undefined || expr.type === "missing") return omitted;
  const n = toNumber(scalarOf(context.evaluate(expr), context.reader));
  return isError(n) ? n : Math.trunc(n);
}

/**
 * INDEX(range, row, [column]): the cell at that position (a reference, so INDEX(…):B9 and
 * ISBLANK work), or a whole row or column for 0. A single row or column takes one number for
 * its one dimension. Outside the range: #REF!.
 */
const index = define("INDEX", 2, 3, (args, context) => {
  const source = context.evaluate(args[0]!);
  if (isError(source)) return source;
  const { rows, columns } = shapeOf(source);
  let row = position(args[1], context, 0);
  let column = position(args[2], context, rows === 1 || columns === 1 ? 1 : 0);
  if (typeof row !== "number") return row;
  if (typeof column !== "number") return column;
  if (args.length < 3 && rows === 1 && columns > 1) [row, column] = [1, row];
  if (row < 0 || column < 0) return error("#VALUE!");
  if (row > rows || column > columns) return error("#REF!");
  const top = row === 0 ? 0 : row - 1;
  const bottom = row === 0 ? rows - 1 : row - 1;
  const left = column === 0 ? 0 : column - 1;
  const right = column === 0 ? columns - 1 : column - 1;
  if (typeof source === "object" && source.kind === "reference") {
    const { rect } = source;
    return { ...source, rect: { top: rect.top + top, left: rect.left + left, bottom: rect.top + bottom, right: rect.left + right } };
  }
  if (typeof source === "object" && source.kind === "array") {
    const picked = source.rows.slice(top, bottom + 1).map((line) => line.slice(left, right + 1));
    return picked.length === 1 && picked[0]!.length === 1 ? picked[0]![0]! : arrayOf(picked);
  }
  return source;
});

function exactlyEqual(value: Scalar, lookup: Scalar): boolean {
  if (typeof lookup === "string") {
    if (typeof value !== "string") return false;
    const wildcard = wildcardPattern(lookup);
    return wildcard ? wildcard.test(value) : compareValues(value, lookup) === 0;
  }
  return typeof value === typeof lookup && compareValues(value, lookup) === 0;
}

/**
 * MATCH(value, row or column, [type]): the 1-based position. Type 0 finds the first equal value
 * (text without regard to case, with wildcards); 1 (the default) the last value not above it
 * and -1 the last not below it, in a list sorted for them. Not found: #N/A.
 */
const match = eager("MATCH", 2, 3, (values, { reader }) => {
  const lookup = scalarOf(values[0]!, reader);
  if (isError(lookup)) return lookup;
  if (isBlank(lookup)) return error("#N/A");
  const grid = gridOf(values[1]!, reader);
  if (isError(grid)) return grid;
  if (grid.length > 1 && grid[0]!.length > 1) return error("#N/A");
  const list = grid.flat();
  const typeValue = values[2] === undefined || isBlank(values[2]) ? 1 : toNumber(scalarOf(values[2], reader));
  if (isError(typeValue)) return typeValue;
  if (typeValue === 0) {
    const found = list.findIndex((value) => exactlyEqual(value, lookup));
    return found < 0 ? error("#N/A") : found + 1;
  }
  const direction = typeValue > 0 ? 1 : -1;
  let best = -1;
  for (const [i, value] of list.entries()) {
    if (typeof value !== typeof lookup || isBlank(value)) continue;
    const order = compareValues(value, lookup);
    if (isError(order)) continue;
    if (order * direction > 0) break;
    best = i;
  }
  return best < 0 ? error("#N/A") : best + 1;
});

export const LOOKUP: readonly FunctionDefinition[] = [index, match];

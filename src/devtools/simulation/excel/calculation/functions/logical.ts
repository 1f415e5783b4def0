/**
 * Conditions and tests: IF, IFERROR and IFNA evaluate only the branch they return (as Excel
 * does, so `IF(x=0,0,1/x)` never divides by zero), unless the condition is a range or array, in
 * which case they work element by element.
 */
import { isMultiple, lift, scalarOf } from "../arrays";
import type { Expr } from "../ast";
import { type Scalar, type Value, error, isBlank, isError, toBoolean } from "../values";
import { argumentValues, define, eager, elementwise } from "./helpers";
import { ANY, type CallContext, type FunctionDefinition } from "./types";

/** An omitted branch (`IF(x,,1)`) gives 0, as in Excel. */
function branch(expr: Expr | undefined, context: CallContext, omitted: Value): Value {
  if (expr === undefined) return omitted;
  return expr.type === "missing" ? 0 : context.evaluate(expr);
}

const ifFunction = define("IF", 2, 3, (args, context) => {
  const condition = context.evaluate(args[0]!);
  if (isMultiple(condition)) {
    const yes = branch(args[1], context, false);
    const no = branch(args[2], context, false);
    return lift([condition, yes, no], context.reader, ([c, y, n]) => {
      const truth = toBoolean(c!);
      return isError(truth) ? truth : truth ? y! : n!;
    });
  }
  const truth = toBoolean(scalarOf(condition, context.reader));
  if (isError(truth)) return truth;
  return truth ? branch(args[1], context, false) : branch(args[2], context, false);
});

/** IFERROR and IFNA: the value, unless it is an error (of that kind); then the alternative. */
function ifError(name: string, catches: (value: Scalar) => boolean): FunctionDefinition {
  return define(name, 2, 2, (args, context) => {
    const value = context.evaluate(args[0]!);
    if (isMultiple(value)) {
      const alternative = branch(args[1], context, 0);
      return lift([value, alternative], context.reader, ([v, a]) => (catches(v!) ? a! : v!));
    }
    const scalar = scalarOf(value, context.reader);
    return catches(scalar) ? branch(args[1], context, 0) : scalar;
  });
}

/**
 * AND and OR: TRUE, FALSE and numbers in ranges (text and empty cells skipped); values given
 * directly must read as TRUE or FALSE; no value at all is #VALUE!.
 */
function connective(name: string, combine: (truths: boolean[]) => boolean): FunctionDefinition {
  return eager(name, 1, ANY, (values, { reader }) => {
    const truths: boolean[] = [];
    for (const { value, direct } of argumentValues(values, reader)) {
      if (isError(value)) return value;
      if (isBlank(value) || (!direct && typeof value === "string")) continue;
      const truth = toBoolean(value);
      if (isError(truth)) return truth;
      truths.push(truth);
    }
    return truths.length === 0 ? error("#VALUE!") : combine(truths);
  });
}

function test(name: string, holds: (value: Scalar) => boolean): FunctionDefinition {
  return elementwise(name, 1, 1, ([value]) => holds(value!));
}

export const LOGICAL: readonly FunctionDefinition[] = [
  ifFunction,
  ifError("IFERROR", isError),
  ifError("IFNA", (value) => isError(value) && value.code === "#N/A"),
  connective("AND", (truths) => truths.every(Boolean)),
  connective("OR", (truths) => truths.some(Boolean)),
  elementwise("NOT", 1, 1, ([value]) => {
    const truth = toBoolean(value!);
    return isError(truth) ? truth : !truth;
  }),
  // TRUE() and FALSE() are functions as well as constants.
  define("TRUE", 0, 0, () => true),
  define("FALSE", 0, 0, () => false),
  define("NA", 0, 0, () => error("#N/A")),
  test("ISNUMBER", (value) => typeof value === "number"),
  test("ISTEXT", (value) => typeof value === "string"),
  test("ISLOGICAL", (value) => typeof value === "boolean"),
  test("ISERROR", isError),
  test("ISERR", (value) => isError(value) && value.code !== "#N/A"),
  test("ISNA", (value) => isError(value) && value.code === "#N/A"),
  // Only an empty cell is blank; a formula that gives "" is not.
  test("ISBLANK", isBlank),
];

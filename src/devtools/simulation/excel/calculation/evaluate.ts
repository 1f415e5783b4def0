/**
 * Evaluates an expression tree to a value. Recursion follows the tree, whose depth the parser
 * bounds (parse.ts); cells are read through the Workbook, which never recurses into other
 * formulas (session.ts computes those first).
 */
import { lift } from "./arrays";
import type { Expr } from "./ast";
import { compile } from "./formulas";
import { FUNCTIONS } from "./functions";
import { applyBinary, negate, percent } from "./operators";
import type { Workbook } from "./workbook";
import { type Value, BLANK, error, isError, isReference } from "./values";

/** Names referring to names referring to names…: past this depth the result is #NUM!. */
const MAX_NAME_DEPTH = 64;

export interface Scope {
  /** The sheet of the cell whose formula this is: where references without a sheet point. */
  readonly sheet: string;
  readonly workbook: Workbook;
  /** Defined names being evaluated, outermost first (upper-case). */
  readonly names: string[];
}

export function evaluate(expr: Expr, scope: Scope): Value {
  const { workbook } = scope;
  switch (expr.type) {
    case "number":
    case "string":
    case "boolean":
    case "array":
      return expr.value;
    case "error":
      return error(expr.code);
    case "missing":
      return BLANK;
    case "reference": {
      const sheet = workbook.sheetName(expr.sheet ?? scope.sheet);
      return sheet === undefined ? error("#REF!") : { kind: "reference", sheet, rect: expr.rect };
    }
    case "name":
      return evaluateName(expr.name, scope);
    case "negate":
      return lift([evaluate(expr.operand, scope)], workbook, ([value]) => negate(value!, expr.count));
    case "percent":
      return lift([evaluate(expr.operand, scope)], workbook, ([value]) => percent(value!));
    case "chain": {
      // Every operand is evaluated, left to right; the first error met stays the result.
      let result = evaluate(expr.first, scope);
      for (const { operator, operand } of expr.rest) {
        const right = evaluate(operand, scope);
        result = lift([result, right], workbook, ([a, b]) => applyBinary(operator, a!, b!));
      }
      return result;
    }
    case "range":
      return rangeBetween(evaluate(expr.from, scope), evaluate(expr.to, scope));
    case "call": {
      const definition = FUNCTIONS.get(expr.name);
      if (!definition) return error("#NAME?");
      return definition.call(expr.args, { evaluate: (arg) => evaluate(arg, scope), reader: workbook });
    }
  }
}

/** `from:to`, the smallest range holding both references, on one sheet. */
function rangeBetween(from: Value, to: Value): Value {
  if (isError(from)) return from;
  if (isError(to)) return to;
  if (!isReference(from) || !isReference(to) || from.sheet !== to.sheet) return error("#VALUE!");
  const a = from.rect;
  const b = to.rect;
  return {
    kind: "reference",
    sheet: from.sheet,
    rect: {
      top: Math.min(a.top, b.top),
      left: Math.min(a.left, b.left),
      bottom: Math.max(a.bottom, b.bottom),
      right: Math.max(a.right, b.right),
    },
  };
}

/**
 * A workbook-scoped defined name is its formula's value (a reference for `=Variables!$B$2`);
 * otherwise a table's name is its data body; otherwise #NAME?. A name whose formula holds #REF!
 * (its sheet or cells were deleted) is #REF!.
 */
function evaluateName(name: string, scope: Scope): Value {
  const formula = scope.workbook.definedName(name);
  if (formula === undefined) return scope.workbook.table(name) ?? error("#NAME?");
  if (/#REF!/i.test(formula)) return error("#REF!");
  const key = name.toUpperCase();
  // A name that refers to itself is a circular reference: 0, as for cells.
  if (scope.names.includes(key)) return 0;
  if (scope.names.length >= MAX_NAME_DEPTH) return error("#NUM!");
  const expr = compile(formula);
  if (!expr) return error("#NAME?");
  scope.names.push(key);
  try {
    return evaluate(expr, scope);
  } finally {
    scope.names.pop();
  }
}

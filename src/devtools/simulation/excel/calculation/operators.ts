/**
 * Excel's operators on single values. Errors propagate left to right: the left operand's error
 * (or its failed coercion) wins over the right's.
 */
import { power } from "../../../../core/formula/functions";
import { type Comparison, holds } from "../../../../core/formula/evaluate";
import { isExcelError } from "../../../../core/formula/values";
import type { BinaryOperator } from "./ast";
import { type Scalar, approxAdd, compareValues, error, isError, numberResult, toNumber, toText } from "./values";

export function applyBinary(operator: BinaryOperator, left: Scalar, right: Scalar): Scalar {
  switch (operator) {
    case "&": {
      const a = toText(left);
      if (isError(a)) return a;
      const b = toText(right);
      return isError(b) ? b : a + b;
    }
    case "=":
    case "<>":
    case "<":
    case ">":
    case "<=":
    case ">=":
      return compare(operator, left, right);
    default:
      return arithmetic(operator, left, right);
  }
}

function compare(operator: Comparison, left: Scalar, right: Scalar): Scalar {
  const order = compareValues(left, right);
  if (isError(order)) return order;
  return holds(operator, order);
}

function arithmetic(operator: "+" | "-" | "*" | "/" | "^", left: Scalar, right: Scalar): Scalar {
  const a = toNumber(left);
  if (isError(a)) return a;
  const b = toNumber(right);
  if (isError(b)) return b;
  switch (operator) {
    case "+":
      return numberResult(approxAdd(a, b));
    case "-":
      return numberResult(approxAdd(a, -b));
    case "*":
      return numberResult(a * b);
    case "/":
      return b === 0 ? error("#DIV/0!") : numberResult(a / b);
    case "^": {
      // The core's power has Excel's answers where JavaScript's differ (0^0 is #NUM!).
      const result = power(a, b);
      return isExcelError(result) ? error(result.code) : result;
    }
  }
}

/** `count` minus signs: an odd count negates; any count turns the operand into a number. */
export function negate(value: Scalar, count: number): Scalar {
  const n = toNumber(value);
  if (isError(n)) return n;
  return numberResult(count % 2 === 1 ? -n : n);
}

export function percent(value: Scalar): Scalar {
  const n = toNumber(value);
  return isError(n) ? n : numberResult(n / 100);
}

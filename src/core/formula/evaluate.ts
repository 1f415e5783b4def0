import type { BinaryOperator, Expr } from "./ast";
import { FUNCTIONS, describeArity, power } from "./functions";
import { excelError, finalSum, type FormulaValue, isExcelError, numberResult, toNumber, toText } from "./values";

/** The value of a variable or element id; undefined when the name is unknown. */
export type Resolver = (name: string) => FormulaValue | undefined;

/** Excel's longest text value; `&` beyond it gives #VALUE!. */
export const MAX_TEXT_VALUE_LENGTH = 32767;

/**
 * Computes a formula's value with Excel's meaning. Errors are values (`1/0` gives #DIV/0!),
 * never exceptions. `expr` is a whole formula, as written in a cell: its final `+` or `-` follows
 * Excel's near-zero rule (see finalSum in values.ts).
 */
export function evaluate(expr: Expr, resolve: Resolver): FormulaValue {
  if (expr.type !== "binary" || (expr.operator !== "+" && expr.operator !== "-") || expr.parenthesized === true)
    return evaluateNode(expr, resolve);
  const left = evaluateNode(expr.left, resolve);
  if (isExcelError(left)) return left;
  const right = evaluateNode(expr.right, resolve);
  const a = toNumber(left);
  if (isExcelError(a)) return a;
  const b = toNumber(right);
  if (isExcelError(b)) return b;
  return finalSum(a, expr.operator === "+" ? b : -b);
}

/**
 * A part of a formula: like evaluate, without the rule of a formula's final + or -.
 *
 * A chain of first operands (`1+1+…+1`, `----1`, `1%%%`) is walked in a loop rather than by
 * recursion: such chains are as long as the formula, while everything else a parsed formula
 * nests is bounded by Excel's 64 levels of parentheses and functions.
 */
function evaluateNode(expr: Expr, resolve: Resolver): FormulaValue {
  const pending: Expr[] = [];
  let node = expr;
  while (node.type === "binary" || node.type === "unary" || node.type === "percent") {
    pending.push(node);
    node = node.type === "binary" ? node.left : node.operand;
  }
  let value = evaluateLeaf(node, resolve);
  for (let i = pending.length - 1; i >= 0; i--) {
    const operation = pending[i]!;
    if (operation.type === "binary") {
      // The left operand's error wins; the right one need not be computed.
      if (!isExcelError(value)) value = applyBinary(operation.operator, value, evaluateNode(operation.right, resolve));
    } else if (operation.type === "percent") {
      value = arithmetic(value, (x) => numberResult(x / 100));
    } else if (operation.type === "unary" && operation.operator === "-") {
      value = arithmetic(value, (x) => numberResult(-x));
    }
    // Unary plus leaves its operand as it is in Excel, even text: =+"a" is "a".
  }
  return value;
}

function evaluateLeaf(node: Expr, resolve: Resolver): FormulaValue {
  switch (node.type) {
    case "number":
      return numberResult(node.value);
    case "string":
    case "boolean":
      return node.value;
    case "error":
      return excelError(node.code);
    case "name": {
      const value = resolve(node.name);
      if (value === undefined) return excelError("#NAME?", `unknown name ${node.name}`);
      return typeof value === "number" ? numberResult(value) : value;
    }
    case "call":
      return evaluateCall(node.name, node.args, resolve);
    default:
      // Operator nodes: only reached when called directly, and evaluateNode() walks them.
      return evaluateNode(node, resolve);
  }
}

function evaluateCall(name: string, args: readonly Expr[], resolve: Resolver): FormulaValue {
  // The parser upper-cases function names; a tree built by hand may not have.
  const definition = FUNCTIONS.get(name) ?? FUNCTIONS.get(name.toUpperCase());
  const upper = definition?.name ?? name.toUpperCase();
  if (definition === undefined) return excelError("#NAME?", `unknown function ${upper}`);
  if (args.length < definition.minArgs || args.length > definition.maxArgs) {
    return excelError("#VALUE!", `${upper} takes ${describeArity(definition)}, not ${args.length}`);
  }
  return definition.invoke((index) => {
    const arg = args[index];
    return arg === undefined ? excelError("#VALUE!", `${upper} has no argument ${index + 1}`) : evaluateNode(arg, resolve);
  }, args.length);
}

function arithmetic(value: FormulaValue, apply: (x: number) => FormulaValue): FormulaValue {
  const number = toNumber(value);
  return isExcelError(number) ? number : apply(number);
}

function applyBinary(operator: BinaryOperator, left: FormulaValue, right: FormulaValue): FormulaValue {
  switch (operator) {
    case "&":
      return concatenate(left, right);
    case "=":
    case "<>":
    case "<":
    case ">":
    case "<=":
    case ">=":
      return comparison(operator, left, right);
    default:
      return arithmeticOperator(operator, left, right);
  }
}

function arithmeticOperator(operator: "+" | "-" | "*" | "/" | "^", left: FormulaValue, right: FormulaValue): FormulaValue {
  const a = toNumber(left);
  if (isExcelError(a)) return a;
  const b = toNumber(right);
  if (isExcelError(b)) return b;
  switch (operator) {
    case "+":
      return numberResult(a + b);
    case "-":
      return numberResult(a - b);
    case "*":
      return numberResult(a * b);
    case "/":
      return b === 0 ? excelError("#DIV/0!", "division by zero") : numberResult(a / b);
    case "^":
      return power(a, b);
  }
}

function concatenate(left: FormulaValue, right: FormulaValue): FormulaValue {
  const a = toText(left);
  if (isExcelError(a)) return a;
  const b = toText(right);
  if (isExcelError(b)) return b;
  if (a.length + b.length > MAX_TEXT_VALUE_LENGTH) return excelError("#VALUE!", `text longer than ${MAX_TEXT_VALUE_LENGTH} characters`);
  return a + b;
}

function comparison(operator: Comparison, left: FormulaValue, right: FormulaValue): FormulaValue {
  if (isExcelError(left)) return left;
  if (isExcelError(right)) return right;
  return holds(operator, compareValues(left, right));
}

export type Comparison = "=" | "<>" | "<" | ">" | "<=" | ">=";

/** Whether a comparison holds, given the order of its two sides (negative, 0 or positive). */
export function holds(operator: Comparison, order: number): boolean {
  switch (operator) {
    case "=":
      return order === 0;
    case "<>":
      return order !== 0;
    case "<":
      return order < 0;
    case ">":
      return order > 0;
    case "<=":
      return order <= 0;
    case ">=":
      return order >= 0;
  }
}

/** Excel orders numbers before text before logical values, and never converts between them. */
const TYPE_RANK = { number: 0, string: 1, boolean: 2 } as const;

/**
 * -1, 0 or 1. Numbers compare at Excel's 15 significant digits (so 0.1+0.2=0.3 is TRUE);
 * text as compareTexts.
 */
export function compareValues(left: number | string | boolean, right: number | string | boolean): number {
  const rankLeft = TYPE_RANK[typeof left as keyof typeof TYPE_RANK];
  const rankRight = TYPE_RANK[typeof right as keyof typeof TYPE_RANK];
  if (rankLeft !== rankRight) return Math.sign(rankLeft - rankRight);
  if (typeof left === "number" && typeof right === "number") {
    return Math.sign(Number(left.toPrecision(15)) - Number(right.toPrecision(15)));
  }
  if (typeof left === "string" && typeof right === "string") return compareTexts(left, right);
  return Math.sign(Number(left) - Number(right));
}

/**
 * Excel orders text alphabetically, ignoring case, accents after the letter they are on ("é"<"f"
 * and "e"<"é" are TRUE, "A"="a" is TRUE, "e"="é" FALSE): the en-US collation of the Unicode
 * Collation Algorithm at accent strength. Microsoft documents this order for sorting, not for the
 * comparison operators (docs/workbook-contract.md says what is known). Options are spelled out so
 * that no browser's defaults decide.
 */
const TEXT_ORDER = new Intl.Collator("en-US", {
  usage: "sort",
  sensitivity: "accent",
  ignorePunctuation: false,
  numeric: false,
  caseFirst: "false",
});

/**
 * -1, 0 or 1. Texts the collation holds equal but that differ other than by case (a control
 * character, a differently composed accent) are told apart by their lower-case code points, so
 * that `=` is TRUE only for texts equal ignoring case.
 */
export function compareTexts(left: string, right: string): number {
  const order = TEXT_ORDER.compare(left, right);
  if (order !== 0) return Math.sign(order);
  const a = left.toLowerCase();
  const b = right.toLowerCase();
  return a < b ? -1 : a > b ? 1 : 0;
}

import type { ErrorCode } from "./values";

/** Binary operators of the language, in Excel's spelling. */
export type BinaryOperator = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

/**
 * A parsed formula. Parentheses leave no node: the tree's shape carries the grouping,
 * and the printer puts back exactly the parentheses the shape needs, plus the ones around a whole
 * `+`/`-` formula, which Excel computes differently (`parenthesized`).
 */
export type Expr =
  | { readonly type: "number"; readonly value: number }
  | { readonly type: "string"; readonly value: string }
  | { readonly type: "boolean"; readonly value: boolean }
  | { readonly type: "error"; readonly code: ErrorCode }
  /** A variable or element id, spelled as written in the formula. */
  | { readonly type: "name"; readonly name: string }
  /** A function call; `name` is upper-case (formulas are case-insensitive). */
  | { readonly type: "call"; readonly name: string; readonly args: readonly Expr[] }
  | { readonly type: "unary"; readonly operator: "-" | "+"; readonly operand: Expr }
  | { readonly type: "percent"; readonly operand: Expr }
  /**
   * `parenthesized` is set on a formula's root `+` or `-` written inside parentheses, `=(0.5-0.4-0.1)`:
   * Excel keeps those parentheses in the formula, and they change its value (see evaluate).
   */
  | {
      readonly type: "binary";
      readonly operator: BinaryOperator;
      readonly left: Expr;
      readonly right: Expr;
      readonly parenthesized?: boolean;
    };

/** A syntax problem, with the 0-based character offset in the formula text where it was found. */
export interface SyntaxProblem {
  readonly message: string;
  readonly position: number;
}

export type ParseResult = { readonly ok: true; readonly expr: Expr } | { readonly ok: false; readonly problem: SyntaxProblem };

/** The operands or arguments of a node, left to right. */
export function childrenOf(expr: Expr): readonly Expr[] {
  switch (expr.type) {
    case "call":
      return expr.args;
    case "unary":
    case "percent":
      return [expr.operand];
    case "binary":
      return [expr.left, expr.right];
    default:
      return [];
  }
}

/**
 * Visits every node in pre-order, left to right (the order names appear in the text), with an
 * explicit stack: a formula's operator chains can be thousands of nodes deep.
 */
export function walkFormula(expr: Expr, visit: (node: Expr) => void): void {
  const stack: Expr[] = [expr];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

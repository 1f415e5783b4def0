/**
 * A parsed worksheet formula. Parentheses leave no node. Chains of one precedence level
 * (`a+b-c+…`) and runs of signs (`--x`) are single nodes, so that a long formula makes a wide
 * tree, not a deep one, and evaluating it needs no deep recursion.
 */
import type { Rect } from "../addresses";
import type { ArrayValue, ErrorCode } from "./values";

export type BinaryOperator = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

export type Expr =
  | { readonly type: "number"; readonly value: number }
  | { readonly type: "string"; readonly value: string }
  | { readonly type: "boolean"; readonly value: boolean }
  | { readonly type: "error"; readonly code: ErrorCode }
  /** `{1,2;3,4}` */
  | { readonly type: "array"; readonly value: ArrayValue }
  /** `B7`, `$A$1:$C$9`, `'Value Summary'!F5`, `A:A`, `3:4`. Without a sheet: the formula's own sheet. */
  | { readonly type: "reference"; readonly sheet?: string; readonly rect: Rect }
  /** A defined name or a table name, as written. */
  | { readonly type: "name"; readonly name: string }
  /** An argument left out: the empty place in `IF(x,,1)`. */
  | { readonly type: "missing" }
  /** `count` minus signs in a row; an even count still turns the operand into a number. */
  | { readonly type: "negate"; readonly count: number; readonly operand: Expr }
  | { readonly type: "percent"; readonly operand: Expr }
  /** `first op₁ rest₁ op₂ rest₂ …`, all of one precedence level, evaluated left to right. */
  | {
      readonly type: "chain";
      readonly first: Expr;
      readonly rest: readonly { readonly operator: BinaryOperator; readonly operand: Expr }[];
    }
  /** The range operator `:` between two references: `A1:INDEX(B:B,3)`. */
  | { readonly type: "range"; readonly from: Expr; readonly to: Expr }
  /** `name` is upper-case, without Excel's `_xlfn.` file prefix. */
  | { readonly type: "call"; readonly name: string; readonly args: readonly Expr[] };

/** The operands or arguments of a node, left to right. */
export function childrenOf(expr: Expr): readonly Expr[] {
  switch (expr.type) {
    case "call":
      return expr.args;
    case "negate":
    case "percent":
      return [expr.operand];
    case "chain":
      return [expr.first, ...expr.rest.map((part) => part.operand)];
    case "range":
      return [expr.from, expr.to];
    default:
      return [];
  }
}

/** Visits every node, with an explicit stack (never recursion). */
export function walk(expr: Expr, visit: (node: Expr) => void): void {
  const stack: Expr[] = [expr];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    stack.push(...childrenOf(node));
  }
}

import { type BinaryOperator, childrenOf, type Expr } from "./ast";
import { BINARY_LEVELS } from "./parse";

// Binding strength of each kind of node, from the parser's grammar: binary levels 1..5, then
// postfix percent, then prefix signs, then everything that is self-contained.
const PERCENT = BINARY_LEVELS.length + 1;
const PREFIX = PERCENT + 1;
const ATOM = PREFIX + 1;

const LEVEL_OF = new Map<BinaryOperator, number>(
  BINARY_LEVELS.flatMap((operators, index) => operators.map((op) => [op, index + 1] as const)),
);

function bindingOf(expr: Expr): number {
  switch (expr.type) {
    case "binary":
      return LEVEL_OF.get(expr.operator) ?? 1;
    case "percent":
      return PERCENT;
    case "unary":
      return PREFIX;
    case "number":
      // The parser never makes one, but a negative literal prints with its sign and must be treated like one.
      return expr.value < 0 ? PREFIX : ATOM;
    default:
      return ATOM;
  }
}

/**
 * Writes a formula as Excel formula text, without the leading "=": English function names,
 * commas between arguments, and only the parentheses the tree's shape needs, so that parsing the
 * text gives the same tree back. `spell` says how to write each name (e.g. a defined name).
 */
export function printFormula(expr: Expr, spell: (name: string) => string = (name) => name): string {
  // Nearly every formula is a few levels deep: printed by plain recursion, which a build does for
  // thousands of formulas. A chain thousands of nodes deep is printed with an explicit stack.
  const shallow = printShallow(expr, spell, SHALLOW_DEPTH);
  return shallow ?? printDeep(expr, spell);
}

const SHALLOW_DEPTH = 200;

/** The text, or undefined as soon as the tree is deeper than `depth`. */
function printShallow(expr: Expr, spell: (name: string) => string, depth: number): string | undefined {
  if (depth === 0) return undefined;
  const children = childrenOf(expr);
  const parts: string[] = [];
  for (const child of children) {
    const text = printShallow(child, spell, depth - 1);
    if (text === undefined) return undefined;
    parts.push(text);
  }
  return render(expr, parts, spell);
}

function printDeep(expr: Expr, spell: (name: string) => string): string {
  const printed: string[] = [];
  const work: { expr: Expr; childrenDone: boolean }[] = [{ expr, childrenDone: false }];
  while (work.length > 0) {
    const item = work.pop()!;
    const children = childrenOf(item.expr);
    if (!item.childrenDone && children.length > 0) {
      work.push({ expr: item.expr, childrenDone: true });
      for (let i = children.length - 1; i >= 0; i--) work.push({ expr: children[i]!, childrenDone: false });
      continue;
    }
    const parts = printed.splice(printed.length - children.length, children.length);
    printed.push(render(item.expr, parts, spell));
  }
  return printed[0] ?? "";
}

function render(expr: Expr, parts: readonly string[], spell: (name: string) => string): string {
  const part = (index: number, needsParentheses: boolean) => {
    const text = parts[index] ?? "";
    return needsParentheses ? `(${text})` : text;
  };
  switch (expr.type) {
    case "number":
      return numberLiteral(expr.value);
    case "string":
      return `"${expr.value.replace(/"/g, '""')}"`;
    case "boolean":
      return expr.value ? "TRUE" : "FALSE";
    case "error":
      return expr.code;
    case "name":
      return spell(expr.name);
    case "call":
      return `${expr.name.toUpperCase()}(${parts.join(",")})`;
    case "unary":
      return expr.operator + part(0, bindingOf(expr.operand) < PREFIX);
    case "percent":
      return `${part(0, bindingOf(expr.operand) < PERCENT)}%`;
    case "binary": {
      const level = bindingOf(expr);
      // Left-associative: an equal level on the left reads back the same; on the right it needs parentheses.
      const text = part(0, bindingOf(expr.left) < level) + expr.operator + part(1, bindingOf(expr.right) <= level);
      // Excel computes `=(0.5-0.4-0.1)` differently from `=0.5-0.4-0.1`: the parentheses stay.
      return expr.parenthesized === true ? `(${text})` : text;
    }
  }
}

/** The shortest text that reads back as the same number, in the E notation Excel accepts (1E+21, 5E-7). */
export function numberLiteral(value: number): string {
  // Excel has no literal for these; its value for them is #NUM!.
  if (!Number.isFinite(value)) return "#NUM!";
  return String(value).replace("e", "E");
}

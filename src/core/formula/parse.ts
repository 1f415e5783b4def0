import type { BinaryOperator, Expr, ParseResult, SyntaxProblem } from "./ast";
import { shorten, type Token, tokenize } from "./tokenize";

/** Excel's limits: longer or deeper formulas are refused by Excel, so they are refused here too. */
export const MAX_FORMULA_LENGTH = 8192;
export const MAX_NESTING = 64;

/**
 * Binary operators from the loosest to the tightest binding, Excel's order; all are
 * left-associative. Unary minus and percent bind tighter still (see parsePostfix).
 */
export const BINARY_LEVELS: readonly (readonly BinaryOperator[])[] = [
  ["=", "<>", "<", ">", "<=", ">="],
  ["&"],
  ["+", "-"],
  ["*", "/"],
  ["^"],
];

/** Thrown only inside this module, to unwind to parseFormula from any depth. */
class SyntaxFailure {
  constructor(readonly problem: SyntaxProblem) {}
}

/**
 * Parses a formula of the model's language (a leading `=` is optional). Never throws: a formula
 * that cannot be read gives a problem with a message for the user and the offending position.
 */
export function parseFormula(text: string): ParseResult {
  // Checked before anything else so that a huge paste costs nothing.
  if (text.length > MAX_FORMULA_LENGTH) {
    return failure(
      `The formula is ${text.length.toLocaleString("en-US")} characters long; Excel allows at most ${MAX_FORMULA_LENGTH.toLocaleString("en-US")}.`,
      MAX_FORMULA_LENGTH,
    );
  }
  const tokenized = tokenize(text);
  if (!tokenized.ok) return { ok: false, problem: tokenized.problem };
  try {
    return { ok: true, expr: new Parser(tokenized.tokens).formula() };
  } catch (caught) {
    if (caught instanceof SyntaxFailure) return { ok: false, problem: caught.problem };
    throw caught;
  }
}

class Parser {
  private index = 0;
  /** Open parentheses and function calls around the current position. */
  private nesting = 0;
  /** The expressions that were written inside parentheses. */
  private readonly grouped = new WeakSet<Expr>();

  constructor(private readonly tokens: readonly Token[]) {}

  formula(): Expr {
    const first = this.peek();
    if (first.kind === "operator" && first.operator === "=") this.index += 1;
    if (this.peek().kind === "end") fail("The formula is empty.", 0);
    const expr = this.expression();
    const after = this.peek();
    if (after.kind !== "end") {
      if (after.kind === "close")
        fail(`Unexpected ")" at character ${after.position + 1}: there is no "(" for it to close.`, after.position);
      this.unexpectedAfterValue(after);
    }
    // Only the root's parentheses change a value (Excel's near-zero rule of a final + or -);
    // parentheses anywhere else are carried by the tree's shape.
    if (expr.type === "binary" && (expr.operator === "+" || expr.operator === "-") && this.grouped.has(expr))
      return { ...expr, parenthesized: true };
    return expr;
  }

  private expression(): Expr {
    return this.binary(0);
  }

  /** One precedence level per call; operands of the same level are gathered in a loop (left-associative). */
  private binary(level: number): Expr {
    const operators = BINARY_LEVELS[level];
    if (operators === undefined) return this.postfix();
    let left = this.binary(level + 1);
    for (;;) {
      const token = this.peek();
      if (token.kind !== "operator" || !(operators as readonly string[]).includes(token.operator)) return left;
      this.index += 1;
      const right = this.binary(level + 1);
      left = { type: "binary", operator: token.operator as BinaryOperator, left, right };
    }
  }

  /** `x%%`: percent applies to the signed operand, so `-2%` is (-2)%. */
  private postfix(): Expr {
    let operand = this.prefix();
    while (this.isOperator(this.peek(), "%")) {
      this.index += 1;
      operand = { type: "percent", operand };
    }
    return operand;
  }

  /** Signs are collected in a loop, not by recursion, so `------1` costs no stack. */
  private prefix(): Expr {
    const signs: ("-" | "+")[] = [];
    for (;;) {
      const token = this.peek();
      if (token.kind === "operator" && (token.operator === "-" || token.operator === "+")) {
        signs.push(token.operator);
        this.index += 1;
      } else break;
    }
    let operand = this.primary();
    for (let i = signs.length - 1; i >= 0; i--) operand = { type: "unary", operator: signs[i]!, operand };
    return operand;
  }

  private primary(): Expr {
    const token = this.next();
    switch (token.kind) {
      case "number":
        return { type: "number", value: token.value };
      case "string":
        return { type: "string", value: token.value };
      case "error":
        return { type: "error", code: token.code };
      case "name": {
        if (this.peek().kind === "open") return this.call(token);
        const upper = token.text.toUpperCase();
        if (upper === "TRUE" || upper === "FALSE") return { type: "boolean", value: upper === "TRUE" };
        return { type: "name", name: token.text };
      }
      case "open": {
        this.enter(token);
        const inner = this.expression();
        this.expectClose();
        this.nesting -= 1;
        this.grouped.add(inner);
        return inner;
      }
      default:
        return this.unexpectedInsteadOfValue(token);
    }
  }

  private call(nameToken: Token): Expr {
    const open = this.next();
    this.enter(open);
    const name = nameToken.text.toUpperCase();
    const args: Expr[] = [];
    if (this.peek().kind === "close") {
      this.index += 1;
    } else {
      for (;;) {
        const start = this.peek();
        if (start.kind === "comma" || start.kind === "close") {
          fail(`An argument of ${name} is missing at character ${start.position + 1}.`, start.position);
        }
        args.push(this.expression());
        const after = this.peek();
        if (after.kind === "comma" || after.kind === "close") {
          this.index += 1;
          if (after.kind === "close") break;
        } else this.expectClose(); // reports what is wrong
      }
    }
    this.nesting -= 1;
    return { type: "call", name, args };
  }

  /** Counts nesting before descending, so a formula of thousands of "(" fails fast instead of overflowing the stack. */
  private enter(open: Token): void {
    this.nesting += 1;
    if (this.nesting > MAX_NESTING) {
      fail(
        `The formula nests parentheses and functions more than ${MAX_NESTING} levels deep (Excel's limit); the ${MAX_NESTING + 1}th level opens at character ${open.position + 1}.`,
        open.position,
      );
    }
  }

  private expectClose(): void {
    const token = this.next();
    if (token.kind === "close") return;
    if (token.kind === "end") fail('Missing closing parenthesis ")" at the end of the formula.', token.position);
    this.unexpectedAfterValue(token);
  }

  /** A complete value was read and what follows cannot continue it. */
  private unexpectedAfterValue(token: Token): never {
    const at = token.position + 1;
    if (token.kind === "comma") {
      fail(`Unexpected "," at character ${at}: commas only separate the arguments of a function.`, token.position);
    }
    fail(`Unexpected ${describe(token)} at character ${at}. An operator such as + or * is missing before it.`, token.position);
  }

  /** A value (number, text, name, function or parenthesis) should start here. */
  private unexpectedInsteadOfValue(token: Token): never {
    if (token.kind === "end") {
      const previous = this.tokens[this.index - 2];
      const after = previous === undefined ? "" : ` after ${describe(previous)}`;
      fail(`Missing a value${after} at the end of the formula.`, token.position);
    }
    fail(`Unexpected ${describe(token)} at character ${token.position + 1}. A number, a name or "(" should come here.`, token.position);
  }

  private isOperator(token: Token, operator: string): boolean {
    return token.kind === "operator" && token.operator === operator;
  }

  private peek(): Token {
    // The token list always ends with `end`, and the parser never moves past it.
    return this.tokens[Math.min(this.index, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== "end") this.index += 1;
    else this.index = this.tokens.length;
    return token;
  }
}

function describe(token: Token): string {
  return token.kind === "string" ? `text ${shorten(token.text)}` : `"${shorten(token.text)}"`;
}

function fail(message: string, position: number): never {
  throw new SyntaxFailure({ message, position });
}

function failure(message: string, position: number): ParseResult {
  return { ok: false, problem: { message, position } };
}

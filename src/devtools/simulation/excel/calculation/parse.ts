/**
 * Parses worksheet formula text into an expression tree, with Excel's precedence:
 * `:` (range), then sign, `%`, `^`, `* /`, `+ -`, `&`, comparisons; binary operators are
 * left-associative, so `2^3^2` is 64 and `-2^2` is 4.
 *
 * The parser is a loop over explicit stacks (operator precedence, "shunting yard"), not a
 * recursive descent: thousands of nested parentheses cost no call stack. The tree it builds is
 * kept shallow (see ast.ts), and a tree deeper than MAX_DEPTH is refused, which bounds the
 * evaluator's recursion.
 */
import { type BinaryOperator, type Expr, childrenOf } from "./ast";
import { type Token, tokenize } from "./tokenize";

/**
 * Nested functions and parentheses that build a deeper tree than this are refused. Excel itself
 * stops at 64 nested functions; evaluating costs some eight stack frames per level, so 256
 * levels stay far inside the smallest call stack of a browser or Node.
 */
export const MAX_DEPTH = 256;

type Operator = BinaryOperator | "negate" | "percent" | ":";

/** Binding strength; higher binds tighter. */
const PRECEDENCE: Record<Operator, number> = {
  "=": 1,
  "<>": 1,
  "<": 1,
  ">": 1,
  "<=": 1,
  ">=": 1,
  "&": 2,
  "+": 3,
  "-": 3,
  "*": 4,
  "/": 4,
  "^": 5,
  percent: 6,
  negate: 7,
  ":": 8,
};

/** An open parenthesis or function call waiting for its `)`. */
interface Group {
  readonly kind: "group";
  /** Undefined for plain parentheses. */
  readonly call?: string;
  /** Operands on the output stack when the group opened: what lies above them are its arguments. */
  readonly base: number;
}

type Pending = { readonly kind: "operator"; readonly operator: Operator } | Group;

/** Thrown only inside this module, to give up from anywhere in the loop. */
class Unparsable {}

/** Undefined when the text is no formula Excel would accept. Never throws. */
export function parse(text: string): Expr | undefined {
  const body = text.startsWith("=") ? text.slice(1) : text;
  const tokens = tokenize(body);
  if (!tokens || tokens.length === 0) return undefined;
  try {
    return new Parser().run(tokens);
  } catch (caught) {
    if (caught instanceof Unparsable) return undefined;
    throw caught;
  }
}

class Parser {
  private readonly output: Expr[] = [];
  private readonly depths = new WeakMap<Expr, number>();
  private readonly pending: Pending[] = [];
  /** True where a value must come next (start, after an operator, "(" or ","). */
  private expectingValue = true;

  run(tokens: readonly Token[]): Expr {
    for (const token of tokens) {
      if (this.expectingValue) this.beforeValue(token);
      else this.afterValue(token);
    }
    if (this.expectingValue) fail();
    this.reduceWhile(() => true);
    if (this.pending.length > 0 || this.output.length !== 1) fail();
    return this.output[0]!;
  }

  /** Where an operand is expected: a value, a sign, "(", a function, or an empty argument. */
  private beforeValue(token: Token): void {
    switch (token.kind) {
      case "number":
      case "string":
      case "boolean":
      case "array":
        this.push({ type: token.kind, value: token.value } as Expr);
        this.expectingValue = false;
        return;
      case "error":
        this.push({ type: "error", code: token.code });
        this.expectingValue = false;
        return;
      case "reference":
        this.push({ type: "reference", rect: token.rect, ...(token.sheet === undefined ? {} : { sheet: token.sheet }) });
        this.expectingValue = false;
        return;
      case "name":
        this.push({ type: "name", name: token.name });
        this.expectingValue = false;
        return;
      case "operator":
        // Prefix signs. Excel ignores a prefix "+" altogether.
        if (token.operator === "-") this.pending.push({ kind: "operator", operator: "negate" });
        else if (token.operator !== "+") fail();
        return;
      case "open":
        this.pending.push({ kind: "group", base: this.output.length });
        return;
      case "function":
        this.pending.push({ kind: "group", call: token.name, base: this.output.length });
        return;
      case "comma":
        // An empty argument: `IF(x,,1)`.
        this.openCall();
        this.push({ type: "missing" });
        this.afterValue(token);
        return;
      case "close": {
        const group = this.pending[this.pending.length - 1];
        if (group?.kind !== "group" || group.call === undefined) fail();
        // `F()` has no arguments; `F(x,)` ends with an empty one.
        if (this.output.length > group.base) this.push({ type: "missing" });
        this.closeGroup();
        return;
      }
    }
  }

  /** After a complete operand: an operator, `%`, `,` or `)`. */
  private afterValue(token: Token): void {
    switch (token.kind) {
      case "operator": {
        if (token.operator === "%") {
          this.reduceWhile((op) => PRECEDENCE[op] > PRECEDENCE.percent);
          this.applyUnary("percent");
          return;
        }
        const precedence = PRECEDENCE[token.operator];
        // Left-associative: pop what binds at least as tightly.
        this.reduceWhile((op) => PRECEDENCE[op] >= precedence);
        this.pending.push({ kind: "operator", operator: token.operator });
        this.expectingValue = true;
        return;
      }
      case "comma":
        this.reduceWhile(() => true);
        this.openCall();
        this.expectingValue = true;
        return;
      case "close":
        this.reduceWhile(() => true);
        this.closeGroup();
        return;
      default:
        // Two values in a row: Excel's intersection operator (a space) is not supported.
        fail();
    }
  }

  /** The group on top must be a function call (a "," outside one is Excel's union operator, not supported). */
  private openCall(): void {
    const group = this.pending[this.pending.length - 1];
    if (group?.kind !== "group" || group.call === undefined) fail();
  }

  private closeGroup(): void {
    const group = this.pending.pop();
    if (group?.kind !== "group") fail();
    const args = this.output.splice(group.base);
    if (group.call === undefined) {
      if (args.length !== 1) fail();
      this.output.push(args[0]!);
    } else {
      this.push({ type: "call", name: group.call, args });
    }
    this.expectingValue = false;
  }

  /** Applies pending operators (never past an open group) while `pops` says so. */
  private reduceWhile(pops: (operator: Operator) => boolean): void {
    for (;;) {
      const top = this.pending[this.pending.length - 1];
      if (top?.kind !== "operator" || !pops(top.operator)) return;
      this.pending.pop();
      if (top.operator === "negate" || top.operator === "percent") this.applyUnary(top.operator);
      else this.applyBinary(top.operator);
    }
  }

  private applyUnary(operator: "negate" | "percent"): void {
    const operand = this.pop();
    if (operator === "percent") this.push({ type: "percent", operand });
    // Runs of signs fold into one node: `------1` is one node, not six.
    else if (operand.type === "negate") this.push({ type: "negate", count: operand.count + 1, operand: operand.operand });
    else this.push({ type: "negate", count: 1, operand });
  }

  private applyBinary(operator: BinaryOperator | ":"): void {
    const right = this.pop();
    const left = this.pop();
    if (operator === ":") {
      this.push({ type: "range", from: left, to: right });
      return;
    }
    // `a+b+c` extends one chain node. `(a+b)+c` may too: left to right, it means the same.
    // The chain was built here and is referenced nowhere else, so it is extended in place.
    if (left.type === "chain" && PRECEDENCE[left.rest[0]!.operator] === PRECEDENCE[operator]) {
      (left.rest as { operator: BinaryOperator; operand: Expr }[]).push({ operator, operand: right });
      this.push(left, Math.max(this.depthOf(left), this.depthOf(right) + 1));
      return;
    }
    this.push({ type: "chain", first: left, rest: [{ operator, operand: right }] });
  }

  private pop(): Expr {
    const expr = this.output.pop();
    if (expr === undefined) fail();
    return expr;
  }

  private depthOf(expr: Expr): number {
    return this.depths.get(expr) ?? 1;
  }

  /** Adds a node, refusing trees deeper than MAX_DEPTH; `depth` defaults to one more than its deepest operand. */
  private push(expr: Expr, depth = 1 + Math.max(0, ...childrenOf(expr).map((child) => this.depthOf(child)))): void {
    if (depth > MAX_DEPTH) fail();
    this.depths.set(expr, depth);
    this.output.push(expr);
  }
}

function fail(): never {
  throw new Unparsable();
}

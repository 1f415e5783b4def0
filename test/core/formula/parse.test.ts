import type { Expr } from "../../../src/core/formula/ast";
import { parseFormula } from "../../../src/core/formula";

const num = (value: number): Expr => ({ type: "number", value });
const name = (text: string): Expr => ({ type: "name", name: text });
const neg = (operand: Expr): Expr => ({ type: "unary", operator: "-", operand });
const pct = (operand: Expr): Expr => ({ type: "percent", operand });
const bin = (operator: Extract<Expr, { type: "binary" }>["operator"], left: Expr, right: Expr): Expr => ({
  type: "binary",
  operator,
  left,
  right,
});
const call = (fn: string, ...args: Expr[]): Expr => ({ type: "call", name: fn, args });

function tree(text: string): Expr {
  const result = parseFormula(text);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${result.problem.message}`);
  return result.expr;
}

function problem(text: string) {
  const result = parseFormula(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} not to parse`);
  return result.problem;
}

describe("parseFormula: literals", () => {
  it.each([
    ["1.5", 1.5],
    [".5", 0.5],
    ["2e3", 2000],
    ["1E-3", 0.001],
    ["2E+2", 200],
    ["1.", 1],
    ["007", 7],
  ])("reads the number %s", (text, value) => {
    expect(tree(text)).toEqual(num(value));
  });

  it("reads 15% as percent of 15", () => {
    expect(tree("15%")).toEqual(pct(num(15)));
  });

  it("reads strings with doubled quotes", () => {
    expect(tree('"a ""quoted"" word"')).toEqual({ type: "string", value: 'a "quoted" word' });
    expect(tree('""')).toEqual({ type: "string", value: "" });
    expect(tree('""""')).toEqual({ type: "string", value: '"' });
  });

  it("reads TRUE and FALSE in any case", () => {
    expect(tree("TRUE")).toEqual({ type: "boolean", value: true });
    expect(tree("false")).toEqual({ type: "boolean", value: false });
    expect(tree("True")).toEqual({ type: "boolean", value: true });
  });

  it("reads every error literal, in any case", () => {
    for (const code of ["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"]) {
      expect(tree(code)).toEqual({ type: "error", code });
      expect(tree(code.toLowerCase())).toEqual({ type: "error", code });
    }
  });

  it("keeps names as written, including dots, digits, underscores, backslash and non-ASCII letters", () => {
    for (const text of ["Miles", "cost_per_leak", "_x", "\\path", "rate.2024", "A1", "Größe", "Tiempo_año", "日本"]) {
      expect(tree(text)).toEqual(name(text));
    }
  });

  it("stores function names upper-case and accepts whitespace and a leading =", () => {
    expect(tree("  sum( 1 , 2 )")).toEqual(call("SUM", num(1), num(2)));
    expect(tree("=Sum(1)")).toEqual(call("SUM", num(1)));
    expect(tree(" = max (1)\n")).toEqual(call("MAX", num(1)));
    expect(tree("PI()")).toEqual(call("PI"));
    expect(tree("true()")).toEqual(call("TRUE"));
  });
});

describe("parseFormula: precedence and associativity (Excel's)", () => {
  it("binds negation tighter than ^: -2^2 is (-2)^2", () => {
    expect(tree("-2^2")).toEqual(bin("^", neg(num(2)), num(2)));
  });

  it("lets the exponent be signed: 2^-1", () => {
    expect(tree("2^-1")).toEqual(bin("^", num(2), neg(num(1))));
  });

  it("makes ^ left-associative: 2^3^2 is (2^3)^2", () => {
    expect(tree("2^3^2")).toEqual(bin("^", bin("^", num(2), num(3)), num(2)));
  });

  it("applies percent to the signed number: -2% is (-2)%", () => {
    expect(tree("-2%")).toEqual(pct(neg(num(2))));
    expect(tree("2%%")).toEqual(pct(pct(num(2))));
  });

  it("binds percent tighter than ^ and *", () => {
    expect(tree("10%*3")).toEqual(bin("*", pct(num(10)), num(3)));
    expect(tree("2^50%")).toEqual(bin("^", num(2), pct(num(50))));
  });

  it("orders * over +, + over &, & over comparisons", () => {
    expect(tree("1+2*3")).toEqual(bin("+", num(1), bin("*", num(2), num(3))));
    expect(tree('1+2&"x"')).toEqual(bin("&", bin("+", num(1), num(2)), { type: "string", value: "x" }));
    expect(tree('"a"&"b"="ab"')).toEqual(
      bin("=", bin("&", { type: "string", value: "a" }, { type: "string", value: "b" }), { type: "string", value: "ab" }),
    );
  });

  it("makes - and / left-associative", () => {
    expect(tree("8-4-2")).toEqual(bin("-", bin("-", num(8), num(4)), num(2)));
    expect(tree("8/4/2")).toEqual(bin("/", bin("/", num(8), num(4)), num(2)));
    expect(tree("1<2=TRUE")).toEqual(bin("=", bin("<", num(1), num(2)), { type: "boolean", value: true }));
  });

  it("reads every comparison operator", () => {
    for (const op of ["=", "<>", "<", ">", "<=", ">="] as const) expect(tree(`a${op}b`)).toEqual(bin(op, name("a"), name("b")));
  });

  it("leaves no node for parentheses", () => {
    expect(tree("((a))")).toEqual(name("a"));
    expect(tree("a-(b-c)")).toEqual(bin("-", name("a"), bin("-", name("b"), name("c"))));
  });

  it("reads stacked signs", () => {
    expect(tree("--1")).toEqual(neg(neg(num(1))));
    expect(tree("+-1")).toEqual({ type: "unary", operator: "+", operand: neg(num(1)) });
    expect(tree("1--1")).toEqual(bin("-", num(1), neg(num(1))));
  });

  it("reads nested function calls", () => {
    expect(tree("ROUND(MAX(1,2.345)*2,1)")).toEqual(call("ROUND", bin("*", call("MAX", num(1), num(2.345)), num(2)), num(1)));
  });
});

describe("parseFormula: problems, with the 0-based position of the culprit", () => {
  it.each([
    ["", "The formula is empty.", 0],
    ["=", "The formula is empty.", 0],
    ["   ", "The formula is empty.", 0],
    ["SUM(1,2", 'Missing closing parenthesis ")" at the end of the formula.', 7],
    ["(1+2", 'Missing closing parenthesis ")" at the end of the formula.', 4],
    ["1+", 'Missing a value after "+" at the end of the formula.', 2],
    ["1 2", 'Unexpected "2" at character 3. An operator such as + or * is missing before it.', 2],
    ["1+2+*3", 'Unexpected "*" at character 5. A number, a name or "(" should come here.', 4],
    ["1+{2}", 'The character "{" at character 3 is not allowed in a formula.', 2],
    ['"abc', 'The text in quotes starting at character 1 has no closing quote (").', 0],
    ['1&"ab""', 'The text in quotes starting at character 3 has no closing quote (").', 2],
    ["(1))", 'Unexpected ")" at character 4: there is no "(" for it to close.', 3],
    ["1,2", 'Unexpected "," at character 2: commas only separate the arguments of a function.', 1],
    ["(1,2)", 'Unexpected "," at character 3: commas only separate the arguments of a function.', 2],
    ["SUM(1,,2)", "An argument of SUM is missing at character 7.", 6],
    ["SUM(,1)", "An argument of SUM is missing at character 5.", 4],
    ["SUM(1 2)", 'Unexpected "2" at character 7. An operator such as + or * is missing before it.', 6],
    ["==1", 'Unexpected "=" at character 2. A number, a name or "(" should come here.', 1],
    ["#FOO", "Unknown error value at character 1. The error values are #DIV/0!, #N/A, #NAME?, #NULL!, #NUM!, #REF! and #VALUE!.", 0],
    ["2e", 'The number at character 1 has an "e" with no exponent digits after it, as in 2E3.', 0],
    ["1e999", "The number 1e999 at character 1 is too large for Excel.", 0],
    [
      "A1:B2",
      'The character ":" at character 3 is not allowed: formulas here use names of variables and elements, not cell references.',
      2,
    ],
    ["1\u00a0+2", "There is an unusual space character (U+00A0) at character 2; use an ordinary space.", 1],
    ['"x" "y"', 'Unexpected text "y" at character 5. An operator such as + or * is missing before it.', 4],
    ["a b", 'Unexpected "b" at character 3. An operator such as + or * is missing before it.', 2],
    [")", 'Unexpected ")" at character 1. A number, a name or "(" should come here.', 0],
    ["SUM(1;2)", 'The character ";" at character 6 is not allowed; separate the arguments of a function with ",".', 5],
  ])("%j", (text, message, position) => {
    expect(problem(text)).toEqual({ message, position });
  });

  it("refuses text constants longer than Excel's 255 characters", () => {
    expect(parseFormula(`"${"x".repeat(255)}"`).ok).toBe(true);
    expect(problem(`"${"x".repeat(256)}"`)).toEqual({
      message: "The text in quotes starting at character 1 is 256 characters long; Excel allows at most 255 in a formula.",
      position: 0,
    });
  });
});

describe("parseFormula: Excel's limits", () => {
  const nested = (depth: number) => `${"(".repeat(depth)}1${")".repeat(depth)}`;

  it("accepts 64 levels of nesting and refuses 65, pointing at the 65th opening", () => {
    expect(tree(nested(64))).toEqual(num(1));
    expect(problem(nested(65))).toEqual({
      message:
        "The formula nests parentheses and functions more than 64 levels deep (Excel's limit); the 65th level opens at character 65.",
      position: 64,
    });
    const calls = `${"ABS(".repeat(65)}1${")".repeat(65)}`;
    expect(problem(calls).position).toBe(4 * 64 + 3);
  });

  it("counts parentheses and function calls together", () => {
    expect(parseFormula(`${"ABS((".repeat(32)}1${"))".repeat(32)}`).ok).toBe(true);
    expect(parseFormula(`(${"ABS((".repeat(32)}1${"))".repeat(32)})`).ok).toBe(false);
  });

  it("refuses a 4,000-deep formula (under the length limit) quickly, without overflowing the stack", () => {
    const started = Date.now();
    const result = parseFormula(nested(4000));
    expect(result.ok ? "" : result.problem.message).toMatch(/more than 64 levels deep/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("refuses a 10,000-deep formula quickly", () => {
    const started = Date.now();
    expect(() => parseFormula(nested(10_000))).not.toThrow();
    expect(parseFormula(nested(10_000)).ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("accepts 8,192 characters and refuses 8,193 or a 100,000-character formula", () => {
    const atLimit = `1${"+1".repeat(4095)}0`;
    expect(atLimit.length).toBe(8192);
    expect(parseFormula(atLimit).ok).toBe(true);
    expect(problem(`${atLimit} `)).toEqual({
      message: "The formula is 8,193 characters long; Excel allows at most 8,192.",
      position: 8192,
    });
    const started = Date.now();
    expect(problem("1+".repeat(50_000)).message).toBe("The formula is 100,000 characters long; Excel allows at most 8,192.");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("quotes a long token shortened, so that the message stays a sentence", () => {
    const long = "x".repeat(5000);
    expect(problem(`Miles ${long}`).message).toBe(
      `Unexpected "${"x".repeat(60)}…" at character 7. An operator such as + or * is missing before it.`,
    );
    expect(problem(`${"9".repeat(400)}`).message).toBe(`The number ${"9".repeat(60)}… at character 1 is too large for Excel.`);
  });

  it("reads long chains of signs and operators without recursion per link", () => {
    const signs = parseFormula(`${"-".repeat(8000)}1`);
    expect(signs.ok).toBe(true);
    const percents = parseFormula(`1${"%".repeat(8000)}`);
    expect(percents.ok).toBe(true);
  });
});

import type { Expr } from "../../../src/core/formula/ast";
import { parseFormula, printFormula } from "../../../src/core/formula";

const num = (value: number): Expr => ({ type: "number", value });
const name = (text: string): Expr => ({ type: "name", name: text });
const neg = (operand: Expr): Expr => ({ type: "unary", operator: "-", operand });
const plus = (operand: Expr): Expr => ({ type: "unary", operator: "+", operand });
const pct = (operand: Expr): Expr => ({ type: "percent", operand });
const bin = (operator: Extract<Expr, { type: "binary" }>["operator"], left: Expr, right: Expr): Expr => ({
  type: "binary",
  operator,
  left,
  right,
});
const call = (fn: string, ...args: Expr[]): Expr => ({ type: "call", name: fn, args });
const [a, b, c] = [name("a"), name("b"), name("c")];

describe("printFormula: only the parentheses the tree needs", () => {
  it.each<[string, Expr, string]>([
    ["negation of a power", neg(bin("^", num(2), num(2))), "-(2^2)"],
    ["power of a negation", bin("^", neg(num(2)), num(2)), "-2^2"],
    ["signed exponent", bin("^", num(2), neg(num(1))), "2^-1"],
    ["left-nested power", bin("^", bin("^", num(2), num(3)), num(2)), "2^3^2"],
    ["right-nested power", bin("^", num(2), bin("^", num(3), num(2))), "2^(3^2)"],
    ["right-nested subtraction", bin("-", a, bin("-", b, c)), "a-(b-c)"],
    ["left-nested subtraction", bin("-", bin("-", a, b), c), "a-b-c"],
    ["right-nested addition", bin("+", a, bin("+", b, c)), "a+(b+c)"],
    ["product in a sum", bin("+", a, bin("*", b, c)), "a+b*c"],
    ["sum in a product", bin("*", bin("+", a, b), c), "(a+b)*c"],
    ["negated percent", neg(pct(name("x"))), "-(x%)"],
    ["percent of a negation", pct(neg(name("x"))), "-x%"],
    ["percent of a power", pct(bin("^", num(2), num(3))), "(2^3)%"],
    ["power of a percent", bin("^", pct(num(2)), num(3)), "2%^3"],
    ["percent exponent", bin("^", num(2), pct(num(50))), "2^50%"],
    ["double percent", pct(pct(num(2))), "2%%"],
    ["double negation", neg(neg(num(1))), "--1"],
    ["negative operand", bin("-", num(1), neg(num(1))), "1--1"],
    ["unary plus", plus(neg(a)), "+-a"],
    ["negated sum", neg(bin("+", a, b)), "-(a+b)"],
    ["chained comparisons", bin("=", bin("<", a, b), c), "a<b=c"],
    ["right comparison", bin("<>", a, bin(">=", b, c)), "a<>(b>=c)"],
    ["concatenation of sums", bin("&", bin("+", a, b), bin("-", b, c)), "a+b&b-c"],
    ["sum of concatenations", bin("+", bin("&", a, b), c), "(a&b)+c"],
    ["comparison inside a call", call("IF", bin(">", a, num(0)), a, num(0)), "IF(a>0,a,0)"],
    ["call without arguments", call("TRUE"), "TRUE()"],
    ["nested calls", call("ROUND", bin("*", call("MAX", num(1), num(2.345)), num(2)), num(1)), "ROUND(MAX(1,2.345)*2,1)"],
  ])("%s: %s", (_, expr, text) => {
    expect(printFormula(expr)).toBe(text);
    const parsed = parseFormula(text);
    expect(parsed.ok && parsed.expr).toEqual(expr);
  });
});

describe("printFormula: literals", () => {
  it.each<[Expr, string]>([
    [num(0), "0"],
    [num(1.5), "1.5"],
    [num(0.5), "0.5"],
    [num(1e21), "1E+21"],
    [num(5e-7), "5E-7"],
    [num(123456789012345680000), "123456789012345680000"],
    [num(0.1 + 0.2), "0.30000000000000004"],
    [{ type: "string", value: 'a "quoted" word' }, '"a ""quoted"" word"'],
    [{ type: "string", value: "" }, '""'],
    [{ type: "boolean", value: true }, "TRUE"],
    [{ type: "boolean", value: false }, "FALSE"],
    [{ type: "error", code: "#N/A" }, "#N/A"],
    [{ type: "error", code: "#DIV/0!" }, "#DIV/0!"],
  ])("%j prints as %s", (expr, text) => {
    expect(printFormula(expr)).toBe(text);
  });

  it("upper-cases function names", () => {
    expect(printFormula(call("sum", num(1)))).toBe("SUM(1)");
  });

  it("keeps a negative literal (which the parser never makes) meaning the same", () => {
    expect(printFormula(bin("^", num(-2), num(2)))).toBe("-2^2");
    expect(printFormula(neg(num(-2)))).toBe("--2");
  });
});

describe("printFormula: spelling names", () => {
  it("writes each name as spell says and keeps names as written by default", () => {
    const parsed = parseFormula("miles * Rate + SUM(miles, Other)");
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(printFormula(parsed.expr)).toBe("miles*Rate+SUM(miles,Other)");
    const spelled = printFormula(parsed.expr, (n) => `CVM_${n.toLowerCase()}`);
    expect(spelled).toBe("CVM_miles*CVM_rate+SUM(CVM_miles,CVM_other)");
  });
});

describe("printFormula: long chains", () => {
  it("prints 8,000 stacked signs and a 4,000-term sum without overflowing the stack", () => {
    for (const text of [`${"-".repeat(8000)}1`, `1${"+1".repeat(4000)}`, `1${"%".repeat(8000)}`]) {
      const parsed = parseFormula(text);
      if (!parsed.ok) throw new Error(parsed.problem.message);
      expect(printFormula(parsed.expr)).toBe(text);
    }
  });
});

describe("printFormula on chains of any depth", () => {
  it.each([10, 199, 200, 201, 1500])("a chain %p operations long prints back to its own text", (length) => {
    // Mixed operators and a percent at the end of every tenth term, so that parentheses matter.
    const text = [
      "a",
      ...Array.from({ length }, (_, i) => (i % 3 === 0 ? `-b` : i % 3 === 1 ? `*c` : `+${i}${i % 10 === 0 ? "%" : ""}`)),
    ].join("");
    const parsed = parseFormula(text);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(printFormula(parsed.expr)).toBe(text);
    expect(printFormula(parsed.expr, (n) => n.toUpperCase())).toBe(text.replace(/[abc]/g, (n) => n.toUpperCase()));
  });
});

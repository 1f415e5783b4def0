import fc from "fast-check";
import type { BinaryOperator, Expr } from "../../../src/core/formula/ast";
import { ERROR_CODES, evaluate, type FormulaValue, parseFormula, printFormula } from "../../../src/core/formula";
import { readDecimal } from "../../../src/core/formula/values";

const BINARY_OPERATORS: readonly BinaryOperator[] = ["+", "-", "*", "/", "^", "&", "=", "<>", "<", ">", "<=", ">="];

/** Valid names that cannot be read as anything else (not TRUE or FALSE). */
const nameText = fc
  .oneof(
    fc.stringMatching(/^[A-Za-z_\\][A-Za-z0-9_.]{0,7}$/),
    fc.constantFrom("Größe", "año_2", "日本", "Ωmega.x", "_", "A1", "R1C1", "e3"),
  )
  .filter((text) => !["TRUE", "FALSE"].includes(text.toUpperCase()));

const functionName = fc.oneof(
  fc.constantFrom("SUM", "IF", "ROUND", "MAX", "IFERROR", "AND", "TRUE"),
  fc.stringMatching(/^[A-Z][A-Z0-9.]{0,5}$/),
);

const literal: fc.Arbitrary<Expr> = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }).map((value): Expr => ({ type: "number", value })),
  fc
    .double({ min: 0, noNaN: true, noDefaultInfinity: true })
    .filter((value) => !Object.is(value, -0))
    // A number in a formula has at most Excel's 15 significant digits (the parser keeps no more).
    .map((value): Expr => ({ type: "number", value: readDecimal(String(value)) })),
  fc.string({ maxLength: 12 }).map((value): Expr => ({ type: "string", value })),
  fc.boolean().map((value): Expr => ({ type: "boolean", value })),
  fc.constantFrom(...ERROR_CODES).map((code): Expr => ({ type: "error", code })),
  nameText.map((name): Expr => ({ type: "name", name })),
);

/** Random trees, including the shapes that need parentheses: unary under ^, percent, right-nested same-level operators. */
const { expr: exprTree } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    literal,
    fc.record({ type: fc.constant("unary" as const), operator: fc.constantFrom("-" as const, "+" as const), operand: tie("expr") }),
    fc.record({ type: fc.constant("percent" as const), operand: tie("expr") }),
    fc.record({
      type: fc.constant("binary" as const),
      operator: fc.constantFrom(...BINARY_OPERATORS),
      left: tie("expr"),
      right: tie("expr"),
    }),
    fc.record({ type: fc.constant("call" as const), name: functionName, args: fc.array(tie("expr"), { maxLength: 3 }) }),
  ),
}));

/** Pieces of the language, so that random text often comes close to a formula. */
const piece = fc.constantFrom(
  "1",
  "2.5",
  ".5",
  "1e3",
  "E",
  "e",
  "%",
  "+",
  "-",
  "*",
  "/",
  "^",
  "&",
  "=",
  "<",
  ">",
  "<>",
  "<=",
  ">=",
  "(",
  ")",
  ",",
  " ",
  "\t",
  '"',
  '""',
  '"x"',
  "#",
  "#N/A",
  "#DIV/0!",
  "#name?",
  "SUM",
  "if",
  "ROUND",
  "IFERROR",
  "a",
  "Miles",
  "TRUE",
  "false",
  "x.y",
  "_",
  "\\",
  "{",
  "}",
  "$",
  ":",
  "!",
  "ü",
  "日",
  "\u00a0",
  "\u0000",
  "\ud800",
);
const formulaLike = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(""));

/** Well-formed formula text with random spacing and letter case, as people type it. */
const space = fc.constantFrom("", "", " ", "  ", "\n");
const atomText = fc.constantFrom(
  "1",
  "0",
  ".5",
  "2E-3",
  "1e3",
  "15",
  "3.25",
  '"a""b"',
  '""',
  "true",
  "FALSE",
  "#n/a",
  "#DIV/0!",
  "Miles",
  "rate",
  "x.y",
  "_a",
  "Größe",
);
const callName = fc.constantFrom("sum", "Max", "IF", "round", "IfError", "and", "not", "abs", "FROB");
const binaryText = fc.constantFrom(...BINARY_OPERATORS);
const { formula: typedFormula } = fc.letrec<{ formula: string; operand: string }>((tie) => ({
  operand: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    atomText,
    fc.tuple(fc.constantFrom("-", "+"), space, tie("operand")).map((parts) => parts.join("")),
    fc.tuple(tie("operand"), space).map(([operand, gap]) => `${operand}${gap}%`),
    fc.tuple(space, tie("formula"), space).map(([before, inner, after]) => `(${before}${inner}${after})`),
    fc.tuple(callName, fc.array(tie("formula"), { maxLength: 3 }), space).map(([fn, args, gap]) => `${fn}(${args.join(`${gap},${gap}`)})`),
  ),
  formula: fc
    .tuple(tie("operand"), fc.array(fc.tuple(space, binaryText, space, tie("operand")), { maxLength: 3 }))
    .map(([first, rest]) => first + rest.map((parts) => parts.join("")).join("")),
}));

const numbersOnly = (): FormulaValue => 3;

describe("properties", () => {
  it("parseFormula never throws, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), formulaLike, typedFormula),
        (text) => {
          const result = parseFormula(text);
          if (!result.ok) {
            expect(typeof result.problem.message).toBe("string");
            expect(result.problem.message.length).toBeGreaterThan(0);
            expect(result.problem.position).toBeGreaterThanOrEqual(0);
            expect(result.problem.position).toBeLessThanOrEqual(text.length);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("printing then parsing gives the same tree back", () => {
    fc.assert(
      fc.property(exprTree, (expr) => {
        const text = printFormula(expr);
        const parsed = parseFormula(text);
        if (!parsed.ok) throw new Error(`${text}: ${parsed.problem.message}`);
        expect(parsed.expr).toEqual(expr);
      }),
      { numRuns: 3000 },
    );
  });

  it("printing a parsed formula and parsing it again gives the same tree", () => {
    fc.assert(
      fc.property(typedFormula, (text) => {
        const first = parseFormula(text);
        if (!first.ok) throw new Error(`${text}: ${first.problem.message}`);
        const second = parseFormula(printFormula(first.expr));
        expect(second.ok && second.expr).toEqual(first.expr);
      }),
      { numRuns: 3000 },
    );
  });

  it("evaluate never throws on a parsed formula when every name is a number", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          formulaLike,
          typedFormula,
          exprTree.map((expr) => printFormula(expr)),
        ),
        (text) => {
          const parsed = parseFormula(text);
          if (!parsed.ok) return;
          const value = evaluate(parsed.expr, numbersOnly);
          expect(["number", "string", "boolean", "object"]).toContain(typeof value);
          if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("evaluates a printed tree to the same value as the tree itself", () => {
    fc.assert(
      fc.property(exprTree, (expr) => {
        const parsed = parseFormula(printFormula(expr));
        if (!parsed.ok) throw new Error(parsed.problem.message);
        expect(evaluate(parsed.expr, numbersOnly)).toEqual(evaluate(expr, numbersOnly));
      }),
      { numRuns: 1000 },
    );
  });
});

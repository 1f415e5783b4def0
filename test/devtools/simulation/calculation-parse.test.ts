import { MAX_COLUMNS, MAX_ROWS } from "../../../src/core/workbook/address";
import { compile } from "../../../src/devtools/simulation/excel/calculation/formulas";
import { MAX_DEPTH, parse } from "../../../src/devtools/simulation/excel/calculation/parse";
import { tokenize } from "../../../src/devtools/simulation/excel/calculation/tokenize";
import { calc, dataSheet } from "./calculation/helpers";

const rect = (top: number, left: number, bottom = top, right = left) => ({ top, left, bottom, right });

describe("tokens of worksheet formulas", () => {
  test("references: relative, absolute, mixed, ranges, whole columns and rows", () => {
    expect(tokenize("A1+$B$7+C$3+$D4")).toEqual([
      { kind: "reference", rect: rect(0, 0) },
      { kind: "operator", operator: "+" },
      { kind: "reference", rect: rect(6, 1) },
      { kind: "operator", operator: "+" },
      { kind: "reference", rect: rect(2, 2) },
      { kind: "operator", operator: "+" },
      { kind: "reference", rect: rect(3, 3) },
    ]);
    expect(tokenize("$C$10:$A$5")).toEqual([{ kind: "reference", rect: rect(4, 0, 9, 2) }]);
    expect(tokenize("B:D")).toEqual([{ kind: "reference", rect: rect(0, 1, MAX_ROWS - 1, 3) }]);
    expect(tokenize("3:4")).toEqual([{ kind: "reference", rect: rect(2, 0, 3, MAX_COLUMNS - 1) }]);
    expect(tokenize("XFD1048576")).toEqual([{ kind: "reference", rect: rect(MAX_ROWS - 1, MAX_COLUMNS - 1) }]);
  });

  test("sheet-qualified references, with quotes doubled inside quoted names", () => {
    expect(tokenize("Settings!$B$7")).toEqual([{ kind: "reference", sheet: "Settings", rect: rect(6, 1) }]);
    expect(tokenize("'Value Summary'!$F$5:$F$10")).toEqual([{ kind: "reference", sheet: "Value Summary", rect: rect(4, 5, 9, 5) }]);
    expect(tokenize("'Customer''s inputs'!B2")).toEqual([{ kind: "reference", sheet: "Customer's inputs", rect: rect(1, 1) }]);
    // What Excel leaves of a reference to a deleted sheet or row.
    expect(tokenize("Gone!#REF!")).toEqual([{ kind: "error", code: "#REF!" }]);
  });

  test("names that look almost like references stay names; a name before ( is a function", () => {
    expect(tokenize("Input_1")).toEqual([{ kind: "name", name: "Input_1" }]);
    expect(tokenize("XFE1")).toEqual([{ kind: "name", name: "XFE1" }]);
    expect(tokenize("R1C1")).toEqual([{ kind: "name", name: "R1C1" }]);
    expect(tokenize("Rate.Base")).toEqual([{ kind: "name", name: "Rate.Base" }]);
    expect(tokenize("LOG10(")).toEqual([{ kind: "function", name: "LOG10" }]);
    expect(tokenize("sum(")).toEqual([{ kind: "function", name: "SUM" }]);
    // Files carry Excel 2010+ functions with a prefix; Office.js formulas do not.
    expect(tokenize("_xlfn.IFNA(")).toEqual([{ kind: "function", name: "IFNA" }]);
  });

  test("constants: numbers, text with doubled quotes, booleans, errors, arrays", () => {
    expect(tokenize('1.5e3 "say ""hi""" true #DIV/0! #n/a')).toEqual([
      { kind: "number", value: 1500 },
      { kind: "string", value: 'say "hi"' },
      { kind: "boolean", value: true },
      { kind: "error", code: "#DIV/0!" },
      { kind: "error", code: "#N/A" },
    ]);
    expect(tokenize('{1,-2;"a",TRUE}')).toEqual([
      {
        kind: "array",
        value: {
          kind: "array",
          rows: [
            [1, -2],
            ["a", true],
          ],
        },
      },
    ]);
  });

  test("text that is no formula gives no tokens", () => {
    for (const text of ['"open', "#BAD!", "{1,2;3}", "A1;B1", "Table1[Col]", "@A1", "{A1}"])
      expect([text, tokenize(text)]).toEqual([text, undefined]);
  });
});

describe("parsing", () => {
  test("Excel's precedence: sign above ^, % above ^, then * /, + -, &, comparisons; left-associative", () => {
    expect(calc("=-2^2")).toBe(4);
    expect(calc("=2^3^2")).toBe(64);
    expect(calc("=2*-3^2")).toBe(18);
    expect(calc("=1+2*3")).toBe(7);
    expect(calc("=(1+2)*3")).toBe(9);
    expect(calc("=10-4-3")).toBe(3);
    expect(calc("=48/4/2")).toBe(6);
    expect(calc("=2^50%")).toBeCloseTo(Math.SQRT2, 14);
    expect(calc("=-50%")).toBe(-0.5);
    expect(calc("=1+2&3")).toBe("33");
    expect(calc('="a"&1=1')).toBe(false);
    expect(calc("=1+2=3")).toBe(true);
    expect(calc("=1<2=TRUE")).toBe(true);
    expect(calc("=+-+-3")).toBe(3);
    expect(calc("=--TRUE")).toBe(1);
  });

  test("runs of one level become one chain, and runs of signs one node", () => {
    expect(parse("=1+2-3+4")).toEqual({
      type: "chain",
      first: { type: "number", value: 1 },
      rest: [
        { operator: "+", operand: { type: "number", value: 2 } },
        { operator: "-", operand: { type: "number", value: 3 } },
        { operator: "+", operand: { type: "number", value: 4 } },
      ],
    });
    expect(parse("=---A1")).toEqual({ type: "negate", count: 3, operand: { type: "reference", rect: rect(0, 0) } });
  });

  test("empty arguments and calls without arguments", () => {
    expect(parse("=IF(A1,,2)")).toEqual({
      type: "call",
      name: "IF",
      args: [{ type: "reference", rect: rect(0, 0) }, { type: "missing" }, { type: "number", value: 2 }],
    });
    expect(parse("=NA()")).toEqual({ type: "call", name: "NA", args: [] });
    expect(parse("=ROUND(A1,)")).toEqual({
      type: "call",
      name: "ROUND",
      args: [{ type: "reference", rect: rect(0, 0) }, { type: "missing" }],
    });
  });

  test("text that does not parse, or calls a known function with a wrong number of arguments, gives #NAME?", () => {
    for (const formula of [
      "=",
      "=1+",
      "=(1",
      "=1)",
      "=()",
      "=SUM(1,",
      "=1 2",
      "=(1,2)",
      "=*2",
      '="open',
      "=A1:",
      "=ROUND(1)",
      "=NOT(1,2)",
      "=Table1[Col]",
    ]) {
      expect([formula, calc(formula)]).toEqual([formula, "#NAME?"]);
    }
  });

  test("thousands of nested parentheses cost no stack; a tree deeper than the limit is refused, never a crash", () => {
    expect(calc(`=${"(".repeat(5_000)}1${")".repeat(5_000)}`)).toBe(1);
    expect(calc(`=${"-".repeat(10_001)}1`)).toBe(-1);
    expect(calc(`=${Array.from({ length: 4_000 }, () => "1").join("+")}`)).toBe(4_000);
    expect(calc(`=${"ABS(".repeat(MAX_DEPTH - 2)}-1${")".repeat(MAX_DEPTH - 2)}`)).toBe(1);
    expect(calc(`=${"ABS(".repeat(MAX_DEPTH - 1)}-1${")".repeat(MAX_DEPTH - 1)}`)).toBe("#NAME?");
    expect(calc(`=${"ABS(".repeat(5_000)}1${")".repeat(5_000)}`)).toBe("#NAME?");
    expect(calc(`=${"1+(".repeat(5_000)}1${")".repeat(5_000)}`)).toBe("#NAME?");
  });

  test("the hook never throws, whatever the text", () => {
    const seed = { sheets: [dataSheet([[1, 2]])] };
    const samples = [
      "=",
      "==",
      "=)",
      "=((",
      '="',
      "=#",
      "={",
      "=''!A1",
      "='x'!",
      "=A1:B",
      "=1e",
      "=1e999",
      "=SUM(",
      "=,",
      "=IF(,,)",
      "=\u0000",
      "=A1:XFD1048576",
      "=INDEX(A1,-1)",
    ];
    for (let i = 0; i < 300; i++) {
      const pieces = [
        "A1",
        "(",
        ")",
        ",",
        "+",
        "-",
        "^",
        "%",
        ":",
        '"',
        "'",
        "!",
        "#N/A",
        "SUM(",
        "IF(",
        "{",
        "}",
        ";",
        "1",
        "$",
        "x",
        " ",
      ];
      let text = "=";
      for (let j = 0; j < 12; j++) text += pieces[(i * 7 + j * 13 + ((i * j) % 11)) % pieces.length];
      samples.push(text);
    }
    for (const formula of samples) {
      const value = calc(formula, seed);
      expect(["number", "string", "boolean"]).toContain(typeof value);
    }
  });

  test("a parsed formula is remembered by its text", () => {
    const first = compile("=SUM(A1:A3)*2");
    expect(first).toBeDefined();
    expect(compile("=SUM(A1:A3)*2")).toBe(first);
    expect(compile("=1+")).toBeUndefined();
  });
});

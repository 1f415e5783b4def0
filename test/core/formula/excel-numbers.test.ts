/**
 * The numbers Excel computes, from Microsoft's documents and the measurements quoted in
 * docs/workbook-contract.md ("Numbers as Excel computes them"); expected values are theirs.
 */
import { evaluate, type FormulaValue, isExcelError, numberToText, parseFormula, printFormula } from "../../../src/core/formula";
import { compareTexts } from "../../../src/core/formula/evaluate";
import { nearZeroSum, readDecimal, unitsApart } from "../../../src/core/formula/values";

function calc(text: string, variables: Record<string, number> = {}): FormulaValue {
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.problem.message}`);
  const value = evaluate(parsed.expr, (name) => variables[name.toLowerCase()]);
  return isExcelError(value) ? value.code : value;
}

/** A result as Excel shows it in General format (15 significant digits). */
function shown(text: string, variables: Record<string, number> = {}): string {
  const value = calc(text, variables);
  return typeof value === "number" ? numberToText(value) : String(value);
}

describe("the near-zero rule of a formula's final + or - (KB 78113)", () => {
  it("gives 0 for the KB's example and the issue's", () => {
    // KB 78113: "=1.333+1.225-1.333-1.225 ... Excel 97 and later correctly displays 0".
    expect(calc("=1.333+1.225-1.333-1.225")).toBe(0);
    expect(calc("=0.5-0.4-0.1")).toBe(0);
  });

  it("carries the error of an inner operation, as the KB's counter-example shows 0.899999999999999", () => {
    expect(shown("=(43.1-43.2)+1")).toBe("0.899999999999999");
  });

  it("does not apply inside parentheses or under another operation (Stack Overflow 53337274, Jerry W. Lewis)", () => {
    expect(shown("=(0.5-0.4-0.1)")).toBe("-2.77555756156289E-17");
    expect(shown("=1*(0.5-0.4-0.1)")).toBe("-2.77555756156289E-17");
    expect(calc("=52.8-8.8*6")).toBe(0);
    expect(shown("=(52.8-8.8*6)")).toBe("-7.105427357601E-15");
    // A comparison is the final operation: =0=0.5-0.4-0.1 is FALSE in Excel (BEBAC forum, 2020).
    expect(calc("=0=0.5-0.4-0.1")).toBe(false);
    expect(shown("=SUM(0.5-0.4-0.1)")).toBe("-2.77555756156289E-17");
  });

  it("needs operands at most 7 units in the last place apart (joeu2004's measurements)", () => {
    const x = 1e-7;
    expect(calc("=y-x", { x, y: x + 7 * 2 ** -76 })).toBe(0);
    expect(calc("=y-x", { x, y: x + 8 * 2 ** -76 })).toBe(8 * 2 ** -76);
    const big = 1e25;
    expect(calc("=y-x", { x: big, y: big + 4 * 2 ** 31 })).toBe(0);
    expect(calc("=(y-x)", { x: big, y: big + 4 * 2 ** 31 })).toBe(4 * 2 ** 31);
    // Jerry W. Lewis's largest numbers: 4 units apart give 0, 8 units do not.
    const largest = calc("=2^1023+(2^1023-2^971)") as number;
    expect(calc("=a-b", { a: largest, b: calc("=2^1023+(2^1023-5*2^971)") as number })).toBe(0);
    expect(calc("=a-b", { a: largest, b: calc("=2^1023+(2^1023-9*2^971)") as number })).toBe(8 * 2 ** 971);
  });

  it("applies to a sum of opposite signs as to a difference", () => {
    expect(calc("=-0.1+(0.5-0.4)")).toBe(0);
    expect(calc("=a+b", { a: 0.30000000000000004, b: -0.3 })).toBe(0);
    expect(unitsApart(0.30000000000000004, 0.3)).toBe(1);
  });

  it("keeps the parentheses that change a value when the formula is printed for Excel", () => {
    for (const text of ["(0.5-0.4-0.1)", "((0.5-0.4-0.1))", "(a+b)"]) {
      const parsed = parseFormula(text);
      if (!parsed.ok) throw new Error(parsed.problem.message);
      const printed = printFormula(parsed.expr);
      expect(printed.startsWith("(") && printed.endsWith(")")).toBe(true);
      const again = parseFormula(printed);
      expect(again.ok && again.expr).toEqual(parsed.expr);
    }
    const plain = parseFormula("0.5-0.4-0.1");
    expect(plain.ok && printFormula(plain.expr)).toBe("0.5-0.4-0.1");
    const inner = parseFormula("(1-2)*3");
    expect(inner.ok && printFormula(inner.expr)).toBe("(1-2)*3");
  });
});

describe("15 significant digits and the limits of Excel's numbers", () => {
  it("reads a constant as its first 15 significant digits, the rest zeros (KB 269370)", () => {
    // KB 269370: 1234567890123456789 is stored as 1234567890123450000.
    expect(calc("=1234567890123456789")).toBe(1234567890123450000);
    expect(calc("=0.12345678901234567")).toBe(0.123456789012345);
    expect(calc("=1.23456789012345678E+5")).toBe(123456.789012345);
    expect(calc("=0.000000000000000000123456789012345678")).toBe(1.23456789012345e-19);
    expect(readDecimal("123456789012345")).toBe(123456789012345);
    expect(readDecimal("1.7976931348623157e308")).toBe(1.79769313486231e308);
  });

  it("reads numeric text with the same 15 digits", () => {
    expect(calc('="1234567890123456789"*1')).toBe(1234567890123450000);
  });

  it("turns a result below 2.2250738585072E-308 into 0, with no -0 (KB 78113)", () => {
    expect(calc("=2^-1030")).toBe(0);
    expect(calc("=1E-300/1E10")).toBe(0);
    expect(Object.is(calc("=-1E-300/1E10"), 0)).toBe(true);
    expect(Object.is(calc("=-0"), 0)).toBe(true);
    expect(calc("=2^-1022")).toBe(2 ** -1022);
  });

  it("gives #NUM! past the largest number, 1.79769313486232E+308 (KB 78113)", () => {
    expect(calc("=1E308*10")).toBe("#NUM!");
    expect(calc("=2^1024")).toBe("#NUM!");
  });
});

describe("INT and MOD at 15 digits", () => {
  it("rounds INT's argument to 15 digits first, as Excel (joeu2004's measurements)", () => {
    expect(calc("=INT(10^14+0.5)")).toBe(100000000000001);
    expect(calc("=INT(10^14-1+0.5)")).toBe(99999999999999);
    expect(calc("=INT(123456789-0.0000004)")).toBe(123456789);
    expect(calc("=INT(123456789-0.0000005)")).toBe(123456788);
    expect(calc("=INT(x)", { x: 2.9999999999999996 })).toBe(3);
    // Typed, the same number has 15 digits: 2.99999999999999.
    expect(calc("=INT(2.9999999999999996)")).toBe(2);
    expect(calc("=INT(-2.5)")).toBe(-3);
  });

  it("computes MOD as n - d*INT(n/d), Microsoft's definition", () => {
    // Microsoft's MOD examples.
    expect(calc("=MOD(3,2)")).toBe(1);
    expect(calc("=MOD(-3,2)")).toBe(1);
    expect(calc("=MOD(3,-2)")).toBe(-1);
    expect(calc("=MOD(-3,-2)")).toBe(-1);
    expect(calc("=MOD(3.3,1.1)")).toBe(0);
    expect(calc("=MOD(x,0.1)", { x: 0.30000000000000004 })).toBe(0);
    expect(calc("=MOD(5,0)")).toBe("#DIV/0!");
  });
});

describe("powers of negative numbers", () => {
  it("takes an odd root of a negative number, as Excel: =(-2)^(1/3) is -1.25992 (Stack Overflow 6911356)", () => {
    expect(shown("=(-2)^(1/3)")).toBe("-1.25992104989487");
    expect(calc("=POWER(-8,1/3)")).toBeCloseTo(-2, 14);
    expect(calc("=(-32)^0.2")).toBeCloseTo(-2, 14);
    expect(calc("=(-8)^(-1/3)")).toBeCloseTo(-0.5, 14);
  });

  it("has no real even root of a negative number: #NUM!", () => {
    expect(calc("=(-2)^(1/2)")).toBe("#NUM!");
    expect(calc("=(-8)^(2/3)")).toBe("#NUM!");
  });
});

describe("text as Excel compares it", () => {
  it.each([
    ['"a"<"B"', true],
    ['"A"="a"', true],
    ['"é"<"f"', true],
    ['"e"<"é"', true],
    ['"e"="é"', false],
    ['"É"="é"', true],
    ['"Zoë"<"Zoey"', true],
    ['"résumé">"resume"', true],
    ['"10"<"9"', true],
    ['"apple"<"apples"', true],
  ])("%s is %s", (text, expected) => {
    expect(calc(`=${text}`)).toBe(expected);
  });

  it("tells apart texts the collation holds equal that differ other than by case", () => {
    expect(compareTexts("a\u0000", "a")).not.toBe(0);
    expect(compareTexts("STRASSE", "strasse")).toBe(0);
  });
});

describe("text converted to a number", () => {
  it("reads plain decimal text, as en-US Excel does", () => {
    expect(calc('="1"+"2"')).toBe(3);
    expect(calc('=" 2.5 "*2')).toBe(5);
    expect(calc('="15%"*1')).toBe(0.15);
    expect(calc('="-1e3"*1')).toBe(-1000);
  });

  it.each([['"1,000"'], ['"$4.00"'], ['"6/1/2001"'], ['"12:30"'], ['"(5)"'], ['"2-15"']])(
    "refuses %s, whose number depends on Excel's regional settings, and says why",
    (text) => {
      const parsed = parseFormula(`=${text}*1`);
      if (!parsed.ok) throw new Error(parsed.problem.message);
      const value = evaluate(parsed.expr, () => undefined);
      expect(isExcelError(value) && value.code).toBe("#VALUE!");
      expect(isExcelError(value) && value.detail).toContain("regional settings");
    },
  );

  it("calls other text simply not a number", () => {
    const parsed = parseFormula('="abc"*1');
    const value = parsed.ok ? evaluate(parsed.expr, () => undefined) : undefined;
    expect(isExcelError(value) && value.detail).toBe('the text "abc" is not a number');
  });
});

describe("the near-zero sum of the model's results", () => {
  it("leaves infinite sums alone, for the model's overflow checks", () => {
    expect(nearZeroSum(Infinity, -Number.MAX_VALUE)).toBe(Infinity);
    expect(nearZeroSum(0.1 + 0.2, -0.3)).toBe(0);
    expect(nearZeroSum(0.1, -0.3)).toBe(0.1 - 0.3);
  });
});

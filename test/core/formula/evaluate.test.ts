import { evaluate, type FormulaValue, isExcelError, parseFormula } from "../../../src/core/formula";

const VARIABLES: Record<string, FormulaValue> = {
  miles: 120,
  rate: 0.15,
  label: "Leaks",
  numerictext: " 2.5 ",
  flag: true,
  broken: { kind: "error", code: "#REF!" },
};

function calc(text: string, variables: Record<string, FormulaValue> = VARIABLES): FormulaValue {
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.problem.message}`);
  return evaluate(parsed.expr, (name) => variables[name.toLowerCase()]);
}

/** The error code of a result, or the result itself when it is not an error. */
function outcome(text: string): FormulaValue {
  const value = calc(text);
  return isExcelError(value) ? value.code : value;
}

describe("evaluate: arithmetic with Excel's precedence", () => {
  it.each([
    ["-2^2", 4],
    ["2^-1", 0.5],
    ["2^3^2", 64],
    ["-2%", -0.02],
    ["2%%", 0.0002],
    ["10%*3", 0.3],
    ["15%", 0.15],
    ["1+2*3", 7],
    ["(1+2)*3", 9],
    ["8-4-2", 2],
    ["8/4/2", 1],
    ["2*-3", -6],
    ["1--1", 2],
    ["--3", 3],
    ["-(2^2)", -4],
    ["0-2^2", -4],
    ["2e3+.5", 2000.5],
    ["  =  1 +\t2\n", 3],
  ])("%s = %p", (text, expected) => {
    expect(calc(text)).toBeCloseTo(expected, 12);
  });

  it("uses the names' values, ignoring case", () => {
    expect(calc("Miles*RATE")).toBeCloseTo(18, 12);
  });
});

describe("evaluate: coercion", () => {
  it.each([
    ["TRUE+1", 2],
    ["FALSE*5", 0],
    ['"3"+1', 4],
    ['" 2.5 "*2', 5],
    ['"1e3"/10', 100],
    ['"15%"*100', 15],
    ['"-4"+0', -4],
    ["numerictext*2", 5],
    ["-TRUE", -1],
    ['"50%"%', 0.005],
  ])("%s = %p", (text, expected) => {
    expect(calc(text)).toBeCloseTo(expected, 12);
  });

  it.each([['"abc"+1'], ['""+1'], ['1*"1,000"'], ["-label"], ['"abc"%'], ['2^"x"']])("%s is #VALUE!", (text) => {
    expect(outcome(text)).toBe("#VALUE!");
  });

  it("keeps unary plus a no-op, as Excel does, even on text", () => {
    expect(calc('+"abc"')).toBe("abc");
    expect(calc("+TRUE")).toBe(true);
  });
});

describe("evaluate: errors", () => {
  it.each([
    ["1/0", "#DIV/0!"],
    ["1/0+#N/A", "#DIV/0!"],
    ["#N/A+1/0", "#N/A"],
    ["#N/A&1/0", "#N/A"],
    ["#NULL!<#N/A", "#NULL!"],
    ["1<#N/A", "#N/A"],
    ['"abc"+#N/A', "#VALUE!"],
    ["broken*2", "#REF!"],
    ["-#NUM!", "#NUM!"],
    ["#DIV/0!%", "#DIV/0!"],
    ["0^0", "#NUM!"],
    ["0^-1", "#DIV/0!"],
    ["(-8)^(1/4)", "#NUM!"],
    ["10^400", "#NUM!"],
    ["1E+308*10", "#NUM!"],
    ["SUM(1,#N/A,1/0)", "#N/A"],
    ["MAX(1/0,#N/A)", "#DIV/0!"],
    ["AND(TRUE,#VALUE!,1/0)", "#VALUE!"],
    ["OR(FALSE,1/0)", "#DIV/0!"],
    ["AND(FALSE,1/0)", "#DIV/0!"],
    ["IF(#N/A,1,2)", "#N/A"],
    ["ROUND(#N/A,1/0)", "#N/A"],
  ])("%s gives %s", (text, code) => {
    expect(outcome(text)).toBe(code);
  });

  it("gives #NAME? for an unknown name, saying which", () => {
    expect(calc("Miles*Kilometres")).toEqual({ kind: "error", code: "#NAME?", detail: "unknown name Kilometres" });
  });

  it("gives #NAME? for an unknown function and #VALUE! for a wrong argument count", () => {
    expect(calc("FROB(1)")).toEqual({ kind: "error", code: "#NAME?", detail: "unknown function FROB" });
    expect(calc("ROUND(1)")).toEqual({ kind: "error", code: "#VALUE!", detail: "ROUND takes 2 arguments, not 1" });
    expect(calc("IF(TRUE,1,2,3)")).toEqual({ kind: "error", code: "#VALUE!", detail: "IF takes 2 or 3 arguments, not 4" });
    expect(calc("SUM()")).toEqual({ kind: "error", code: "#VALUE!", detail: "SUM takes at least 1 argument, not 0" });
  });

  it("explains division by zero", () => {
    expect(calc("Miles/(rate-0.15)")).toEqual({ kind: "error", code: "#DIV/0!", detail: "division by zero" });
  });

  it("turns a non-finite value from the resolver into #NUM!", () => {
    expect(outcome("x+1")).toBe("#NAME?");
    expect(isExcelError(calc("x", { x: Number.NaN }))).toBe(true);
    expect(calc("x*0", { x: Number.POSITIVE_INFINITY })).toMatchObject({ code: "#NUM!" });
  });
});

describe("evaluate: text", () => {
  it.each([
    ['"a"&"b"', "ab"],
    ['"n="&1.5', "n=1.5"],
    ["1&2", "12"],
    ['TRUE&"!"', "TRUE!"],
    ['"x"&FALSE', "xFALSE"],
    ['(0.1+0.2)&""', "0.3"],
    ['1/3&""', "0.333333333333333"],
    ['10^21&""', "1E+21"],
    ['2^50&""', "1.12589990684262E+15"],
    ['-0.5&""', "-0.5"],
    ['label&" per mile"', "Leaks per mile"],
    ['"say ""hi"""', 'say "hi"'],
  ])("%s gives %p", (text, expected) => {
    expect(calc(text)).toBe(expected);
  });
});

describe("evaluate: comparisons", () => {
  it.each([
    ["1<2", true],
    ["2<=2", true],
    ["3>=4", false],
    ["1<>1", false],
    ['"abc"="ABC"', true],
    ['"a"<"B"', true],
    ['"b"<"A"', false],
    ['"apple"<"apples"', true],
    ['1<"a"', true],
    ['"a"=1', false],
    ['"1"=1', false],
    ['"zzz"<TRUE', true],
    ["1E+300<FALSE", true],
    ["FALSE<TRUE", true],
    ["TRUE=1", false],
    ["0.1+0.2=0.3", true],
    ["1<2=TRUE", true],
    ['""<"a"', true],
  ])("%s is %p", (text, expected) => {
    expect(calc(text)).toBe(expected);
  });
});

describe("evaluate: functions", () => {
  it.each([
    ["SUM(1,2,3)", 6],
    ['SUM(TRUE,"2",3)', 6],
    ["  sum( 1 , 2 )", 3],
    ["MIN(3,-1,2)", -1],
    ["MAX(3,-1,2)", 3],
    ['MAX("7",TRUE)', 7],
    ["AVERAGE(1,2,3,4)", 2.5],
    ["ROUND(MAX(1,2.345)*2,1)", 4.7],
    ["ABS(-2.5)", 2.5],
    ["POWER(2,10)", 1024],
    ["SQRT(16)", 4],
    ["EXP(0)", 1],
    ["LN(1)", 0],
    ["INT(-2.5)", -3],
    ["INT(2.9)", 2],
    ["MOD(10,3)", 1],
    ["MOD(-3,2)", 1],
    ["MOD(3,-2)", -1],
    ["IF(TRUE,1,2)", 1],
    ["IF(0,1,2)", 2],
    ["IF(-0.5,1,2)", 1],
    ['IF("true",1,2)', 1],
    ['IF("FALSE",1,2)', 2],
    ["IFERROR(1/0,7)", 7],
    ["IFERROR(5,7)", 5],
    ["IFERROR(#N/A,1/0+1)", "#DIV/0!"],
    ["IF(TRUE,1,1/0)", 1],
    ["IF(FALSE,1/0,2)", 2],
    ["IF(TRUE,1,nowhere)", 1],
    ["IF(FALSE,1)", false],
    ['IF(TRUE,"yes")', "yes"],
    ['AND(TRUE,1,"TRUE")', true],
    ["AND(TRUE,0)", false],
    ["OR(FALSE,0,2)", true],
    ["OR(FALSE,0)", false],
    ["NOT(0)", true],
    ['NOT("false")', true],
    ["TRUE()", true],
    ["FALSE()", false],
    ['AND("maybe")', "#VALUE!"],
    ['IF("maybe",1,2)', "#VALUE!"],
    ["SQRT(-1)", "#NUM!"],
    ["POWER(-8,0.3)", "#NUM!"],
    ["POWER(0,0)", "#NUM!"],
    ["POWER(0,-2)", "#DIV/0!"],
    ["LN(0)", "#NUM!"],
    ["MOD(1,0)", "#DIV/0!"],
    ["EXP(1000)", "#NUM!"],
    ['SUM(1,"x")', "#VALUE!"],
  ])("%s gives %p", (text, expected) => {
    const value = outcome(text);
    if (typeof expected === "number") expect(value).toBeCloseTo(expected, 12);
    else expect(value).toBe(expected);
  });
});

describe("evaluate: long chains", () => {
  it("evaluates 8,000 stacked signs and a 4,000-term sum without overflowing the stack", () => {
    expect(calc(`${"-".repeat(7999)}1`)).toBe(-1);
    expect(calc(`${"-".repeat(8000)}1`)).toBe(1);
    expect(calc(`1${"+1".repeat(4000)}`)).toBe(4001);
    expect(calc(`1${"%".repeat(3)}`)).toBeCloseTo(1e-6, 18);
    expect(calc(`2${"^1".repeat(4000)}`)).toBe(2);
  });

  it("propagates an error up a long chain", () => {
    expect(outcome(`#N/A${"+1".repeat(4000)}`)).toBe("#N/A");
  });
});

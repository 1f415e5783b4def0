import type { SimulationSeed } from "../../../src/devtools/simulation/excel";
import { calc, dataSheet } from "./calculation/helpers";

/**
 * Data!A1:D6, as the Value Summary's element table might hold it:
 *   stakeholder | confidence | annual | note
 * A6 and D4 are empty, and so is B5: Office.js reports an empty cell as "", and a cell can hold
 * the text "" only as a formula's result.
 */
const TABLE: SimulationSeed = {
  sheets: [
    dataSheet([
      ["CFO", "green", 100, "x"],
      ["Ops", "Gray", 250, "5"],
      ["cfo", "GREEN", -40, true],
      ["HSE", "gray", 0, null],
      ["Ops", "", 75, "y"],
      [null, "green", "12", 3],
    ]),
  ],
};
const at = (formula: string) => calc(formula, TABLE);

describe("SUM, COUNT, COUNTA, AVERAGE, MIN, MAX", () => {
  test("in ranges only numbers count: text (even numeric text), booleans and empty cells are skipped", () => {
    expect(at("=SUM(C1:C6)")).toBe(100 + 250 - 40 + 0 + 75);
    expect(at("=SUM(D1:D6)")).toBe(3);
    expect(at("=COUNT(C1:D6)")).toBe(6);
    expect(at("=COUNTA(A1:D6)")).toBe(21);
    expect(at("=AVERAGE(C1:C6)")).toBe(385 / 5);
    expect(at("=MIN(C1:C6)")).toBe(-40);
    expect(at("=MAX(D1:D6)")).toBe(3);
    expect(at("=MAX(A1:A6)")).toBe(0);
    expect(at("=AVERAGE(A1:A6)")).toBe("#DIV/0!");
  });

  test("values given directly are coerced: numeric text and TRUE count, other text is #VALUE!", () => {
    expect(calc('=SUM("2",TRUE,3)')).toBe(6);
    expect(calc('=SUM("x",1)')).toBe("#VALUE!");
    expect(calc('=COUNT(1,"2","x",TRUE,#N/A)')).toBe(3);
    expect(calc('=COUNTA(1,"",FALSE,#N/A)')).toBe(4);
    expect(calc('=MIN("5",7)')).toBe(5);
    expect(calc("=AVERAGE(1,2,TRUE)")).toBeCloseTo(4 / 3, 14);
    expect(calc("=SUM({1,2;3,4},10)")).toBe(20);
  });

  test("an error anywhere is the result; COUNT only skips it", () => {
    const seed = { sheets: [dataSheet([[1, "#DIV/0!", 3]])] };
    expect(calc("=SUM(A1:C1)", seed)).toBe("#DIV/0!");
    expect(calc("=MAX(A1:C1)", seed)).toBe("#DIV/0!");
    expect(calc("=COUNT(A1:C1)", seed)).toBe(2);
    expect(calc("=COUNTA(A1:C1)", seed)).toBe(3);
  });
});

describe("SUMIF, SUMIFS, COUNTIF, COUNTIFS", () => {
  test("text criteria match without regard to case", () => {
    expect(at('=SUMIF(B1:B6,"green",C1:C6)')).toBe(100 - 40);
    expect(at('=SUMIF($B$1:$B$6,"gray",$C$1:$C$6)')).toBe(250 + 0);
    expect(at('=COUNTIF(A1:A6,"CFO")')).toBe(2);
    expect(at("=SUMIF(A1:A6,A2,C1:C6)")).toBe(250 + 75);
  });

  test("operators in criteria: >0, <>x, <=, and numbers against numeric text", () => {
    expect(at('=SUMIF(C1:C6,">0")')).toBe(100 + 250 + 75);
    expect(at('=SUMIF(C1:C6,"<=0",C1:C6)')).toBe(-40);
    expect(at('=COUNTIF(A1:A6,"<>Ops")')).toBe(4);
    expect(at('=SUMIF(B1:B6,"<>green",C1:C6)')).toBe(250 + 0 + 75);
    expect(at("=COUNTIF(D1:D6,5)")).toBe(1);
    expect(at('=COUNTIF(D1:D6,">2")')).toBe(1);
    expect(at('=COUNTIF(C1:C6,">=100")')).toBe(2);
    expect(at("=COUNTIF(D1:D6,TRUE)")).toBe(1);
  });

  test("empty and non-empty, and wildcards", () => {
    expect(at('=COUNTIF(A1:A6,"")')).toBe(1);
    expect(at('=COUNTIF(B1:B6,"")')).toBe(1);
    expect(at('=COUNTIF(A1:D6,"<>")')).toBe(21);
    expect(at('=COUNTIF(A1:D6,"=")')).toBe(3);
    expect(calc('=COUNTIF(A1:B1,"")', { sheets: [dataSheet([[{ formula: '=""' }, null]])] })).toBe(2);
    expect(calc('=COUNTIF(A1:B1,"=")', { sheets: [dataSheet([[{ formula: '=""' }, null]])] })).toBe(1);
    expect(at('=COUNTIF(B1:B6,"g*")')).toBe(5);
    expect(at('=COUNTIF(A1:A6,"?p")')).toBe(0);
    expect(at('=COUNTIF(A1:A6,"?ps")')).toBe(2);
    expect(calc('=COUNTIF(A1:A3,"~*")', { sheets: [dataSheet([["*"], ["a*"], ["x"]])] })).toBe(1);
    expect(calc('=COUNTIF(A1:A3,"a.c")', { sheets: [dataSheet([["abc"], ["a.c"], ["A.C"]])] })).toBe(2);
  });

  test("the sum range takes the criteria range's shape from its top-left cell; SUMIF without one sums the range", () => {
    expect(at('=SUMIF(B1:B6,"green",C1)')).toBe(100 - 40);
    expect(at('=SUMIF(C1:C6,">50")')).toBe(100 + 250 + 75);
  });

  test("SUMIFS and COUNTIFS: every pair must hold; ranges of different shapes are #VALUE!", () => {
    expect(at('=SUMIFS(C1:C6,A1:A6,"cfo",B1:B6,"green")')).toBe(100 - 40);
    expect(at('=SUMIFS(C1:C6,A1:A6,"Ops",C1:C6,">100")')).toBe(250);
    expect(at('=COUNTIFS(A1:A6,"Ops",B1:B6,"<>")')).toBe(1);
    expect(at('=SUMIFS(C1:C6,A1:A5,"Ops")')).toBe("#VALUE!");
  });

  test("an error in a summed cell that matches is the result", () => {
    const seed = {
      sheets: [
        dataSheet([
          ["a", 1],
          ["b", "#N/A"],
          ["a", 2],
        ]),
      ],
    };
    expect(calc('=SUMIF(A1:A3,"a",B1:B3)', seed)).toBe(3);
    expect(calc('=SUMIF(A1:A3,"b",B1:B3)', seed)).toBe("#N/A");
  });
});

describe("SUMPRODUCT", () => {
  test("the summary's value by stakeholder: comparisons times values, without regard to case", () => {
    const seed = {
      sheets: [
        dataSheet(
          [
            ["CFO", 100],
            ["Ops", 250],
            ["cfo", -40],
            ["HSE", 0],
            ["Ops", 75],
          ],
          { A40: "Cfo", A41: "" },
        ),
      ],
    };
    expect(calc("=SUMPRODUCT(($A$1:$A$5=A40)*$B$1:$B$5)", seed)).toBe(60);
    expect(calc("=SUMPRODUCT(($A$1:$A$5=A41)*$B$1:$B$5)", seed)).toBe(0);
    expect(
      calc('=SUMPRODUCT(($A$1:$A$3="")*$B$1:$B$3)', {
        sheets: [
          dataSheet([
            ["a", 1],
            [null, 2],
            [{ formula: '=""' }, 4],
          ]),
        ],
      }),
    ).toBe(6);
  });

  test("pairs of arrays; text and booleans are 0 unless arithmetic made them numbers", () => {
    expect(at("=SUMPRODUCT(C1:C3,D1:D3)")).toBe(0);
    expect(calc("=SUMPRODUCT({1,2,3},{4,5,6})")).toBe(32);
    expect(calc("=SUMPRODUCT({TRUE,FALSE,TRUE},{1,2,3})")).toBe(0);
    expect(calc("=SUMPRODUCT(--{TRUE,FALSE,TRUE},{1,2,3})")).toBe(4);
    expect(calc("=SUMPRODUCT({1,2,3},{4,5})")).toBe("#VALUE!");
    expect(calc("=SUMPRODUCT({1,#N/A})")).toBe("#N/A");
  });
});

describe("NPV and the numeric functions", () => {
  test("NPV discounts the first value one full period", () => {
    const hand = -10_000 / 1.1 + 3_000 / 1.1 ** 2 + 4_200 / 1.1 ** 3 + 6_800 / 1.1 ** 4;
    expect(calc("=NPV(10%,-10000,3000,4200,6800)")).toBeCloseTo(hand, 9);
    // Excel's documented example.
    expect(calc("=ROUND(NPV(10%,-10000,3000,4200,6800),2)")).toBe(1188.44);
    const seed = { sheets: [dataSheet([[0.08, -250_000, 642_001.6, 1_288_341.28, "n/a", null, 1_518_443.2]])] };
    const flows = -250_000 + 642_001.6 / 1.08 + 1_288_341.28 / 1.08 ** 2 + 1_518_443.2 / 1.08 ** 3;
    expect(calc("=B1+NPV(A1,C1:G1)", seed)).toBeCloseTo(flows, 6);
    expect(calc("=NPV(-1,1)")).toBe("#DIV/0!");
  });

  test("ROUND, ROUNDUP and ROUNDDOWN round the decimal number, half away from zero", () => {
    expect(calc("=ROUND(2.675,2)")).toBe(2.68);
    expect(calc("=ROUND(1.005,2)")).toBe(1.01);
    expect(calc("=ROUND(-2.5,0)")).toBe(-3);
    expect(calc("=ROUND(1234.5678,-2)")).toBe(1200);
    expect(calc("=ROUNDUP(1.21,1)")).toBe(1.3);
    expect(calc("=ROUNDUP(-1.21,1)")).toBe(-1.3);
    expect(calc("=ROUNDDOWN(-1.29,1)")).toBe(-1.2);
    expect(calc("=ROUNDDOWN(0.1+0.2,15)")).toBe(0.3);
    expect(calc('=ROUND("2.5",0)')).toBe(3);
  });

  test("ABS, POWER, SQRT, EXP, LN, INT, MOD with Excel's errors", () => {
    expect(calc("=ABS(-3)")).toBe(3);
    expect(calc("=POWER(2,10)")).toBe(1024);
    expect(calc("=POWER(0,0)")).toBe("#NUM!");
    expect(calc("=SQRT(16)")).toBe(4);
    expect(calc("=SQRT(-1)")).toBe("#NUM!");
    expect(calc("=LN(EXP(2))")).toBeCloseTo(2, 14);
    expect(calc("=LN(0)")).toBe("#NUM!");
    expect(calc("=INT(-2.5)")).toBe(-3);
    expect(calc("=MOD(-3,2)")).toBe(1);
    expect(calc("=MOD(1,0)")).toBe("#DIV/0!");
    expect(calc('=ABS("x")')).toBe("#VALUE!");
  });

  test("functions of one number work element by element over a range", () => {
    expect(calc("=SUMPRODUCT(ROUND({1.25,2.35},1))")).toBe(1.3 + 2.4);
    // Unlike SUM over a range, ABS coerces each value it is given: C6's text "12" is 12.
    expect(calc("=SUMPRODUCT(ABS(C1:C6))", TABLE)).toBe(100 + 250 + 40 + 0 + 75 + 12);
  });
});

describe("conditions", () => {
  test("IF takes only the branch it returns; an omitted branch is 0, a missing else FALSE", () => {
    expect(calc("=IF(TRUE,1,1/0)")).toBe(1);
    expect(calc("=IF(FALSE,1/0,2)")).toBe(2);
    expect(calc("=IF(0,1)")).toBe(false);
    expect(calc("=IF(1,,2)")).toBe(0);
    expect(calc('=IF("TRUE",1,2)')).toBe(1);
    expect(calc('=IF("yes",1,2)')).toBe("#VALUE!");
    expect(calc("=IF(#N/A,1,2)")).toBe("#N/A");
    expect(calc("=IF(A1,1,2)")).toBe(2);
    expect(calc("=IF(TRUE,UNKNOWN(),1)")).toBe("#NAME?");
    expect(calc("=IF(FALSE,UNKNOWN(),1)")).toBe(1);
  });

  test("IF over a range works element by element", () => {
    expect(calc("=SUMPRODUCT(IF(C1:C6>50,C1:C6,0))", TABLE)).toBe(100 + 250 + 75);
  });

  test("IFERROR, IFNA", () => {
    expect(calc("=IFERROR(1/0,7)")).toBe(7);
    expect(calc("=IFERROR(3,1/0)")).toBe(3);
    expect(calc("=IFNA(NA(),7)")).toBe(7);
    expect(calc("=IFNA(1/0,7)")).toBe("#DIV/0!");
    expect(calc("=_xlfn.IFNA(#N/A,1)")).toBe(1);
    expect(calc("=SUMPRODUCT(IFERROR(1/{1,0,2},0))")).toBe(1.5);
  });

  test("AND, OR, NOT: text in ranges is skipped, text given directly must read as TRUE or FALSE", () => {
    expect(calc("=AND(TRUE,1,2)")).toBe(true);
    expect(calc("=AND(TRUE,0)")).toBe(false);
    expect(calc("=OR(FALSE,0)")).toBe(false);
    expect(calc('=OR("true")')).toBe(true);
    expect(calc('=AND("x")')).toBe("#VALUE!");
    expect(calc("=AND(A1:B2)")).toBe("#VALUE!");
    expect(at("=AND(D1:D6)")).toBe(true);
    expect(calc("=AND(TRUE,#N/A)")).toBe("#N/A");
    expect(calc("=NOT(0)")).toBe(true);
    expect(calc("=NOT(NOT(2))")).toBe(true);
  });

  test("ISNUMBER, ISTEXT, ISLOGICAL, ISERROR, ISERR, ISNA, ISBLANK, NA", () => {
    const seed = { sheets: [dataSheet([[1, "1", true, "#N/A", null, { formula: '=""' }]])] };
    expect(
      [
        "=ISNUMBER(A1)",
        "=ISNUMBER(B1)",
        "=ISTEXT(B1)",
        "=ISLOGICAL(C1)",
        "=ISERROR(D1)",
        "=ISERR(D1)",
        "=ISNA(D1)",
        "=ISBLANK(E1)",
        "=ISBLANK(F1)",
        "=ISERROR(NA())",
      ].map((f) => calc(f, seed)),
    ).toEqual([true, false, true, true, true, false, true, true, false, true]);
    expect(calc("=NA()")).toBe("#N/A");
    expect(calc("=TRUE()")).toBe(true);
  });
});

describe("INDEX and MATCH", () => {
  test("MATCH finds the position of a value, exactly (0) without regard to case, or in a sorted list", () => {
    expect(at('=MATCH("ops",A1:A6,0)')).toBe(2);
    expect(at('=MATCH("HSE",A1:A6,0)')).toBe(4);
    expect(at('=MATCH("o*",A1:A6,0)')).toBe(2);
    expect(at('=MATCH("none",A1:A6,0)')).toBe("#N/A");
    expect(at("=MATCH(250,C1:C6,0)")).toBe(2);
    expect(at('=MATCH("250",C1:C6,0)')).toBe("#N/A");
    expect(calc("=MATCH(25,{10,20,30,40})")).toBe(2);
    expect(calc("=MATCH(5,{10,20,30})")).toBe("#N/A");
    expect(calc("=MATCH(25,{40,30,20,10},-1)")).toBe(2);
    expect(at('=MATCH("x",A1:B2,0)')).toBe("#N/A");
  });

  test("INDEX picks a cell, a row or a column; a single row or column takes one number", () => {
    expect(at("=INDEX(A1:D6,2,3)")).toBe(250);
    expect(at("=INDEX(C1:C6,5)")).toBe(75);
    expect(at("=INDEX(A1:D1,2)")).toBe("green");
    expect(at("=SUM(INDEX(A1:D6,0,3))")).toBe(385);
    expect(at("=SUM(INDEX(A1:D6,2,0))")).toBe(250);
    expect(at("=INDEX(A1:D6,7,1)")).toBe("#REF!");
    expect(at("=INDEX(A1:D6,-1,1)")).toBe("#VALUE!");
    expect(at('=INDEX(C1:C6,MATCH("hse",A1:A6,0))')).toBe(0);
    expect(calc("=INDEX({1,2;3,4},2,1)")).toBe(3);
    expect(at("=ISBLANK(INDEX(D1:D6,4))")).toBe(true);
  });
});

test("an unknown function is #NAME?", () => {
  expect(calc('=TEXT(1,"0")')).toBe("#NAME?");
  expect(calc("=VLOOKUP(1,A1:B2,2,FALSE)")).toBe("#NAME?");
});

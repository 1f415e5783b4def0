import { cellRef } from "../../../src/core/workbook/address";
import type { DocumentView, SimulationSeed } from "../../../src/devtools/simulation/excel";
import { createExcelSimulation } from "../../../src/devtools/simulation/excel";
import { createFormulaCalculator } from "../../../src/devtools/simulation/excel/calculation";
import { calc, calculating, dataSheet, valuesOf } from "./calculation/helpers";

describe("operators and Excel's coercions", () => {
  const seed = { sheets: [dataSheet([["3", "x", true, null, "", 0.1]])] };

  test("text that reads as a number is a number in arithmetic; other text is #VALUE!", () => {
    expect(calc('="3"*2')).toBe(6);
    expect(calc('=" 2.5 "+1')).toBe(3.5);
    expect(calc('="15%"*100')).toBe(15);
    expect(calc('="x"*2')).toBe("#VALUE!");
    expect(calc("=A1*2", seed)).toBe(6);
    expect(calc("=B1*2", seed)).toBe("#VALUE!");
    expect(calc("=TRUE+TRUE")).toBe(2);
    expect(calc("=C1*5", seed)).toBe(5);
  });

  test('an empty cell is 0 to arithmetic, empty text to &, and equals both 0 and ""', () => {
    expect(calc("=D1+1", seed)).toBe(1);
    expect(calc('=D1&"x"', seed)).toBe("x");
    expect(calc("=D1=0", seed)).toBe(true);
    expect(calc('=D1=""', seed)).toBe(true);
    expect(calc("=D1=FALSE", seed)).toBe(true);
    // A reference to an empty cell shows 0, as Excel does; so does one to a cell cleared with "".
    expect(calc("=D1", seed)).toBe(0);
    expect(calc("=E1", seed)).toBe(0);
  });

  test("& joins text, numbers in General format and booleans", () => {
    expect(calc('="a"&1')).toBe("a1");
    expect(calc("=1&2")).toBe("12");
    expect(calc('=TRUE&""')).toBe("TRUE");
    expect(calc('=0.1+0.2&""')).toBe("0.3");
    expect(calc('=1/3&""')).toBe("0.333333333333333");
    expect(calc('="say ""hi"""')).toBe('say "hi"');
  });

  test("TRIM cuts spaces at the ends and runs of spaces inside, only the space character, and shows numbers as General", () => {
    expect(calc('=TRIM("  Leak   repairs ")')).toBe("Leak repairs");
    expect(calc('=TRIM("a\u00a0 b")')).toBe("a\u00a0 b");
    expect(calc("=TRIM(1.5)")).toBe("1.5");
    expect(calc("=TRIM(TRUE)")).toBe("TRUE");
    expect(calc("=TRIM(1/0)")).toBe("#DIV/0!");
    expect(calc('=TRIM(" repairs")="REPAIRS"')).toBe(true);
  });

  test("comparisons: text without regard to case, numbers before text before booleans, within rounding noise", () => {
    expect(calc('="a"="A"')).toBe(true);
    expect(calc('="apple"<"Banana"')).toBe(true);
    expect(calc('=1<"a"')).toBe(true);
    expect(calc('="zzz"<TRUE')).toBe(true);
    expect(calc("=FALSE<TRUE")).toBe(true);
    expect(calc('=1="1"')).toBe(false);
    expect(calc("=0.1+0.2=0.3")).toBe(true);
    expect(calc("=F1*3=0.3", seed)).toBe(true);
    expect(calc("=2<>2")).toBe(false);
    expect(calc("=2>=2")).toBe(true);
  });

  test("arithmetic errors and non-finite results", () => {
    expect(calc("=1/0")).toBe("#DIV/0!");
    expect(calc("=0^0")).toBe("#NUM!");
    expect(calc("=0^-1")).toBe("#DIV/0!");
    expect(calc("=(-8)^(1/4)")).toBe("#NUM!");
    // An odd root of a negative number is real in Excel (the core's power, docs/workbook-contract.md).
    expect(calc("=(-8)^(1/3)")).toBe(-2);
    expect(calc("=1E308*10")).toBe("#NUM!");
    expect(calc("=-0")).toBe(0);
    expect(Object.is(calc("=-0*1"), 0)).toBe(true);
    // A sum that cancels to within rounding noise is exactly 0, as in Excel and LibreOffice.
    expect(calc("=0.3-0.1-0.2")).toBe(0);
  });

  test("errors propagate, left to right", () => {
    expect(calc("=#N/A+#DIV/0!")).toBe("#N/A");
    expect(calc("=1/0&#N/A")).toBe("#DIV/0!");
    expect(calc('="x"+#N/A')).toBe("#VALUE!");
    expect(calc("=#REF!=1")).toBe("#REF!");
    expect(calc("=-#NUM!")).toBe("#NUM!");
    expect(calc("=SUM(1,#NULL!,1/0)")).toBe("#NULL!");
    expect(calc("=#NAME?")).toBe("#NAME?");
  });

  test("element by element over ranges and arrays, a single value repeated, missing positions #N/A", () => {
    const grid = {
      sheets: [
        dataSheet([
          [1, 2],
          [3, 4],
        ]),
      ],
    };
    expect(calc("=SUMPRODUCT(A1:B2*10)", grid)).toBe(100);
    expect(calc("=SUMPRODUCT(A1:B2*A1:B2)", grid)).toBe(30);
    expect(calc("=SUMPRODUCT(A1:A2*A1:B1)", grid)).toBe(1 * 1 + 1 * 2 + 3 * 1 + 3 * 2);
    expect(calc("=SUMPRODUCT(-A1:B2%)", grid)).toBe(-0.1);
    expect(calc("=SUMPRODUCT({1,2,3}*{1,2})")).toBe("#N/A");
    // Without spilling, a cell shows the top-left value of an array result.
    expect(calc("=A1:B2*10", grid)).toBe(10);
    expect(calc("={7,8;9,10}")).toBe(7);
  });
});

describe("references, names and tables", () => {
  const seed: SimulationSeed = {
    sheets: [
      {
        name: "Variables",
        rows: [
          ["Name", "Value"],
          ["Miles", 1200],
          ["Rate", 0.25],
          ["Crews", 4],
        ],
        cells: { D1: "Price", D2: 10, D3: 20, D4: 30 },
      },
      { name: "Value Summary", cells: { F5: 7, F6: { formula: "=F5*2" } } },
      { name: "Customer's inputs", cells: { A1: 11 } },
      dataSheet(),
    ],
    names: [
      { name: "Miles", formula: "=Variables!$B$2" },
      { name: "LeakRepairs", formula: "='Value Summary'!$F$5" },
      { name: "Doubled", formula: "='Value Summary'!$F$6" },
      { name: "Values", formula: "=Variables!$B$2:$B$4" },
      { name: "Discount", formula: "=0.1" },
      { name: "Twice", formula: "=Miles*2" },
      { name: "Gone", formula: "=#REF!$B$2" },
      { name: "GoneToo", formula: "=Variables!#REF!" },
      { name: "Loop", formula: "=Loop+1" },
    ],
    tables: [{ name: "Prices", sheet: "Variables", range: "D1:D4" }],
  };

  test("sheet-qualified references, quoted or not, with quotes doubled inside", () => {
    expect(calc("=Variables!$B$2", seed)).toBe(1200);
    expect(calc("=variables!B3*4", seed)).toBe(1);
    expect(calc("='Value Summary'!$F$5", seed)).toBe(7);
    expect(calc("='Customer''s inputs'!A1", seed)).toBe(11);
    expect(calc("=SUM(Variables!B2:B4)", seed)).toBe(1204.25);
    expect(calc("=Nowhere!A1", seed)).toBe("#REF!");
  });

  test("workbook-scoped names: a cell, a range, a constant, a name over names", () => {
    expect(calc("=Miles", seed)).toBe(1200);
    expect(calc("=miles*leakrepairs", seed)).toBe(8400);
    expect(calc("=Doubled", seed)).toBe(14);
    expect(calc("=SUM(Values)", seed)).toBe(1204.25);
    expect(calc("=Discount*10", seed)).toBe(1);
    expect(calc("=Twice", seed)).toBe(2400);
  });

  test("a name whose formula holds #REF! is #REF!; an unknown name #NAME?; a name that refers to itself 0", () => {
    expect(calc("=Gone", seed)).toBe("#REF!");
    expect(calc("=GoneToo+1", seed)).toBe("#REF!");
    expect(calc("=Unknown", seed)).toBe("#NAME?");
    expect(calc("=IFERROR(Unknown,5)", seed)).toBe(5);
    expect(calc("=Loop", seed)).toBe(1);
  });

  test("a table's name is its data body", () => {
    expect(calc("=SUM(Prices)", seed)).toBe(60);
    expect(calc("=INDEX(Prices,2)", seed)).toBe(20);
  });

  test("the range operator joins references, also those INDEX gives", () => {
    expect(calc("=SUM(Variables!B2:Variables!B3)", seed)).toBe(1200.25);
    expect(calc("=SUM(INDEX(Values,2):Variables!B4)", seed)).toBe(4.25);
    expect(calc("=SUM(Miles:Variables!B3)", seed)).toBe(1200.25);
    expect(calc("=SUM(1:A1)", seed)).toBe("#VALUE!");
  });
});

describe("formula cells that other formulas read", () => {
  const chain = (length: number) => ({
    sheets: [dataSheet([[1], ...Array.from({ length: length - 1 }, (_, i) => [{ formula: `=A${i + 1}+1` }])])],
  });
  const read = (seed: SimulationSeed, address: string, calculator = createFormulaCalculator()) => {
    const simulation = createExcelSimulation(seed);
    const cell = simulation.document.cell("Data", address);
    return calculator("Data", cell.row, cell.column, cell.formula!, simulation.document);
  };

  test("are computed first, whatever the order", () => {
    const seed = { sheets: [dataSheet([[{ formula: "=B1*2" }, { formula: "=C1+1" }, 20, { formula: "=SUM(A1:C1)" }]])] };
    expect(read(seed, "A1")).toBe(42);
    expect(read(seed, "D1")).toBe(42 + 21 + 20);
  });

  test("a stored value of a formula cell is used as it is (Excel's last calculation)", () => {
    const seed = {
      sheets: [
        dataSheet([[{ formula: "=1/0", value: 42 }, { formula: "=A1+1" }, { formula: "=NA()", value: "#N/A" }, { formula: "=C1" }]]),
      ],
    };
    expect(read(seed, "B1")).toBe(43);
    expect(read(seed, "D1")).toBe("#N/A");
  });

  test("a chain of 20,000 cells, each reading the one before, needs no deep stack", () => {
    expect(read(chain(20_000), "A20000")).toBe(20_000);
  });

  test("past the longest chain allowed the result is #NUM!, not a crash", () => {
    expect(read(chain(200), "A200", createFormulaCalculator({ maxChain: 100 }))).toBe("#NUM!");
    expect(read(chain(99), "A99", createFormulaCalculator({ maxChain: 100 }))).toBe(99);
  });

  test("a circular reference: the cell re-entered is 0, the others are computed from that 0", () => {
    const seed = {
      sheets: [
        dataSheet([[{ formula: "=A1+1" }, { formula: "=C1+1" }, { formula: "=B1*5" }, { formula: "=B1+10" }, { formula: "=SUM(A1:D1)" }]]),
      ],
    };
    expect(read(seed, "A1")).toBe(0);
    expect(read(seed, "B1")).toBe(0);
    expect(read(seed, "C1")).toBe(0);
    // D1 is outside the circle: B1 is 0 there.
    expect(read(seed, "D1")).toBe(10);
    expect(read(seed, "E1")).toBe(0 + 0 + 0 + 10);
  });

  test("IF takes only its branch: a circle through the other branch never closes", () => {
    const seed = { sheets: [dataSheet([[{ formula: "=IF(TRUE,7,B1)" }, { formula: "=A1*2" }]])] };
    expect(read(seed, "A1")).toBe(7);
    expect(read(seed, "B1")).toBe(14);
  });
});

describe("remembering values", () => {
  const seed = () => ({ sheets: [dataSheet(Array.from({ length: 50 }, (_, i) => [i + 1, { formula: `=A${i + 1}*2` }]))] });

  /** The simulation's document, with a revision the test controls (or none) and a count of the cells read through it. */
  function counted(withRevision: boolean) {
    const simulation = createExcelSimulation(seed());
    const state = { revision: 0, reads: 0 };
    const document: DocumentView = {
      ...simulation.document,
      cell: (sheet, address) => {
        state.reads++;
        return simulation.document.cell(sheet, address);
      },
      revision: () => state.revision,
    };
    // A DocumentView from before revision() existed.
    if (!withRevision) Reflect.deleteProperty(document, "revision");
    return { document, state };
  }

  test("with a document revision, values computed in one call serve the next until the revision moves on", () => {
    const { document, state } = counted(true);
    const calculate = createFormulaCalculator();
    expect(calculate("Data", 0, 2, "=SUM(B1:B50)", document)).toBe(2550);
    // Two passes over B1:B50 (the second once they are computed) and A1:A50 once.
    const first = state.reads;
    expect(first).toBe(150);
    expect(calculate("Data", 0, 2, "=SUM(B1:B50)", document)).toBe(2550);
    expect(calculate("Data", 0, 3, "=SUM(B1:B50)/2", document)).toBe(1275);
    // B1:B50 were remembered; the new formula read them, and nothing else.
    expect(state.reads).toBe(first + 50);
    state.revision++;
    expect(calculate("Data", 0, 2, "=SUM(B1:B50)", document)).toBe(2550);
    expect(state.reads).toBe(first * 2 + 50);
  });

  test("without one, each call starts afresh", () => {
    const { document, state } = counted(false);
    const calculate = createFormulaCalculator();
    calculate("Data", 0, 2, "=SUM(B1:B50)", document);
    const first = state.reads;
    calculate("Data", 0, 2, "=SUM(B1:B50)", document);
    expect(state.reads).toBe(first * 2);
  });
});

describe("through Office.js", () => {
  test("Range.values of formula cells gives their values, and follows changes of the inputs", async () => {
    const simulation = calculating({
      sheets: [
        {
          name: "Inputs",
          rows: [
            ["Miles", 1200],
            ["Rate", 0.5],
          ],
        },
        dataSheet(),
      ],
      names: [{ name: "Miles", formula: "=Inputs!$B$1" }],
    });
    await simulation.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:D1").formulas = [
        ["=Miles*Inputs!B2", "=A1/0", '=IF(A1>100,"big","small")', '=COUNTIF(A1:C1,"big")'],
      ];
      await context.sync();
    });
    expect(await valuesOf(simulation, "Data", "A1:E1")).toEqual([[600, "#DIV/0!", "big", 1, ""]]);
    await simulation.run(async (context) => {
      context.workbook.worksheets.getItem("Inputs").getRange("B1").values = [[100]];
      await context.sync();
    });
    expect(await valuesOf(simulation, "Data", "A1:D1")).toEqual([[50, "#DIV/0!", "small", 0]]);
  });

  test("a request that writes an input and reads a formula in the same sync reads the new value", async () => {
    const simulation = calculating({ sheets: [dataSheet([[1, { formula: "=A1*2" }, { formula: "=B1+1" }]])] });
    expect(await valuesOf(simulation, "Data", "B1:C1")).toEqual([[2, 3]]);
    const both = await simulation.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1").values = [[5]];
      const read = sheet.getRange("B1:C1").load("values");
      sheet.getRange("D1").formulas = [["=C1*10"]];
      const after = sheet.getRange("D1").load("values");
      await context.sync();
      return [read.values, after.values];
    });
    expect(both).toEqual([[[10, 11]], [[110]]]);
  });

  test("a whole column is read from the sheet's stored cells", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [i + 1, i % 2 === 0 ? "odd" : "even"]);
    const simulation = calculating({
      sheets: [
        dataSheet(rows, {
          D1: { formula: "=SUM(A:A)" },
          D2: { formula: '=SUMIF(B:B,"odd",A:A)' },
          D3: { formula: "=COUNTA(A:B)" },
          D4: { formula: '=COUNTIF(B:B,"")' },
        }),
      ],
    });
    expect(await valuesOf(simulation, "Data", "D1:D4")).toEqual([[465], [225], [60], [1_048_576 - 30]]);
  });

  test("a grid of formulas reading their neighbours, read at once, has the values worked out in JavaScript", async () => {
    // Column A holds 1..20; every other cell is twice its left neighbour plus the cell above it.
    const rows = Array.from({ length: 20 }, (_, r) =>
      Array.from({ length: 5 }, (_, c) => (c === 0 ? r + 1 : { formula: `=${cellRef(r, c - 1)}*2+${r > 0 ? cellRef(r - 1, c) : 0}` })),
    );
    const expected: number[][] = [];
    for (let r = 0; r < 20; r++) {
      expected.push([r + 1]);
      for (let c = 1; c < 5; c++) expected[r]!.push(expected[r]![c - 1]! * 2 + (r > 0 ? expected[r - 1]![c]! : 0));
    }
    expect(await valuesOf(calculating({ sheets: [dataSheet(rows)] }), "Data", "A1:E20")).toEqual(expected);
  });
});

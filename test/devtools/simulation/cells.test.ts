import { type SheetSeed, createExcelSimulation } from "../../../src/devtools/simulation/excel";

type Batch = (sheet: Excel.Worksheet, context: Excel.RequestContext) => Promise<void>;

/** Runs a batch on the sheet "Data" of a fresh simulation seeded with `rows`, and returns the simulation. */
async function onData(rows: SheetSeed["rows"], batch: Batch, calculate?: (formula: string) => number | undefined) {
  const simulation = createExcelSimulation(
    { sheets: [{ name: "Data", rows }] },
    calculate ? { calculate: (_s, _r, _c, formula) => calculate(formula) } : {},
  );
  await simulation.run(async (context) => batch(context.workbook.worksheets.getItem("Data"), context));
  return simulation;
}

describe("writing values and formulas", () => {
  test("a null entry leaves its cell unchanged and an empty string clears it", async () => {
    const simulation = await onData([[1, 2, 3]], async (sheet) => {
      sheet.getRange("A1:C1").values = [[null, "", 30]];
    });
    expect(simulation.document.formulas("Data", "A1:C1")).toEqual([[1, "", 30]]);
    expect(simulation.document.sheet("Data").cells.map((c) => c.address)).toEqual(["A1", "C1"]);
  });

  test("an apostrophe stores the rest as text: '=A1 is the text =A1 and ''x is 'x", async () => {
    const simulation = await onData([], async (sheet, context) => {
      sheet.getRange("A1:D1").values = [["'=A1", "''x", "'15%", "'TRUE"]];
      const read = sheet.getRange("A1:D1").load("values,formulas");
      await context.sync();
      expect(read.values).toEqual([["=A1", "'x", "15%", "TRUE"]]);
      expect(read.formulas).toEqual([["=A1", "'x", "15%", "TRUE"]]);
    });
    expect(simulation.document.cell("Data", "A1")).toMatchObject({ value: "=A1" });
    expect(simulation.document.cell("Data", "A1").formula).toBeUndefined();
  });

  test("strings are read like typed input: numbers, percentages and booleans convert", async () => {
    const simulation = await onData([], async (sheet) => {
      sheet.getRange("A1:H1").values = [["42", "-1.5", "+.5", "1e3", "15%", "true", "FALSE", "pipeline"]];
    });
    expect(simulation.document.formulas("Data", "A1:H1")).toEqual([[42, -1.5, 0.5, 1000, 0.15, true, false, "pipeline"]]);
    expect(simulation.document.cell("Data", "E1").numberFormat).toBe("0%");
    expect(simulation.document.cell("Data", "D1").numberFormat).toBe("0.00E+00");
    expect(simulation.document.cell("Data", "A1").numberFormat).toBe("General");
  });

  test("a string beginning with = becomes a formula through values as through formulas; + and - too", async () => {
    const simulation = await onData([], async (sheet) => {
      sheet.getRange("A1:B1").values = [["=1+1", "-A1"]];
      sheet.getRange("C1").formulas = [["=SUM(A1:B1)"]];
      sheet.getRange("D1").formulas = [[7]];
    });
    expect(simulation.document.formulas("Data", "A1:D1")).toEqual([["=1+1", "=-A1", "=SUM(A1:B1)", 7]]);
    expect(simulation.document.cell("Data", "C1").value).toBeUndefined();
  });

  test("text whose conversion Excel decides by locale is refused, not guessed", async () => {
    for (const text of ["1,000", "$5", "(5)", "2024-01-31", "1/2", "12:30", "@name", " 5"]) {
      await expect(
        onData([], async (sheet, context) => {
          sheet.getRange("A1").values = [[text]];
          await context.sync();
        }),
      ).rejects.toMatchObject({ name: "SimulationError" });
    }
  });

  test("an array whose size differs from the range's is refused with InvalidArgument and changes nothing", async () => {
    for (const grid of [[[1, 2]], [[1], [2], [3]], [[1], [2, 3]], [1, 2]]) {
      const simulation = await onData([[0], [0]], async (sheet, context) => {
        sheet.getRange("A1:A2").values = grid as unknown as unknown[][];
        await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      });
      expect(simulation.document.formulas("Data", "A1:A2")).toEqual([[0], [0]]);
    }
  });

  test("NaN is refused: Office.js would send it as null and leave the cell unchanged", async () => {
    await expect(
      onData([], async (sheet, context) => {
        sheet.getRange("A1").values = [[Number.NaN]];
        await context.sync();
      }),
    ).rejects.toThrow("NaN cannot reach Excel");
  });

  test("number formats are written and read as 2-D arrays, General by default", async () => {
    await onData([[1, 2]], async (sheet, context) => {
      sheet.getRange("A1:B1").numberFormat = [["0.0%", null]];
      const read = sheet.getRange("A1:C1").load("numberFormat");
      await context.sync();
      expect(read.numberFormat).toEqual([["0.0%", "General", "General"]]);
    });
  });
});

describe("reading formula cells", () => {
  test("values gives the seeded value of a formula cell, formulas its formula", async () => {
    await onData([[2, { formula: "=A1*3", value: 6 }]], async (sheet, context) => {
      const read = sheet.getRange("A1:B1").load("values,formulas");
      await context.sync();
      expect(read.values).toEqual([[2, 6]]);
      expect(read.formulas).toEqual([[2, "=A1*3"]]);
    });
  });

  test("a written formula's value comes from the calculate hook", async () => {
    await onData(
      [],
      async (sheet, context) => {
        sheet.getRange("A1").formulas = [["=6*7"]];
        const read = sheet.getRange("A1").load("values");
        await context.sync();
        expect(read.values).toEqual([[42]]);
      },
      (formula) => (formula === "=6*7" ? 42 : undefined),
    );
  });

  test("without a seeded value or a hook, reading a formula's value is a simulation error", async () => {
    await onData([], async (sheet, context) => {
      sheet.getRange("B3").formulas = [["=1/0"]];
      sheet.getRange("B3").load("values");
      await expect(context.sync()).rejects.toThrow("The simulation does not calculate formulas: Data!B3 holds =1/0");
    });
  });

  test("a seeded formula may come without its value: the calculate hook gives it, and without one reading it is a simulation error", async () => {
    const seed = { sheets: [{ name: "S", cells: { B2: { formula: "=1+1" } } }] };
    const calculated = createExcelSimulation(seed, { calculate: (_s, _r, _c, formula) => (formula === "=1+1" ? 2 : undefined) });
    await calculated.run(async (context) => {
      const read = context.workbook.worksheets.getItem("S").getRange("B2").load("values,formulas");
      await context.sync();
      expect([read.values, read.formulas]).toEqual([[[2]], [["=1+1"]]]);
    });
    expect(calculated.document.cell("S", "B2").value).toBeUndefined();
    await createExcelSimulation(seed).run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("B2").load("values");
      await expect(context.sync()).rejects.toMatchObject({ name: "SimulationError" });
    });
  });
});

describe("addresses", () => {
  test("Range.address quotes sheet names as Excel does and writes whole rows and columns short", async () => {
    const simulation = createExcelSimulation({ sheets: [{ name: "Value Summary" }, { name: "It's" }, { name: "Plain_1" }] });
    await simulation.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const ranges = [
        sheets.getItem("Value Summary").getRange("A1:K20"),
        sheets.getItem("It's").getRange("$B$2"),
        sheets.getItem("Plain_1").getRange("A:K"),
        sheets.getItem("Plain_1").getRange("5:7"),
        sheets.getItem("Plain_1").getRange("C3:A1"),
        sheets.getItem("Value Summary").getRange("'Value Summary'!B2:C3"),
        sheets.getItem("It's").getRange("'It''s'!$A$1"),
      ].map((r) => r.load("address,rowCount,columnCount"));
      await context.sync();
      expect(ranges.map((r) => r.address)).toEqual([
        "'Value Summary'!A1:K20",
        "'It''s'!B2",
        "Plain_1!A:K",
        "Plain_1!5:7",
        "Plain_1!A1:C3",
        "'Value Summary'!B2:C3",
        "'It''s'!A1",
      ]);
      expect(ranges[2]!.rowCount).toBe(1048576);
      expect(ranges[3]!.columnCount).toBe(16384);
    });
  });

  test("getRange takes a defined name that refers to a range on the sheet", async () => {
    const simulation = createExcelSimulation({
      sheets: [{ name: "Inputs", rows: [[1], [2]] }],
      names: [{ name: "Both", formula: "=Inputs!$A$1:$A$2" }],
    });
    await simulation.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Inputs").getRange("Both").load("values");
      await context.sync();
      expect(range.values).toEqual([[1], [2]]);
    });
  });
});

describe("clearing", () => {
  const rows = [
    [1, 2, 3],
    [4, 5, 6],
  ];

  test("Contents keeps formats; Formats keeps contents; All (the default) removes both", async () => {
    const simulation = await onData(rows, async (sheet, context) => {
      sheet.getRange("A1:C2").format.font.bold = true;
      sheet.getRange("A1:C2").numberFormat = [
        ["0", "0", "0"],
        ["0", "0", "0"],
      ];
      await context.sync();
      sheet.getRange("A1:C1").clear("Contents");
      sheet.getRange("A2:B2").clear("Formats");
      sheet.getRange("C2").clear();
    });
    const cells = simulation.document.sheet("Data").cells.map((c) => [c.address, c.value ?? null, c.numberFormat, c.format.bold ?? false]);
    expect(cells).toEqual([
      ["A1", null, "0", true],
      ["B1", null, "0", true],
      ["C1", null, "0", true],
      ["A2", 4, "General", false],
      ["B2", 5, "General", false],
    ]);
  });

  test("clearing whole columns touches only what the sheet holds, and trims conditional formats", async () => {
    const simulation = await onData(rows, async (sheet, context) => {
      sheet.getRange("A5:F9").conditionalFormats.add("Custom").custom.rule.formula = "=A5<0";
      sheet.getRange("H1:H2").conditionalFormats.add("Custom").custom.rule.formula = "=H1>0";
      await context.sync();
      sheet.getRange("A:B").clear();
      sheet.getRange("G:H").clear("Formats");
    });
    const data = simulation.document.sheet("Data");
    expect(data.cells.map((c) => [c.address, c.value])).toEqual([
      ["C1", 3],
      ["C2", 6],
    ]);
    expect(data.conditionalFormats).toEqual([{ address: "C5:F9", formula: "=A5<0" }]);
  });

  test("clearing the whole sheet (17 billion cells, six of them stored) empties it", async () => {
    const simulation = await onData(rows, async (sheet) => {
      sheet.getRange("A1").conditionalFormats.add("Custom").custom.rule.formula = "=A1>0";
      sheet.getRange().clear();
    });
    expect(simulation.document.sheet("Data")).toMatchObject({ cells: [], conditionalFormats: [] });
  });

  test("clearing the middle of a conditional format leaves the pieces around it", async () => {
    const simulation = await onData([], async (sheet, context) => {
      sheet.getRange("A1:C3").conditionalFormats.add("Custom").custom.rule.formula = "=A1>0";
      await context.sync();
      sheet.getRange("B2").conditionalFormats.clearAll();
    });
    expect(simulation.document.sheet("Data").conditionalFormats[0]!.address).toBe("A1:C1,A3:C3,A2,C2");
  });

  test("Contents leaves conditional formats alone", async () => {
    const simulation = await onData([], async (sheet, context) => {
      sheet.getRange("A1:A3").conditionalFormats.add("Custom").custom.rule.formula = "=A1>0";
      await context.sync();
      sheet.getRange("A:A").clear("Contents");
    });
    expect(simulation.document.sheet("Data").conditionalFormats).toHaveLength(1);
  });
});

import { type SimulationSeed, createExcelSimulation } from "../../../src/devtools/simulation/excel";

const seed: SimulationSeed = {
  sheets: [
    {
      name: "Inputs",
      rows: [
        ["Variable", "Value"],
        ["Miles", 120],
        ["Leaks", 0.05],
      ],
    },
    { name: "Summary", cells: { A1: { formula: "=Inputs!B2*2" }, B1: { formula: "=1/0", value: "#DIV/0!" } } },
    { name: "Meta", visibility: "VeryHidden" },
  ],
  tables: [{ name: "CVM_Variables", sheet: "Inputs", range: "A1:B3" }],
};

function simulation(options: Parameters<typeof createExcelSimulation>[1] = {}) {
  return createExcelSimulation(seed, options);
}

describe("edit: typing into a cell", () => {
  test("typed text converts as Excel's grid converts it", () => {
    const sim = simulation();
    const typed: [string, string][] = [
      ["F1", "1200"],
      ["F2", "-3.5"],
      ["F3", "1e3"],
      ["F4", "1,200"],
      ["F5", "1,234,567.25"],
      ["F6", "15%"],
      ["F7", "12.5%"],
      ["F8", "true"],
      ["F9", "FALSE"],
      ["F10", "'0042"],
      ["F11", "'=A1"],
      ["F12", "pipeline leaks"],
      ["F13", "1,2"],
      ["F14", " 7 "],
      ["F15", "2024-01-31"],
    ];
    for (const [address, input] of typed) sim.edit("Inputs", address, input);
    const cells = typed.map(([address]) => sim.document.cell("Inputs", address));
    expect(cells.map((c) => c.value)).toEqual([
      1200,
      -3.5,
      1000,
      1200,
      1234567.25,
      0.15,
      0.125,
      true,
      false,
      "0042",
      "=A1",
      "pipeline leaks",
      "1,2",
      7,
      "2024-01-31",
    ]);
    expect(cells.map((c) => c.numberFormat)).toEqual([
      "General",
      "General",
      "0.00E+00",
      "#,##0",
      "#,##0.00",
      "0%",
      "0.00%",
      ...Array<string>(8).fill("General"),
    ]);
    expect(cells.every((c) => c.formula === undefined)).toBe(true);
  });

  test("= starts a formula, stored without a value; + and - before a name do too", () => {
    const sim = simulation();
    sim.edit("Inputs", "D1", "=B2*2");
    sim.edit("Inputs", "D2", "-B2");
    expect(sim.document.cell("Inputs", "D1")).toMatchObject({ formula: "=B2*2" });
    expect(sim.document.cell("Inputs", "D1").value).toBeUndefined();
    expect(sim.document.cell("Inputs", "D2").formula).toBe("=-B2");
  });

  test("a percentage sets 0% only on a General cell; typing keeps the cell's format otherwise", async () => {
    const sim = simulation();
    await sim.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Inputs").getRange("E1:E2");
      range.numberFormat = [["0.0%"], ["0.0%"]];
      range.format.font.bold = true;
    });
    sim.edit("Inputs", "E1", "15%");
    sim.edit("Inputs", "E2", "42");
    expect(sim.document.cell("Inputs", "E1")).toMatchObject({ value: 0.15, numberFormat: "0.0%", format: { bold: true } });
    expect(sim.document.cell("Inputs", "E2")).toMatchObject({ value: 42, numberFormat: "0.0%" });
  });

  test('"" clears the contents and keeps the format', async () => {
    const sim = simulation();
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Inputs").getRange("B2").format.fill.color = "#FFFF00";
    });
    sim.edit("Inputs", "B2", "");
    expect(sim.document.cell("Inputs", "B2").value).toBeUndefined();
    expect(sim.document.cell("Inputs", "B2").format).toEqual({ fill: "#FFFF00" });
    sim.edit("Inputs", "D9", "x");
    sim.edit("Inputs", "D9", "");
    expect(sim.document.sheet("Inputs").cells.map((c) => c.address)).not.toContain("D9");
  });

  test("is no API call: nothing is recorded as a sync", () => {
    const sim = simulation();
    sim.edit("Inputs", "B2", "130");
    expect(sim.syncs).toEqual([]);
  });

  test("refuses, changing nothing: hidden sheets, ranges, missing sheets, a bare =", () => {
    const sim = simulation();
    expect(() => sim.edit("Meta", "A1", "1")).toThrow(/hidden/);
    expect(() => sim.edit("Inputs", "A1:B2", "1")).toThrow(/one cell/);
    expect(() => sim.edit("Nope", "A1", "1")).toThrow(/no sheet/);
    expect(() => sim.edit("Inputs", "Summary!A1", "1")).toThrow(/not an address on Inputs/);
    expect(() => sim.edit("Inputs", "B2", "=")).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
    expect(sim.document.cell("Inputs", "B2").value).toBe(120);
    expect(sim.document.revision()).toBe(0);
  });

  test("typing just below a table makes it a row longer; below a totals row it does not", () => {
    const sim = createExcelSimulation({
      sheets: [
        {
          name: "S",
          rows: [
            ["Name", "Value", null, "K", "V"],
            ["a", 1, null, "x", 1],
            [null, null, null, "Total", 1],
          ],
        },
      ],
      tables: [
        { name: "Plain", sheet: "S", range: "A1:B2" },
        { name: "Totalled", sheet: "S", range: "D1:E3", showTotals: true },
      ],
    });
    sim.edit("S", "A3", "b");
    sim.edit("S", "D4", "not in the table");
    sim.edit("S", "A5", "too far");
    expect(sim.document.tables().map((t) => [t.name, t.range])).toEqual([
      ["Plain", "A1:B3"],
      ["Totalled", "D1:E3"],
    ]);
  });

  test("typing just right of a table adds a column; its header is what was typed there, else ColumnN", () => {
    const sim = createExcelSimulation({
      sheets: [
        {
          name: "S",
          rows: [
            ["Name", "Value"],
            ["a", 1],
          ],
        },
      ],
      tables: [{ name: "T", sheet: "S", range: "A1:B2" }],
    });
    sim.edit("S", "C2", "5");
    expect(sim.document.tables()[0]!.range).toBe("A1:C2");
    expect(sim.document.formulas("S", "A1:C2")).toEqual([
      ["Name", "Value", "Column3"],
      ["a", 1, 5],
    ]);
    sim.edit("S", "D1", "2026");
    expect(sim.document.tables()[0]!.range).toBe("A1:D2");
    expect(sim.document.cell("S", "D1").value).toBe("2026");
  });

  test("a table's header cell holds unique text: numbers stay text, a repeat is numbered, a cleared one is ColumnN", () => {
    const sim = simulation();
    sim.edit("Inputs", "B1", "2026");
    expect(sim.document.cell("Inputs", "B1").value).toBe("2026");
    sim.edit("Inputs", "B1", "variable");
    expect(sim.document.cell("Inputs", "B1").value).toBe("variable2");
    sim.edit("Inputs", "B1", "");
    expect(sim.document.cell("Inputs", "B1").value).toBe("Column2");
    expect(() => sim.edit("Inputs", "A1", "=1+1")).toThrow(expect.objectContaining({ name: "SimulationError" }));
    expect(sim.document.cell("Inputs", "A1").value).toBe("Variable");
  });
});

describe("select and activate, as clicks", () => {
  test("select activates the sheet and selects; each sheet remembers its selection; A1 at first", () => {
    const sim = simulation();
    expect([sim.document.activeSheet(), sim.document.selection()]).toEqual(["Inputs", "Inputs!A1"]);
    sim.select("Inputs", "B2:B3");
    sim.select("Summary", "C4");
    expect([sim.document.activeSheet(), sim.document.selection()]).toEqual(["Summary", "Summary!C4"]);
    sim.activate("Inputs");
    expect(sim.document.selection()).toBe("Inputs!B2:B3");
    expect(() => sim.activate("Meta")).toThrow(/hidden/);
    expect(() => sim.select("Meta", "A1")).toThrow(/hidden/);
    expect(sim.syncs).toEqual([]);
    // Selecting changes no content: the revision stays.
    expect(sim.document.revision()).toBe(0);
  });
});

describe("subscribe", () => {
  test("listeners hear of every sync, edit, select and activate until they unsubscribe", async () => {
    const sim = simulation();
    const heard: string[] = [];
    const stop = sim.subscribe(() => heard.push(`${sim.document.revision()} ${sim.document.selection()}`));
    sim.edit("Inputs", "B2", "130");
    sim.select("Inputs", "B3");
    sim.activate("Summary");
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Inputs").getRange("A1").load("values");
      await context.sync();
      context.workbook.worksheets.getItem("Inputs").getRange("B3").values = [[0.1]];
    });
    expect(heard).toEqual(["1 Inputs!A1", "1 Inputs!B3", "1 Summary!A1", "1 Summary!A1", "2 Summary!A1"]);
    stop();
    sim.edit("Inputs", "B2", "140");
    expect(heard).toHaveLength(5);
  });

  test("a listener that throws is contained and recorded", () => {
    const sim = simulation();
    const boom = new Error("view bug");
    sim.subscribe(() => {
      throw boom;
    });
    let after = 0;
    sim.subscribe(() => after++);
    sim.edit("Inputs", "B2", "1");
    expect(after).toBe(1);
    expect(sim.handlerErrors).toEqual([boom]);
    expect(sim.document.cell("Inputs", "B2").value).toBe(1);
  });
});

describe("the document view", () => {
  test("revision grows with changes of cells, formats, names, sheets and tables, not with loads or selection", async () => {
    const sim = simulation();
    const revisions: number[] = [sim.document.revision()];
    const step = async (batch: (context: Excel.RequestContext) => void) => {
      await sim.run(async (context) => {
        batch(context);
        await context.sync();
      });
      revisions.push(sim.document.revision());
    };
    await step((c) => c.workbook.worksheets.getItem("Inputs").getRange("A1:B3").load("values"));
    await step((c) => c.workbook.worksheets.getItem("Summary").getRange("C3").select());
    await step((c) => (c.workbook.worksheets.getItem("Inputs").getRange("C1").values = [[1]]));
    await step((c) => (c.workbook.worksheets.getItem("Inputs").getRange("C1").format.font.bold = true));
    await step((c) => c.workbook.names.add("Miles", "=Inputs!$B$2"));
    await step((c) => c.workbook.worksheets.add("New"));
    await step((c) => c.workbook.tables.add("New!A1:B2", true));
    sim.edit("Inputs", "B2", "7");
    revisions.push(sim.document.revision());
    expect(revisions).toEqual([0, 0, 0, 1, 2, 3, 4, 5, 6]);
  });

  test("the revision moves with each change inside a sync, so a read later in the same request sees it", async () => {
    const sim = simulation({ calculate: (_s, _r, _c, _f, document) => document.revision() });
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Summary");
      const before = sheet.getRange("A1").load("values");
      context.workbook.worksheets.getItem("Inputs").getRange("B2").values = [[1]];
      const after = sheet.getRange("A1").load("values");
      await context.sync();
      expect([before.values, after.values]).toEqual([[[0]], [[1]]]);
    });
  });

  test("value gives the stored value, else the calculate hook's result for a formula, else undefined", () => {
    const calls: string[] = [];
    const sim = simulation({
      calculate: (sheet, row, column, formula, document) => {
        calls.push(`${sheet}!${row},${column} ${formula}`);
        // A trivial hook: doubles Inputs!B2, read through the same document view.
        return formula === "=Inputs!B2*2" ? (document.value("Inputs", "B2") as number) * 2 : undefined;
      },
    });
    expect(sim.document.value("Inputs", "B2")).toBe(120);
    expect(sim.document.value("Summary", "A1")).toBe(240);
    expect(sim.document.value("Summary", "B1")).toBe("#DIV/0!");
    expect(sim.document.value("Summary", "Z99")).toBeUndefined();
    sim.edit("Summary", "C1", "=nothing");
    expect(sim.document.value("Summary", "C1")).toBeUndefined();
    sim.edit("Inputs", "B2", "200");
    expect(sim.document.value("Summary", "A1")).toBe(400);
    expect(calls).toEqual(["Summary!0,0 =Inputs!B2*2", "Summary!0,2 =nothing", "Summary!0,0 =Inputs!B2*2"]);
    expect(simulation().document.value("Summary", "A1")).toBeUndefined();
  });

  test("tables carry their style and totals row", () => {
    expect(simulation().document.tables()).toEqual([
      { name: "CVM_Variables", sheet: "Inputs", range: "A1:B3", style: "TableStyleMedium2", showTotals: false },
    ]);
  });
});

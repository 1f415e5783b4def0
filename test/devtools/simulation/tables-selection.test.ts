import { createExcelSimulation } from "../../../src/devtools/simulation/excel";

function simulation(apiVersion?: string) {
  return createExcelSimulation(
    {
      sheets: [
        {
          name: "Variables",
          rows: [
            ["Name", "Value", "Unit"],
            ["Miles", 120, "mi"],
            ["Leaks", 0.05, "per mi"],
          ],
        },
        {
          name: "Elements",
          rows: [
            ["Id", "Formula", null, 2026, "Id"],
            ["E1", "=Miles*2"],
          ],
        },
        { name: "Hidden", visibility: "Hidden" },
      ],
      names: [{ name: "Rate", formula: "=0.1" }],
      tables: [{ name: "Existing", sheet: "Variables", range: "E1:F3" }],
    },
    apiVersion ? { apiVersion } : {},
  );
}

describe("adding tables", () => {
  test("workbook.tables.add takes a sheet-qualified address; the table gets Excel's default name and style", async () => {
    const sim = simulation();
    await sim.run(async (context) => {
      const table = context.workbook.tables.add("Variables!A1:C3", true).load("name,style,showTotals,id");
      const header = table.getHeaderRowRange().load("address,values");
      const body = table.getDataBodyRange().load("address");
      await context.sync();
      expect([table.name, table.style, table.showTotals]).toEqual(["Table1", "TableStyleMedium2", false]);
      expect(table.id).toMatch(/^\{[0-9A-F-]{36}\}$/);
      expect([header.address, header.values]).toEqual(["Variables!A1:C1", [["Name", "Value", "Unit"]]]);
      expect(body.address).toBe("Variables!A2:C3");
    });
    expect(sim.document.tables().map((t) => [t.name, t.sheet, t.range])).toEqual([
      ["Existing", "Variables", "E1:F3"],
      ["Table1", "Variables", "A1:C3"],
    ]);
  });

  test("an address without a sheet is on the active sheet; worksheet.tables.add is on its own sheet and lists its own tables", async () => {
    const sim = simulation();
    sim.activate("Elements");
    await sim.run(async (context) => {
      context.workbook.tables.add("A4:B5", true);
      const variables = context.workbook.worksheets.getItem("Variables");
      variables.tables.add("A1:C3", true);
      const own = variables.tables.load("items/name");
      await context.sync();
      expect(own.items.map((t) => t.name)).toEqual(["Existing", "Table2"]);
      variables.tables.add("Elements!H1:H2", true);
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(sim.document.tables().map((t) => [t.name, t.sheet, t.range])).toEqual([
      ["Existing", "Variables", "E1:F3"],
      ["Table1", "Elements", "A4:B5"],
      ["Table2", "Variables", "A1:C3"],
    ]);
  });

  test("a Range argument needs ExcelApi 1.3; a string does not", async () => {
    const old = simulation("1.2");
    await old.run(async (context) => {
      context.workbook.tables.add(context.workbook.worksheets.getItem("Variables").getRange("A1:C3"), true);
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
      context.workbook.tables.add("Variables!A1:C3", true);
      await context.sync();
    });
    const current = simulation();
    await current.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Variables").getRange("A1:C3");
      context.workbook.tables.add(range, true).name = "CVM_Variables";
    });
    expect(current.document.tables()[1]).toMatchObject({ name: "CVM_Variables", range: "A1:C3" });
    expect(current.syncs[0]!.operations.map((o) => `${o.object} ${o.action}`)).toEqual([
      "workbook.tables add",
      'workbook.tables.add(workbook.worksheets.getItem("Variables").getRange("A1:C3")) set name',
    ]);
  });

  test("headers become unique text: numbers as text, empty ones ColumnN, repeats numbered", async () => {
    const sim = simulation();
    await sim.run(async (context) => {
      context.workbook.tables.add("Elements!A1:E2", true);
    });
    expect(sim.document.formulas("Elements", "A1:E1")).toEqual([["Id", "Formula", "Column3", "2026", "Id2"]]);
  });

  test("a header row alone gets one empty data row, as in Excel", async () => {
    const sim = simulation();
    await sim.run(async (context) => {
      const table = context.workbook.tables.add("Elements!H1:I1", true);
      table.getHeaderRowRange().values = [["Date", "Amount"]];
    });
    expect(sim.document.tables()[1]!.range).toBe("H1:I2");
    expect(sim.document.formulas("Elements", "H1:I2")).toEqual([
      ["Date", "Amount"],
      ["", ""],
    ]);
  });

  test("a table cannot overlap another table: InvalidArgument, nothing added", async () => {
    const sim = simulation();
    await sim.run(async (context) => {
      context.workbook.tables.add("Variables!C1:E2", true);
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(sim.document.tables()).toHaveLength(1);
  });

  test("without headers is not simulated: a clear SimulationError", async () => {
    await simulation().run(async (context) => {
      context.workbook.tables.add("Variables!A2:C3", false);
      await expect(context.sync()).rejects.toMatchObject({
        name: "SimulationError",
        message: expect.stringMatching(/without headers is not simulated/),
      });
    });
  });
});

describe("a table's name and style", () => {
  test("name follows Excel's rules: unique among tables and names without regard to case, no spaces, no cell reference", async () => {
    const sim = simulation();
    await sim.run(async (context) => {
      const table = context.workbook.tables.add("Variables!A1:C3", true);
      await context.sync();
      for (const bad of ["existing", "RATE", "My Table", "1st", "AB12", "R1C1", "C", "", "a-b"]) {
        table.name = bad;
        await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      }
      for (const good of ["_vars", "\\vars", "CVM_Variables", "cvm_variables"]) {
        table.name = good;
        await context.sync();
      }
      // A defined name cannot take a table's name either.
      context.workbook.names.add("CVM_VARIABLES", "=1");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    });
    expect(sim.document.tables()[1]!.name).toBe("cvm_variables");
  });

  test("renaming a table that formulas refer to is not simulated: Excel would rewrite them", async () => {
    const sim = createExcelSimulation({
      sheets: [{ name: "S", rows: [["A"], [1]], cells: { C1: { formula: "=SUM(T[A])", value: 1 } } }],
      tables: [{ name: "T", sheet: "S", range: "A1:A2" }],
    });
    await sim.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      table.name = "t";
      await context.sync();
      table.name = "Other";
      await expect(context.sync()).rejects.toMatchObject({ name: "SimulationError" });
    });
    expect(sim.document.tables()[0]!.name).toBe("t");
  });

  test("style takes Excel's built-in styles and loads back; showTotals loads, and changing it is not simulated", async () => {
    const sim = simulation();
    await sim.run(async (context) => {
      const table = context.workbook.tables.getItem("Existing");
      table.style = "TableStyleLight9";
      const read = context.workbook.tables.getItem("existing").load("style,showTotals");
      await context.sync();
      expect([read.style, read.showTotals]).toEqual(["TableStyleLight9", false]);
      for (const bad of ["TableStyleLight22", "Fancy", "TableStyleMedium0"]) {
        table.style = bad;
        await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      }
      table.showTotals = false;
      await context.sync();
      table.showTotals = true;
      await expect(context.sync()).rejects.toMatchObject({ name: "SimulationError" });
    });
    expect(sim.document.tables()[0]).toMatchObject({ style: "TableStyleLight9", showTotals: false });
  });
});

describe("selection and cells through the API", () => {
  test("Range.select and getSelectedRange; getActiveWorksheet", async () => {
    const sim = simulation();
    await sim.run(async (context) => {
      const first = context.workbook.getSelectedRange().load("address");
      context.workbook.worksheets.getItem("Elements").getRange("B2:C3").select();
      const after = context.workbook.getSelectedRange().load("address");
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect([first.address, after.address, active.name]).toEqual(["Variables!A1", "Elements!B2:C3", "Elements"]);
    });
    expect([sim.document.activeSheet(), sim.document.selection()]).toEqual(["Elements", "Elements!B2:C3"]);
    sim.select("Variables", "C2");
    await sim.run(async (context) => {
      const selected = context.workbook.getSelectedRange().load("values");
      await context.sync();
      expect(selected.values).toEqual([["mi"]]);
      context.workbook.worksheets.getItem("Hidden").getRange("A1").select();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
  });

  test("getCell and getRangeByIndexes count from 0; outside the sheet is InvalidArgument", async () => {
    await simulation().run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Variables");
      const cell = sheet.getCell(1, 1).load("address,values");
      const block = sheet.getRangeByIndexes(1, 0, 2, 3).load("address");
      await context.sync();
      expect([cell.address, cell.values, block.address]).toEqual(["Variables!B2", [[120]], "Variables!A2:C3"]);
      sheet.getRangeByIndexes(0, 0, 0, 1).load("address");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      sheet.getCell(-1, 0).load("address");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    await simulation("1.6").run(async (context) => {
      context.workbook.worksheets.getItem("Variables").getRangeByIndexes(0, 0, 1, 1).load("address");
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });

  test("autofitColumns sets each column's width from the longest content in the range, approximately", async () => {
    const sim = createExcelSimulation({
      sheets: [
        {
          name: "S",
          rows: [
            ["Short", "A much longer header text", null, true],
            [{ value: 1234567.891, numberFormat: "#,##0.00" }, 0.123456789123, null, { value: 0.15, numberFormat: "0%" }],
          ],
        },
      ],
    });
    await sim.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:D2");
      range.format.autofitColumns();
      const widths = range.format.load("columnWidth");
      await context.sync();
      expect(widths.columnWidth).toBeNull();
    });
    const widths = sim.document.sheet("S").columnWidths;
    // Characters × 7 px + 5 px padding, in points (0.75 pt a pixel): "1,234,567.89" is 12 characters.
    expect(widths).toEqual({ A: (12 * 7 + 5) * 0.75, B: (25 * 7 + 5) * 0.75, D: (4 * 7 + 5) * 0.75 });
    await simulation("1.1").run(async (context) => {
      context.workbook.worksheets.getItem("Variables").getRange("A:A").format.autofitColumns();
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });
});

import { createExcelSimulation } from "../../../src/devtools/simulation/excel";

function model() {
  return createExcelSimulation({
    sheets: [
      {
        name: "Inputs",
        rows: [
          ["Variable", "Value"],
          ["Miles", 120],
          ["Leaks", 0.05],
        ],
      },
      { name: "Value Summary" },
      { name: "CVM_Meta", visibility: "VeryHidden" },
    ],
    names: [
      { name: "Miles", formula: "=Inputs!$B$2" },
      { name: "Rate", formula: "0.1" },
      { name: "Label", formula: '="hello"' },
      { name: "Flag", formula: "=TRUE" },
      { name: "Broken", formula: "=#REF!$B$2" },
      { name: "Gone", formula: "='Old Sheet'!$A$1" },
    ],
    tables: [{ name: "CVM_Variables", sheet: "Inputs", range: "A1:B3" }],
  });
}

describe("defined names", () => {
  test("names report their formula (with =) and the type Excel gives them", async () => {
    await model().run(async (context) => {
      const names = context.workbook.names.load("items/name,items/formula,items/type,items/visible");
      await context.sync();
      expect(names.items.map((n) => [n.name, n.formula, n.type, n.visible])).toEqual([
        ["Miles", "=Inputs!$B$2", "Range", true],
        ["Rate", "=0.1", "Double", true],
        ["Label", '="hello"', "String", true],
        ["Flag", "=TRUE", "Boolean", true],
        ["Broken", "=#REF!$B$2", "Error", true],
        ["Gone", "='Old Sheet'!$A$1", "Range", true],
      ]);
    });
  });

  test("add takes a formula string or a range; a range is named absolutely", async () => {
    const simulation = model();
    await simulation.run(async (context) => {
      const summary = context.workbook.worksheets.getItem("Value Summary");
      context.workbook.names.add("CVM_NPV", "='Value Summary'!$F$5");
      context.workbook.names.add("CVM_IRR", summary.getRange("F6:G7"), "internal rate");
      context.workbook.names.add("CVM_Count", "3");
    });
    expect(simulation.document.names().slice(-3)).toEqual([
      { name: "CVM_NPV", formula: "='Value Summary'!$F$5", type: "Range", visible: true, comment: "" },
      { name: "CVM_IRR", formula: "='Value Summary'!$F$6:$G$7", type: "Range", visible: true, comment: "internal rate" },
      { name: "CVM_Count", formula: "=3", type: "Double", visible: true, comment: "" },
    ]);
  });

  test("setting the formula repoints the name; getRange follows it", async () => {
    const simulation = model();
    await simulation.run(async (context) => {
      const miles = context.workbook.names.getItem("miles");
      miles.formula = "=Inputs!$B$3";
      miles.visible = false;
      const range = miles.getRange().load("address,values");
      await context.sync();
      expect([range.address, range.values]).toEqual(["Inputs!B3", [[0.05]]]);
    });
    expect(simulation.document.name("Miles")).toMatchObject({ formula: "=Inputs!$B$3", visible: false });
  });

  test("delete removes the name; using the deleted name again is ItemNotFound", async () => {
    const simulation = model();
    await simulation.run(async (context) => {
      const rate = context.workbook.names.getItem("Rate");
      rate.delete();
      await context.sync();
      rate.load("formula");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(simulation.document.name("Rate")).toBeUndefined();
  });

  test("getRange fails for a name that is no range, or whose sheet is gone", async () => {
    await model().run(async (context) => {
      context.workbook.names.getItem("Rate").getRange().load("address");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      context.workbook.names.getItem("Gone").getRange().load("address");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("a name cannot look like a cell, nor repeat a table's name", async () => {
    await model().run(async (context) => {
      context.workbook.names.add("AB12", "=1");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      context.workbook.names.add("cvm_variables", "=1");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    });
  });
});

describe("tables", () => {
  test("a table gives its range and its worksheet", async () => {
    await model().run(async (context) => {
      const table = context.workbook.tables.getItem("cvm_variables").load("name");
      const range = table.getRange().load("values,address");
      const sheet = table.worksheet.load("name");
      const missing = context.workbook.tables.getItemOrNullObject("CVM_Elements");
      const all = context.workbook.tables.load("items/name");
      await context.sync();
      expect([table.name, range.address, sheet.name, missing.isNullObject]).toEqual(["CVM_Variables", "Inputs!A1:B3", "Inputs", true]);
      expect(range.values).toEqual([
        ["Variable", "Value"],
        ["Miles", 120],
        ["Leaks", 0.05],
      ]);
      expect(all.items.map((t) => t.name)).toEqual(["CVM_Variables"]);
    });
  });
});

describe("worksheets", () => {
  test("add appends without activating; activate and select change the active sheet", async () => {
    const simulation = model();
    await simulation.run(async (context) => {
      context.workbook.worksheets.add("Assumptions Log");
      const unnamed = context.workbook.worksheets.add().load("name");
      await context.sync();
      expect(unnamed.name).toBe("Sheet5");
      expect(simulation.document.activeSheet()).toBe("Inputs");
      context.workbook.worksheets.getItem("Assumptions Log").activate();
      await context.sync();
      expect(simulation.document.activeSheet()).toBe("Assumptions Log");
      context.workbook.worksheets.getItem("Value Summary").getRange("B2:C3").select();
    });
    expect(simulation.document.sheetNames()).toEqual(["Inputs", "Value Summary", "CVM_Meta", "Assumptions Log", "Sheet5"]);
    expect(simulation.document.activeSheet()).toBe("Value Summary");
    expect(simulation.document.selection()).toBe("'Value Summary'!B2:C3");
  });

  test("visibility: a hidden sheet cannot be activated, the last visible one cannot be hidden", async () => {
    const simulation = createExcelSimulation({ sheets: [{ name: "A" }, { name: "B" }] });
    await simulation.run(async (context) => {
      const a = context.workbook.worksheets.getItem("A");
      a.visibility = "VeryHidden";
      await context.sync();
      // Hiding the active sheet makes the next visible one active.
      expect(simulation.document.activeSheet()).toBe("B");
      a.activate();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      context.workbook.worksheets.getItem("B").visibility = "Hidden";
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      const read = context.workbook.worksheets.getItem("A").load("visibility");
      await context.sync();
      expect(read.visibility).toBe("VeryHidden");
    });
  });

  test("freeze panes: rows, columns, a range, and unfreeze", async () => {
    const simulation = model();
    const frozen = async (freeze: (panes: Excel.WorksheetFreezePanes) => void) => {
      await simulation.run(async (context) => freeze(context.workbook.worksheets.getItem("Value Summary").freezePanes));
      return simulation.document.sheet("Value Summary").frozen;
    };
    expect(await frozen((p) => p.freezeRows(4))).toEqual({ rows: 4, columns: 0 });
    expect(await frozen((p) => p.freezeColumns())).toEqual({ rows: 0, columns: 1 });
    expect(await frozen((p) => p.freezeAt("A1:B3"))).toEqual({ rows: 3, columns: 2 });
    expect(await frozen((p) => p.unfreeze())).toEqual({ rows: 0, columns: 0 });
  });
});

describe("formats", () => {
  test("format properties are set on every cell and read as the shared value, or null when mixed", async () => {
    const simulation = model();
    await simulation.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Value Summary");
      const header = sheet.getRange("A1:C1").format;
      header.font.bold = true;
      header.font.italic = true;
      header.font.color = "#1f4e79";
      header.font.size = 14;
      header.fill.color = "#DDEBF7";
      header.horizontalAlignment = "Center";
      header.wrapText = true;
      header.borders.getItem("EdgeBottom").style = "Continuous";
      sheet.getRange("B:C").format.columnWidth = 90;
      const same = sheet.getRange("A1:C1").format.load("horizontalAlignment,wrapText");
      const font = sheet.getRange("A1:C1").format.font.load();
      const mixed = sheet.getRange("A1:A2").format.font.load("bold");
      const widths = sheet.getRange("A1:C1").format.load("columnWidth");
      const narrow = sheet.getRange("B1:C1").format.load("columnWidth");
      const fill = sheet.getRange("A1").format.fill.load("color");
      const plain = sheet.getRange("A2").format.fill.load("color");
      await context.sync();
      expect([same.horizontalAlignment, same.wrapText]).toEqual(["Center", true]);
      expect([font.bold, font.italic, font.color, font.size]).toEqual([true, true, "#1F4E79", 14]);
      expect(mixed.bold).toBeNull();
      expect([widths.columnWidth, narrow.columnWidth]).toEqual([null, 90]);
      expect([fill.color, plain.color]).toEqual(["#DDEBF7", "#FFFFFF"]);
    });
    const summary = simulation.document.sheet("Value Summary");
    expect(summary.columnWidths).toEqual({ B: 90, C: 90 });
    expect(simulation.document.cell("Value Summary", "B1").format).toEqual({
      bold: true,
      italic: true,
      fontColor: "#1F4E79",
      fontSize: 14,
      fill: "#DDEBF7",
      horizontalAlignment: "Center",
      wrapText: true,
      borderBottom: "Continuous",
    });
  });

  test("top and bottom borders go on the range's first and last rows", async () => {
    const simulation = model();
    await simulation.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Value Summary").getRange("A1:A3");
      range.format.borders.getItem("EdgeTop").style = "Continuous";
      range.format.borders.getItem("EdgeBottom").style = "Continuous";
    });
    const borders = simulation.document.sheet("Value Summary").cells.map((c) => [c.address, c.format.borderTop, c.format.borderBottom]);
    expect(borders).toEqual([
      ["A1", "Continuous", undefined],
      ["A3", undefined, "Continuous"],
    ]);
  });

  test("conditional formats keep their rule, font and fill", async () => {
    const simulation = model();
    await simulation.run(async (context) => {
      const rule = context.workbook.worksheets.getItem("Value Summary").getRange("G5:I20").conditionalFormats.add("Custom");
      rule.custom.rule.formula = "=G5<0";
      rule.custom.format.font.color = "#9c0006";
      rule.custom.format.font.bold = true;
      rule.custom.format.fill.color = "#FFC7CE";
    });
    expect(simulation.document.sheet("Value Summary").conditionalFormats).toEqual([
      { address: "G5:I20", formula: "=G5<0", fontColor: "#9C0006", bold: true, fill: "#FFC7CE" },
    ]);
  });

  test("a named colour is refused: the simulation does not know Excel's colour table", async () => {
    await model().run(async (context) => {
      context.workbook.worksheets.getItem("Inputs").getRange("A1").format.fill.color = "orange";
      await expect(context.sync()).rejects.toMatchObject({ name: "SimulationError" });
    });
  });
});

describe("charts", () => {
  test("a chart records its type, data, series, title, legend and position", async () => {
    const simulation = model();
    await simulation.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Value Summary");
      const chart = sheet.charts.add("BarClustered", sheet.getRange("F5:F10"), "Columns");
      chart.name = "CVM_ValueChart";
      chart.title.text = "Value by element";
      chart.legend.visible = false;
      const series = chart.series.getItemAt(0);
      series.name = "Annual value";
      series.setXAxisValues(sheet.getRange("A5:A10"));
      chart.setPosition("H2", sheet.getRange("N20"));
      const found = sheet.charts.getItem("cvm_valuechart").load("name,chartType");
      await context.sync();
      expect([found.name, found.chartType]).toEqual(["CVM_ValueChart", "BarClustered"]);
    });
    expect(simulation.document.sheet("Value Summary").charts).toEqual([
      {
        name: "CVM_ValueChart",
        type: "BarClustered",
        source: "'Value Summary'!F5:F10",
        seriesBy: "Columns",
        title: "Value by element",
        legendVisible: false,
        series: [{ name: "Annual value", values: "'Value Summary'!F5:F10", xAxisValues: "'Value Summary'!A5:A10" }],
        topLeft: "H2",
        bottomRight: "N20",
      },
    ]);
  });

  test("charts are numbered per sheet, listed, and deleted", async () => {
    const simulation = model();
    await simulation.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Value Summary");
      sheet.charts.add("Waterfall", sheet.getRange("B1:B4"));
      sheet.charts.add("Pie", sheet.getRange("B1:B4"));
      const charts = sheet.charts.load("items/name");
      await context.sync();
      expect(charts.items.map((c) => c.name)).toEqual(["Chart 1", "Chart 2"]);
      charts.items[0]!.delete();
      const missing = sheet.charts.getItem("Chart 9").load("name");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(() => missing.name).toThrow("is not available");
    });
    expect(simulation.document.sheet("Value Summary").charts.map((c) => c.name)).toEqual(["Chart 2"]);
  });

  test("a series index beyond the chart's series is InvalidArgument", async () => {
    await model().run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Value Summary");
      sheet.charts.add("Line", sheet.getRange("B1:B4")).series.getItemAt(1).name = "none";
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });
});

import { createExcelSimulation } from "../../../src/devtools/simulation/excel";

const NOT_LOADED =
  "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.";

function seeded() {
  return createExcelSimulation({
    sheets: [
      {
        name: "Inputs",
        rows: [
          ["Miles", 120],
          ["Leaks", { formula: "=B1*0.05", value: 6 }],
        ],
      },
      { name: "Other", visibility: "Hidden" },
    ],
    names: [{ name: "Miles", formula: "=Inputs!$B$1" }],
  });
}

/** What a synchronous throw carried, for asserting on its fields. */
function thrown(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("loading", () => {
  test("reading a property that was never loaded throws PropertyNotLoaded with Office's message", async () => {
    await seeded().run(async (context) => {
      const range = context.workbook.worksheets.getItem("Inputs").getRange("A1:B2");
      expect(thrown(() => range.values)).toMatchObject({ name: "RichApi.Error", code: "PropertyNotLoaded", message: NOT_LOADED });
    });
  });

  test("a loaded property is not readable until the sync has completed", async () => {
    await seeded().run(async (context) => {
      const range = context.workbook.worksheets.getItem("Inputs").getRange("A1:B2").load("values");
      expect(() => range.values).toThrow(NOT_LOADED);
      const syncing = context.sync();
      // The request is on its way but Excel has not answered.
      expect(() => range.values).toThrow(NOT_LOADED);
      await syncing;
      expect(range.values).toEqual([
        ["Miles", 120],
        ["Leaks", 6],
      ]);
    });
  });

  test("only the loaded properties become readable", async () => {
    await seeded().run(async (context) => {
      const range = context.workbook.worksheets.getItem("Inputs").getRange("B2").load("address, formulas");
      await context.sync();
      expect(range.address).toBe("Inputs!B2");
      expect(range.formulas).toEqual([["=B1*0.05"]]);
      expect(() => range.values).toThrow(NOT_LOADED);
    });
  });

  test("load takes an array, an options object, nested paths, and nothing (every scalar)", async () => {
    await seeded().run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Inputs");
      const byArray = sheet.getRange("A1").load(["values", "rowIndex"]);
      const byObject = sheet.getRange("B1").load({ values: true, format: { font: { bold: true } } });
      const bySelect = sheet.getRange("A2").load({ select: "columnIndex" });
      const nested = sheet.getRange("A1:B1").load("format/font/bold,format/columnWidth");
      const everything = sheet.getRange("A1:B2").load();
      await context.sync();
      expect([byArray.values, byArray.rowIndex]).toEqual([[["Miles"]], 0]);
      expect(byObject.values).toEqual([[120]]);
      expect(byObject.format.font.bold).toBe(false);
      expect(bySelect.columnIndex).toBe(0);
      expect(nested.format.font.bold).toBe(false);
      expect(nested.format.columnWidth).toBe(48);
      expect([everything.address, everything.rowCount, everything.columnCount, everything.rowIndex, everything.columnIndex]).toEqual([
        "Inputs!A1:B2",
        2,
        2,
        0,
        0,
      ]);
      expect(everything.numberFormat).toEqual([
        ["General", "General"],
        ["General", "General"],
      ]);
    });
  });

  test("collections load their items' properties with or without the items/ prefix", async () => {
    await seeded().run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/visibility");
      const names = context.workbook.names.load("name");
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ["Inputs", "Visible"],
        ["Other", "Hidden"],
      ]);
      expect(names.items.map((n) => n.name)).toEqual(["Miles"]);
      expect(() => names.items[0]!.formula).toThrow("The property 'formula' is not available");
    });
  });

  test("context.load loads like the object's own load", async () => {
    await seeded().run(async (context) => {
      const range = context.workbook.worksheets.getItem("Inputs").getRange("A2");
      context.load(range, "values");
      await context.sync();
      expect(range.values).toEqual([["Leaks"]]);
    });
  });

  test("a property that was set reads back as set without a load, as Office.js keeps it", async () => {
    await seeded().run(async (context) => {
      const range = context.workbook.worksheets.getItem("Inputs").getRange("C1");
      range.values = [["typed"]];
      expect(range.values).toEqual([["typed"]]);
    });
  });
});

describe("queue order", () => {
  test("operations run in the order they were queued: a load before a set sees the old value", async () => {
    const simulation = seeded();
    await simulation.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Inputs");
      const before = sheet.getRange("B1").load("values");
      sheet.getRange("B1").values = [[200]];
      const after = sheet.getRange("B1").load("values");
      await context.sync();
      expect(before.values).toEqual([[120]]);
      expect(after.values).toEqual([[200]]);
    });
  });

  test("nothing reaches the workbook until sync; run syncs what its batch left queued", async () => {
    const simulation = seeded();
    await simulation.run(async (context) => {
      context.workbook.worksheets.getItem("Inputs").getRange("C1").values = [["queued"]];
      expect(simulation.document.cell("Inputs", "C1").value).toBeUndefined();
    });
    expect(simulation.document.cell("Inputs", "C1").value).toBe("queued");
    expect(simulation.syncs).toHaveLength(1);
  });

  test("run resolves to the batch's result and refuses a batch that returns no promise", async () => {
    const simulation = seeded();
    await expect(simulation.run(async () => 42)).resolves.toBe(42);
    const notAPromise = (() => 1) as unknown as (context: Excel.RequestContext) => Promise<number>;
    await expect(simulation.run(notAPromise)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
  });

  test("a batch that throws sends nothing of what it left queued", async () => {
    const simulation = seeded();
    const failing = simulation.run(async (context) => {
      context.workbook.worksheets.getItem("Inputs").getRange("C1").values = [["never"]];
      throw new Error("adapter bug");
    });
    await expect(failing).rejects.toThrow("adapter bug");
    expect(simulation.syncs).toHaveLength(0);
    expect(simulation.document.cell("Inputs", "C1").value).toBeUndefined();
  });

  test("objects of a finished run cannot be used again", async () => {
    const simulation = seeded();
    const range = await simulation.run(async (context) => context.workbook.worksheets.getItem("Inputs").getRange("A1"));
    expect(thrown(() => range.load("values"))).toMatchObject({ code: "InvalidRequestContext" });
  });

  test("an object of one context cannot be an argument in another", async () => {
    const simulation = seeded();
    const first = simulation.context();
    const second = simulation.context();
    const range = first.workbook.worksheets.getItem("Inputs").getRange("B1");
    expect(thrown(() => second.workbook.names.add("Elsewhere", range))).toMatchObject({ code: "InvalidRequestContext" });
  });
});

describe("null objects", () => {
  test("isNullObject is readable after the next sync, for missing and existing items", async () => {
    await seeded().run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("inputs");
      const name = context.workbook.names.getItemOrNullObject("MILES");
      expect(() => missing.isNullObject).toThrow("The property 'isNullObject' is not available");
      await context.sync();
      expect([missing.isNullObject, present.isNullObject, name.isNullObject]).toEqual([true, false, false]);
    });
  });

  test("the used range of an empty sheet is a null object", async () => {
    await seeded().run(async (context) => {
      const empty = context.workbook.worksheets.getItem("Other").getUsedRangeOrNullObject();
      const used = context.workbook.worksheets.getItem("Inputs").getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      expect(empty.isNullObject).toBe(true);
      expect(used.address).toBe("Inputs!A1:B2");
    });
  });

  test("a load queued on what turns out to be a null object succeeds: isNullObject tells, nothing is loaded", async () => {
    await seeded().run(async (context) => {
      const empty = context.workbook.worksheets.getItem("Other").getUsedRangeOrNullObject(true).load("address,values");
      const missing = context.workbook.names.getItemOrNullObject("Nope").load("formula");
      await context.sync();
      expect([empty.isNullObject, missing.isNullObject]).toEqual([true, true]);
      expect(thrown(() => empty.address)).toMatchObject({ code: "InvalidObjectPath" });
    });
  });

  test("the used range inside a range: the smallest range around its used cells, or a null object", async () => {
    await seeded().run(async (context) => {
      const inputs = context.workbook.worksheets.getItem("Inputs");
      const within = inputs.getRange("B:D").getUsedRangeOrNullObject(true).load("address");
      const none = inputs.getRange("F:H").getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      expect(within.address).toBe("Inputs!B1:B2");
      expect(none.isNullObject).toBe(true);
    });
  });

  test("reading or setting anything on a known null object throws InvalidObjectPath", async () => {
    await seeded().run(async (context) => {
      const missing = context.workbook.names.getItemOrNullObject("Nope");
      await context.sync();
      expect(thrown(() => missing.formula)).toMatchObject({ code: "InvalidObjectPath" });
      expect(thrown(() => (missing.visible = false))).toMatchObject({ code: "InvalidObjectPath" });
      expect(thrown(() => missing.delete())).toMatchObject({ code: "InvalidObjectPath" });
      expect(thrown(() => missing.load("name"))).toMatchObject({ code: "InvalidObjectPath" });
      expect(missing.isNullObject).toBe(true);
    });
  });

  test("an operation on a null object queued before its sync rejects that sync with InvalidObjectPath", async () => {
    const simulation = seeded();
    await simulation.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      missing.getRange("A1").values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ name: "RichApi.Error", code: "InvalidObjectPath" });
    });
    expect(simulation.document.sheetNames()).toEqual(["Inputs", "Other"]);
  });
});

describe("errors during sync", () => {
  test("getItem of a missing sheet, name or table rejects with ItemNotFound", async () => {
    await seeded().run(async (context) => {
      context.workbook.worksheets.getItem("Nope").load("name");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound", message: "The requested resource doesn't exist." });
      context.workbook.names.getItem("Nope").load("formula");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      context.workbook.tables.getItem("Nope").getRange().load("address");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("a getItem that no operation uses costs nothing and fails nothing", async () => {
    const simulation = seeded();
    await simulation.run(async (context) => {
      context.workbook.worksheets.getItem("Nope");
      await context.sync();
    });
    expect(simulation.syncs[0]!.operationCount).toBe(0);
  });

  test("operations before the failing one are applied, those after it are not", async () => {
    const simulation = seeded();
    await simulation.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Inputs");
      sheet.getRange("C1").values = [["before"]];
      context.workbook.worksheets.getItem("Nope").getRange("A1").values = [["lost"]];
      sheet.getRange("C2").values = [["after"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(simulation.document.formulas("Inputs", "C1:C2")).toEqual([["before"], [""]]);
    expect(simulation.syncs[0]!.error).toMatchObject({ code: "ItemNotFound", operation: 1, injected: false });
  });

  test("the error is shaped like OfficeExtension.Error, with the failing statement in debugInfo", async () => {
    await seeded().run(async (context) => {
      context.workbook.worksheets.getItem("Nope").load("name");
      const error: unknown = await context.sync().catch((e: unknown) => e);
      expect(error).toMatchObject({
        name: "RichApi.Error",
        code: "ItemNotFound",
        traceMessages: [],
        debugInfo: { code: "ItemNotFound", errorLocation: 'workbook.worksheets.getItem("Nope") load name' },
      });
    });
  });

  test("loads of a failed sync deliver nothing", async () => {
    await seeded().run(async (context) => {
      const range = context.workbook.worksheets.getItem("Inputs").getRange("A1").load("values");
      context.workbook.worksheets.getItem("Nope").load("name");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(() => range.values).toThrow(NOT_LOADED);
    });
  });

  test("adding a sheet or a name that exists, in any case, rejects with ItemAlreadyExists", async () => {
    await seeded().run(async (context) => {
      context.workbook.worksheets.add("INPUTS");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
      context.workbook.names.add("miles", "=Inputs!$B$2");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    });
  });

  test("an invalid address or sheet name rejects with InvalidArgument", async () => {
    await seeded().run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Inputs");
      for (const address of ["A0", "XFE1", "A1:", "Other!A1", "B", "1A"]) {
        sheet.getRange(address).load("address");
        await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      }
      context.workbook.worksheets.add("a/b");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });
});

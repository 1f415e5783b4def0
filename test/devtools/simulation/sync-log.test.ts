import { createExcelSimulation } from "../../../src/devtools/simulation/excel";

function withInputs(apiVersion?: string) {
  return createExcelSimulation(
    {
      sheets: [
        {
          name: "Inputs",
          rows: [
            [1, 2],
            [3, 4],
          ],
        },
      ],
    },
    apiVersion ? { apiVersion } : {},
  );
}

describe("the sync record", () => {
  test("each sync records its operations with their object paths, and its payload", async () => {
    const simulation = withInputs();
    await simulation.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Inputs");
      sheet.getRange("A1:B2").values = [
        [10, 20],
        [30, 40],
      ];
      sheet.getRange("C1").load("values");
      await context.sync();
    });
    expect(simulation.syncs).toHaveLength(1);
    const [sync] = simulation.syncs;
    expect(sync).toMatchObject({ index: 1, operationCount: 2, calculationSuspended: false, screenUpdatingSuspended: false });
    expect(sync!.operations).toEqual([
      { object: 'workbook.worksheets.getItem("Inputs").getRange("A1:B2")', action: "set values" },
      { object: 'workbook.worksheets.getItem("Inputs").getRange("C1")', action: "load values" },
    ]);
    // "Inputs" (8) once for the shared sheet path, "A1:B2" (7), [[10,20],[30,40]] (17), "C1" (4), "values" (8).
    expect(sync!.payloadBytes).toBe(8 + 7 + 17 + 4 + 8);
  });

  test("payload is counted in UTF-8 bytes, as the request travels", async () => {
    const simulation = withInputs();
    await simulation.run(async (context) => {
      // "€" is 3 bytes in UTF-8, "ü" 2: the JSON [["Müller €"]] is 14 characters and 17 bytes.
      context.workbook.worksheets.getItem("Inputs").getRange("A1").values = [["Müller €"]];
      await context.sync();
    });
    // "Inputs" (8), "A1" (4), [["Müller €"]] (17).
    expect(simulation.syncs[0]!.payloadBytes).toBe(8 + 4 + 17);
  });

  test("an explicit empty sync is recorded; run's closing sync is sent only when something is queued", async () => {
    const simulation = withInputs();
    await simulation.run(async (context) => {
      await context.sync();
    });
    await simulation.run(async () => undefined);
    expect(simulation.syncs.map((s) => s.operationCount)).toEqual([0]);
  });

  test("adds, deletes and clears are recorded by name, and the suspension calls with the sync they precede", async () => {
    const simulation = withInputs();
    await simulation.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      context.application.suspendScreenUpdatingUntilNextSync();
      const sheet = context.workbook.worksheets.add("Value Summary");
      sheet.getRange("A:K").clear("Contents");
      context.workbook.names.add("CVM_NPV", "='Value Summary'!$F$5");
      await context.sync();
      context.workbook.names.getItem("CVM_NPV").delete();
    });
    const [first, second] = simulation.syncs;
    expect(first!.operations.map((o) => `${o.object} ${o.action}`)).toEqual([
      "application suspendApiCalculationUntilNextSync",
      "application suspendScreenUpdatingUntilNextSync",
      "workbook.worksheets add",
      'workbook.worksheets.add("Value Summary").getRange("A:K") clear',
      "workbook.names add",
    ]);
    expect([first!.calculationSuspended, first!.screenUpdatingSuspended]).toEqual([true, true]);
    expect(second).toMatchObject({ index: 2, operationCount: 1, calculationSuspended: false, screenUpdatingSuspended: false });
    expect(second!.operations).toEqual([{ object: 'workbook.names.getItem("CVM_NPV")', action: "delete" }]);
  });
});

describe("injected failures", () => {
  test("the n-th sync from now applies the first half of its operations, then rejects", async () => {
    const simulation = withInputs();
    simulation.failOnSync(2);
    await simulation.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Inputs");
      sheet.getRange("D1").values = [["first sync"]];
      await context.sync();
      for (const address of ["E1", "E2", "E3", "E4", "E5"]) sheet.getRange(address).values = [[address]];
      await expect(context.sync()).rejects.toMatchObject({ name: "RichApi.Error", code: "GeneralException" });
      sheet.getRange("F1").values = [["third sync"]];
      await context.sync();
    });
    expect(simulation.document.formulas("Inputs", "D1:F5")).toEqual([
      ["first sync", "E1", "third sync"],
      ["", "E2", ""],
      ["", "", ""],
      ["", "", ""],
      ["", "", ""],
    ]);
    expect(simulation.syncs.map((s) => s.error?.injected ?? false)).toEqual([false, true, false]);
  });

  test("the injected error can be chosen, and loads of the failed sync stay unloaded", async () => {
    const simulation = withInputs();
    const lost = Object.assign(new Error("connection lost"), { code: "ConnectionFailure" });
    simulation.failOnSync(1, lost);
    await simulation.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Inputs").getRange("A1").load("values");
      context.workbook.worksheets.getItem("Inputs").getRange("A2").load("values");
      await expect(context.sync()).rejects.toBe(lost);
      expect(() => range.values).toThrow("is not available");
    });
    expect(simulation.syncs[0]!.error).toEqual({ code: "ConnectionFailure", message: "connection lost", injected: true });
  });

  test("the failure can come after a chosen number of operations, none included", async () => {
    for (const after of [0, 2]) {
      const simulation = withInputs();
      simulation.failOnSync(1, undefined, after);
      await simulation.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Inputs");
        for (const address of ["E1", "E2", "E3"]) sheet.getRange(address).values = [[address]];
        await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
      });
      expect(simulation.document.formulas("Inputs", "E1:E3")).toEqual(["E1", "E2", "E3"].map((a, i) => [i < after ? a : ""]));
    }
  });

  test("failOnSync counts from 1, and applies a whole number of operations", () => {
    expect(() => withInputs().failOnSync(0)).toThrow(RangeError);
    expect(() => withInputs().failOnSync(1, undefined, 1.5)).toThrow(RangeError);
  });
});

describe("requirement sets", () => {
  test("supports mirrors isSetSupported for ExcelApi against the configured version", () => {
    const simulation = withInputs("1.9");
    expect([
      simulation.supports("ExcelApi", "1.1"),
      simulation.supports("ExcelApi", "1.9"),
      simulation.supports("ExcelApi", "1.10"),
    ]).toEqual([true, true, false]);
    expect(simulation.supports("WordApi", "1.1")).toBe(false);
    expect(withInputs().apiVersion).toBe("1.12");
    expect(withInputs().supports("ExcelApi", "1.10")).toBe(true);
  });

  test("below ExcelApi 1.9 a waterfall chart is refused with InvalidArgument, other charts are not", async () => {
    const old = withInputs("1.8");
    await old.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Inputs");
      sheet.charts.add("Waterfall", sheet.getRange("B1:B2"));
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      sheet.charts.add("ColumnClustered", sheet.getRange("B1:B2"));
      await context.sync();
    });
    expect(old.document.sheet("Inputs").charts.map((c) => c.type)).toEqual(["ColumnClustered"]);
    const current = withInputs("1.9");
    await current.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Inputs");
      sheet.charts.add("Waterfall", sheet.getRange("B1:B2"));
    });
    expect(current.document.sheet("Inputs").charts.map((c) => c.type)).toEqual(["Waterfall"]);
  });

  test("members newer than the host's version reject with ApiNotFound", async () => {
    await withInputs("1.8").run(async (context) => {
      context.application.suspendScreenUpdatingUntilNextSync();
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
    await withInputs("1.3").run(async (context) => {
      context.workbook.worksheets.getItemOrNullObject("Inputs");
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
      context.workbook.names.add("X", "=1");
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });

  test("a bare load on an older host loads what that host has", async () => {
    const simulation = createExcelSimulation({ names: [{ name: "Rate", formula: "=0.1" }] }, { apiVersion: "1.6" });
    await simulation.run(async (context) => {
      const rate = context.workbook.names.getItem("Rate").load();
      await context.sync();
      expect([rate.name, rate.type]).toEqual(["Rate", "Double"]);
      expect(() => rate.formula).toThrow("is not available");
      rate.load("formula");
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });
});

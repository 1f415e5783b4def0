import { createExcelSimulation } from "../../../src/devtools/simulation/excel";

function simulation(apiVersion?: string) {
  return createExcelSimulation(
    {
      sheets: [
        {
          name: "Inputs",
          rows: [
            ["Miles", 120],
            ["Leaks", 0.05],
          ],
        },
        { name: "Summary", cells: { A1: { formula: "=Inputs!B1*2", value: 240 } } },
      ],
    },
    apiVersion ? { apiVersion } : {},
  );
}

type Args = Excel.WorksheetChangedEventArgs;

/** A handler that records what it is given. */
function recorder() {
  const seen: Args[] = [];
  const handler = async (args: Args) => void seen.push(args);
  return { seen, handler };
}

const summary = (args: Args) => `${args.worksheetId} ${args.address}`;

async function sheetIds(sim: ReturnType<typeof simulation>): Promise<Record<string, string>> {
  return sim.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name,items/id");
    await context.sync();
    return Object.fromEntries(sheets.items.map((s) => [s.name, s.id]));
  });
}

describe("worksheet change events", () => {
  test("sheets have stable GUID-like ids, loadable, by which getItem finds them", async () => {
    const sim = simulation();
    const ids = await sheetIds(sim);
    expect(ids).toEqual({ Inputs: "{00000000-0001-0000-0000-000000000000}", Summary: "{00000000-0002-0000-0000-000000000000}" });
    await sim.run(async (context) => {
      const added = context.workbook.worksheets.add("Third").load("id");
      const found = context.workbook.worksheets.getItem(ids.Summary!).load("name");
      await context.sync();
      expect(added.id).toBe("{00000000-0003-0000-0000-000000000000}");
      expect(found.name).toBe("Summary");
    });
  });

  test("a sync's cell writes reach a workbook handler after the sync, one event per sheet with the bounding box", async () => {
    const sim = simulation();
    const ids = await sheetIds(sim);
    const { seen, handler } = recorder();
    await sim.run(async (context) => {
      context.workbook.worksheets.onChanged.add(handler);
      await context.sync();
      const inputs = context.workbook.worksheets.getItem("Inputs");
      inputs.getRange("B1").values = [[130]];
      inputs.getRange("D4:E5").formulas = [
        ["=B1", 1],
        [2, 3],
      ];
      inputs.getRange("C2").format.font.bold = true;
      context.workbook.worksheets.getItem("Summary").getRange("A3:A4").clear("Contents");
      const syncing = context.sync();
      await syncing;
      // Handlers are called later, never inside the sync.
      expect(seen).toEqual([]);
    });
    await sim.settled();
    expect(seen.map(summary)).toEqual([`${ids.Inputs} B1:E5`, `${ids.Summary} A3:A4`]);
    expect(seen[0]).toMatchObject({ type: "WorksheetChanged", changeType: "RangeEdited", source: "Local" });
    expect(seen[0]!.details).toBeUndefined();
  });

  test("a format alone, or a load, fires nothing", async () => {
    const sim = simulation();
    const { seen, handler } = recorder();
    await sim.run(async (context) => {
      context.workbook.worksheets.onChanged.add(handler);
      await context.sync();
      const range = context.workbook.worksheets.getItem("Inputs").getRange("A1:B2");
      range.format.fill.color = "#FF0000";
      range.clear("Formats");
      range.load("values");
    });
    await sim.settled();
    expect(seen).toEqual([]);
  });

  test("a person's edit reaches handlers with source Local, and a one-cell change has details (ExcelApi 1.9)", async () => {
    const sim = simulation();
    const ids = await sheetIds(sim);
    const { seen, handler } = recorder();
    await sim.run(async (context) => {
      context.workbook.worksheets.onChanged.add(handler);
    });
    sim.edit("Inputs", "B1", "135");
    sim.edit("Inputs", "C1", "note");
    await sim.settled();
    expect(seen.map(summary)).toEqual([`${ids.Inputs} B1`, `${ids.Inputs} C1`]);
    expect(seen[0]).toMatchObject({
      source: "Local",
      details: { valueBefore: 120, valueAfter: 135, valueTypeBefore: "Double", valueTypeAfter: "Double" },
    });
    expect(seen[1]!.details).toMatchObject({ valueBefore: "", valueAfter: "note", valueTypeBefore: "Empty", valueTypeAfter: "String" });
  });

  test("registration takes effect at the sync: changes before it are not reported", async () => {
    const sim = simulation();
    const { seen, handler } = recorder();
    const context = sim.context();
    // In one sync, a write queued before the registration is not reported; one after it is.
    context.workbook.worksheets.getItem("Inputs").getRange("C1").values = [["before"]];
    context.workbook.worksheets.onChanged.add(handler);
    context.workbook.worksheets.getItem("Inputs").getRange("C2").values = [["after"]];
    sim.edit("Inputs", "B1", "1");
    await sim.settled();
    expect(seen).toEqual([]);
    await context.sync();
    await sim.settled();
    expect(seen.map((a) => a.address)).toEqual(["C2"]);
    sim.edit("Inputs", "B1", "2");
    await sim.settled();
    expect(seen.map((a) => a.address)).toEqual(["C2", "B1"]);
  });

  test("handlers keep working after their run has ended", async () => {
    const sim = simulation();
    const { seen, handler } = recorder();
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Summary").onChanged.add(handler);
    });
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Summary").getRange("B2").values = [["later"]];
    });
    sim.edit("Inputs", "B1", "3");
    await sim.settled();
    // Worksheet.onChanged hears only of its own sheet.
    expect(seen.map((a) => a.address)).toEqual(["B2"]);
  });

  test("a removed handler stops: remove() is queued and takes effect at the sync, through the context it was added in", async () => {
    const sim = simulation();
    const kept = recorder();
    const removed = recorder();
    const byCollection = recorder();
    const result = await sim.run(async (context) => {
      context.workbook.worksheets.onChanged.add(kept.handler);
      context.workbook.worksheets.onChanged.add(byCollection.handler);
      return context.workbook.worksheets.onChanged.add(removed.handler);
    });
    // The run has ended: as in Office.js, a removal goes through Excel.run(result.context, …).
    await sim.run(result.context, async (context) => {
      expect(context).toBe(result.context);
      result.remove();
      context.workbook.worksheets.onChanged.remove(byCollection.handler);
      sim.edit("Inputs", "B1", "4");
      await sim.settled();
      await context.sync();
    });
    sim.edit("Inputs", "B1", "5");
    await sim.settled();
    expect(kept.seen.map((a) => a.address)).toEqual(["B1", "B1"]);
    expect(removed.seen.map((a) => a.address)).toEqual(["B1"]);
    expect(byCollection.seen.map((a) => a.address)).toEqual(["B1"]);
    // Removal through another context removes nothing.
    const other = sim.context();
    other.workbook.worksheets.onChanged.remove(kept.handler);
    await other.sync();
    sim.edit("Inputs", "B1", "6");
    await sim.settled();
    expect(kept.seen).toHaveLength(3);
  });

  test("a handler that throws or rejects does not break the simulation; its error is recorded", async () => {
    const sim = simulation();
    const thrown = new Error("sync throw");
    const rejected = new Error("async reject");
    const { seen, handler } = recorder();
    await sim.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.onChanged.add((() => {
        throw thrown;
      }) as unknown as (args: Args) => Promise<void>);
      sheets.onChanged.add(async () => {
        throw rejected;
      });
      sheets.onChanged.add(handler);
    });
    sim.edit("Inputs", "B1", "7");
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Inputs").getRange("B2").values = [[8]];
    });
    await sim.settled();
    expect(seen).toHaveLength(2);
    expect(sim.handlerErrors).toEqual([thrown, rejected, thrown, rejected]);
    expect(sim.document.formulas("Inputs", "B1:B2")).toEqual([[7], [8]]);
  });

  test("a handler may run its own batch on the simulation; settled waits for what that causes", async () => {
    const sim = simulation();
    const log: string[] = [];
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Inputs").onChanged.add(async (args) => {
        log.push(`Inputs ${args.address}`);
        await sim.run(async (ctx) => {
          const range = args.getRange(ctx).load("values");
          await ctx.sync();
          ctx.workbook.worksheets.getItem("Summary").getRange("C1").values = [[`saw ${String(range.values[0]![0])}`]];
        });
      });
      context.workbook.worksheets.getItem("Summary").onChanged.add(async (args) => void log.push(`Summary ${args.address}`));
    });
    sim.edit("Inputs", "B2", "9");
    await sim.settled();
    expect(log).toEqual(["Inputs B2", "Summary C1"]);
    expect(sim.document.cell("Summary", "C1").value).toBe("saw 9");
  });

  test("the event's getRangeOrNullObject gives the changed range on the context it is given", async () => {
    const sim = simulation();
    const { seen, handler } = recorder();
    await sim.run(async (context) => {
      context.workbook.worksheets.onChanged.add(handler);
    });
    sim.edit("Inputs", "A2", "Cracks");
    await sim.settled();
    await sim.run(async (context) => {
      const range = seen[0]!.getRangeOrNullObject(context).load("address");
      await context.sync();
      expect([range.isNullObject, range.address]).toEqual([false, "Inputs!A2"]);
    });
  });
});

describe("requirement sets of events", () => {
  test("WorksheetCollection.onChanged needs ExcelApi 1.9: below it the registration's sync is ApiNotFound", async () => {
    const sim = simulation("1.8");
    const { seen, handler } = recorder();
    await sim.run(async (context) => {
      context.workbook.worksheets.onChanged.add(handler);
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
      // Worksheet.onChanged (1.7) is there.
      context.workbook.worksheets.getItem("Inputs").onChanged.add(handler);
      await context.sync();
    });
    sim.edit("Inputs", "B1", "1");
    await sim.settled();
    expect(seen).toHaveLength(1);
    // Below 1.9 an event carries no details; triggerSource only from 1.14.
    expect(seen[0]!.details).toBeUndefined();
    expect(seen[0]!.triggerSource).toBeUndefined();
  });

  test("Worksheet.onChanged needs ExcelApi 1.7", async () => {
    await simulation("1.6").run(async (context) => {
      context.workbook.worksheets.getItem("Inputs").onChanged.add(async () => undefined);
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });

  test("from ExcelApi 1.14 the trigger source tells the add-in's own writes from a person's", async () => {
    const sim = simulation("1.14");
    const { seen, handler } = recorder();
    await sim.run(async (context) => {
      context.workbook.worksheets.onChanged.add(handler);
      await context.sync();
      context.workbook.worksheets.getItem("Inputs").getRange("B1").values = [[1]];
    });
    sim.edit("Inputs", "B1", "2");
    await sim.settled();
    expect(seen.map((a) => a.triggerSource)).toEqual(["ThisLocalAddin", "Unknown"]);
  });

  test("registering and removing are requests of their own, recorded with the sync, and change no revision", async () => {
    const sim = simulation();
    await sim.run(async (context) => {
      const result = context.workbook.worksheets.onChanged.add(async () => undefined);
      await context.sync();
      result.remove();
    });
    expect(sim.syncs.map((s) => s.operations)).toEqual([
      [{ object: "workbook.worksheets.onChanged", action: "add" }],
      [{ object: "workbook.worksheets.onChanged", action: "remove" }],
    ]);
    expect(sim.document.revision()).toBe(0);
  });
});

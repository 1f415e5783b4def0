import { insertStarterModel, selectCell, watchWorkbook } from "../../../src/adapters/excel";
import { type BuildProgress } from "../../../src/core/port";
import { buildInExcel, inspectInExcel } from "../../support/pipeline";
import { SUMMARY_SHEET } from "../../../src/core/plan/summary";
import { createExcelSimulation } from "../../../src/devtools/simulation/excel";
import { generatedModel } from "../../support/generated-model";
import { BUILT, hostOf, SAMPLE_FILE, seedOfFile, seedOfTables, simulationOf, writes } from "./support";
import { PIPELINE_STARTER } from "../../../src/sample/pipeline-model";

describe("what the task pane asks of the adapter", () => {
  test("a build reports its progress: reading, then each request, ending at the total", async () => {
    const simulation = await simulationOf(await seedOfTables(generatedModel(300)));
    const seen: BuildProgress[] = [];
    const outcome = await buildInExcel(hostOf(simulation), BUILT, { maxRequestBytes: 40_000, onProgress: (p) => seen.push(p) });
    expect(outcome.ok).toBe(true);
    expect(seen[0]).toEqual({ stage: "reading" });
    const writing = seen.slice(1).map((p) => (p.stage === "writing" ? [p.done, p.total] : undefined));
    const total = writing[0]?.[1] ?? 0;
    // Progress counts requests: one per write request (recalculation needs none of its own).
    expect(total).toBeGreaterThan(2);
    expect(writing).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));
    // The total announced is the number of requests the writing made.
    expect(outcome.ok && outcome.syncs).toBe(2 + total);
  });

  test("inspecting finds where the ranges are, the optional ones too, and writes nothing", async () => {
    const simulation = await simulationOf(await seedOfFile(SAMPLE_FILE));
    const inspection = await inspectInExcel(hostOf(simulation));
    expect(inspection.ranges).toEqual({
      variables: "Variables!A1:G18",
      elements: "Elements!A1:J7",
      settings: "Settings!A1:B11",
      stakeholders: "Stakeholders!A1:E5",
      actuals: "Actuals!A1:F12",
    });
    expect(inspection.analysis.ok).toBe(true);
    expect(inspection.existing.sheets).toEqual(["Variables", "Elements", "Settings", "Stakeholders", "Actuals"]);
    expect(writes(simulation)).toEqual([]);
  });

  test("selecting a problem's cell activates its sheet and selects the cell", async () => {
    const simulation = await simulationOf(await seedOfFile(SAMPLE_FILE));
    expect(await selectCell(hostOf(simulation), { sheet: "Elements", row: 2, column: 2 })).toBe(true);
    expect(simulation.document.activeSheet()).toBe("Elements");
    expect(simulation.document.selection()).toBe("Elements!C3");
    expect(await selectCell(hostOf(simulation), { sheet: "Gone", row: 0, column: 0 })).toBe(false);
  });

  describe("inserting a starter model", () => {
    test("the sample goes in as tables on new sheets, reads back as the bundled sample, and builds", async () => {
      const simulation = createExcelSimulation({ sheets: [{ name: "Sheet1", cells: { A1: { value: "my notes" } } }] });
      const host = hostOf(simulation);
      const inserted = await insertStarterModel(host, "sample", PIPELINE_STARTER);
      expect(inserted).toEqual({
        ok: true,
        sheets: ["Variables", "Elements", "Settings", "Stakeholders", "Actuals"],
        tables: ["CVM_Variables", "CVM_Elements", "CVM_Settings", "CVM_Stakeholders", "CVM_Actuals"],
      });
      // However many tables: three syncs (what exists; the tables; how they print).
      expect(simulation.syncs).toHaveLength(3);
      expect(simulation.document.sheet("Variables").pageLayout).toMatchObject({ orientation: "Landscape", printArea: "A1:G18" });
      expect(simulation.document.tables().map((t) => [t.name, t.sheet, t.range])).toEqual([
        ["CVM_Variables", "Variables", "A1:G18"],
        ["CVM_Elements", "Elements", "A1:J7"],
        ["CVM_Settings", "Settings", "A1:B11"],
        ["CVM_Stakeholders", "Stakeholders", "A1:E5"],
        ["CVM_Actuals", "Actuals", "A1:F12"],
      ]);
      expect(simulation.document.cell("Sheet1", "A1").value).toBe("my notes");
      expect(simulation.document.activeSheet()).toBe("Variables");

      const fromTables = await inspectInExcel(host);
      const fromFile = await inspectInExcel(hostOf(await simulationOf(await seedOfFile(SAMPLE_FILE))));
      expect(fromTables.analysis.ok && fromFile.analysis.ok).toBe(true);
      if (fromTables.analysis.ok && fromFile.analysis.ok) expect(fromTables.analysis.results).toEqual(fromFile.analysis.results);
      expect((await buildInExcel(host, BUILT)).ok).toBe(true);
      expect(simulation.document.hasSheet(SUMMARY_SHEET)).toBe(true);
    });

    test("a host that refuses the page setup keeps the tables, and the outcome says so", async () => {
      const simulation = createExcelSimulation({ sheets: [{ name: "Sheet1" }] });
      simulation.failOnSync(3);
      const inserted = await insertStarterModel(hostOf(simulation), "skeleton", PIPELINE_STARTER);
      expect(inserted).toMatchObject({ ok: true, tables: ["CVM_Variables", "CVM_Elements", "CVM_Settings"] });
      expect(inserted.ok && inserted.note).toMatch(
        /^Excel refused the new sheets' page setup for printing \(.+\): check Page Layout before printing them\.$/,
      );
      expect(simulation.document.tables().map((t) => t.name)).toEqual(["CVM_Variables", "CVM_Elements", "CVM_Settings"]);
    });

    test("a user's sheet named like a starter sheet is left alone; the starter takes another name", async () => {
      const simulation = createExcelSimulation({ sheets: [{ name: "Variables", cells: { B2: { value: 42 } } }] });
      const inserted = await insertStarterModel(hostOf(simulation), "skeleton", PIPELINE_STARTER);
      expect(inserted.ok && inserted.sheets).toEqual(["CVM Variables", "Elements", "Settings"]);
      expect(simulation.document.sheet("Variables").cells.map((c) => [c.address, c.value])).toEqual([["B2", 42]]);
    });

    test("the sample is refused, with nothing written, where part of a model exists", async () => {
      const simulation = await simulationOf(await seedOfFile(SAMPLE_FILE));
      const inserted = await insertStarterModel(hostOf(simulation), "sample", PIPELINE_STARTER);
      expect(inserted.ok).toBe(false);
      expect(writes(simulation)).toEqual([]);
    });
  });

  describe("watching the workbook", () => {
    test("a user's edit reaches the listener; after unsubscribing it no longer does", async () => {
      const simulation = await simulationOf(await seedOfFile(SAMPLE_FILE));
      const host = hostOf(simulation);
      let calls = 0;
      const stop = await watchWorkbook(host, () => calls++);
      simulation.edit("Variables", "B2", "1300");
      await waitFor(() => calls > 0);
      stop();
      const before = calls;
      simulation.edit("Variables", "B2", "1400");
      await new Promise((r) => setTimeout(r, 20));
      expect(calls).toBe(before);
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 1000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 5));
  }
}

import ExcelJS from "exceljs";
import {
  CHANGED_SINCE_SHOWN,
  deleteProfile,
  inspectProfiles,
  keepOnlyProfile,
  previewSwitch,
  saveProfile,
  switchProfile,
} from "../../../src/adapters/excel";
import { inspectInExcel } from "../../support/pipeline";
import { loadXlsx } from "../../../src/adapters/xlsx/read";
import type { ModelTables } from "../../support/model-workbook";
import { PROFILES_DESCRIPTION } from "../../../src/core/profiles";
import { createExcelSimulation, type ExcelSimulation, type SimulationSeed } from "../../../src/devtools/simulation/excel";
import { createFormulaCalculator } from "../../../src/devtools/simulation/excel/calculation";
import { sampleSeed as insertedSampleSeed } from "../../../src/devtools/workbench/sample-seed";
import { seedFromXlsx } from "../../support/xlsx-to-simulation";
import { hostOf, seedOfTables } from "./support";

/** The bundled sample as the workbench inserts it (through the Excel adapter), made once for the file. */
let SAMPLE_SEED: SimulationSeed;
beforeAll(async () => {
  SAMPLE_SEED = await insertedSampleSeed();
});
const sampleSeed = (): SimulationSeed => SAMPLE_SEED;

const SAVED_AT = new Date(Date.UTC(2026, 10, 23, 9, 30));
/** 2026-11-23 09:30 in Excel's count: 36,526 for 2000-01-01, 9,497 days to 2026, 326 to November 23, 9.5 hours. */
const SAVED_SERIAL = 36526 + 9497 + 326 + 9.5 / 24;
const LATER = new Date(Date.UTC(2026, 10, 24, 14, 0));
/** The Customer setting stays as it is (whether a save sets it is tested on its own below). */
const KEEP = { customer: "keep" } as const;

/** The sample, with LeaksPerMile (Variables!B3) a formula over PipelineMiles, calculated by the simulation's calculator. */
function sampleWithFormula(): ExcelSimulation {
  const seed = sampleSeed();
  const sheets = (seed.sheets ?? []).map((s) =>
    s.name === "Variables" ? { ...s, cells: { ...s.cells, B3: { formula: "=B2/100000" } } } : s,
  );
  return createExcelSimulation({ ...seed, sheets }, { calculate: createFormulaCalculator() });
}

/** Every stored cell of a sheet, by address: value, formula, number format and format. */
function cellsOf(simulation: ExcelSimulation, sheet: string): Map<string, unknown> {
  return new Map(
    simulation.document
      .sheet(sheet)
      .cells.map((c) => [c.address, { value: c.value, formula: c.formula, numberFormat: c.numberFormat, format: c.format }]),
  );
}

function everyCell(simulation: ExcelSimulation, except: readonly string[] = ["CVM_Profiles"]): Map<string, unknown> {
  const all = new Map<string, unknown>();
  for (const sheet of simulation.document.sheetNames().filter((s) => !except.includes(s))) {
    for (const [address, cell] of cellsOf(simulation, sheet)) all.set(`${sheet}!${address}`, cell);
  }
  return all;
}

/** The cells that differ between two views of the workbook, by `Sheet!A1`. */
function changedCells(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => JSON.stringify(before.get(k)) !== JSON.stringify(after.get(k))).sort();
}

/** Operations that change the workbook (not loads, nor the instantiation of a range to load). */
function writes(simulation: ExcelSimulation, start = 0): string[] {
  return simulation.syncs
    .slice(start)
    .flatMap((s) =>
      s.operations.filter((o) => !o.action.startsWith("load") && o.action !== "instantiate").map((o) => `${o.object} ${o.action}`),
    );
}

function syncsSince(simulation: ExcelSimulation, start: number): number {
  return simulation.syncs.length - start;
}

describe("customer profiles in Excel", () => {
  test("the first save adds the hidden sheet CVM_Profiles with its layout; the user stays where they were", async () => {
    const simulation = createExcelSimulation(sampleSeed());
    const host = hostOf(simulation);
    const before = everyCell(simulation);
    const outcome = await saveProfile(host, "Northwind", SAVED_AT, KEEP);
    expect(outcome).toMatchObject({ ok: true, syncs: 3 });
    expect(simulation.syncs).toHaveLength(3);

    const sheet = simulation.document.sheet("CVM_Profiles");
    expect(sheet.visibility).toBe("Hidden");
    expect(simulation.document.sheetNames()).toEqual(["Variables", "Elements", "Settings", "Stakeholders", "Actuals", "CVM_Profiles"]);
    expect(simulation.document.activeSheet()).toBe("Variables");
    // Nothing of the user's changed.
    expect(changedCells(before, everyCell(simulation))).toEqual([]);

    const cell = (address: string) => simulation.document.cell("CVM_Profiles", address);
    expect(simulation.document.formulas("CVM_Profiles", "A1:B3")).toEqual([
      ["CVM_Profiles", PROFILES_DESCRIPTION],
      // Format 2: the sample has Low, High and Actual columns, so the profile keeps them.
      ["format", 2],
      ["active", "Northwind"],
    ]);
    expect(simulation.document.formulas("CVM_Profiles", "A5:E5")).toEqual([
      ["Customer", "Saved", "PipelineMiles", "LeaksPerMile", "WetShare"],
    ]);
    // The sample's 17 variables, in its order, from column C to S.
    // Then the marker, and each Low and High (of the variables that have those cells), then each element's Actual.
    expect(simulation.document.formulas("CVM_Profiles", "S5:W5")).toEqual([
      ["OvertimePremium", "Saved with ranges", "PipelineMiles Low", "PipelineMiles High", "LeaksPerMile Low"],
    ]);
    expect(simulation.document.formulas("CVM_Profiles", "T6:W6")).toEqual([["yes", 1100, 1300, 0.008]]);
    expect(cell("A6").value).toBe("Northwind");
    expect(cell("B6").value).toBeCloseTo(SAVED_SERIAL, 8);
    expect(cell("B6").numberFormat).toBe("yyyy-mm-dd hh:mm");
    expect(simulation.document.formulas("CVM_Profiles", "C6:F6")).toEqual([[1200, 0.012, 0.35, 1.8]]);
    expect(cell("A5").format.bold).toBe(true);
    expect(simulation.document.sheet("CVM_Profiles").cells.filter((c) => c.row >= 6)).toEqual([]);
  });

  test("saved values read back exactly, through the profiles and through an .xlsx file (save and reopen)", async () => {
    const simulation = createExcelSimulation(sampleSeed());
    const host = hostOf(simulation);
    await saveProfile(host, "Northwind", SAVED_AT, KEEP);
    simulation.edit("Variables", "B2", "800");
    simulation.edit("Variables", "B4", "50%");
    await saveProfile(host, "Contoso", LATER, KEEP);

    const inspected = await inspectProfiles(host);
    expect(inspected.syncs).toBe(2);
    if (inspected.read.kind !== "ours") throw new Error("expected the add-in's sheet");
    const { store } = inspected.read;
    expect(store.active).toBe("Contoso");
    expect(store.profiles.map((p) => p.name)).toEqual(["Northwind", "Contoso"]);
    const contoso = store.profiles[1]!;
    expect(contoso.values.slice(0, 3)).toEqual([
      { variable: "PipelineMiles", value: 800 },
      { variable: "LeaksPerMile", value: 0.012 },
      { variable: "WetShare", value: 0.5 },
    ]);
    expect(inspected.state).toEqual({ kind: "saved", profile: "Contoso" });

    // The workbook as a file: every sheet's cells, the hidden sheet hidden, then opened again.
    const reopened = createExcelSimulation(await throughXlsx(simulation));
    expect(reopened.document.sheet("CVM_Profiles").visibility).toBe("Hidden");
    const again = await inspectProfiles(hostOf(reopened));
    if (again.read.kind !== "ours") throw new Error("expected the add-in's sheet after reopening");
    expect(again.read.problems).toEqual([]);
    expect(again.read.store.active).toBe("Contoso");
    expect(again.read.store.profiles.map((p) => [p.name, p.values])).toEqual(store.profiles.map((p) => [p.name, p.values]));
    expect(again.read.store.profiles[0]!.saved).toBeCloseTo(SAVED_SERIAL, 6);
  });

  test("a switch writes only the changed Value cells and the Customer, never a formula; nothing else changes", async () => {
    const simulation = sampleWithFormula();
    const host = hostOf(simulation);
    await saveProfile(host, "Northwind", SAVED_AT, KEEP);
    simulation.edit("Variables", "B2", "800"); // LeaksPerMile follows: =B2/100000 is now 0.008
    simulation.edit("Variables", "B7", "150000"); // CostPerRepair
    await saveProfile(host, "Contoso", LATER, KEEP);
    expect(simulation.document.value("Variables", "B3")).toBe(0.008);

    const start = simulation.syncs.length;
    const preview = await previewSwitch(host, "Northwind");
    expect(syncsSince(simulation, start)).toBe(2);
    if (!preview.ok) throw new Error(preview.message);
    const { plan } = preview;
    expect(plan.changes).toEqual([
      { name: "PipelineMiles", cell: { sheet: "Variables", row: 1, column: 1 }, from: 800, to: 1200 },
      { name: "CostPerRepair", cell: { sheet: "Variables", row: 6, column: 1 }, from: 150000, to: 185000 },
    ]);
    expect(plan.formulas).toEqual([
      { name: "LeaksPerMile", cell: { sheet: "Variables", row: 2, column: 1 }, formula: "=B2/100000", value: 0.008, saved: 0.012 },
    ]);
    expect(plan.customer).toEqual({
      kind: "write",
      cell: { sheet: "Settings", row: 1, column: 1 },
      from: "Northwind Midstream",
      to: "Northwind",
    });
    expect(plan.lost).toEqual([]);
    expect(plan.notInProfile).toEqual([]);
    expect(plan.ignored).toEqual([]);
    expect(plan.unchanged).toHaveLength(14);

    const before = everyCell(simulation);
    const writeStart = simulation.syncs.length;
    const outcome = await switchProfile(host, plan);
    expect(outcome).toMatchObject({ ok: true, cellsWritten: 4, syncs: 3 });
    expect(syncsSince(simulation, writeStart)).toBe(3);
    expect(changedCells(before, everyCell(simulation))).toEqual(["Settings!B2", "Variables!B2", "Variables!B7"]);
    expect(simulation.document.cell("Variables", "B2").value).toBe(1200);
    expect(simulation.document.cell("Variables", "B7").value).toBe(185000);
    expect(simulation.document.cell("Variables", "B3").formula).toBe("=B2/100000");
    expect(simulation.document.value("Variables", "B3")).toBe(0.012);
    expect(simulation.document.cell("Settings", "B2").value).toBe("Northwind");
    expect(simulation.document.cell("CVM_Profiles", "B3").value).toBe("Northwind");
    // Number formats of the Value cells stay (PipelineMiles keeps #,##0).
    expect(simulation.document.cell("Variables", "B2").numberFormat).toBe("#,##0");
    // The model re-read shows the new customer.
    const inspection = await inspectInExcel(host);
    expect(inspection.analysis.ok && inspection.analysis.model.settings.customer).toBe("Northwind");
    expect((await inspectProfiles(host)).state).toEqual({ kind: "saved", profile: "Northwind" });
  });

  test("values edited after the preview: the switch is refused and nothing is written", async () => {
    const simulation = createExcelSimulation(sampleSeed());
    const host = hostOf(simulation);
    await saveProfile(host, "Northwind", SAVED_AT, KEEP);
    simulation.edit("Variables", "B2", "800");
    await saveProfile(host, "Contoso", LATER, KEEP);
    const preview = await previewSwitch(host, "Northwind");
    if (!preview.ok) throw new Error(preview.message);

    simulation.edit("Variables", "B5", "45%");
    const before = everyCell(simulation, []);
    const start = simulation.syncs.length;
    const outcome = await switchProfile(host, preview.plan);
    expect(outcome).toEqual({ ok: false, reason: "changed", message: CHANGED_SINCE_SHOWN, problems: [], syncs: 2 });
    expect(CHANGED_SINCE_SHOWN).toBe("The variables changed since you looked; review the change again. Nothing was written.");
    expect(writes(simulation, start)).toEqual([]);
    expect(changedCells(before, everyCell(simulation, []))).toEqual([]);
  });

  test("a sheet named CVM_Profiles that the add-in did not create is never written", async () => {
    const seed = sampleSeed();
    const mine = { name: "cvm_profiles", cells: { A1: { value: "My customers" }, A2: { value: "Northwind" } } };
    const simulation = createExcelSimulation({ ...seed, sheets: [...(seed.sheets ?? []), mine] });
    const host = hostOf(simulation);
    const before = everyCell(simulation, []);
    const start = simulation.syncs.length;
    const outcome = await saveProfile(host, "Northwind", SAVED_AT, KEEP);
    expect(outcome).toMatchObject({ ok: false, reason: "foreign", syncs: 2 });
    expect(!outcome.ok && outcome.message).toMatch(/^The workbook already has a sheet named "cvm_profiles" that the add-in did not create/);
    expect(await deleteProfile(host, "Northwind")).toMatchObject({ ok: false, reason: "foreign" });
    expect(await previewSwitch(host, "Northwind")).toMatchObject({ ok: false, reason: "foreign" });
    expect(writes(simulation)).toEqual([]);
    expect(simulation.syncs.length - start).toBe(6);
    expect(changedCells(before, everyCell(simulation, []))).toEqual([]);
    expect((await inspectProfiles(host)).read.kind).toBe("foreign");
  });

  test("names beginning with =, +, - or @ stay text on the profiles sheet and in the Customer cell", async () => {
    const simulation = createExcelSimulation(sampleSeed());
    const host = hostOf(simulation);
    const names = ["=SUM(1,2)", "+Acme", "-Contoso", "@Fabrikam"];
    for (const name of names) expect(await saveProfile(host, name, SAVED_AT, KEEP)).toMatchObject({ ok: true });
    const column = simulation.document.sheet("CVM_Profiles").cells.filter((c) => c.column === 0 && c.row >= 5);
    expect(column.map((c) => [c.value, c.formula])).toEqual(names.map((n) => [n, undefined]));
    simulation.edit("Variables", "B2", "999");
    await saveProfile(host, "Other", SAVED_AT, KEEP);

    const preview = await previewSwitch(host, "=SUM(1,2)");
    if (!preview.ok) throw new Error(preview.message);
    expect(await switchProfile(host, preview.plan)).toMatchObject({ ok: true });
    for (const [sheet, address] of [
      ["Settings", "B2"],
      ["CVM_Profiles", "B3"],
    ] as const) {
      const cell = simulation.document.cell(sheet, address);
      expect([cell.value, cell.formula]).toEqual(["=SUM(1,2)", undefined]);
    }
  });

  test("delete a profile; keep only one; the columns follow", async () => {
    const simulation = createExcelSimulation(sampleSeed());
    const host = hostOf(simulation);
    for (const name of ["A", "B", "C"]) await saveProfile(host, name, SAVED_AT, KEEP);
    const start = simulation.syncs.length;
    expect(await deleteProfile(host, "b")).toMatchObject({ ok: true, syncs: 3 });
    expect(syncsSince(simulation, start)).toBe(3);
    const names = async () => {
      const read = (await inspectProfiles(host)).read;
      return read.kind === "ours" ? [read.store.profiles.map((p) => p.name), read.store.active] : [];
    };
    expect(await names()).toEqual([["A", "C"], "C"]);
    // The deleted row is gone from the sheet, not left behind below.
    expect(simulation.document.sheet("CVM_Profiles").cells.filter((c) => c.row >= 7)).toEqual([]);
    expect(await keepOnlyProfile(host, "A")).toMatchObject({ ok: true });
    expect(await names()).toEqual([["A"], "A"]);
    expect(simulation.document.sheet("CVM_Profiles").cells.filter((c) => c.row >= 6)).toEqual([]);
    expect(await deleteProfile(host, "A")).toMatchObject({ ok: true });
    expect(await names()).toEqual([[], ""]);
    expect(simulation.document.formulas("CVM_Profiles", "A5:C6")).toEqual([
      ["Customer", "Saved", ""],
      ["", "", ""],
    ]);
  });

  test("a user's note beside the header block survives every rewrite", async () => {
    const simulation = createExcelSimulation(sampleSeed());
    const host = hostOf(simulation);
    await saveProfile(host, "A", SAVED_AT, KEEP);
    await simulation.run(async (context) => {
      context.workbook.worksheets.getItem("CVM_Profiles").getRange("D2").values = [["checked by audit"]];
      await context.sync();
    });
    await saveProfile(host, "B", SAVED_AT, KEEP);
    await deleteProfile(host, "A");
    expect(simulation.document.cell("CVM_Profiles", "D2").value).toBe("checked by audit");
  });

  test("a profile sheet with an error is not rewritten: the problem is reported at its cell", async () => {
    const simulation = createExcelSimulation(sampleSeed());
    const host = hostOf(simulation);
    await saveProfile(host, "A", SAVED_AT, KEEP);
    await simulation.run(async (context) => {
      context.workbook.worksheets.getItem("CVM_Profiles").getRange("C6").values = [["lots"]];
      await context.sync();
    });
    const outcome = await saveProfile(host, "B", SAVED_AT, KEEP);
    expect(outcome).toMatchObject({
      ok: false,
      reason: "sheet-problems",
      problems: [{ code: "profile-value-invalid", cell: { sheet: "CVM_Profiles", row: 5, column: 2 } }],
    });
    expect(simulation.document.cell("CVM_Profiles", "C6").value).toBe("lots");
  });

  test("bad values block a save with their cells, even while the rest of the model has errors", async () => {
    const simulation = createExcelSimulation(sampleSeed());
    const host = hostOf(simulation);
    simulation.edit("Elements", "C2", "NoSuchVariable*2");
    expect((await inspectInExcel(host)).analysis.ok).toBe(false);
    expect(await saveProfile(host, "A", SAVED_AT, KEEP)).toMatchObject({ ok: true });
    simulation.edit("Variables", "B2", "lots");
    const outcome = await saveProfile(host, "B", SAVED_AT, KEEP);
    expect(outcome).toMatchObject({
      ok: false,
      reason: "values",
      problems: [{ code: "variable-value-not-number", cell: { sheet: "Variables", row: 1, column: 1 } }],
    });
  });

  test("an existing name needs replace; with it the row is replaced in place", async () => {
    const simulation = createExcelSimulation(sampleSeed());
    const host = hostOf(simulation);
    await saveProfile(host, "Northwind", SAVED_AT, KEEP);
    await saveProfile(host, "Contoso", SAVED_AT, KEEP);
    simulation.edit("Variables", "B2", "1500");
    expect(await saveProfile(host, "northwind", LATER, KEEP)).toMatchObject({
      ok: false,
      reason: "replace",
      message: "Replace the saved values of Northwind?",
    });
    expect(await saveProfile(host, "northwind", LATER, { replace: true, ...KEEP })).toMatchObject({ ok: true });
    expect(simulation.document.formulas("CVM_Profiles", "A6:C7")).toEqual([
      ["northwind", expect.any(Number), 1500],
      ["Contoso", expect.any(Number), 1200],
    ]);
  });

  test.each([["1.7"], ["1.12"]])(
    "ExcelApi %s: save, preview and switch run; reading stays 2 syncs, writing 1 more, for 5 or 500 variables",
    async (api) => {
      const counts: number[][] = [];
      for (const size of [5, 500]) {
        const simulation = createExcelSimulation(await seedOfTables(tablesWith(size)), { apiVersion: api });
        const host = hostOf(simulation);
        const measured: number[] = [];
        const measure = async (action: () => Promise<unknown>) => {
          const start = simulation.syncs.length;
          await action();
          measured.push(simulation.syncs.length - start);
        };
        await measure(() => inspectProfiles(host));
        await measure(() => saveProfile(host, "A", SAVED_AT, KEEP));
        for (let v = 1; v <= size; v++) simulation.edit("Variables", `B${v + 1}`, String(v * 3));
        await measure(() => saveProfile(host, "B", SAVED_AT, KEEP));
        let preview: Awaited<ReturnType<typeof previewSwitch>> | undefined;
        await measure(async () => (preview = await previewSwitch(host, "A")));
        if (!preview?.ok) throw new Error("expected a switch plan");
        const { plan } = preview;
        expect(plan.changes).toHaveLength(size);
        await measure(async () => expect(await switchProfile(host, plan)).toMatchObject({ ok: true, cellsWritten: size + 2 }));
        await measure(() => deleteProfile(host, "B"));
        expect(simulation.document.value("Variables", `B${size + 1}`)).toBe(size);
        counts.push(measured);
      }
      expect(counts).toEqual([
        [2, 3, 3, 2, 3, 3],
        [2, 3, 3, 2, 3, 3],
      ]);
    },
  );
});

/** `count` variables Input_1..Input_n with values 1..n, one element over the first, and a Customer setting. */
function tablesWith(count: number): ModelTables {
  return {
    variables: [["Name", "Value"], ...Array.from({ length: count }, (_, i) => [`Input_${i + 1}`, i + 1])],
    elements: [
      ["Element", "Formula"],
      ["First", "Input_1*2"],
    ],
    settings: [
      ["Setting", "Value"],
      ["Customer", "Generated Co"],
    ],
  };
}

/** The simulated workbook written to an .xlsx file with ExcelJS and opened again as a new simulation's seed. */
async function throughXlsx(simulation: ExcelSimulation): Promise<SimulationSeed> {
  const workbook = new ExcelJS.Workbook();
  for (const name of simulation.document.sheetNames()) {
    const sheet = simulation.document.sheet(name);
    const out = workbook.addWorksheet(name, {
      state: sheet.visibility === "Hidden" ? "hidden" : sheet.visibility === "VeryHidden" ? "veryHidden" : "visible",
    });
    for (const cell of sheet.cells) {
      const target = out.getCell(cell.address);
      target.value = cell.formula ? { formula: cell.formula.slice(1), result: cell.value as number } : (cell.value ?? null);
      if (cell.numberFormat !== "General") target.numFmt = cell.numberFormat;
    }
  }
  for (const name of simulation.document.names()) workbook.definedNames.add(name.formula.slice(1), name.name);
  const buffer = new Uint8Array(await workbook.xlsx.writeBuffer());
  return seedFromXlsx(await loadXlsx(buffer));
}

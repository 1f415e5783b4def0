import ExcelJS from "exceljs";
import { CHANGED_SINCE_SHOWN, inspectProfiles, previewSwitch, saveProfile, switchProfile } from "../../../src/adapters/excel";
import { inspectInExcel } from "../../support/pipeline";
import { PROFILES_DESCRIPTION } from "../../../src/core/profiles";
import { createExcelSimulation, type ExcelSimulation, type SimulationSeed } from "../../../src/devtools/simulation/excel";
import { createFormulaCalculator } from "../../../src/devtools/simulation/excel/calculation";
import { sampleSeed as insertedSampleSeed } from "../../../src/devtools/workbench/sample-seed";
import { loadXlsx } from "../../../src/adapters/xlsx/read";
import { seedFromXlsx } from "../../support/xlsx-to-simulation";
import { hostOf } from "./support";

/** The bundled sample as the workbench inserts it (through the Excel adapter), made once for the file. */
let SAMPLE_SEED: SimulationSeed;
beforeAll(async () => {
  SAMPLE_SEED = await insertedSampleSeed();
});
const sampleSeed = (): SimulationSeed => SAMPLE_SEED;

/**
 * Profiles keep each customer's Low, High and Actual: saved, switched and read back on the
 * Office.js simulation. The sample's Variables sheet has Low in F and High in G (PipelineMiles
 * row 2: 1,100 to 1,300; LeaksPerMile row 3: 0.008 to 0.016; CostPerRepair row 7), its Elements
 * sheet the Actual in I (LeakRepairs row 2, all empty).
 */

const MONDAY = new Date(Date.UTC(2026, 10, 23, 9, 30));
const TUESDAY = new Date(Date.UTC(2026, 10, 24, 14, 0));
const KEEP = { customer: "keep" } as const;
const V = (row: number, column: number) => ({ sheet: "Variables", row, column });

/** The sample, with CostPerRepair's High (G7) a formula over its Value, computed by the simulation's calculator. */
function sampleWithFormulaHigh(): ExcelSimulation {
  const seed = sampleSeed();
  const sheets = (seed.sheets ?? []).map((s) => (s.name === "Variables" ? { ...s, cells: { ...s.cells, G7: { formula: "=B7*1.2" } } } : s));
  return createExcelSimulation({ ...seed, sheets }, { calculate: createFormulaCalculator() });
}

function everyCell(simulation: ExcelSimulation): Map<string, unknown> {
  const all = new Map<string, unknown>();
  for (const sheet of simulation.document.sheetNames().filter((s) => s !== "CVM_Profiles")) {
    for (const c of simulation.document.sheet(sheet).cells)
      all.set(`${sheet}!${c.address}`, { value: c.value, formula: c.formula, numberFormat: c.numberFormat });
  }
  return all;
}

function changedCells(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])]
    .filter((k) => JSON.stringify(before.get(k)) !== JSON.stringify(after.get(k)))
    .sort();
}

/** Northwind: the sample as it is. Contoso: 2,300 miles with its own range 2,000 to 2,600, no range for LeaksPerMile, an Actual for LeakRepairs. */
async function twoCustomers(simulation: ExcelSimulation) {
  const host = hostOf(simulation);
  expect(await saveProfile(host, "Northwind", MONDAY, KEEP)).toMatchObject({ ok: true });
  for (const [address, typed] of [
    ["B2", "2300"],
    ["F2", "2000"],
    ["G2", "2600"],
    ["F3", ""],
    ["G3", ""],
    ["B7", "150000"],
  ] as const)
    simulation.edit("Variables", address, typed);
  simulation.edit("Elements", "I2", "500000");
  expect(await saveProfile(host, "Contoso", TUESDAY, KEEP)).toMatchObject({ ok: true });
  return host;
}

describe("profiles with Low, High and Actual", () => {
  test("a save writes format 2: the marker and the range columns after the values; an empty Low or High is saved as empty", async () => {
    const simulation = sampleWithFormulaHigh();
    await twoCustomers(simulation);
    const header = simulation.document.formulas("CVM_Profiles", "S5:X5")[0]!;
    expect(header).toEqual([
      "OvertimePremium",
      "Saved with ranges",
      "PipelineMiles Low",
      "PipelineMiles High",
      "LeaksPerMile Low",
      "LeaksPerMile High",
    ]);
    expect(simulation.document.formulas("CVM_Profiles", "T6:X7")).toEqual([
      ["yes", 1100, 1300, 0.008, 0.016],
      ["yes", 2000, 2600, "", ""],
    ]);
    expect(simulation.document.cell("CVM_Profiles", "B2").value).toBe(2);
    expect(simulation.document.cell("CVM_Profiles", "B1").value).toBe(PROFILES_DESCRIPTION);
  });

  test("a switch shows, then writes, each Low, High and Actual: cleared where the profile saved none, never over a formula, in one request", async () => {
    const simulation = sampleWithFormulaHigh();
    const host = await twoCustomers(simulation);
    expect(simulation.document.value("Variables", "G7")).toBe(180000);

    const preview = await previewSwitch(host, "Northwind");
    if (!preview.ok) throw new Error(preview.message);
    const { ranges } = preview.plan;
    expect(ranges?.kept).toBe(false);
    expect(ranges?.changes).toEqual([
      { name: "PipelineMiles Low", kind: "low", cell: V(1, 5), from: 2000, to: 1100 },
      { name: "PipelineMiles High", kind: "high", cell: V(1, 6), from: 2600, to: 1300 },
      { name: "LeaksPerMile Low", kind: "low", cell: V(2, 5), from: "", to: 0.008 },
      { name: "LeaksPerMile High", kind: "high", cell: V(2, 6), from: "", to: 0.016 },
      { name: "LeakRepairs Actual", kind: "actual", cell: { sheet: "Elements", row: 1, column: 8 }, from: 500000, to: null },
    ]);
    // The High of CostPerRepair is a formula: shown as kept, with what the profile saved (Northwind's 185,000 × 1.2).
    expect(ranges?.formulas).toEqual([{ name: "CostPerRepair High", cell: V(6, 6), formula: "=B7*1.2", value: 180000, saved: 222000 }]);
    // Contoso is the active profile and holds every current value: nothing is lost.
    expect(preview.plan.lost).toEqual([]);

    const before = everyCell(simulation);
    const start = simulation.syncs.length;
    const outcome = await switchProfile(host, preview.plan);
    expect(outcome).toMatchObject({ ok: true, cellsWritten: 9, syncs: 3 });
    expect(simulation.syncs.length - start).toBe(3);
    expect(changedCells(before, everyCell(simulation))).toEqual([
      "Elements!I2",
      "Settings!B2",
      "Variables!B2",
      "Variables!B7",
      "Variables!F2",
      "Variables!F3",
      "Variables!G2",
      "Variables!G3",
    ]);
    expect(simulation.document.value("Variables", "B2")).toBe(1200);
    expect(simulation.document.formulas("Variables", "F2:G3")).toEqual([
      [1100, 1300],
      [0.008, 0.016],
    ]);
    expect(simulation.document.cell("Variables", "G7").formula).toBe("=B7*1.2");
    // The formula stays and follows its Value: 185,000 × 1.2.
    expect(simulation.document.value("Variables", "G7")).toBe(222000);
    expect(simulation.document.cell("Elements", "I2").value ?? "").toBe("");
    // Formats stay: the cleared Actual keeps its currency format, the Low its number format.
    expect(simulation.document.cell("Elements", "I2").numberFormat).toBe(
      (before.get("Elements!I2") as { numberFormat: string }).numberFormat,
    );
    expect(simulation.document.cell("Variables", "F2").numberFormat).toBe(
      (before.get("Variables!F2") as { numberFormat: string }).numberFormat,
    );

    // The model as the pane reads it: Northwind's range, no warning; the profiles say so.
    const inspection = await inspectInExcel(host);
    if (!inspection.analysis.ok) throw new Error("the model reads");
    expect(inspection.analysis.model.variables[0]!.range).toMatchObject({ low: 1100, high: 1300 });
    expect((await inspectProfiles(host)).state).toEqual({ kind: "saved", profile: "Northwind" });

    // And back to Contoso: its range and Actual return, the LeaksPerMile range is cleared again.
    const back = await previewSwitch(host, "Contoso");
    if (!back.ok) throw new Error(back.message);
    expect(await switchProfile(host, back.plan)).toMatchObject({ ok: true });
    expect(simulation.document.formulas("Variables", "F2:G3")).toEqual([
      [2000, 2600],
      ["", ""],
    ]);
    expect(simulation.document.cell("Elements", "I2").value).toBe(500000);
  });

  test("a Low edited after the preview: the switch is refused, nothing written", async () => {
    const simulation = createExcelSimulation(sampleSeed());
    const host = await twoCustomers(simulation);
    const preview = await previewSwitch(host, "Northwind");
    if (!preview.ok) throw new Error(preview.message);
    simulation.edit("Variables", "F2", "1900");
    const before = everyCell(simulation);
    expect(await switchProfile(host, preview.plan)).toMatchObject({ ok: false, reason: "changed", message: CHANGED_SINCE_SHOWN });
    expect(changedCells(before, everyCell(simulation))).toEqual([]);
  });

  test("a Low, High or Actual that no profile holds counts as unsaved, and is listed among what a switch would lose", async () => {
    const simulation = createExcelSimulation(sampleSeed());
    const host = await twoCustomers(simulation);
    simulation.edit("Variables", "G2", "2700");
    const inspected = await inspectProfiles(host);
    expect(inspected.state).toEqual({ kind: "unsaved", against: "Contoso", differing: [{ name: "PipelineMiles High" }] });
    const preview = await previewSwitch(host, "Northwind");
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.plan.lost).toEqual([{ name: "PipelineMiles High", kind: "high", cell: V(1, 6), from: 2700, to: 1300 }]);
  });

  test("ranges read back exactly after the workbook is saved as .xlsx and opened again", async () => {
    const simulation = createExcelSimulation(sampleSeed());
    const host = await twoCustomers(simulation);
    const first = await inspectProfiles(host);
    const reopened = createExcelSimulation(await throughXlsx(simulation));
    const again = await inspectProfiles(hostOf(reopened));
    if (first.read.kind !== "ours" || again.read.kind !== "ours") throw new Error("expected the add-in's sheet");
    expect(again.read.problems).toEqual([]);
    const contoso = again.read.store.profiles[1]!;
    expect(contoso.ranges?.filter((r) => r.of === "PipelineMiles" || r.of === "LeaksPerMile" || r.of === "LeakRepairs")).toEqual([
      { kind: "low", of: "PipelineMiles", value: 2000 },
      { kind: "high", of: "PipelineMiles", value: 2600 },
      { kind: "low", of: "LeaksPerMile", value: null },
      { kind: "high", of: "LeaksPerMile", value: null },
      { kind: "actual", of: "LeakRepairs", value: 500000 },
    ]);
    expect(again.read.store.profiles.map((p) => p.ranges)).toEqual(first.read.store.profiles.map((p) => p.ranges));
  });

  test("a profile saved before ranges (format 1) still switches: Values only, Low, High and Actual stay, and the plan says so", async () => {
    const seed = sampleSeed();
    const old = {
      name: "CVM_Profiles",
      visibility: "Hidden" as const,
      rows: [
        ["CVM_Profiles", "Customer profiles"],
        ["format", 1],
        ["active", ""],
        [],
        ["Customer", "Saved", "PipelineMiles"],
        ["Contoso", 46000, 2300],
      ],
    };
    const simulation = createExcelSimulation({ ...seed, sheets: [...(seed.sheets ?? []), old] });
    const host = hostOf(simulation);
    const preview = await previewSwitch(host, "Contoso");
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.plan.ranges).toEqual({ kept: true, changes: [], unchanged: [], formulas: [], ignored: [] });
    const before = everyCell(simulation);
    expect(await switchProfile(host, preview.plan)).toMatchObject({ ok: true, cellsWritten: 3 });
    expect(changedCells(before, everyCell(simulation))).toEqual(["Settings!B2", "Variables!B2"]);
    // The Value now lies outside the range the switch kept: the model says so at the Value cell.
    const inspection = await inspectInExcel(host);
    expect(inspection.analysis.problems.find((p) => p.code === "variable-outside-range")).toMatchObject({
      severity: "warning",
      cell: V(1, 1),
      message:
        "PipelineMiles is 2,300, outside its range 1,100 to 1,300 (Low to High): the conservative and optimistic cases would not bracket it; update Low and High for this customer.",
    });
  });
});

describe("saving sets the Customer setting", () => {
  test("silently when it names the active profile; asked otherwise; a formula in its cell is never overwritten", async () => {
    const simulation = createExcelSimulation(sampleSeed(), { calculate: createFormulaCalculator() });
    const host = hostOf(simulation);
    // Northwind Midstream names no profile: the question comes back, and nothing is written.
    const start = simulation.syncs.length;
    expect(await saveProfile(host, "Northwind", MONDAY)).toMatchObject({
      ok: false,
      reason: "customer",
      message: "Also set the Customer setting to Northwind? It says Northwind Midstream.",
      syncs: 2,
    });
    expect(
      simulation.syncs.slice(start).every((s) => s.operations.every((o) => o.action.startsWith("load") || o.action === "instantiate")),
    ).toBe(true);
    expect(await saveProfile(host, "Northwind", MONDAY, { customer: "set" })).toMatchObject({
      ok: true,
      syncs: 3,
      plan: { customer: { kind: "write", to: "Northwind" } },
    });
    expect(simulation.document.cell("Settings", "B2").value).toBe("Northwind");
    // The Customer names the active profile: the next customer's name follows without a question.
    simulation.edit("Variables", "B2", "900");
    expect(await saveProfile(host, "=Contoso", TUESDAY)).toMatchObject({
      ok: true,
      plan: { customer: { kind: "write", from: "Northwind", to: "=Contoso" } },
    });
    expect(simulation.document.cell("Settings", "B2").value).toBe("=Contoso");
    expect(simulation.document.cell("Settings", "B2").formula).toBeUndefined();

    simulation.edit("Settings", "B2", '="Fabrikam"');
    const kept = await saveProfile(host, "Globex", TUESDAY);
    expect(kept).toMatchObject({ ok: true, plan: { customer: { kind: "formula", formula: '="Fabrikam"', to: "Globex" } } });
    expect(simulation.document.cell("Settings", "B2").formula).toBe('="Fabrikam"');
  });
});

/** The simulated workbook written to an .xlsx file with ExcelJS and opened again as a new simulation's seed. */
async function throughXlsx(simulation: ExcelSimulation): Promise<SimulationSeed> {
  const workbook = new ExcelJS.Workbook();
  for (const name of simulation.document.sheetNames()) {
    const sheet = simulation.document.sheet(name);
    const out = workbook.addWorksheet(name, { state: sheet.visibility === "Hidden" ? "hidden" : "visible" });
    for (const cell of sheet.cells) {
      const target = out.getCell(cell.address);
      target.value = cell.formula ? { formula: cell.formula.slice(1), result: cell.value as number } : (cell.value ?? null);
      if (cell.numberFormat !== "General") target.numFmt = cell.numberFormat;
    }
  }
  for (const name of simulation.document.names()) workbook.definedNames.add(name.formula.slice(1), name.name);
  return seedFromXlsx(await loadXlsx(new Uint8Array(await workbook.xlsx.writeBuffer())));
}

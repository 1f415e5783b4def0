/**
 * The Value Map inside Excel (simulated): written with the rest of a build, recognised as the
 * add-in's own when a build stops halfway (marked INCOMPLETE or as it was, then completed), a
 * clash with a sheet of the user's, and emptied with a reason when CVM_Stakeholders goes.
 */
import { buildInExcel } from "../../support/pipeline";
import { INCOMPLETE_MARK } from "../../../src/core/plan/incomplete";
import { VALUE_MAP_SHEET } from "../../../src/core/plan/value-map";
import type { SimulationSeed } from "../../../src/devtools/simulation/excel";
import { SAMPLE_WITHOUT_OPTIONAL, VALUE_MAP_SAMPLE } from "../../fixtures/models";
import { BUILT, builtThenChanged, hostOf, seedOfTables, simulationOf } from "./support";

let seed: SimulationSeed;
beforeAll(async () => {
  seed = await seedOfTables(VALUE_MAP_SAMPLE.tables, VALUE_MAP_SAMPLE.options);
});

const withoutPage = <T extends object>(sheet: T): Omit<T, "pageLayout"> => {
  const { pageLayout: _, ...rest } = sheet as T & { pageLayout?: unknown };
  return rest;
};

test("a build that stops anywhere leaves the Value Map as it was, finished, or marked INCOMPLETE; the next build completes it", async () => {
  const clean = await builtThenChanged(seed);
  const before = clean.document.sheet(VALUE_MAP_SHEET);
  expect((await buildInExcel(hostOf(clean), BUILT)).ok).toBe(true);
  const operations = clean.syncs.at(-1)!.operationCount;
  const firstCosmetic = clean.syncs.at(-1)!.operations.findIndex((o) => /\.charts$/.test(o.object) && o.action === "add");
  let marked = 0;
  for (const after of [...new Set(Array.from({ length: 12 }, (_, i) => Math.round((i * firstCosmetic) / 11)))]) {
    const simulation = await builtThenChanged(seed);
    simulation.failOnSync(3, undefined, after);
    await buildInExcel(hostOf(simulation), BUILT).catch((error: unknown) => error);
    const now = JSON.stringify(withoutPage(simulation.document.sheet(VALUE_MAP_SHEET)));
    if (now !== JSON.stringify(withoutPage(before)) && now !== JSON.stringify(withoutPage(clean.document.sheet(VALUE_MAP_SHEET)))) {
      expect([after, simulation.document.cell(VALUE_MAP_SHEET, "A1").value]).toEqual([after, INCOMPLETE_MARK]);
      marked++;
    }
    expect((await buildInExcel(hostOf(simulation), BUILT)).ok).toBe(true);
    expect(simulation.document.sheet(VALUE_MAP_SHEET)).toEqual(clean.document.sheet(VALUE_MAP_SHEET));
  }
  expect(operations).toBeGreaterThan(firstCosmetic);
  expect(marked).toBeGreaterThan(3);
});

test("a Value Map sheet of the user's is a clash: nothing is written", async () => {
  const simulation = await simulationOf({
    ...seed,
    sheets: [...(seed.sheets ?? []), { name: "Value Map", cells: { A1: { value: "mine" } } }],
  });
  const outcome = await buildInExcel(hostOf(simulation), BUILT);
  const errors = outcome.ok ? [] : outcome.problems.filter((p) => p.severity === "error");
  expect(errors.map((p) => [p.code, p.range])).toEqual([["sheet-clash", "Value Map"]]);
  expect(simulation.document.sheet(VALUE_MAP_SHEET).cells.map((c) => c.value)).toEqual(["mine"]);
  expect(simulation.document.hasSheet("Value Summary")).toBe(false);
});

test("without CVM_Stakeholders any more, the next build says why the Value Map is empty", async () => {
  const simulation = await simulationOf(seed);
  expect((await buildInExcel(hostOf(simulation), BUILT)).ok).toBe(true);
  await simulation.run(async (context) => {
    context.workbook.names.getItem("CVM_Stakeholders").delete();
    await context.sync();
  });
  expect((await buildInExcel(hostOf(simulation), BUILT)).ok).toBe(true);
  const cells = simulation.document.sheet(VALUE_MAP_SHEET).cells;
  expect(cells.map((c) => String(c.value)).join(" ")).toContain("no longer has the named range CVM_Stakeholders");
  expect(cells.some((c) => c.formula?.includes("FIXED("))).toBe(false);
});

test("CVM_Stakeholders as an Excel table is read as the range, its totals row left out", async () => {
  const sample = await seedOfTables(SAMPLE_WITHOUT_OPTIONAL.tables, SAMPLE_WITHOUT_OPTIONAL.options);
  const people = {
    name: "People",
    cells: {
      A1: { value: "Stakeholder" },
      B1: { value: "Objective" },
      A2: { value: "CFO" },
      B2: { value: "Lower operating cost" },
      A3: { value: "Production Manager" },
      B3: { value: "No unplanned shutdowns" },
      A4: { value: "Total" },
    },
  };
  const simulation = await simulationOf({
    ...sample,
    sheets: [...(sample.sheets ?? []), people],
    tables: [...(sample.tables ?? []), { name: "CVM_Stakeholders", sheet: "People", range: "A1:B4", showTotals: true }],
  });
  const outcome = await buildInExcel(hostOf(simulation), BUILT);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  // The sample's elements also name two stakeholders the table does not list: warnings, not errors.
  expect(outcome.analysis.problems.map((p) => [p.code, p.message.match(/"[^"]+"/)?.[0]])).toEqual([
    ["stakeholder-not-listed", '"Maintenance Manager"'],
    ["stakeholder-not-listed", '"Compliance Officer"'],
  ]);
  const texts = simulation.document.sheet(VALUE_MAP_SHEET).cells.map((c) => c.value);
  expect(texts).toContain("Lower operating cost");
  expect(texts).not.toContain("Total");
});

import { CHART_NAME, REALIZATION_CHART_NAME, SENSITIVITY_CHART_NAME } from "../../../src/adapters/excel";
import { analyzeInExcel, buildInExcel } from "../../support/pipeline";
import { RESULT_NAMES } from "../../../src/core/model/names";
import { ASSUMPTIONS_SHEET } from "../../../src/core/plan/assumptions";
import { META_SHEET } from "../../../src/core/plan/ownership";
import { SUMMARY_SHEET } from "../../../src/core/plan/summary";
import { EDGE_CASES } from "../../fixtures/models";
import { generatedModel } from "../../support/generated-model";
import { INCOMPLETE_MARK } from "../../../src/core/plan/incomplete";
import { createExcelSimulation, type ExcelSimulation, type SimulationSeed } from "../../../src/devtools/simulation/excel";
import { BUILT, builtThenChanged, hostOf, SAMPLE_FILE, seedOfFile, seedOfTables, simulationOf, writes } from "./support";

describe("a build inside Excel (simulated)", () => {
  test("writes the Value Summary, the Assumptions Log, the record, the names and a waterfall chart", async () => {
    const simulation = await simulationOf(await seedOfFile(SAMPLE_FILE));
    const outcome = await buildInExcel(hostOf(simulation), BUILT);
    expect(outcome.ok).toBe(true);
    const doc = simulation.document;
    expect(doc.sheetNames()).toEqual(expect.arrayContaining([SUMMARY_SHEET, ASSUMPTIONS_SHEET, META_SHEET]));
    expect(doc.sheet(META_SHEET).visibility).toBe("VeryHidden");
    expect(doc.sheet(SUMMARY_SHEET).visibility).toBe("Visible");
    expect(doc.activeSheet()).toBe(SUMMARY_SHEET);

    // Every result name points at one summary cell that holds a live formula.
    for (const result of Object.values(RESULT_NAMES)) {
      const name = doc.name(result);
      expect(name).toBeDefined();
      const match = /^='Value Summary'!\$([A-Z]+)\$(\d+)$/.exec(name!.formula);
      expect(match).not.toBeNull();
      expect(doc.cell(SUMMARY_SHEET, `${match![1]}${match![2]}`).formula).toMatch(/^=/);
    }
    // Variables are named at their value cells on the user's own sheet.
    expect(doc.name("PipelineMiles")?.formula).toMatch(/^=Variables!\$[A-Z]+\$\d+$/);

    const charts = doc.sheet(SUMMARY_SHEET).charts;
    // The sample has two years of actuals: realization by year draws the third chart.
    expect(charts.map((c) => c.name)).toEqual([CHART_NAME, SENSITIVITY_CHART_NAME, REALIZATION_CHART_NAME]);
    expect(charts[0]).toMatchObject({ name: CHART_NAME, type: "Waterfall", legendVisible: false });
    expect(charts[0]!.series[0]!.xAxisValues).toBeDefined();
    // The tornado: both series drawn over each other, the largest swing (the table's first row) on top.
    const tornado = charts[1]!;
    expect(tornado).toMatchObject({ type: "BarClustered", legendVisible: true, reversePlotOrder: true });
    expect(tornado.series.map((s) => s.name)).toEqual(["NPV change at Low", "NPV change at High"]);
    expect(tornado.series[0]).toMatchObject({ overlap: 100 });
    // Its numbers stand past the printed columns, beside the table's rows.
    const [, firstRow] = /!M(\d+):/.exec(tornado.series[0]!.values)!;
    expect(doc.cell(SUMMARY_SHEET, `A${Number(firstRow) - 1}`).value).toBe("Variable");
    expect(tornado.series.every((s) => s.xAxisValues === `'Value Summary'!A${firstRow}:A${Number(firstRow) + 13}`)).toBe(true);
    expect(doc.sheet(SUMMARY_SHEET).frozen.rows).toBeGreaterThan(0);
  });

  test("workbook text that looks like a formula is written as text", async () => {
    const simulation = await simulationOf(await seedOfTables(EDGE_CASES.tables, EDGE_CASES.options));
    const outcome = await buildInExcel(hostOf(simulation), BUILT);
    expect(outcome.ok).toBe(true);
    const texts = (sheet: string) =>
      simulation.document
        .sheet(sheet)
        .cells.filter((c) => typeof c.value === "string" && c.formula === undefined)
        .map((c) => c.value);
    const written = [...texts(SUMMARY_SHEET), ...texts(ASSUMPTIONS_SHEET)];
    for (const risky of [
      "=SUM(A1:A9)",
      "+1 555 0100",
      "-survey-",
      "@mention",
      "=Saving",
      "=1+1",
      "=Ops lead",
      "+Plant",
      "@risk desk",
      "+Guarded ratio",
      "@Averaged",
      "-Costly change",
      "-halved if audited",
      "@assumption owner",
      "+internal grading",
      '=IMPORTXML("x")',
    ]) {
      expect(written).toContain(risky);
    }
    const formulas = [SUMMARY_SHEET, ASSUMPTIONS_SHEET].flatMap((s) =>
      simulation.document.sheet(s).cells.flatMap((c) => (c.formula ? [c.formula] : [])),
    );
    expect(formulas.some((f) => /SUM\(A1:A9\)|HYPERLINK|IMPORTXML|mention|Guarded|Averaged|Costly|halved|owner|grading/.test(f))).toBe(
      false,
    );
  });
});

describe("round trips", () => {
  const sizes = [10, 100, 1000] as const;
  const runs = new Map<number, { syncs: number; payload: number; writeSyncs: { calc: boolean; screen: boolean }[]; last: string[] }>();

  beforeAll(async () => {
    for (const size of sizes) {
      const simulation = await simulationOf(await seedOfTables(generatedModel(size)));
      const outcome = await buildInExcel(hostOf(simulation), BUILT);
      if (!outcome.ok) throw new Error(`generated model of ${size} did not build: ${outcome.problems[0]?.message}`);
      const writing = simulation.syncs.filter((s) => s.operations.some((o) => !o.action.startsWith("load")));
      runs.set(size, {
        syncs: simulation.syncs.length,
        payload: simulation.syncs.reduce((sum, s) => sum + s.payloadBytes, 0),
        writeSyncs: writing.map((s) => ({ calc: s.calculationSuspended, screen: s.screenUpdatingSuspended })),
        last: simulation.syncs[simulation.syncs.length - 1]!.operations.map((o) => `${o.object} ${o.action}`),
      });
    }
  }, 120_000);

  test("the same number of syncs for 10, 100 and 1,000 elements: two reads and one write", () => {
    expect(sizes.map((s) => runs.get(s)!.syncs)).toEqual([3, 3, 3]);
    for (const size of sizes) {
      // Excel resumes automatic calculation after the sync: no request of its own to recalculate.
      expect(runs.get(size)!.last).not.toContain("application calculate");
      expect(runs.get(size)!.last).toContain('workbook.worksheets.getItem("Value Summary") activate');
    }
  });

  test("a workbook set to Manual calculation is recalculated at the end of the same request", async () => {
    const seed = await seedOfTables(generatedModel(10));
    const simulation = createExcelSimulation({ ...seed, calculationMode: "Manual" }, { apiVersion: "1.12" });
    const outcome = await buildInExcel(hostOf(simulation), BUILT);
    expect(outcome).toMatchObject({ ok: true, syncs: 3 });
    expect(simulation.syncs).toHaveLength(3);
    const last = simulation.syncs[2]!;
    // Recalculated after everything written and before the charts and the page setup, which come
    // last so that a host refusing one of their calls still has complete, recalculated sheets.
    const firstChart = last.operations.findIndex((o) => /\.charts$/.test(o.object) && o.action === "add");
    expect(last.operations[firstChart - 1]).toEqual({ object: "application", action: "calculate" });
    expect(last.operations.some((o) => /\.pageLayout\b/.test(o.object))).toBe(true);
    // Suspension means nothing under Manual, and would hold back the recalculation.
    expect(last.calculationSuspended).toBe(false);
  });

  test("the payload grows with the model, so the constant count is not a model that was skipped", () => {
    const [small, medium, large] = sizes.map((s) => runs.get(s)!.payload);
    // About linear, over a fixed part (headers, results, styles) that a 10-element model is mostly made of.
    expect(medium!).toBeGreaterThan(small! * 3);
    expect(large!).toBeGreaterThan(medium! * 5);
    // And 1,000 elements still fit one request of Excel on the web (5 MB).
    expect(large!).toBeLessThan(5_000_000);
  });

  test("calculation and screen updating are suspended in every request that writes", () => {
    for (const size of sizes) {
      expect(runs.get(size)!.writeSyncs).toEqual([{ calc: true, screen: true }]);
    }
  });

  test("a request over the payload budget is split, and the result is the same workbook", async () => {
    const seed = await seedOfTables(generatedModel(100));
    const whole = await simulationOf(seed);
    const split = await simulationOf(seed);
    await buildInExcel(hostOf(whole), BUILT);
    await buildInExcel(hostOf(split), BUILT, { maxRequestBytes: 20_000 });
    expect(split.syncs.length).toBeGreaterThan(whole.syncs.length);
    expect(Math.max(...split.syncs.map((s) => s.payloadBytes))).toBeLessThan(40_000);
    for (const sheet of [SUMMARY_SHEET, ASSUMPTIONS_SHEET, META_SHEET]) {
      expect(split.document.sheet(sheet)).toEqual(whole.document.sheet(sheet));
    }
    expect(split.document.names()).toEqual(whole.document.names());
  });
});

describe("never clobbers", () => {
  test("a user's own Value Summary sheet: nothing written, the clash explained", async () => {
    const seed = await seedOfFile(SAMPLE_FILE);
    const simulation = await simulationOf({ ...seed, sheets: [...seed.sheets!, { name: "value summary", cells: { A1: "my notes" } }] });
    const outcome = await buildInExcel(hostOf(simulation), BUILT);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems.map((p) => p.code)).toContain("sheet-clash");
    expect(writes(simulation)).toEqual([]);
    expect(simulation.document.cell("value summary", "A1").value).toBe("my notes");
  });

  test("a user's own name that a result would take: nothing written", async () => {
    const seed = await seedOfFile(SAMPLE_FILE);
    const simulation = await simulationOf({ ...seed, names: [...seed.names!, { name: "CVM_NPV", formula: "=Variables!$B$2" }] });
    const outcome = await buildInExcel(hostOf(simulation), BUILT);
    expect(!outcome.ok && outcome.problems.map((p) => p.code)).toContain("name-clash");
    expect(writes(simulation)).toEqual([]);
    expect(simulation.document.name("CVM_NPV")?.formula).toBe("=Variables!$B$2");
  });
});

test("a table whose name a variable would take as a defined name: a clash, nothing written", async () => {
  const seed = await seedOfFile(SAMPLE_FILE);
  const simulation = await simulationOf({
    ...seed,
    sheets: [...seed.sheets!, { name: "Lookup", cells: { A1: "Key", A2: 1 } }],
    tables: [...(seed.tables ?? []), { name: "PipelineMiles", sheet: "Lookup", range: "A1:A2" }],
  });
  const outcome = await buildInExcel(hostOf(simulation), BUILT);
  expect(!outcome.ok && outcome.problems.filter((p) => p.code === "name-clash").map((p) => p.message)).toEqual([
    expect.stringContaining('table named "PipelineMiles"'),
  ]);
  expect(writes(simulation)).toEqual([]);
});

describe("an interrupted build", () => {
  test("a request that fails halfway leaves a record of everything the add-in owns, and the next build completes it", async () => {
    const seed = await seedOfFile(SAMPLE_FILE);
    const rename = async (simulation: Awaited<ReturnType<typeof simulationOf>>) => {
      // A rebuild that has names to create and names to delete: a variable is renamed.
      const cell = simulation.document.sheet("Variables").cells.find((c) => c.value === "PipelineMiles")!;
      await simulation.run(async (context) => {
        context.workbook.worksheets.getItem("Variables").getRange(cell.address).values = [["NetworkMiles"]];
        await context.sync();
      });
      const elements = simulation.document
        .sheet("Elements")
        .cells.filter((c) => typeof c.value === "string" && c.value.includes("PipelineMiles"));
      await simulation.run(async (context) => {
        for (const c of elements)
          context.workbook.worksheets.getItem("Elements").getRange(c.address).values = [
            [(c.value as string).replace(/PipelineMiles/g, "NetworkMiles")],
          ];
        await context.sync();
      });
    };

    const clean = await simulationOf(seed);
    await buildInExcel(hostOf(clean), BUILT);
    await rename(clean);
    expect((await buildInExcel(hostOf(clean), BUILT)).ok).toBe(true);

    const interrupted = await simulationOf(seed);
    await buildInExcel(hostOf(interrupted), BUILT);
    await rename(interrupted);
    interrupted.failOnSync(3);
    await expect(buildInExcel(hostOf(interrupted), BUILT)).rejects.toMatchObject({ code: "GeneralException" });
    const retried = await buildInExcel(hostOf(interrupted), BUILT);
    expect(retried.ok ? [] : retried.problems.map((p) => p.message)).toEqual([]);

    for (const sheet of [SUMMARY_SHEET, ASSUMPTIONS_SHEET, META_SHEET]) {
      expect(interrupted.document.sheet(sheet)).toEqual(clean.document.sheet(sheet));
    }
    expect(interrupted.document.names()).toEqual(clean.document.names());
    expect(interrupted.document.name("PipelineMiles")).toBeUndefined();
  });
});

describe("an interrupted build, wherever it stops", () => {
  const OUTPUTS = [SUMMARY_SHEET, ASSUMPTIONS_SHEET];

  const userState = (simulation: ExcelSimulation, seed: SimulationSeed) => ({
    sheets: seed.sheets!.map((s) => simulation.document.sheet(s.name)),
    names: seed.names!.map((n) => simulation.document.name(n.name)),
  });

  test("each output sheet is either as it was or says INCOMPLETE in A1; the user's sheets and names are untouched; the next build completes", async () => {
    const seed = await seedOfFile(SAMPLE_FILE);
    const clean = await builtThenChanged(seed);
    const before = Object.fromEntries(OUTPUTS.map((s) => [s, clean.document.sheet(s)]));
    const user = userState(clean, seed);
    expect((await buildInExcel(hostOf(clean), BUILT)).ok).toBe(true);
    const writeRequest = clean.syncs.at(-1)!;
    expect(writeRequest.operations.some((o) => o.action.startsWith("load"))).toBe(false);
    const operations = writeRequest.operationCount;
    // A chart is named by the operation right after the one that adds it; stopped between the two,
    // Excel would keep a chart the next build cannot tell from one of the user's (its own test below).
    const unnamedChart = (after: number) =>
      after > 0 && /\.charts$/.test(writeRequest.operations[after - 1]!.object) && writeRequest.operations[after - 1]!.action === "add";
    // Every point of the request, sampled evenly, its first and last operations included.
    const points = [...new Set(Array.from({ length: 40 }, (_, i) => Math.round((i * operations) / 39)))].filter(
      (after) => !unnamedChart(after),
    );
    // The charts and the page setup come last, after every mark gave way to its cell.
    const firstCosmetic = writeRequest.operations.findIndex((o) => /\.charts$/.test(o.object) && o.action === "add");
    expect(firstCosmetic).toBeGreaterThan(0);
    let marked = 0;
    for (const after of points) {
      const simulation = await builtThenChanged(seed);
      simulation.failOnSync(3, undefined, after);
      const outcome = await buildInExcel(hostOf(simulation), BUILT).catch((error: unknown) => error);
      if (after >= firstCosmetic) {
        // Stopped in the charts or the page setup: the sheets were complete, and the build makes
        // the charts and the page setup again, each on its own (cosmetics.test.ts refuses them for good).
        expect(outcome).toMatchObject({ ok: true });
        for (const sheet of OUTPUTS) expect(simulation.document.sheet(sheet)).toEqual(clean.document.sheet(sheet));
      } else if (!(outcome as { ok?: boolean }).ok) expect(outcome).toMatchObject({ code: "GeneralException" });
      for (const sheet of OUTPUTS) {
        const now = JSON.stringify(withoutPage(simulation.document.sheet(sheet)));
        // As it was, or finished (its mark was the last thing written), or else marked.
        if (now !== JSON.stringify(withoutPage(before[sheet]!)) && now !== JSON.stringify(withoutPage(clean.document.sheet(sheet)))) {
          expect([sheet, after, simulation.document.cell(sheet, "A1").value]).toEqual([sheet, after, INCOMPLETE_MARK]);
          marked++;
        }
      }
      expect(userState(simulation, seed)).toEqual(user);
      expect((await buildInExcel(hostOf(simulation), BUILT)).ok).toBe(true);
      for (const sheet of OUTPUTS) expect(simulation.document.sheet(sheet)).toEqual(clean.document.sheet(sheet));
      expect(simulation.document.names()).toEqual(clean.document.names());
    }
    // The sampling did reach the middle of the writing, not only its ends.
    expect(marked).toBeGreaterThan(points.length);
    expect(OUTPUTS.map((s) => clean.document.cell(s, "A1").value)).not.toContain(INCOMPLETE_MARK);
  }, 120_000);

  test("stopped between adding a chart and naming it, the chart stays: the next build cannot tell it from the user's", async () => {
    const seed = await seedOfFile(SAMPLE_FILE);
    const probe = await builtThenChanged(seed);
    await buildInExcel(hostOf(probe), BUILT);
    const operations = probe.syncs.at(-1)!.operations;
    const added = operations.findIndex((o) => /\.charts$/.test(o.object) && o.action === "add");
    const simulation = await builtThenChanged(seed);
    simulation.failOnSync(3, undefined, added + 1);
    // The sheets were complete: the build makes its charts again, on their own, and succeeds.
    expect((await buildInExcel(hostOf(simulation), BUILT)).ok).toBe(true);
    expect((await buildInExcel(hostOf(simulation), BUILT)).ok).toBe(true);
    const names = simulation.document.sheet(SUMMARY_SHEET).charts.map((c) => c.name);
    const ours = [CHART_NAME, SENSITIVITY_CHART_NAME, REALIZATION_CHART_NAME];
    expect(names.filter((n) => ours.includes(n))).toEqual(ours);
    // The one added before the stop, never named, is left as a chart of the user's.
    expect(names).toHaveLength(ours.length + 1);
  });

  test("a first build that stops halfway leaves each output sheet absent, empty or marked INCOMPLETE", async () => {
    const seed = await seedOfFile(SAMPLE_FILE);
    let marked = 0;
    for (const after of [0, 1, 2, 3, 4, 5, 6, 40, 200]) {
      const simulation = await simulationOf(seed);
      simulation.failOnSync(3, undefined, after);
      await expect(buildInExcel(hostOf(simulation), BUILT)).rejects.toMatchObject({ code: "GeneralException" });
      for (const sheet of OUTPUTS.filter((s) => simulation.document.sheetNames().includes(s))) {
        // Excel adds a sheet and writes into it in two operations: stopped between them, the sheet is empty.
        const cells = simulation.document.sheet(sheet).cells;
        if (cells.length > 0) expect([after, simulation.document.cell(sheet, "A1").value]).toEqual([after, INCOMPLETE_MARK]);
        if (cells.length > 0) marked++;
      }
    }
    expect(marked).toBeGreaterThan(4);
  });
});

describe("a hundred rebuilds", () => {
  test("history only grows, earlier rows stay as written, and the user's cells and names are untouched", async () => {
    const seed = await seedOfFile(SAMPLE_FILE);
    const simulation = await simulationOf(seed);
    const host = hostOf(simulation);
    const userSheets = seed.sheets!.map((s) => s.name);
    const before = userSheets.map((s) => simulation.document.sheet(s).cells);
    const userNames = new Map(seed.names!.map((n) => [n.name, n.formula]));
    const milesCell = /^=Variables!\$([A-Z]+)\$(\d+)$/.exec(
      await (async () => {
        await buildInExcel(host, BUILT);
        return simulation.document.name("PipelineMiles")!.formula;
      })(),
    )!;
    const milesAddress = `${milesCell[1]}${milesCell[2]}`;
    const history = () => simulation.document.sheet(ASSUMPTIONS_SHEET).cells.filter((c) => c.column >= 12);
    let previous = history();

    for (let build = 1; build <= 100; build++) {
      // The sales engineer changes one input between builds.
      await simulation.run(async (context) => {
        context.workbook.worksheets.getItem("Variables").getRange(milesAddress).values = [[1000 + build]];
        await context.sync();
      });
      const outcome = await buildInExcel(host, new Date(BUILT.getTime() + build * 86_400_000));
      expect(outcome.ok).toBe(true);
      const now = history();
      expect(now.length).toBeGreaterThan(previous.length);
      // Every cell of the history before this build is still there, unchanged.
      expect(now.filter((c) => previous.some((p) => p.address === c.address))).toEqual(previous);
      previous = now;
    }
    expect(previous.filter((c) => c.value === "PipelineMiles")).toHaveLength(100);
    userSheets.forEach((s, i) => {
      const cells = simulation.document.sheet(s).cells.filter((c) => !(s === "Variables" && c.address === milesAddress));
      expect(cells).toEqual(before[i]!.filter((c) => !(s === "Variables" && c.address === milesAddress)));
    });
    for (const [name, formula] of userNames) expect(simulation.document.name(name)?.formula).toBe(formula);
    expect(simulation.document.sheet(SUMMARY_SHEET).charts.map((c) => c.name)).toEqual([
      CHART_NAME,
      SENSITIVITY_CHART_NAME,
      REALIZATION_CHART_NAME,
    ]);
  });
});

test("a table's totals row is not read as one more variable", async () => {
  const simulation = await simulationOf({
    sheets: [
      {
        name: "Inputs",
        rows: [
          ["Name", "Value"],
          ["Miles", 120],
          ["Total", 120],
        ],
      },
      {
        name: "Elements",
        rows: [
          ["Element", "Formula"],
          ["Repairs", "Miles*10"],
        ],
      },
    ],
    names: [{ name: "CVM_Elements", formula: "=Elements!$A$1:$B$2" }],
    tables: [{ name: "CVM_Variables", sheet: "Inputs", range: "A1:B3", showTotals: true }],
  });
  const analysis = await analyzeInExcel(hostOf(simulation));
  expect(analysis.ok && analysis.model.variables.map((v) => v.name)).toEqual(["Miles"]);
});

/** A sheet's state without its page setup, which a build sets last and may leave part done. */
function withoutPage<T extends object>(sheet: T): Omit<T, "pageLayout"> {
  const { pageLayout: _page, ...rest } = sheet as T & { pageLayout?: unknown };
  return rest;
}

import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { ALTERNATIVE_RESULT_NAMES, RESULT_NAMES } from "../../src/core/model/names";
import { alternativeGiven } from "../../src/core/model/settings";
import { PIPELINE_SAMPLE } from "../../src/sample/pipeline-model";
import { FIXTURES, type Fixture } from "../fixtures/models";
import { buildFixture, temporaryFolder } from "../support/build";
import { readCellValues, readDefinedNameValues, recalculateWithLibreOffice } from "../support/libreoffice";
import { scenarioResults } from "../../src/core/model/scenarios";
import { summaryTitle } from "../../src/core/plan/formats";
import { planSummary, SUMMARY_SHEET } from "../../src/core/plan/summary";
import { SCENARIO_RESULTS } from "../../src/core/plan/summary-scenarios";
import { REALIZATION_NAMES } from "../../src/core/model/names";
import { realizationByYear } from "../../src/core/model/realization-by-year";

/**
 * The proof that the written formulas mean what the core computes: LibreOffice, an independent
 * spreadsheet engine, recalculates every written workbook, and each result read back by its
 * defined name must equal the core's number to a relative 1e-9.
 */
const ALL: readonly Fixture[] = [{ name: "pipeline-sample", tables: PIPELINE_SAMPLE }, ...FIXTURES];

type Built = Awaited<ReturnType<typeof buildFixture>>;
type Values = Map<string, number | string | boolean | null>;
let built: Map<string, Built & { recalculated: Values; summary: Values; layout: ReturnType<typeof planSummary>["layout"] }>;

beforeAll(async () => {
  const folder = await temporaryFolder("interop");
  const builds = await Promise.all(ALL.map((f) => buildFixture(f, folder)));
  const recalculated = await recalculateWithLibreOffice(
    builds.map((b) => b.valuePath),
    path.join(folder, "recalculated"),
  );
  built = new Map();
  for (const [i, fixture] of ALL.entries()) {
    const { analysis } = builds[i]!;
    // Where the scenario and realization cells are, from the same plan the build wrote.
    const { layout } = planSummary(analysis.model, analysis.results, "");
    const addresses = [
      "A1",
      ...Object.values(layout.scenarios?.results ?? {}).flatMap((byResult) => Object.values(byResult)),
      ...Object.values(layout.scenarios?.annual ?? {}).flat(),
      ...(layout.realization
        ? [
            ...layout.realization.rows.flatMap((r) => [r.estimated, r.actual, r.share, r.gap]),
            ...Object.values(layout.realization.total),
            layout.realization.unmeasured,
          ]
        : []),
      ...(layout.realizationByYear
        ? [
            ...layout.realizationByYear.years.flatMap((y) => [
              y.estimated,
              y.actual,
              y.share,
              y.estimatedToDate,
              y.actualToDate,
              y.shareToDate,
            ]),
            ...layout.realizationByYear.measured.flatMap((m) => [m.estimated, m.actual, m.share]),
          ]
        : []),
    ];
    built.set(fixture.name, {
      ...builds[i]!,
      recalculated: await readDefinedNameValues(recalculated[i]!),
      summary: await readCellValues(recalculated[i]!, SUMMARY_SHEET, addresses),
      layout,
    });
  }
});

function expectClose(actual: unknown, expected: number, what: string): void {
  if (typeof actual !== "number") throw new Error(`${what}: LibreOffice gave ${JSON.stringify(actual)}, the core ${expected}`);
  const scale = Math.max(Math.abs(expected), 1e-300);
  const relative = Math.abs(actual - expected) / scale;
  if (!(relative <= 1e-9) && !(expected === 0 && Math.abs(actual) < 1e-9)) {
    throw new Error(`${what}: LibreOffice gave ${actual}, the core ${expected} (relative difference ${relative})`);
  }
}

describe.each(ALL.map((f) => f.name))("%s, recalculated by LibreOffice", (name) => {
  test("every result name holds the core's number, or #N/A where it has none", () => {
    const { analysis, recalculated } = built.get(name)!;
    const totals = analysis.results.totals;
    for (const resultName of RESULT_NAMES) {
      const expected = totals[resultName.replace(/^CVM_/, "") as keyof typeof totals];
      const actual = recalculated.get(resultName);
      if (expected === undefined) expect([resultName, actual]).toEqual([resultName, "#N/A"]);
      else expectClose(actual, expected, `${name} ${resultName}`);
    }
  });

  test("the alternative's names hold the core's cost, price difference and incentive where the model gives one, and are absent otherwise", () => {
    const { analysis, recalculated } = built.get(name)!;
    const totals = analysis.results.totals;
    for (const resultName of ALTERNATIVE_RESULT_NAMES) {
      const actual = recalculated.get(resultName);
      if (!alternativeGiven(analysis.model.settings)) expect([resultName, actual]).toEqual([resultName, undefined]);
      else expectClose(actual, totals[resultName.replace(/^CVM_/, "") as keyof typeof totals]!, `${name} ${resultName}`);
    }
  });

  test("every element id names its annual value, and every variable its value", () => {
    const { analysis, recalculated } = built.get(name)!;
    for (const result of analysis.results.elements) {
      if (result.element.id) expectClose(recalculated.get(result.element.id), result.annualValue, `${name} element ${result.element.id}`);
    }
    for (const variable of analysis.model.variables)
      expectClose(recalculated.get(variable.name), variable.value, `${name} variable ${variable.name}`);
  });
});

describe.each(ALL.map((f) => f.name))("%s: scenarios and realization, recalculated by LibreOffice", (name) => {
  test("the title names the offering and the customer, live from CVM_Settings", () => {
    const { analysis, summary } = built.get(name)!;
    expect(summary.get("A1")).toBe(summaryTitle(analysis.model.settings));
  });

  test("each scenario's results and element values are the core's with the variables at Low, as given, at High", () => {
    const { analysis, summary, layout } = built.get(name)!;
    const scenarios = layout.scenarios;
    if (!analysis.model.variables.some((v) => v.range)) {
      expect(scenarios).toBeUndefined();
      return;
    }
    const core = scenarioResults(analysis.model);
    for (const scenario of ["conservative", "expected", "optimistic"] as const) {
      const outcome = core[scenario];
      if (!outcome.ok) throw new Error(`${name}: the core cannot compute the ${scenario} scenario`);
      for (const key of SCENARIO_RESULTS) {
        const expected = outcome.results.totals[key];
        const actual = summary.get(scenarios!.results[scenario][key]);
        if (expected === undefined) expect([scenario, key, actual]).toEqual([scenario, key, "#N/A"]);
        else expectClose(actual, expected, `${name} ${scenario} ${key}`);
      }
      outcome.results.elements.forEach((e, i) =>
        expectClose(summary.get(scenarios!.annual[scenario][i]!), e.annualValue, `${name} ${scenario} ${e.element.element}`),
      );
    }
  });

  test("realization shows each measured element's estimate, actual, share and gap, and their totals", () => {
    const { analysis, summary, layout } = built.get(name)!;
    const measured = analysis.results.elements.filter((e) => e.element.actual !== undefined);
    const realization = layout.realization;
    if (measured.length === 0) {
      expect(realization).toBeUndefined();
      return;
    }
    expect(realization!.rows).toHaveLength(measured.length);
    measured.forEach((e, i) => {
      const row = realization!.rows[i]!;
      expectClose(summary.get(row.estimated), e.annualValue, `${name} estimate of ${e.element.element}`);
      expectClose(summary.get(row.actual), e.element.actual!, `${name} actual of ${e.element.element}`);
      if (e.annualValue === 0) expect(summary.get(row.share)).toBe("#N/A");
      else expectClose(summary.get(row.share), e.element.actual! / e.annualValue, `${name} share of ${e.element.element}`);
      expectClose(summary.get(row.gap), e.element.actual! - e.annualValue, `${name} gap of ${e.element.element}`);
    });
    const estimated = measured.reduce((sum, e) => sum + e.annualValue, 0);
    const actual = measured.reduce((sum, e) => sum + e.element.actual!, 0);
    expectClose(summary.get(realization!.total.estimated), estimated, `${name} total estimate`);
    expectClose(summary.get(realization!.total.actual), actual, `${name} total actual`);
    expectClose(summary.get(realization!.total.share), actual / estimated, `${name} total share`);
    expectClose(summary.get(realization!.unmeasured), analysis.results.totals.TotalAnnualValue - estimated, `${name} not yet measured`);
  });
});

describe.each(ALL.map((f) => f.name))("%s: realization by year, recalculated by LibreOffice", (name) => {
  /** A share the core has no value for is #N/A on the sheet. */
  function expectShare(actual: unknown, expected: number | undefined, what: string): void {
    if (expected === undefined) expect([what, actual]).toEqual([what, "#N/A"]);
    else expectClose(actual, expected, what);
  }

  test("each measured element-year, each year, both to date and their names hold the core's numbers", () => {
    const { analysis, summary, layout, recalculated } = built.get(name)!;
    const core = realizationByYear(analysis.model, analysis.results);
    const byYear = layout.realizationByYear;
    if (!core) {
      expect(byYear).toBeUndefined();
      expect(recalculated.has(REALIZATION_NAMES.realizedToDate)).toBe(false);
      return;
    }
    expect(byYear!.measured).toHaveLength(core.measured.length);
    core.measured.forEach((m, i) => {
      const cells = byYear!.measured[i]!;
      const what = `${name} element ${m.measured.element} year ${m.measured.year}`;
      expectClose(summary.get(cells.estimated), m.estimated, `${what} estimate`);
      expectClose(summary.get(cells.actual), m.measured.actual, `${what} actual`);
      expectShare(summary.get(cells.share), m.share, `${what} share`);
    });
    expect(byYear!.years.map((y) => y.year)).toEqual(core.years.map((y) => y.year));
    core.years.forEach((y, i) => {
      const cells = byYear!.years[i]!;
      const what = `${name} year ${y.year}`;
      expectClose(summary.get(cells.estimated), y.estimated, `${what} estimated`);
      expectClose(summary.get(cells.actual), y.actual, `${what} actual`);
      expectShare(summary.get(cells.share), y.share, `${what} share`);
      expectClose(summary.get(cells.estimatedToDate), y.estimatedToDate, `${what} estimated to date`);
      expectClose(summary.get(cells.actualToDate), y.actualToDate, `${what} actual to date`);
      expectShare(summary.get(cells.shareToDate), y.shareToDate, `${what} share to date`);
    });
    expectClose(recalculated.get(REALIZATION_NAMES.estimatedToDate), core.estimatedToDate, `${name} CVM_EstimatedToDate`);
    expectClose(recalculated.get(REALIZATION_NAMES.realizedToDate), core.realizedToDate, `${name} CVM_RealizedToDate`);
  });
});

test("the fixtures cover the cases they are meant to", () => {
  const totals = (n: string) => built.get(n)!.analysis.results.totals;
  expect(totals("edge-cases").ROI).toBeUndefined();
  expect(totals("edge-cases").PaybackMonths).toBe(0);
  expect(totals("never-pays-back").PaybackMonths).toBeUndefined();
  const mid = totals("mid-payback").PaybackMonths!;
  expect(mid).toBeGreaterThan(12);
  expect(mid).toBeLessThan(36);
  // Scenarios and realization are exercised: ranges, an element id read in every scenario, a 0 Actual.
  const ranged = built.get("ranges-and-actuals")!;
  expect(ranged.layout.scenarios).toBeDefined();
  expect(ranged.layout.realization?.rows).toHaveLength(2);
  expect(built.get("pipeline-sample")!.layout.scenarios).toBeDefined();
  // The alternative is dearer than the offering: a negative price difference, an incentive above the benefit.
  const alternative = totals("against-alternative");
  expect(alternative.PriceDifference).toBeLessThan(0);
  expect(alternative.Incentive).toBeGreaterThan(alternative.TotalBenefit);

  // Realization by year: two measured years, a share of a 0% ramp (#N/A), a row past the horizon left out.
  const byYear = built.get("actuals-by-year")!;
  expect(byYear.layout.realizationByYear?.years.map((y) => y.year)).toEqual([1, 2]);
  expect(byYear.layout.realizationByYear?.measured).toHaveLength(5);
  expect(byYear.summary.get(byYear.layout.realizationByYear!.measured[2]!.share)).toBe("#N/A");
});

test("workbook text that looks like a formula is written, and stays, as text", async () => {
  const { valuePath } = built.get("edge-cases")!;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(valuePath);
  const texts: unknown[] = [];
  for (const sheet of [workbook.getWorksheet("Value Summary")!, workbook.getWorksheet("Assumptions Log")!]) {
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(cell.value)));
  }
  for (const dangerous of [
    "=SUM(A1:A9)",
    "+1 555 0100",
    "-survey-",
    "@mention",
    "=Saving",
    "=Ops lead",
    "+Plant",
    "@risk desk",
    "=1+1",
    "=Hours*Rate*100",
    "+Guarded ratio",
    "@Averaged",
    "-Costly change",
    "-halved if audited",
    "@assumption owner",
    "+internal grading",
    '=IMPORTXML("x")',
  ]) {
    expect(texts).toContain(dangerous);
  }
  expect(texts.some((v) => typeof v === "string" && v.includes('HYPERLINK("http://example.invalid"'))).toBe(true);
  const formulas = texts
    .filter((v): v is ExcelJS.CellFormulaValue => typeof v === "object" && v !== null && "formula" in v)
    .map((v) => v.formula);
  expect(
    formulas.some((f) =>
      /SUM\(A1:A9\)|HYPERLINK|IMPORTXML|Ops lead|Plant|risk desk|mention|Guarded|Averaged|Costly|halved|owner|grading/.test(f),
    ),
  ).toBe(false);
});

afterAll(async () => {
  // The temporary folders are left for inspection on failure; nothing else to release.
  await fs.readdir(".");
});

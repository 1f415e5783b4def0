/**
 * The next-best alternative on the sheets the add-in writes (issue 16): its rows of price and
 * terms, its cost and the price difference below them, the incentive among the key figures, the
 * three names, the Assumptions Log and the build's snapshot; and a model without an alternative
 * planned as before.
 */
import { analyzeWorkbook } from "../../../src/core/model/analyze";
import { ALTERNATIVE_RESULT_NAMES, RESULT_NAMES } from "../../../src/core/model/names";
import { planBuild } from "../../../src/core/plan/build-plan";
import { takeSnapshot } from "../../../src/core/plan/snapshot";
import type { PlannedCell, SheetPlan, WorkbookPlan } from "../../../src/core/plan/types";
import { resultsJson } from "../../../src/core/results-json";
import type { CellValue, WorkbookInput } from "../../../src/core/workbook/cells";
import { PIPELINE_ALTERNATIVE_SETTINGS } from "../../../src/sample/pipeline-alternative";
import { PIPELINE_SAMPLE } from "../../../src/sample/pipeline-model";
import { alternativeInput } from "../../fixtures/alternative-input";

const NOW = new Date(Date.UTC(2026, 11, 5, 6, 0));

/** The alternative's model (test/fixtures/alternative-input.ts) for customer Northwind: settings from row 2 of Settings. */
const input = (extra: CellValue[][]): WorkbookInput => alternativeInput(extra, "Northwind");

const WITH_ALTERNATIVE = input([
  ["Alternative", "Manual patrols"],
  ["AlternativeInvestment", 15000],
  ["AlternativeAnnualCost", 120000],
]);

function plan(workbook: WorkbookInput): { plan: WorkbookPlan; analysis: Extract<ReturnType<typeof analyzeWorkbook>, { ok: true }> } {
  const analysis = analyzeWorkbook(workbook);
  if (!analysis.ok) throw new Error(analysis.problems.map((p) => p.message).join("\n"));
  const outcome = planBuild(analysis.model, analysis.results, { sheets: ["Inputs", "Elements", "Settings"], names: [] }, NOW);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  return { plan: outcome.plan, analysis };
}

const sheet = (p: WorkbookPlan, name: string): SheetPlan => p.sheets.find((s) => s.name === name)!;
const cellAt = (s: SheetPlan, row: number, column: number): PlannedCell["content"] | undefined =>
  s.cells.find((c) => c.row === row && c.column === column)?.content;
const rowOf = (s: SheetPlan, label: string): number => {
  const found = s.cells.find((c) => c.column === 0 && c.content.kind === "text" && c.content.value === label);
  if (!found) throw new Error(`no row labelled ${label}`);
  return found.row;
};
/** `'Value Summary'!$B$5` → 0-based row 4. */
const nameRow = (p: WorkbookPlan, name: string): number => {
  const refersTo = p.names.find((n) => n.name === name)?.refersTo;
  const match = /^='Value Summary'!\$B\$(\d+)$/.exec(refersTo ?? "");
  if (!match) throw new Error(`${name} refers to ${refersTo}`);
  return Number(match[1]) - 1;
};

describe("a model that names its next-best alternative", () => {
  const { plan: built } = plan(WITH_ALTERNATIVE);
  const summary = sheet(built, "Value Summary");

  test("price and terms show the alternative live from CVM_Settings, then its cost and the price difference", () => {
    const investment = rowOf(summary, "Investment");
    const labels = Array.from({ length: 9 }, (_, i) => cellAt(summary, investment + i, 0));
    expect(labels.map((c) => (c?.kind === "text" ? c.value : undefined))).toEqual([
      "Investment",
      "Annual cost",
      "Discount rate",
      "Years",
      "Alternative",
      "Alternative's investment",
      "Alternative's annual cost",
      "Alternative's cost, 3 years",
      "Price difference, 3 years",
    ]);
    const b = (offset: number) => cellAt(summary, investment + offset, 1);
    // Settings rows 6, 7, 8 hold the alternative (header in row 1, then Customer, Years, Investment, AnnualCost).
    expect(b(4)).toEqual({ kind: "formula", formula: '=IF(Settings!$B$6="","current practice",Settings!$B$6)', value: "Manual patrols" });
    expect(b(5)).toEqual({ kind: "formula", formula: "=Settings!$B$7", value: 15000 });
    expect(b(6)).toEqual({ kind: "formula", formula: "=Settings!$B$8", value: 120000 });
    // 15000 + 3 × 120000 = 375000, over the summary's own rows of the terms (Years is row investment+3).
    const r = (offset: number) => `$B$${investment + offset + 1}`;
    expect(b(7)).toEqual({ kind: "formula", formula: `=${r(5)}+${r(3)}*${r(6)}`, value: 375000 });
    // Total cost 60000 + 3 × 40000 = 180000; less 375000.
    const totalCost = nameRow(built, "CVM_TotalCost");
    expect(b(8)).toEqual({ kind: "formula", formula: `=$B$${totalCost + 1}-B${investment + 8}`, value: -195000 });
  });

  test("the incentive is a key figure right after the net value, naming the alternative live", () => {
    const net = nameRow(built, "CVM_NetValue");
    const incentive = nameRow(built, "CVM_Incentive");
    expect(incentive).toBe(net + 1);
    expect(cellAt(summary, incentive, 0)).toEqual({ kind: "text", value: "Incentive to purchase" });
    const benefit = nameRow(built, "CVM_TotalBenefit");
    const difference = nameRow(built, "CVM_PriceDifference");
    // Benefit 3 × 200000 = 600000; less −195000.
    expect(cellAt(summary, incentive, 1)).toEqual({ kind: "formula", formula: `=B${benefit + 1}-B${difference + 1}`, value: 795000 });
    const alternativeRow = rowOf(summary, "Alternative");
    expect(cellAt(summary, incentive, 2)).toEqual({
      kind: "formula",
      formula: `="against "&$B$${alternativeRow + 1}`,
      value: "against Manual patrols",
    });
    // The NPV, ROI and payback follow it, in their order.
    expect([nameRow(built, "CVM_NPV"), nameRow(built, "CVM_ROI"), nameRow(built, "CVM_PaybackMonths")]).toEqual([
      incentive + 1,
      incentive + 2,
      incentive + 3,
    ]);
  });

  test("the three names point at the alternative's cost, the price difference and the incentive", () => {
    expect(built.names.map((n) => n.name)).toEqual(expect.arrayContaining([...RESULT_NAMES, ...ALTERNATIVE_RESULT_NAMES]));
    expect(cellAt(summary, nameRow(built, "CVM_AlternativeCost"), 1)).toMatchObject({ value: 375000 });
    expect(cellAt(summary, nameRow(built, "CVM_PriceDifference"), 1)).toMatchObject({ value: -195000 });
    expect(cellAt(summary, nameRow(built, "CVM_Incentive"), 1)).toMatchObject({ value: 795000 });
  });

  test("the key figures' paragraph says what the incentive means", () => {
    const text = summary.cells
      .filter((c) => c.column === 0 && c.content.kind === "text")
      .map((c) => (c.content.kind === "text" ? c.content.value : ""))
      .join(" ");
    expect(text).toContain("Incentive to purchase: benefit less the price difference against the alternative; above 0, buying beats it.");
  });

  test("the Assumptions Log lists the alternative's settings with their cells, and the snapshot records them", () => {
    const log = sheet(built, "Assumptions Log");
    const row = rowOf(log, "AlternativeAnnualCost");
    expect(cellAt(log, row, 1)).toEqual({ kind: "formula", formula: "=Settings!$B$8", value: 120000 });
    expect(cellAt(log, rowOf(log, "Alternative"), 1)).toEqual({ kind: "text", value: "Manual patrols" });
    const { analysis } = plan(WITH_ALTERNATIVE);
    expect(takeSnapshot(analysis.model).filter((e) => e.item.startsWith("Alternative"))).toEqual([
      { kind: "Setting", item: "Alternative", field: "Value", value: "Manual patrols" },
      { kind: "Setting", item: "AlternativeInvestment", field: "Value", value: 15000 },
      { kind: "Setting", item: "AlternativeAnnualCost", field: "Value", value: 120000 },
    ]);
  });

  test("--json reports the alternative and its three totals after the others", () => {
    const { analysis } = plan(WITH_ALTERNATIVE);
    const json = resultsJson(analysis.model, analysis.results);
    expect(Object.keys(json)).toEqual(["customer", "currency", "alternative", "elements", "totals"]);
    expect(json.alternative).toBe("Manual patrols");
    expect(Object.keys(json.totals).slice(-3)).toEqual(["AlternativeCost", "PriceDifference", "Incentive"]);
    expect(json.totals).toMatchObject({ AlternativeCost: 375000, PriceDifference: -195000, Incentive: 795000, NetValue: 420000 });
  });
});

describe("a model without an alternative is planned as before", () => {
  const { plan: built, analysis } = plan(input([]));
  const summary = sheet(built, "Value Summary");
  const texts = (s: SheetPlan) => s.cells.flatMap((c) => (c.content.kind === "text" ? [c.content.value] : []));

  test("no alternative's row, name or figure", () => {
    for (const name of ALTERNATIVE_RESULT_NAMES) expect(built.names.some((n) => n.name === name)).toBe(false);
    expect(texts(summary).filter((t) => /alternative|incentive/i.test(t))).toEqual([]);
    expect(texts(sheet(built, "Assumptions Log")).filter((t) => /alternative/i.test(t))).toEqual([]);
  });

  test("the key figures sit where they did, the payback last, and price and terms has its four rows", () => {
    // Key figures from row 5 (0-based 4) in the contract's order.
    expect(RESULT_NAMES.map((name) => nameRow(built, name))).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const years = rowOf(summary, "Years");
    expect(cellAt(summary, years + 1, 0)).toBeUndefined();
    expect(cellAt(summary, years + 2, 0)).toEqual({ kind: "text", value: "Cash flow" });
  });

  test("the snapshot and --json are as before", () => {
    expect(takeSnapshot(analysis.model).some((e) => /alternative/i.test(e.item))).toBe(false);
    const json = resultsJson(analysis.model, analysis.results);
    expect(Object.keys(json)).toEqual(["customer", "currency", "elements", "totals"]);
    expect(Object.keys(json.totals)).toEqual([
      "TotalAnnualValue",
      "Green",
      "Gray",
      "TotalBenefit",
      "TotalCost",
      "NetValue",
      "NPV",
      "ROI",
      "PaybackMonths",
    ]);
  });
});

test("the sample's alternative, manual patrols at 120000 a year, adds its 5-year cost to the sample's net value", () => {
  const tables = PIPELINE_SAMPLE;
  // The sample's settings end with its alternative's three rows.
  const settings = tables.settings!;
  expect(settings.slice(-3)).toEqual(PIPELINE_ALTERNATIVE_SETTINGS.map(([label, value]) => [label, value]));
  const range = (sheet: string, rows: readonly (readonly CellValue[])[]) => ({
    address: `${sheet}!A1:${String.fromCharCode(64 + rows[0]!.length)}${rows.length}`,
    values: rows.map((r) => [...r]),
  });
  const { plan: built, analysis } = plan({
    variables: range("Variables", tables.variables),
    elements: range("Elements", tables.elements),
    settings: range("Settings", settings),
  });
  const t = analysis.results.totals;
  expect(analysis.model.settings.alternative).toBe("manual patrols");
  // 0 + 5 × 120000; the incentive is the benefit less (total cost − 600000), so the net value plus 600000.
  expect(t.AlternativeCost).toBe(600000);
  expect(t.Incentive).toBeCloseTo(t.NetValue + 600000, 6);
  const summary = sheet(built, "Value Summary");
  expect(cellAt(summary, nameRow(built, "CVM_Incentive"), 2)).toMatchObject({ value: "against manual patrols" });
});

describe("rebuilding as the alternative comes and goes", () => {
  /** The record sheet's planned cells as a grid of values, as a rebuild reads it back. */
  const recordOf = (p: WorkbookPlan) => {
    const rows: (string | number)[][] = [];
    for (const c of sheet(p, "CVM_Meta").cells) {
      rows[c.row] ??= [];
      rows[c.row]![c.column] = c.content.kind === "formula" ? c.content.formula : c.content.value;
    }
    return Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? ""));
  };
  const rebuild = (first: WorkbookPlan, workbook: WorkbookInput) => {
    const analysis = analyzeWorkbook(workbook);
    if (!analysis.ok) throw new Error(analysis.problems.map((p) => p.message).join("\n"));
    const outcome = planBuild(
      analysis.model,
      analysis.results,
      {
        sheets: ["Inputs", "Elements", "Settings", "Value Summary", "Assumptions Log", "CVM_Meta"],
        names: first.names.map((n) => ({ name: n.name, refersTo: n.refersTo })),
        record: recordOf(first),
      },
      NOW,
    );
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
    return outcome.plan;
  };
  const historyOf = (p: WorkbookPlan) => {
    const log = sheet(p, "Assumptions Log");
    const rows = new Map<number, unknown[]>();
    for (const c of log.cells.filter((c) => c.column >= 13 && c.column <= 17)) {
      const row = rows.get(c.row) ?? [];
      row[c.column - 13] = c.content.kind === "formula" ? c.content.formula : c.content.value;
      rows.set(c.row, row);
    }
    return [...rows.values()];
  };

  test("naming an alternative records its settings in the history; removing it deletes its three names", () => {
    const before = plan(input([])).plan;
    const named = rebuild(before, WITH_ALTERNATIVE);
    expect(historyOf(named)).toEqual(
      expect.arrayContaining([
        ["Setting", "Alternative", "Value", "(none)", "Manual patrols"],
        ["Setting", "AlternativeAnnualCost", "Value", "(none)", 120000],
      ]),
    );
    const removed = rebuild(named, input([]));
    expect([...removed.deleteNames].sort()).toEqual(["CVM_AlternativeCost", "CVM_Incentive", "CVM_PriceDifference"]);
  });
});

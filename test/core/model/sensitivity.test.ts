/** One-at-a-time NPV sensitivity, against NPVs worked out by hand with the textbook formula. */
import { analyzeWorkbook } from "../../../src/core/model/analyze";
import { npvSensitivity } from "../../../src/core/model/sensitivity";
import type { ValueModel } from "../../../src/core/model/types";
import { element, type Row, variable, workbook } from "./helpers";
import { computeResults } from "../../../src/core/model/compute";
import { checkReferences } from "../../../src/core/model/references";
import type { CellValue, WorkbookInput } from "../../../src/core/workbook/cells";
import { generatedModel } from "../../support/generated-model";

function model(variables: Row[], elements: Row[], settings: Row[]): ValueModel {
  const analysis = analyzeWorkbook(workbook({ variables, elements, settings }, { variables: [], elements: [], settings: [] }));
  if (!analysis.ok) throw new Error(JSON.stringify(analysis.problems));
  return analysis.model;
}

const npv = (rate: number, flows: number[]) => flows.reduce((sum, cf, t) => sum + cf / Math.pow(1 + rate, t), 0);

describe("npvSensitivity", () => {
  // Value = Units*Price, ramp 50%,100%; Extra = Value*10% (uses the element's id). 2 years at 10%,
  // Investment 1000. Units 10 (Low 5, High 20), Price 100 (Low 90, High 110), Fixed 7 (no range).
  const m = model(
    [variable("Units", 10, { low: 5, high: 20 }), variable("Price", 100, { low: 90, high: 110 }), variable("Fixed", 7)],
    [
      element({ element: "Value", formula: "Units*Price", id: "Value", stakeholder: "CFO", ramp: "50%,100%" }),
      element({ element: "Extra", formula: "Value*10%+Fixed*0", stakeholder: "CFO" }),
    ],
    [
      ["Years", 2],
      ["DiscountRate", 0.1],
      ["Investment", 1000],
    ],
  );
  const rows = npvSensitivity(m);

  it("moves each variable with a range to each end, the others as given", () => {
    // Units 5: Value 500, Extra 50 → year 1: 250+50, year 2: 500+50. Units 20: Value 2000, Extra 200 → 1000+200, 2000+200.
    // Price 90: Value 900, Extra 90 → 450+90, 900+90. Price 110: Value 1100, Extra 110 → 550+110, 1100+110.
    const units = { low: npv(0.1, [-1000, 300, 550]), high: npv(0.1, [-1000, 1200, 2200]) };
    const price = { low: npv(0.1, [-1000, 540, 990]), high: npv(0.1, [-1000, 660, 1210]) };
    expect(rows.map((r) => r.variable.name)).toEqual(["Units", "Price"]);
    const [u, p] = rows;
    expect(u!.low.ok && u!.low.npv).toBeCloseTo(units.low, 9);
    expect(u!.high.ok && u!.high.npv).toBeCloseTo(units.high, 9);
    expect(u!.swing).toBeCloseTo(units.high - units.low, 9);
    expect(p!.low.ok && p!.low.npv).toBeCloseTo(price.low, 9);
    expect(p!.high.ok && p!.high.npv).toBeCloseTo(price.high, 9);
    expect(p!.swing).toBeCloseTo(price.high - price.low, 9);
  });

  it("leaves the model itself unchanged", () => {
    expect(m.variables.map((v) => v.value)).toEqual([10, 100, 7]);
  });

  it("an end where a formula fails has the problems, no swing, and sorts last", () => {
    const failing = model(
      [variable("D", 2, { low: 0, high: 4 }), variable("S", 1, { low: 1, high: 2 })],
      [element({ element: "Ratio", formula: "100/D*S", stakeholder: "CFO" })],
      [
        ["Years", 1],
        ["DiscountRate", 0],
      ],
    );
    const [first, second] = npvSensitivity(failing);
    // S: 100/2*1 = 50 and 100/2*2 = 100.
    expect(first).toMatchObject({ low: { ok: true, npv: 50 }, high: { ok: true, npv: 100 }, swing: 50 });
    expect(second!.variable.name).toBe("D");
    expect(second!.low).toMatchObject({ ok: false, value: 0, problems: [{ code: "element-value-error" }] });
    expect(second!.high).toEqual({ ok: true, npv: 25 });
    expect(second!.swing).toBeUndefined();
  });
});

describe("npvSensitivity on a large model", () => {
  // 240 elements over 60 variables, with elements built on other elements' ids: moving one
  // variable reaches elements through those ids too.
  const tables = generatedModel(240);
  const range = (t: readonly (readonly CellValue[])[] | undefined, sheet: string) => ({
    address: `${sheet}!A1:${String.fromCharCode(64 + t![0]!.length)}${t!.length}`,
    values: t!,
  });
  const input: WorkbookInput = {
    variables: range(tables.variables, "V"),
    elements: range(tables.elements, "E"),
    settings: range(tables.settings, "S"),
  };
  const analysis = analyzeWorkbook(input);
  if (!analysis.ok) throw new Error(JSON.stringify(analysis.problems));
  const big = analysis.model;

  it("gives every end the NPV a full recomputation with that value typed in gives", () => {
    const { order } = checkReferences(big.variables, big.elements, []);
    const full = (name: string, value: number) => {
      const variables = big.variables.map((v) => (v.name === name ? { ...v, value } : v));
      return computeResults({ ...big, variables }, order).results!.totals.NPV;
    };
    const rows = npvSensitivity(big);
    expect(rows).toHaveLength(big.variables.length);
    for (const row of rows) {
      const { name, range } = row.variable;
      const [low, high] = [full(name, range!.low), full(name, range!.high)];
      expect(row.low.ok && row.low.npv).toBeCloseTo(low, 6);
      expect(row.high.ok && row.high.npv).toBeCloseTo(high, 6);
      expect(Math.abs((row.low.ok ? row.low.npv : NaN) - low)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(low)));
    }
    // Sorted by swing, largest first.
    const swings = rows.map((r) => r.swing!);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
  });
});

describe("an end at which the NPV passes Excel's largest number", () => {
  it("fails with the model's own problem instead of giving an infinite NPV", () => {
    // At its High each year's value is 1E+308, the element's own value too; the five years' sum is not.
    const m = model(
      [variable("Units", 10, { low: 1, high: 1e308 })],
      [element({ element: "Value", formula: "Units", stakeholder: "CFO" })],
      [["Years", 5]],
    );
    const [row] = npvSensitivity(m);
    expect(row!.low.ok).toBe(true);
    expect(row!.high.ok).toBe(false);
    expect(!row!.high.ok && row!.high.problems.map((p) => p.code)).toEqual(["result-overflow"]);
    expect(row!.swing).toBeUndefined();
  });
});

describe("ends that Excel could not show side by side", () => {
  it("an end whose NPV is further from the other end's than Excel can hold fails at its cell; no infinite swing", () => {
    // As given A is 0 and the NPV 0. At the Low (-1E+308) the NPV is 50% × (1E+308 − 3 × 1E+308) = -1E+308;
    // at the High (1.797…E+308) it is 50% × 2 × 1.797…E+308: each finite, their difference not.
    const ramp = "50%,100%";
    const m = model(
      [variable("A", 0, { low: -1e308, high: Number.MAX_VALUE })],
      [
        element({ element: "Minus", formula: "-A", stakeholder: "CFO", ramp }),
        ...["One", "Two", "Three"].map((name) => element({ element: name, formula: "A", stakeholder: "CFO", ramp })),
      ],
      [
        ["Years", 1],
        ["DiscountRate", 0],
      ],
    );
    const [row] = npvSensitivity(m);
    expect(row!.low).toEqual({ ok: true, npv: -1e308 });
    expect(row!.high.ok).toBe(false);
    const problem = !row!.high.ok ? row!.high.problems[0] : undefined;
    expect(problem).toMatchObject({ code: "result-overflow", range: "CVM_Variables", cell: m.variables[0]!.range!.highCell });
    expect(problem!.message).toContain("further from the NPV at the Low (-1E+308) than Excel can hold");
    expect(row!.swing).toBeUndefined();
  });
});

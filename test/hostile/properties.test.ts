/**
 * Hostile numbers at random, beside the corpus: a small model whose variables, Lows, Highs,
 * Actuals and settings take values at the edges of what a double holds (±1.8E+308, 5E-324,
 * 1E-305, rates near -100%). Whatever the numbers, the core does not throw; a model it refuses has
 * every error at a cell; a model it accepts has finite results, and every number its plan would
 * write (sensitivity included) is one Excel can hold.
 */
import fc from "fast-check";
import { analyzeWorkbook } from "../../src/core/model/analyze";
import { planBuild } from "../../src/core/plan/build-plan";
import type { WorkbookInput } from "../../src/core/workbook/cells";
import { element, ELEMENT_HEADER, range, variable, VARIABLE_HEADER } from "../core/model/helpers";
import { BUILT_AT } from "../support/build";

const EDGES = [0, 1, 1e300, 1e308, -1e308, 1.7976931348623157e308, -1.7976931348623157e308, 5e-324, 1e-305] as const;
// Mostly the edges themselves: a random double rarely lands near one.
const edgy = fc.oneof(
  { arbitrary: fc.constantFrom(...EDGES), weight: 3 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
);
const nonNegative = fc.oneof(
  { arbitrary: fc.constantFrom(...EDGES.filter((e) => e >= 0)), weight: 3 },
  { arbitrary: fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), weight: 1 },
);

const hostileNumbers: fc.Arbitrary<WorkbookInput> = fc
  .record({
    a: edgy,
    b: edgy,
    ends: fc.tuple(edgy, edgy),
    actual: fc.option(edgy, { nil: undefined }),
    formulas: fc.array(fc.constantFrom("A", "B", "A+B", "A-B", "A*B", "A/3", "-A", "A*0.5", "SUM(A,B,A)", "ABS(B)"), {
      minLength: 1,
      maxLength: 5,
    }),
    years: fc.integer({ min: 1, max: 30 }),
    rate: fc.oneof(fc.constantFrom(-0.9999, 0, 0.1), fc.double({ min: -0.9999999, max: 9.999, noNaN: true })),
    investment: nonNegative,
    annualCost: nonNegative,
  })
  .map((m) => ({
    variables: range("Inputs", "B3", [
      VARIABLE_HEADER,
      variable("A", m.a, { low: Math.min(...m.ends), high: Math.max(...m.ends) }),
      variable("B", m.b),
    ]),
    elements: range("'Value Model'", "A1", [
      ELEMENT_HEADER,
      ...m.formulas.map((formula, i) =>
        element({
          element: `Element ${i}`,
          formula,
          stakeholder: "CFO",
          ramp: "50%,100%",
          ...(i === 0 && m.actual !== undefined ? { actual: m.actual } : {}),
        }),
      ),
    ]),
    settings: range("Settings", "D2", [
      ["Setting", "Value"],
      ["Years", m.years],
      ["DiscountRate", m.rate],
      ["Investment", m.investment],
      ["AnnualCost", m.annualCost],
    ]),
  }));

/** Every number anywhere in a plan (cells, charts, record). */
function numbersIn(value: unknown, found: number[] = []): number[] {
  if (typeof value === "number") found.push(value);
  else if (Array.isArray(value)) for (const v of value) numbersIn(v, found);
  else if (value && typeof value === "object") for (const v of Object.values(value)) numbersIn(v, found);
  return found;
}

test("numbers at the edges of a double: no throw; refusals located; what is accepted fits in Excel", () => {
  let accepted = 0;
  fc.assert(
    fc.property(hostileNumbers, (input) => {
      const analysis = analyzeWorkbook(input);
      if (!analysis.ok) {
        for (const p of analysis.problems) if (p.severity === "error" && !p.cell) throw new Error(`${p.code} has no cell: ${p.message}`);
        return;
      }
      accepted += 1;
      const { totals, cashFlow, benefitByYear, elements } = analysis.results;
      const results = [
        ...Object.values(totals).filter((v): v is number => v !== undefined),
        ...cashFlow,
        ...benefitByYear,
        ...elements.flatMap((e) => [e.annualValue, ...e.byYear]),
      ];
      expect(results.filter((n) => !Number.isFinite(n))).toEqual([]);
      const planned = planBuild(analysis.model, analysis.results, { sheets: ["Inputs", "Value Model", "Settings"], names: [] }, BUILT_AT);
      if (!planned.ok) throw new Error(planned.problems.map((p) => p.message).join("; "));
      expect(numbersIn(planned.plan).filter((n) => !Number.isFinite(n))).toEqual([]);
    }),
    { numRuns: 1500, seed: 20261123 },
  );
  // The generator is not all refusals.
  expect(accepted).toBeGreaterThan(300);
});

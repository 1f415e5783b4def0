/**
 * Results of the contract against expectations worked out by hand: every expected number below is
 * written as arithmetic on the inputs, never obtained by calling the code under test.
 */
import { analyzeWorkbook } from "../../../src/core/model/analyze";
import type { Results } from "../../../src/core/model/compute";
import type { ValueModel } from "../../../src/core/model/types";
import { element, type Row, variable, workbook } from "./helpers";

function compute(parts: { variables: Row[]; elements: Row[]; settings: Row[] | null }): { model: ValueModel; results: Results } {
  const analysis = analyzeWorkbook(workbook(parts, { variables: [], elements: [], settings: [] }));
  if (!analysis.ok) throw new Error(`model has errors: ${JSON.stringify(analysis.problems, null, 1)}`);
  return { model: analysis.model, results: analysis.results };
}

function settings(values: { years?: number; rate?: number; investment?: number; annualCost?: number }): Row[] {
  return [
    ...(values.years !== undefined ? [["Years", values.years]] : []),
    ...(values.rate !== undefined ? [["DiscountRate", values.rate]] : []),
    ...(values.investment !== undefined ? [["Investment", values.investment]] : []),
    ...(values.annualCost !== undefined ? [["AnnualCost", values.annualCost]] : []),
  ];
}

describe("a two-element model over three years", () => {
  // Variables: Miles 100, LeaksPerMile 0.5, CostPerLeak 2000, Hours 1000, HourlyRate 50.
  // Leak reduction = Miles*LeaksPerMile*CostPerLeak = 100*0.5*2000 = 100000, green, ramp 50%,100%
  // Labor savings  = Hours*HourlyRate               = 1000*50      =  50000, gray,  ramp 20%,60%,100%
  // Years 3, DiscountRate 10%, Investment 120000, AnnualCost 20000.
  const { results } = compute({
    variables: [
      variable("Miles", 100),
      variable("LeaksPerMile", 0.5),
      variable("CostPerLeak", 2000),
      variable("Hours", 1000),
      variable("HourlyRate", 50),
    ],
    elements: [
      element({
        element: "Leak reduction",
        formula: "=Miles*LeaksPerMile*CostPerLeak",
        stakeholder: "Production Manager",
        confidence: "green",
        ramp: "50%,100%",
      }),
      element({ element: "Labor savings", formula: "Hours*HourlyRate", stakeholder: "CFO", confidence: "gray", ramp: "20%, 60%, 100%" }),
    ],
    settings: settings({ years: 3, rate: 0.1, investment: 120000, annualCost: 20000 }),
  });

  it("computes each element's annual value and its value by year with its ramp", () => {
    expect(results.elements.map((e) => e.annualValue)).toEqual([100000, 50000]);
    // Leak reduction: 100000*50% = 50000, then 100000*100% in year 2 and (last entry repeated) year 3.
    expect(results.elements[0]!.byYear).toEqual([50000, 100000, 100000]);
    // Labor savings: 50000*20% = 10000, 50000*60% = 30000, 50000*100% = 50000.
    const labor = results.elements[1]!.byYear;
    expect(labor).toHaveLength(3);
    [10000, 30000, 50000].forEach((expected, i) => expect(labor[i]).toBeCloseTo(expected, 6));
  });

  it("Benefit(y) is the sum over elements", () => {
    // Year 1: 50000 + 10000 = 60000; year 2: 100000 + 30000 = 130000; year 3: 100000 + 50000 = 150000.
    const expected = [60000, 130000, 150000];
    expect(results.benefitByYear).toHaveLength(3);
    expected.forEach((b, i) => expect(results.benefitByYear[i]).toBeCloseTo(b, 6));
  });

  it("the cash flow is −Investment at time 0, then Benefit(y) − AnnualCost", () => {
    // CF(0) = −120000; CF(1) = 60000−20000 = 40000; CF(2) = 130000−20000 = 110000; CF(3) = 150000−20000 = 130000.
    const expected = [-120000, 40000, 110000, 130000];
    expect(results.cashFlow).toHaveLength(4);
    expected.forEach((cf, i) => expect(results.cashFlow[i]).toBeCloseTo(cf, 6));
  });

  it("computes the totals", () => {
    const t = results.totals;
    // TotalAnnualValue = 100000 + 50000; Green = 100000 (Leak reduction); Gray = 50000 (Labor savings).
    expect(t.TotalAnnualValue).toBe(150000);
    expect(t.Green).toBe(100000);
    expect(t.Gray).toBe(50000);
    // TotalBenefit = 60000 + 130000 + 150000 = 340000.
    expect(t.TotalBenefit).toBeCloseTo(340000, 6);
    // TotalCost = Investment + Years*AnnualCost = 120000 + 3*20000 = 180000.
    expect(t.TotalCost).toBe(180000);
    // NetValue = 340000 − 180000 = 160000.
    expect(t.NetValue).toBeCloseTo(160000, 6);
  });

  it("NPV = CF(0) + NPV(10%, CF(1..3))", () => {
    // 40000/1.1 = 36363.636364; 110000/1.21 = 90909.090909; 130000/1.331 = 97670.924117
    // Sum = 224943.651390; minus 120000 = 104943.651390.
    expect(results.totals.NPV).toBeCloseTo(104943.65139, 4);
  });

  it("ROI = NetValue / TotalCost", () => {
    // 160000 / 180000 = 0.888…
    expect(results.totals.ROI).toBeCloseTo(8 / 9, 12);
  });

  it("PaybackMonths interpolates inside the year the cumulative cash flow turns non-negative", () => {
    // Cumulative: −120000, −80000 after year 1, +30000 after year 2 → pays back in year 2.
    // Fraction of year 2 needed: 80000 / 110000 = 0.727272…; months = 12 * (1 + 8/11) = 12 + 96/11 = 20.727272…
    expect(results.totals.PaybackMonths).toBeCloseTo(12 + 96 / 11, 10);
  });

  it("totals by stakeholder, in order of first appearance", () => {
    expect(results.byStakeholder).toEqual([
      { stakeholder: "Production Manager", annualValue: 100000 },
      { stakeholder: "CFO", annualValue: 50000 },
    ]);
  });
});

describe("by stakeholder", () => {
  it("groups stakeholders ignoring case and surrounding spaces, under the first spelling", () => {
    const { results } = compute({
      variables: [variable("Base", 1000)],
      elements: [
        element({ element: "A", formula: "Base", stakeholder: "Production Manager" }),
        element({ element: "B", formula: "Base*2", stakeholder: "CFO" }),
        element({ element: "C", formula: "Base*3", stakeholder: "  production manager " }),
        element({ element: "D", formula: "Base*4", stakeholder: "cfo" }),
        element({ element: "E", formula: "Base*5", stakeholder: "Plant Engineer" }),
      ],
      settings: null,
    });
    // Production Manager: 1000 + 3000 = 4000; CFO: 2000 + 4000 = 6000; Plant Engineer: 5000.
    expect(results.byStakeholder).toEqual([
      { stakeholder: "Production Manager", annualValue: 4000 },
      { stakeholder: "CFO", annualValue: 6000 },
      { stakeholder: "Plant Engineer", annualValue: 5000 },
    ]);
  });

  it("elements without a stakeholder are grouped under the empty name", () => {
    const { results } = compute({
      variables: [variable("Base", 10)],
      elements: [element({ element: "A", formula: "Base" }), element({ element: "B", formula: "Base+1" })],
      settings: null,
    });
    expect(results.byStakeholder).toEqual([{ stakeholder: "", annualValue: 21 }]);
  });
});

describe("edge cases", () => {
  it("TotalCost 0: ROI has no value; Investment 0: payback at month 0", () => {
    // No settings range: Investment 0, AnnualCost 0, 3 years at 10%.
    const { results } = compute({
      variables: [variable("X", 1000)],
      elements: [element({ element: "A", formula: "X", stakeholder: "CFO" })],
      settings: null,
    });
    expect(results.totals.TotalCost).toBe(0);
    expect(results.totals.ROI).toBeUndefined();
    expect(results.totals.PaybackMonths).toBe(0);
    // NetValue = TotalBenefit = 3*1000.
    expect(results.totals.NetValue).toBe(3000);
    // NPV = 0 + 1000/1.1 + 1000/1.21 + 1000/1.331 = 909.090909 + 826.446281 + 751.314801 = 2486.851991
    expect(results.totals.NPV).toBeCloseTo(2486.851991, 5);
  });

  it("Investment 0 with an annual cost: ROI is defined, payback is 0", () => {
    const { results } = compute({
      variables: [variable("X", 1000)],
      elements: [element({ element: "A", formula: "X", stakeholder: "CFO" })],
      settings: settings({ years: 2, annualCost: 400 }),
    });
    // TotalCost = 0 + 2*400 = 800; NetValue = 2000 − 800 = 1200; ROI = 1200/800 = 1.5.
    expect(results.totals.TotalCost).toBe(800);
    expect(results.totals.ROI).toBe(1.5);
    expect(results.totals.PaybackMonths).toBe(0);
  });

  it("payback never reached within the horizon has no value", () => {
    // CF: −100000, then 10000 a year for 3 years: cumulative −70000 at the end.
    const { results } = compute({
      variables: [variable("X", 10000)],
      elements: [element({ element: "A", formula: "X", stakeholder: "CFO" })],
      settings: settings({ years: 3, investment: 100000 }),
    });
    expect(results.totals.PaybackMonths).toBeUndefined();
    // NetValue = 30000 − 100000 = −70000; ROI = −0.7.
    expect(results.totals.NetValue).toBe(-70000);
    expect(results.totals.ROI).toBeCloseTo(-0.7, 12);
  });

  it("payback inside year 1", () => {
    // CF: −60000, +100000: 60000/100000 = 0.6 of year 1 = 7.2 months.
    const { results } = compute({
      variables: [variable("X", 100000)],
      elements: [element({ element: "A", formula: "X", stakeholder: "CFO" })],
      settings: settings({ years: 3, investment: 60000 }),
    });
    expect(results.totals.PaybackMonths).toBeCloseTo(7.2, 10);
  });

  it("ramps shorter than the horizon repeat their last entry", () => {
    const { results } = compute({
      variables: [variable("X", 1000)],
      elements: [
        element({ element: "A", formula: "X", stakeholder: "CFO", ramp: "25%,50%" }),
        element({ element: "B", formula: "X*2", stakeholder: "CFO", ramp: "0.1" }),
        element({ element: "C", formula: "X*3", stakeholder: "CFO" }),
      ],
      settings: settings({ years: 5 }),
    });
    expect(results.elements[0]!.byYear).toEqual([250, 500, 500, 500, 500]);
    // 2000*0.1 = 200 every year.
    results.elements[1]!.byYear.forEach((v) => expect(v).toBeCloseTo(200, 9));
    expect(results.elements[1]!.byYear).toHaveLength(5);
    // Empty ramp: 100% from year 1.
    expect(results.elements[2]!.byYear).toEqual([3000, 3000, 3000, 3000, 3000]);
    // Benefit: 250+200+3000 = 3450, then 500+200+3000 = 3700 in years 2..5; total 3450 + 4*3700 = 18250.
    expect(results.totals.TotalBenefit).toBeCloseTo(18250, 9);
  });

  it("ramps longer than the horizon are cut at the horizon", () => {
    const { results } = compute({
      variables: [variable("X", 1000)],
      elements: [element({ element: "A", formula: "X", stakeholder: "CFO", ramp: "10%,20%,30%,40%" })],
      settings: settings({ years: 2 }),
    });
    expect(results.elements[0]!.byYear).toEqual([100, 200]);
    expect(results.benefitByYear).toEqual([100, 200]);
    // No investment: CF(0) is zero (the sign of a zero is not part of the contract).
    expect(results.cashFlow.map((x) => x + 0)).toEqual([0, 100, 200]);
  });

  it("an element may use another element's annual value by its id (not its ramped value)", () => {
    const { results } = compute({
      variables: [variable("X", 1000)],
      elements: [
        element({ element: "Base", formula: "X", id: "BaseValue", stakeholder: "CFO", ramp: "50%" }),
        element({ element: "Share", formula: "basevalue*10%", stakeholder: "CFO" }),
      ],
      settings: null,
    });
    // Share = 1000 * 10% = 100, whatever Base's ramp.
    expect(results.elements.map((e) => e.annualValue)).toEqual([1000, 100]);
  });

  it("chains are computed in dependency order whatever the row order", () => {
    const { results } = compute({
      variables: [variable("X", 7)],
      elements: [
        element({ element: "Third", formula: "Second*2", id: "Third", stakeholder: "CFO" }),
        element({ element: "Second", formula: "First+10", id: "Second", stakeholder: "CFO" }),
        element({ element: "Fourth", formula: "Third+Second+First", stakeholder: "CFO" }),
        element({ element: "First", formula: "X*3", id: "First", stakeholder: "CFO", confidence: "green" }),
      ],
      settings: null,
    });
    // First = 7*3 = 21; Second = 21+10 = 31; Third = 31*2 = 62; Fourth = 62+31+21 = 114. Results keep row order.
    expect(results.elements.map((e) => [e.element.element, e.annualValue])).toEqual([
      ["Third", 62],
      ["Second", 31],
      ["Fourth", 114],
      ["First", 21],
    ]);
    // TotalAnnualValue = 62+31+114+21 = 228; Green = First = 21; Gray = 228−21 = 207.
    expect(results.totals.TotalAnnualValue).toBe(228);
    expect(results.totals.Green).toBe(21);
    expect(results.totals.Gray).toBe(207);
  });

  it("a negative element (a cost) lowers the totals", () => {
    const { results } = compute({
      variables: [variable("Gain", 5000), variable("Loss", 1500)],
      elements: [
        element({ element: "Gain", formula: "Gain", stakeholder: "CFO", confidence: "green" }),
        element({ element: "Training", formula: "-Loss", stakeholder: "CFO" }),
      ],
      settings: settings({ years: 1, rate: 0 }),
    });
    // TotalAnnualValue = 5000 − 1500 = 3500; Green 5000; Gray −1500; NPV at 0% = 3500.
    expect(results.totals).toMatchObject({ TotalAnnualValue: 3500, Green: 5000, Gray: -1500, TotalBenefit: 3500, NPV: 3500 });
  });

  it("one year, rate 0: NPV is the plain net sum", () => {
    const { results } = compute({
      variables: [variable("X", 900)],
      elements: [element({ element: "A", formula: "X", stakeholder: "CFO" })],
      settings: settings({ years: 1, rate: 0, investment: 300, annualCost: 100 }),
    });
    // CF = [−300, 900−100 = 800]; NPV = −300 + 800 = 500; TotalCost = 300 + 100 = 400; NetValue = 900 − 400 = 500; ROI = 1.25.
    // Payback: 300/800 of year 1 = 0.375*12 = 4.5 months.
    expect(results.cashFlow).toEqual([-300, 800]);
    expect(results.totals).toMatchObject({ NPV: 500, TotalCost: 400, NetValue: 500, ROI: 1.25, PaybackMonths: 4.5 });
  });
});

describe("results whose written formula ends in a + or -, under Excel's near-zero rule (KB 78113)", () => {
  // Annual value 0.1+0.2 (0.30000000000000004 in binary) against an annual cost of 0.3: Excel's
  // `=benefit+price` and `=TotalBenefit-TotalCost` give exactly 0, and so does the core.
  const { results } = compute({
    variables: [variable("Small", 0.1), variable("Other", 0.2)],
    elements: [element({ element: "Tiny", formula: "Small+Other" })],
    settings: settings({ years: 2, rate: 0.1, investment: 0, annualCost: 0.3 }),
  });

  it("makes the net cash flow, the net value and the NPV exactly 0", () => {
    expect(results.elements[0]!.annualValue).toBe(0.1 + 0.2);
    expect(results.cashFlow).toEqual([0, 0, 0]);
    expect(results.totals.NetValue).toBe(0);
    expect(results.totals.NPV).toBe(0);
  });

  it("pays back at once, as the workbook's cumulative of 0 does", () => {
    expect(results.totals.PaybackMonths).toBe(0);
  });
});

describe("issue 14's example: an element over a difference that Excel makes 0", () => {
  // Excel shows 0 for =0.5-0.4-0.1 (KB 78113's near-zero rule), so IF(Net<0,100,0) over it is 0
  // in the written workbook; the add-in's results must say the same.
  const { results } = compute({
    variables: [variable("Price", 0.5), variable("Cost", 0.4), variable("Fee", 0.1)],
    elements: [element({ element: "Net", id: "Net", formula: "Price-Cost-Fee" }), element({ element: "Flag", formula: "IF(Net<0,100,0)" })],
    settings: settings({ years: 1 }),
  });

  it("computes the difference as 0 and the element over it as 0", () => {
    expect(results.elements.map((e) => e.annualValue)).toEqual([0, 0]);
  });
});

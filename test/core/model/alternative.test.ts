/**
 * The next-best alternative (issue 16): reading its settings, and the alternative's cost, the price
 * difference and the incentive to purchase against figures worked out by hand, Excel's near-zero
 * rule of a final + or - included.
 */
import { analyzeWorkbook, type Analysis } from "../../../src/core/model/analyze";
import { alternativeGiven } from "../../../src/core/model/settings";
import { at, element, type Row, single, variable, workbook } from "./helpers";

function analyze(settings: Row[], formula = "Saving"): Analysis {
  return analyzeWorkbook(
    workbook(
      { variables: [variable("Saving", 100000)], elements: [element({ element: "Fewer leak repairs", formula })], settings },
      { variables: [], elements: [], settings: [] },
    ),
  );
}

function computed(settings: Row[], formula?: string) {
  const analysis = analyze(settings, formula);
  if (!analysis.ok) throw new Error(JSON.stringify(analysis.problems, null, 1));
  return analysis;
}

// CVM_Settings sits at Settings!D2: setting k (1-based) has its Value in E(2+k).
const PRICE: Row[] = [
  ["Years", 3],
  ["Investment", 50000],
  ["AnnualCost", 20000],
];

describe("reading the alternative's settings", () => {
  test("its name, investment and annual cost, each with its cell", () => {
    const { model } = computed([
      ...PRICE,
      ["Alternative", "Manual patrols"],
      ["Alternative Investment", 10000],
      ["alternativeannualcost", 30000],
    ]);
    expect(model.settings).toMatchObject({ alternative: "Manual patrols", alternativeInvestment: 10000, alternativeAnnualCost: 30000 });
    expect(model.settings.cells).toMatchObject({
      alternative: at("Settings", "E6"),
      alternativeInvestment: at("Settings", "E7"),
      alternativeAnnualCost: at("Settings", "E8"),
    });
    expect(alternativeGiven(model.settings)).toBe(true);
  });

  test("an empty Alternative is the default, current practice, and gives no alternative by itself", () => {
    const { model } = computed([...PRICE, ["Alternative", ""], ["AlternativeAnnualCost", null]]);
    expect(model.settings.alternative).toBe("current practice");
    expect(model.settings.cells.alternative).toBeUndefined();
    expect(alternativeGiven(model.settings)).toBe(false);
  });

  test("a cost alone gives the alternative, named current practice", () => {
    const { model } = computed([...PRICE, ["AlternativeAnnualCost", 1]]);
    expect(model.settings.alternative).toBe("current practice");
    expect(alternativeGiven(model.settings)).toBe(true);
  });

  test("a negative annual cost is refused at its cell", () => {
    const problem = single(analyze([...PRICE, ["AlternativeAnnualCost", -120000]]), "setting-alternativeAnnualCost-invalid");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Settings", cell: at("Settings", "E6") });
    expect(problem.message).toBe("The setting AlternativeAnnualCost is -120000: the alternative's yearly cost cannot be negative.");
  });

  test("a negative investment is refused at its cell", () => {
    const problem = single(analyze([["AlternativeInvestment", -1]]), "setting-alternativeInvestment-invalid");
    expect(problem).toMatchObject({ severity: "error", cell: at("Settings", "E3") });
    expect(problem.message).toContain("the alternative's one-time cost cannot be negative.");
  });

  test("a cost written as text is refused at its cell, as Excel's SUM would ignore it", () => {
    const problem = single(
      analyze([...PRICE, ["Alternative", "Manual patrols"], ["AlternativeInvestment", "lots"]]),
      "setting-alternativeInvestment-invalid",
    );
    expect(problem).toMatchObject({ severity: "error", cell: at("Settings", "E7") });
    expect(problem.message).toContain("AlternativeInvestment");
  });

  test("an error value in Alternative is refused at its cell: the sheets show the name live", () => {
    const problem = single(analyze([["Alternative", "#REF!"]]), "setting-alternative-invalid");
    expect(problem).toMatchObject({ severity: "error", cell: at("Settings", "E3") });
    expect(problem.message).toBe(
      "The setting Alternative holds the error #REF!; write the customer's next-best alternative as text, such as manual patrols.",
    );
  });
});

describe("the incentive to purchase", () => {
  // Fewer leak repairs: 100000 a year, full from year 1; 3 years: TotalBenefit 300000.
  // Offering: 50000 + 3 × 20000 = 110000; NetValue 190000.
  test("against an alternative: its cost, the price difference and the incentive", () => {
    const { results } = computed([
      ...PRICE,
      ["Alternative", "Manual patrols"],
      ["AlternativeInvestment", 10000],
      ["AlternativeAnnualCost", 30000],
    ]);
    // Alternative: 10000 + 3 × 30000 = 100000; price difference 110000 − 100000 = 10000; incentive 300000 − 10000.
    expect(results.totals).toMatchObject({
      TotalBenefit: 300000,
      TotalCost: 110000,
      NetValue: 190000,
      AlternativeCost: 100000,
      PriceDifference: 10000,
      Incentive: 290000,
    });
  });

  test("an alternative dearer than the offering makes the price difference negative and the incentive larger than the benefit", () => {
    const { results } = computed([...PRICE, ["AlternativeAnnualCost", 120000]]);
    // 3 × 120000 = 360000; 110000 − 360000 = −250000; 300000 + 250000.
    expect(results.totals).toMatchObject({ AlternativeCost: 360000, PriceDifference: -250000, Incentive: 550000 });
  });

  test("without an alternative the cost is 0 and the incentive is the net value", () => {
    const { results } = computed(PRICE);
    expect(results.totals).toMatchObject({ AlternativeCost: 0, PriceDifference: 110000, Incentive: 190000, NetValue: 190000 });
  });

  test("a price difference that nearly cancels is 0, as Excel's =TotalCost-AlternativeCost gives it", () => {
    // 0.1 + 0.2 is 0.30000000000000004 in binary; less 0.3 plainly is 5.55E-17, Excel shows 0.
    const { results } = computed([
      ["Years", 1],
      ["Investment", 0.1 + 0.2],
      ["AlternativeInvestment", 0.3],
    ]);
    expect(results.totals.PriceDifference).toBe(0);
    expect(results.totals.Incentive).toBe(100000);
  });

  test("an incentive that nearly cancels is 0, as the net value is", () => {
    // Benefit 0.1 + 0.2 over one year against a price of 0.3: Excel's =B5-B6 and =B5-B18 both show 0.
    const { results } = computed(
      [
        ["Years", 1],
        ["Investment", 0.3],
      ],
      "0.1+0.2",
    );
    expect(results.totals.TotalBenefit).toBe(0.1 + 0.2);
    expect(results.totals.NetValue).toBe(0);
    expect(results.totals.Incentive).toBe(0);
  });

  test("an alternative's cost past Excel's largest number is an error at the setting that makes it", () => {
    const analysis = analyze([...PRICE, ["AlternativeAnnualCost", 1e308]]);
    const problem = single(analysis, "result-overflow");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Settings", cell: at("Settings", "E6") });
    expect(problem.message).toContain(
      "The alternative's cost (AlternativeInvestment + Years × AlternativeAnnualCost) comes to more than Excel can hold",
    );
  });
});

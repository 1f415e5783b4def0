/**
 * Each CVM function through the Excel glue (functions.ts) on a small model worked out by hand:
 * every expected number is arithmetic on the inputs, never the code under test.
 */
import * as cvm from "../../src/functions/functions";
import { elements, fresh, installRuntime, removeRuntime, settings, textbookNpv, thrown, variables } from "./helpers";

beforeAll(installRuntime);
afterAll(removeRuntime);

// Leak reduction = Miles*LeaksPerMile*CostPerLeak = 100*0.5*2000 = 100000, ramp 50%,100%, Actual 40000
// Labor savings  = Hours*HourlyRate = 1000*50 = 50000, ramp 0.2, 0.6, 1 (fractions), Actual 15000
// Avoided fines  = Leaks*10% = 10000 (uses another element's id), no ramp (100%), no Actual
const VARIABLES = variables(
  ["Miles", 100, 80, 120],
  ["LeaksPerMile", 0.5],
  ["CostPerLeak", 2000, 1000, 3000],
  ["Hours", 1000, 1000, 1000],
  ["HourlyRate", 50],
);
const ELEMENTS = elements(
  {
    element: "Leak reduction",
    formula: "=Miles*LeaksPerMile*CostPerLeak",
    id: "Leaks",
    confidence: "green",
    ramp: "50%,100%",
    actual: 40000,
  },
  { element: "Labor savings", formula: "Hours*HourlyRate", id: "Labor", ramp: "0.2, 0.6, 1", actual: 15000 },
  { element: "Avoided fines", formula: "Leaks*10%", id: "Fines" },
);
// Years 3, 10%, Investment 120000, AnnualCost 20000 (the rate as Excel passes a 10% cell: 0.1).
const SETTINGS = settings({ Years: 3, DiscountRate: 0.1, Investment: 120000, AnnualCost: 20000 });

// Benefit: y1 50000+10000+10000 = 70000; y2 100000+30000+10000 = 140000; y3 100000+50000+10000 = 160000.
// Cash flow: −120000, 70000−20000 = 50000, 140000−20000 = 120000, 160000−20000 = 140000.
const CASH_FLOW = [-120000, 50000, 120000, 140000];

describe("CVM.ELEMENTVALUE", () => {
  it("gives an element's annual value, matched by id or name ignoring case", () => {
    expect(cvm.value(fresh(ELEMENTS), fresh(VARIABLES), "Leaks")).toBe(100000);
    expect(cvm.value(fresh(ELEMENTS), fresh(VARIABLES), "leaks")).toBe(100000);
    expect(cvm.value(fresh(ELEMENTS), fresh(VARIABLES), "LABOR SAVINGS")).toBe(50000);
    expect(cvm.value(fresh(ELEMENTS), fresh(VARIABLES), "  avoided fines ")).toBe(10000);
  });

  it("gives the value in a year with the ramp, percentages or fractions, the last entry repeating", () => {
    expect(cvm.value(fresh(ELEMENTS), fresh(VARIABLES), "Leaks", 1)).toBe(50000);
    expect(cvm.value(fresh(ELEMENTS), fresh(VARIABLES), "Leaks", 2)).toBe(100000);
    // 50000 * 0.2 and 50000 * 0.6.
    expect(cvm.value(fresh(ELEMENTS), fresh(VARIABLES), "labor", 1)).toBeCloseTo(10000, 9);
    expect(cvm.value(fresh(ELEMENTS), fresh(VARIABLES), "labor", 2)).toBeCloseTo(30000, 9);
    // Past the ramp and past the 3-year horizon: the last entry (100%) repeats.
    expect(cvm.value(fresh(ELEMENTS), fresh(VARIABLES), "Leaks", 7)).toBe(100000);
    expect(cvm.value(fresh(ELEMENTS), fresh(VARIABLES), "Fines", 30)).toBe(10000);
  });

  it("an omitted year (null from Excel, undefined from code) gives the annual value", () => {
    expect(cvm.value(fresh(ELEMENTS), fresh(VARIABLES), "Leaks", null as unknown as number)).toBe(100000);
    expect(cvm.value(fresh(ELEMENTS), fresh(VARIABLES), "Leaks", undefined)).toBe(100000);
  });

  it("a percentage variable arrives as its fraction", () => {
    const vars = variables(["Base", 200000], ["Share", 0.15]);
    expect(cvm.value(elements({ element: "Cut", formula: "Base*Share" }), vars, "Cut")).toBeCloseTo(30000, 9);
  });
});

describe("CVM.TOTAL", () => {
  it("gives the total annual value, or Benefit(y) in a year", () => {
    expect(cvm.total(fresh(ELEMENTS), fresh(VARIABLES))).toBe(160000);
    expect(cvm.total(fresh(ELEMENTS), fresh(VARIABLES), null as unknown as number)).toBe(160000);
    expect(cvm.total(fresh(ELEMENTS), fresh(VARIABLES), undefined)).toBe(160000);
    expect(cvm.total(fresh(ELEMENTS), fresh(VARIABLES), 1)).toBeCloseTo(70000, 9);
    expect(cvm.total(fresh(ELEMENTS), fresh(VARIABLES), 2)).toBeCloseTo(140000, 9);
    expect(cvm.total(fresh(ELEMENTS), fresh(VARIABLES), 3)).toBeCloseTo(160000, 9);
  });
});

describe("financial results", () => {
  it("CVM.NETPRESENTVALUE is CF(0) plus the discounted CF(1..Years)", () => {
    expect(cvm.npv(fresh(ELEMENTS), fresh(VARIABLES), fresh(SETTINGS))).toBeCloseTo(textbookNpv(0.1, CASH_FLOW), 6);
  });

  it("CVM.ROI is NetValue / TotalCost", () => {
    // TotalBenefit 370000; TotalCost 120000 + 3*20000 = 180000; NetValue 190000.
    expect(cvm.roi(fresh(ELEMENTS), fresh(VARIABLES), fresh(SETTINGS))).toBeCloseTo(190000 / 180000, 12);
  });

  it("CVM.PAYBACK is in months, interpolated within the year", () => {
    // Cumulative: −120000, −70000 after year 1, +50000 after year 2: 12 * (1 + 70000/120000) = 19.
    expect(cvm.payback(fresh(ELEMENTS), fresh(VARIABLES), fresh(SETTINGS))).toBeCloseTo(19, 10);
  });
});

describe("CVM.INCENTIVE", () => {
  it("is the total benefit less the price difference against the next-best alternative", () => {
    // TotalBenefit 370000; TotalCost 180000; alternative: 30000 once + 3 × 50000 = 180000, so the
    // price difference is 0 and the incentive the whole benefit, 370000.
    const withAlternative = settings({
      Years: 3,
      DiscountRate: 0.1,
      Investment: 120000,
      AnnualCost: 20000,
      Alternative: "Manual patrols",
      AlternativeInvestment: 30000,
      AlternativeAnnualCost: 50000,
    });
    expect(cvm.incentive(fresh(ELEMENTS), fresh(VARIABLES), withAlternative)).toBe(370000);
    // A dearer alternative, 3 × 80000 = 240000: buying costs 60000 less, incentive 370000 + 60000.
    const dearer = settings({ Years: 3, Investment: 120000, AnnualCost: 20000, AlternativeAnnualCost: 80000 });
    expect(cvm.incentive(fresh(ELEMENTS), fresh(VARIABLES), dearer)).toBe(430000);
  });

  it("without an alternative it is the net value", () => {
    // TotalBenefit 370000 − TotalCost 180000.
    expect(cvm.incentive(fresh(ELEMENTS), fresh(VARIABLES), fresh(SETTINGS))).toBe(190000);
  });

  it("a negative alternative cost is #VALUE! naming the setting's cell", () => {
    const broken = settings({ Years: 3, AlternativeAnnualCost: -5 });
    expect(thrown(() => cvm.incentive(fresh(ELEMENTS), fresh(VARIABLES), broken))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("AlternativeAnnualCost is -5: the alternative's yearly cost cannot be negative."),
    });
  });
});

describe("CVM.REALIZED", () => {
  it("sums the Actual values recorded so far", () => {
    expect(cvm.realized(fresh(ELEMENTS), fresh(VARIABLES))).toBe(55000);
  });
});

describe("CVM.EVAL", () => {
  it("evaluates a formula over the variables, names ignoring case", () => {
    expect(cvm.evalFormula("Miles*leakspermile*2", fresh(VARIABLES))).toBe(100);
    expect(cvm.evalFormula("=ROUND(HourlyRate/3, 2)", fresh(VARIABLES))).toBe(16.67);
    expect(cvm.evalFormula("15%*Miles", fresh(VARIABLES))).toBeCloseTo(15, 12);
  });

  it("gives text and logical values as the language does", () => {
    expect(cvm.evalFormula('"Miles: "&Miles', fresh(VARIABLES))).toBe("Miles: 100");
    expect(cvm.evalFormula("Miles>50", fresh(VARIABLES))).toBe(true);
  });
});

describe("CVM.ISSUES", () => {
  it("a model without problems gives one empty cell, with settings given or omitted (null or undefined)", () => {
    expect(cvm.issues(fresh(ELEMENTS), fresh(VARIABLES), fresh(SETTINGS))).toEqual([[""]]);
    expect(cvm.issues(fresh(ELEMENTS), fresh(VARIABLES), null as unknown as unknown[][])).toEqual([[""]]);
    expect(cvm.issues(fresh(ELEMENTS), fresh(VARIABLES))).toEqual([[""]]);
  });

  it("lists severity, where and message, errors first", () => {
    const broken = elements({ element: "No owner", formula: "Miles", stakeholder: "" }, { element: "Broken", formula: "Miles*" });
    const rows = cvm.issues(broken, fresh(VARIABLES));
    expect(rows).toHaveLength(2);
    expect(rows[0]!.slice(0, 2)).toEqual(["Error", "elements, row 3, column Formula"]);
    expect(rows[0]![2]).toMatch(/^The formula of "Broken" cannot be read: /);
    expect(rows[1]!.slice(0, 2)).toEqual(["Warning", "elements, row 2, column Stakeholder"]);
    expect(rows[1]![2]).toMatch(/^"No owner" names no stakeholder/);
  });

  it("reports problems of the settings when they are given", () => {
    const rows = cvm.issues(fresh(ELEMENTS), fresh(VARIABLES), settings({ Years: 0 }));
    expect(rows).toEqual([
      ["Error", "settings, row 2, column Value", "The setting Years is 0: the horizon must be a whole number of years from 1 to 30."],
    ]);
  });
});

describe("CVM.SENSITIVITY", () => {
  it("gives name, NPV at Low, NPV at High and swing per variable with a range, largest swing first", () => {
    // CostPerLeak 1000: Leaks 50000, Fines 5000 → benefit 25000+10000+5000, 50000+30000+5000, 50000+50000+5000.
    const costLow = textbookNpv(0.1, [-120000, 40000 - 20000, 85000 - 20000, 105000 - 20000]);
    // CostPerLeak 3000: Leaks 150000, Fines 15000 → 75000+10000+15000, 150000+30000+15000, 150000+50000+15000.
    const costHigh = textbookNpv(0.1, [-120000, 100000 - 20000, 195000 - 20000, 215000 - 20000]);
    // Miles 80: Leaks 80000, Fines 8000 → 40000+10000+8000, 80000+30000+8000, 80000+50000+8000.
    const milesLow = textbookNpv(0.1, [-120000, 58000 - 20000, 118000 - 20000, 138000 - 20000]);
    // Miles 120: Leaks 120000, Fines 12000 → 60000+10000+12000, 120000+30000+12000, 120000+50000+12000.
    const milesHigh = textbookNpv(0.1, [-120000, 82000 - 20000, 162000 - 20000, 182000 - 20000]);
    // Hours: Low = High = its value, so both ends are the model's own NPV and the swing is 0.
    const base = textbookNpv(0.1, CASH_FLOW);

    const rows = cvm.sensitivity(fresh(ELEMENTS), fresh(VARIABLES), fresh(SETTINGS));
    expect(rows.map((r) => r[0])).toEqual(["CostPerLeak", "Miles", "Hours"]);
    const expected = [
      [costLow, costHigh],
      [milesLow, milesHigh],
      [base, base],
    ];
    rows.forEach((row, i) => {
      const [low, high] = expected[i]!;
      expect(row[1]).toBeCloseTo(low!, 6);
      expect(row[2]).toBeCloseTo(high!, 6);
      expect(row[3]).toBeCloseTo(Math.abs(high! - low!), 6);
    });
  });

  it("an end at which the model fails is an error in its own cells; the row sorts last", () => {
    const vars = variables(["Divisor", 2, 0, 4], ["Scale", 10, 5, 20]);
    const els = elements({ element: "Ratio", formula: "1000/Divisor*Scale" });
    const rows = cvm.sensitivity(els, vars, settings({ Years: 1, DiscountRate: 0 }));
    // Scale 5: 1000/2*5 = 2500; Scale 20: 10000. Rate 0, no price: NPV = the one year's benefit.
    expect(rows[0]).toEqual(["Scale", 2500, 10000, 7500]);
    const [name, low, high, swing] = rows[1]!;
    expect(name).toBe("Divisor");
    // Divisor 4: 1000/4*10 = 2500.
    expect(high).toBe(2500);
    expect(low).toEqual(swing);
    expect(low).toMatchObject({ code: "#VALUE!" });
    expect((low as { message: string }).message).toMatch(
      /^With Divisor at its Low \(0\), elements, row 2, column Formula: The formula of "Ratio" gives #DIV\/0!/,
    );
  });
});

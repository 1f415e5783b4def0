import { excelNpv, paybackMonths } from "../../../src/core/model/finance";

describe("excelNpv, against the examples of Excel's documentation", () => {
  it("Microsoft's example 1: NPV(10%, -10000, 3000, 4200, 6800) = $1,188.44", () => {
    // The -10000 is paid one year from today, so it is discounted like every other value.
    expect(excelNpv(0.1, [-10000, 3000, 4200, 6800])).toBeCloseTo(1188.44, 2);
  });

  it("Microsoft's example 2: NPV(8%, 8000, 9200, 10000, 12000, 14500) + (-40000) = $1,922.06", () => {
    // The initial investment is paid today, at the start of the first period: added, not discounted.
    expect(excelNpv(0.08, [8000, 9200, 10000, 12000, 14500]) + -40000).toBeCloseTo(1922.06, 2);
  });

  it("Microsoft's example 2 with a loss of 9000 in year six: = -$3,749.47", () => {
    expect(excelNpv(0.08, [8000, 9200, 10000, 12000, 14500, -9000]) + -40000).toBeCloseTo(-3749.47, 2);
  });

  it("NPV(10%, 500, 1500, 4000, 10000) = 11529.60863329 (Adobe FormCalc's NPV reference, same definition)", () => {
    expect(excelNpv(0.1, [500, 1500, 4000, 10000])).toBeCloseTo(11529.60863329007, 8);
  });

  it("NPV(6.5%, 5000) = 4694.83568 (one value, discounted one period)", () => {
    // 5000 / 1.065 = 4694.8356807…
    expect(excelNpv(0.065, [5000])).toBeCloseTo(4694.83568075117, 8);
  });

  it("discounts the first value a full period: NPV(10%, 110) = 100, NPV(10%, 0, 121) = 100", () => {
    expect(excelNpv(0.1, [110])).toBeCloseTo(100, 12);
    expect(excelNpv(0.1, [0, 121])).toBeCloseTo(100, 12);
  });

  it("at rate 0 it is the plain sum; with no values it is 0", () => {
    expect(excelNpv(0, [1, 2, 3.5, -4])).toBe(2.5);
    expect(excelNpv(0.1, [])).toBe(0);
  });

  it("a negative rate inflates later values: NPV(-50%, 1, 1) = 1/0.5 + 1/0.25 = 6", () => {
    expect(excelNpv(-0.5, [1, 1])).toBeCloseTo(6, 12);
  });
});

describe("paybackMonths", () => {
  it.each<[string, number[], number | undefined]>([
    // Cumulative −1000, −600, −200, +200: 200 of year 3's 400 is needed → 12 × (2 + 0.5) = 30.
    ["pays back half-way through year 3", [-1000, 400, 400, 400], 30],
    // Cumulative −1000, 0: exactly at the end of year 1 → 12.
    ["pays back exactly at the end of year 1", [-1000, 1000], 12],
    // 250 of year 1's 1000 → 0.25 × 12 = 3.
    ["pays back in the first quarter", [-250, 1000, 1000], 3],
    // Cumulative −1000, −1200 (a loss in year 1), +300: 1200 of year 2's 1500 → 12 × (1 + 0.8) = 21.6.
    ["a loss year deepens the hole first", [-1000, -200, 1500], 21.6],
    // Cumulative −900, −600, −300, 0: reaches 0 exactly at the end of year 3 → 36.
    ["reaches exactly 0 at the end of the horizon", [-900, 300, 300, 300], 36],
    // Cumulative −1000, −900, −800.
    ["never pays back", [-1000, 100, 100], undefined],
    ["a horizon of no years and an investment never pays back", [-1], undefined],
    // Nothing to recover at time 0.
    ["no investment pays back at once", [0, 100, 100], 0],
    ["no investment pays back at once even before a loss year", [0, -100, 300], 0],
    ["a positive time-0 flow pays back at once", [50, -10], 0],
  ])("%s", (_what, cashFlow, expected) => {
    const months = paybackMonths(cashFlow);
    if (expected === undefined) expect(months).toBeUndefined();
    else expect(months).toBeCloseTo(expected, 10);
  });

  it("uses the first crossing even if the cumulative flow turns negative again later", () => {
    // Cumulative −100, +100 (year 1: 100 of 200 → 6 months), −400.
    expect(paybackMonths([-100, 200, -500])).toBeCloseTo(6, 10);
  });
});

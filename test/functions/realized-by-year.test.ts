/**
 * CVM.REALIZEDBYYEAR through the Excel glue on a model worked out by hand: every expected number
 * is arithmetic on the inputs, never the code under test.
 */
import * as cvm from "../../src/functions/functions";
import { type Grid, elements, fresh, installRuntime, removeRuntime, StandInError, thrown, variables } from "./helpers";

beforeAll(installRuntime);
afterAll(removeRuntime);

// Leak reduction (id Leaks) = 100*0.5*2000 = 100000, ramp 50%,100%: year 1 50000, year 2 100000.
// Labor savings (no id)     = 1000*50 = 50000, ramp 0%,60%,100%: year 1 0, year 2 30000, year 5 50000.
const VARIABLES = variables(["Miles", 100], ["LeaksPerMile", 0.5], ["CostPerLeak", 2000], ["Hours", 1000], ["HourlyRate", 50]);
const ELEMENTS = elements(
  { element: "Leak reduction", formula: "Miles*LeaksPerMile*CostPerLeak", id: "Leaks", ramp: "50%,100%" },
  { element: "Labor savings", formula: "Hours*HourlyRate", ramp: "0%,60%,100%" },
);
const HEADER = ["Element", "Year", "Actual", "Source", "Date"];
const ACTUALS: Grid = [
  HEADER,
  ["leaks", 1, 45000, "Work orders FY2026", 46112],
  ["Labor savings", 1, 2000, "Timesheets", ""],
  ["Leaks", 2, 110000, "Work orders FY2027", 46477],
  ["LABOR SAVINGS", 2, 24000, "Timesheets", ""],
  // Year 5 of a model whose functions take no settings: compared (ramps define every year).
  ["Labor savings", 5, 40000, "Timesheets", ""],
];

describe("CVM.REALIZEDBYYEAR", () => {
  it("gives one row per measured year: estimated and actual over the element-years measured, the share, and all three to date", () => {
    const rows = cvm.realizedByYear(fresh(ELEMENTS), fresh(VARIABLES), fresh(ACTUALS));
    // Year 1: estimate 50000 + 0, actual 45000 + 2000. Year 2: 100000 + 30000 against 110000 + 24000.
    // Year 5: 50000 against 40000. To date: 50000, 180000, 230000 against 47000, 181000, 221000.
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      [1, 50000, 47000],
      [2, 130000, 134000],
      [5, 50000, 40000],
    ]);
    expect(rows.map((r) => r.slice(4, 6))).toEqual([
      [50000, 47000],
      [180000, 181000],
      [230000, 221000],
    ]);
    expect(rows[0]![3]).toBeCloseTo(47000 / 50000, 12);
    expect(rows[1]![3]).toBeCloseTo(134000 / 130000, 12);
    expect(rows[2]![6]).toBeCloseTo(221000 / 230000, 12);
  });

  it("with a year gives the money realized in that year, in one cell", () => {
    expect(cvm.realizedByYear(fresh(ELEMENTS), fresh(VARIABLES), fresh(ACTUALS), 2)).toEqual([[134000]]);
  });

  it("a year nothing was measured in is #N/A; a year outside 1..30 is #NUM!", () => {
    expect(thrown(() => cvm.realizedByYear(fresh(ELEMENTS), fresh(VARIABLES), fresh(ACTUALS), 3)).code).toBe("#N/A");
    expect(thrown(() => cvm.realizedByYear(fresh(ELEMENTS), fresh(VARIABLES), fresh(ACTUALS), 31)).code).toBe("#NUM!");
  });

  it("a share where nothing was estimated (a 0% ramp) is #N/A in its own cell; the row stands", () => {
    const rows = cvm.realizedByYear(fresh(ELEMENTS), fresh(VARIABLES), [HEADER, ["Labor savings", 1, 2000, "", ""]]);
    expect(rows[0]!.slice(0, 3)).toEqual([1, 0, 2000]);
    expect(rows[0]![3]).toBeInstanceOf(StandInError);
    expect((rows[0]![3] as StandInError).code).toBe("#N/A");
  });

  it("an actuals range with only its header is #N/A saying nothing is recorded", () => {
    const error = thrown(() => cvm.realizedByYear(fresh(ELEMENTS), fresh(VARIABLES), [HEADER]));
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/records no result/);
  });

  it("a broken actuals range is #VALUE! naming the row and column within the range", () => {
    const unknown = thrown(() => cvm.realizedByYear(fresh(ELEMENTS), fresh(VARIABLES), [HEADER, ["Pumps", 1, 10, "", ""]]));
    expect(unknown.code).toBe("#VALUE!");
    expect(unknown.message).toMatch(/^actuals, row 2, column Element: .*"Pumps"/);
    const twice = thrown(() =>
      cvm.realizedByYear(fresh(ELEMENTS), fresh(VARIABLES), [HEADER, ["Leaks", 1, 10, "", ""], ["leak reduction", 1, 20, "", ""]]),
    );
    expect(twice.message).toMatch(/^actuals, row 3, column Year: .*already has an actual for year 1/);
    const errorCell = thrown(() =>
      cvm.realizedByYear(fresh(ELEMENTS), fresh(VARIABLES), [HEADER, ["Leaks", 1, new StandInError("#DIV/0!") as never, "", ""]]),
    );
    expect(errorCell.message).toMatch(/^actuals, row 2, column Actual: .*#DIV\/0!/);
  });

  it("an argument that is not a range is #VALUE! naming CVM_Actuals", () => {
    const error = thrown(() => cvm.realizedByYear(fresh(ELEMENTS), fresh(VARIABLES), 5 as never));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/CVM_Actuals/);
  });
});

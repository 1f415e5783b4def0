/**
 * CVM_Actuals: results measured per element and year, read, checked (each refusal at its cell),
 * and compared with the ramped estimate of that year. Every expected number is arithmetic on the
 * inputs, worked out in the comments.
 */
import { analyzeWorkbook, type Analysis } from "../../../src/core/model/analyze";
import { realizationByYear } from "../../../src/core/model/realization-by-year";
import { describeProblem } from "../../../src/core/problems";
import type { WorkbookInput } from "../../../src/core/workbook/cells";
import { PIPELINE_ACTUALS } from "../../../src/sample/pipeline-actuals";
import { PIPELINE_SAMPLE } from "../../../src/sample/pipeline-model";
import { at, codes, element, range, type Row, single, variable, workbook } from "./helpers";

// Leak savings (Id LeakSavings) = 100*0.2*1000 = 20000, ramp 50%,100%: year 1 10000, year 2 20000, year 3 20000.
// Crew time (no Id) = 100*30 = 3000, ramp 0%,100%: year 1 0, year 2 3000.
// Patrols and "patrols " share a name (without Ids): a name that cannot say which.
const VARIABLES: Row[] = [variable("Miles", 100), variable("Rate", 0.2), variable("Cost", 1000)];
const ELEMENTS: Row[] = [
  element({ element: "Leak savings", formula: "Miles*Rate*Cost", id: "LeakSavings", stakeholder: "CFO", ramp: "50%,100%" }),
  element({ element: "Crew time", formula: "Miles*30", stakeholder: "Operations", ramp: "0%,100%" }),
  element({ element: "Patrols", formula: "10", id: "PatrolsA", stakeholder: "Operations" }),
  element({ element: "patrols ", formula: "20", id: "PatrolsB", stakeholder: "Operations" }),
];
const SETTINGS: Row[] = [["Years", 3]];
const HEADER: Row = ["Element", "Year", "Actual", "Source", "Date"];
/** CVM_Actuals lives at Results!B2: header on row 2, data row k on row 2+k; B Element, C Year, D Actual, E Source, F Date. */
const A = (a1: string) => at("Results", a1);

function input(actuals: readonly Row[] | null, header: Row = HEADER): WorkbookInput {
  const base = workbook({}, { variables: VARIABLES, elements: ELEMENTS, settings: SETTINGS });
  return actuals === null ? base : { ...base, actuals: range("Results", "B2", [header, ...actuals]) };
}
const analyze = (actuals: readonly Row[] | null, header?: Row): Analysis => analyzeWorkbook(input(actuals, header));

describe("reading CVM_Actuals", () => {
  test("a workbook without the range, or with its header alone, analyses exactly as before", () => {
    const before = analyze(null);
    expect(before.ok).toBe(true);
    expect(analyze([])).toEqual(before);
    expect(analyze([["", "", "", "", ""]])).toEqual(before);
    expect(before.ok && before.model.actuals).toBeUndefined();
  });

  test("elements are found by Id or by name, ignoring case; source and date are kept", () => {
    const analysis = analyze([
      ["leaksavings", 1, 9000, "Work orders FY2026", 46112],
      ["CREW TIME", 2, 2500, "Timesheets", ""],
    ]);
    if (!analysis.ok) throw new Error(JSON.stringify(analysis.problems));
    expect(analysis.problems).toEqual([]);
    expect(analysis.model.actuals).toEqual([
      {
        element: 0,
        year: 1,
        actual: 9000,
        source: "Work orders FY2026",
        date: 46112,
        actualCell: A("D3"),
        elementCell: A("B3"),
        yearCell: A("C3"),
      },
      { element: 1, year: 2, actual: 2500, source: "Timesheets", actualCell: A("D4"), elementCell: A("B4"), yearCell: A("C4") },
    ]);
  });

  test.each([
    [
      "an unknown element",
      ["Pumps", 1, 10, "", ""],
      "actual-element-unknown",
      "B3",
      /No element of CVM_Elements has the Id or the name "Pumps"/,
    ],
    ["no element", ["", 1, 10, "", ""], "actual-element-missing", "B3", /names no element/],
    [
      "a name two elements share",
      ["PATROLS", 1, 10, "", ""],
      "actual-element-ambiguous",
      "B3",
      /2 elements are named "PATROLS"; write the Id/,
    ],
    ["a year of 0", ["LeakSavings", 0, 10, "", ""], "actual-year-invalid", "C3", /the number 0, not a whole number/],
    ["a year of 1.5", ["LeakSavings", 1.5, 10, "", ""], "actual-year-invalid", "C3", /the number 1.5/],
    ["a year as text", ["LeakSavings", "2026", 10, "", ""], "actual-year-invalid", "C3", /the text "2026"/],
    ["no year", ["LeakSavings", "", 10, "", ""], "actual-year-invalid", "C3", /holds nothing/],
    ["an actual that is text", ["LeakSavings", 1, "lots", "", ""], "actual-not-number", "D3", /enter a number/],
    ["an actual stored as text", ["LeakSavings", 1, "9000", "", ""], "actual-not-number", "D3", /a number stored as text/],
    ["an error in the Actual", ["LeakSavings", 1, "#REF!", "", ""], "actual-cell-error", "D3", /Actual cell holds the error #REF!/],
    ["an error in the Date", ["LeakSavings", 1, 10, "", "#N/A"], "actual-cell-error", "F3", /Date cell holds the error #N\/A/],
    ["an error in the Element", ["#NAME?", 1, 10, "", ""], "actual-cell-error", "B3", /Element cell holds the error #NAME\?/],
  ])("%s is an error at its cell, and nothing is built", (_what, row, code, cell, message) => {
    const analysis = analyze([row as Row]);
    expect(analysis.ok).toBe(false);
    const problem = single(analysis, code);
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Actuals", cell: A(cell) });
    expect(problem.message).toMatch(message);
  });

  test("the same element and year twice is an error at the second row's Year, naming the first row", () => {
    const analysis = analyze([
      ["LeakSavings", 1, 9000, "", ""],
      ["Crew time", 1, 0, "", ""],
      ["leak savings", 1, 500, "", ""],
    ]);
    const problem = single(analysis, "actual-repeated");
    expect(problem.cell).toEqual(A("C5"));
    expect(describeProblem(problem)).toBe(
      'Error in sheet "Results", row 5, column C (CVM_Actuals): The element "LeakSavings" already has an actual for year 1 (row 3); keep one row per element and year, adding the amounts up if both count.',
    );
  });

  test("a year beyond the horizon is a warning at its Year, and the row is not compared", () => {
    const analysis = analyze([
      ["LeakSavings", 1, 9000, "", ""],
      ["LeakSavings", 4, 20000, "", ""],
    ]);
    expect(analysis.ok).toBe(true);
    expect(single(analysis, "actual-beyond-horizon")).toMatchObject({ severity: "warning", cell: A("C4") });
    expect(analysis.ok && analysis.model.actuals?.map((a) => a.year)).toEqual([1]);
  });

  test("a date that is text is a warning, and the row is compared without its date; an empty Actual is a warning and the row waits", () => {
    const analysis = analyze([
      ["LeakSavings", 1, 9000, "FY2026", "end of March"],
      ["LeakSavings", 2, "", "FY2027", ""],
    ]);
    expect(codes(analysis).sort()).toEqual(["actual-date-not-date", "actual-value-missing"]);
    expect(single(analysis, "actual-date-not-date")).toMatchObject({ severity: "warning", cell: A("F3") });
    expect(single(analysis, "actual-value-missing")).toMatchObject({ severity: "warning", cell: A("D4") });
    expect(analysis.ok && analysis.model.actuals).toEqual([
      { element: 0, year: 1, actual: 9000, source: "FY2026", actualCell: A("D3"), elementCell: A("B3"), yearCell: A("C3") },
    ]);
  });

  test("a range without a Year column is refused at its header; Source and Date may be left out", () => {
    const missing = analyze([["LeakSavings", 9000]], ["Element", "Actual"]);
    expect(single(missing, "column-missing")).toMatchObject({ range: "CVM_Actuals", cell: A("B2") });
    expect(single(missing, "column-missing").message).toMatch(/no "Year" column/);
    const lean = analyze([[1, "LeakSavings", 9000]], ["Year", "Element", "Actual"]);
    expect(lean.ok && lean.model.actuals).toEqual([
      { element: 0, year: 1, actual: 9000, source: "", actualCell: A("D3"), elementCell: A("C3"), yearCell: A("B3") },
    ]);
  });

  test("an element refused in CVM_Elements is not also reported as unknown in CVM_Actuals", () => {
    const input = workbook(
      { elements: [...ELEMENTS, element({ element: "Broken", formula: "Miles*", id: "Broken", stakeholder: "CFO" })] },
      { variables: VARIABLES, elements: ELEMENTS, settings: SETTINGS },
    );
    const analysis = analyzeWorkbook({ ...input, actuals: range("Results", "B2", [HEADER, ["Broken", 1, 10, "", ""]]) });
    expect(codes(analysis)).toEqual(["element-formula-syntax"]);
  });

  test("the sample's two years of actuals read without a problem against the sample model", () => {
    const toRange = (sheet: string, rows: readonly (readonly unknown[])[]) => range(sheet, "A1", rows as Row[]);
    const analysis = analyzeWorkbook({
      variables: toRange("Variables", PIPELINE_SAMPLE.variables),
      elements: toRange("Elements", PIPELINE_SAMPLE.elements),
      settings: toRange("Settings", PIPELINE_SAMPLE.settings!),
      actuals: toRange("Actuals", PIPELINE_ACTUALS),
    });
    expect(analysis.problems).toEqual([]);
    expect(analysis.ok && analysis.model.actuals).toHaveLength(PIPELINE_ACTUALS.length - 1);
    expect(analysis.ok && [...new Set(analysis.model.actuals!.map((a) => a.year))]).toEqual([1, 2]);
  });
});

describe("realization by year", () => {
  test("each measured element-year against the ramped estimate of that year; each year over what was measured in it; to date", () => {
    const analysis = analyze([
      ["LeakSavings", 2, 21000, "", ""],
      ["Crew time", 1, 400, "", ""],
      ["LeakSavings", 1, 9000, "", ""],
      ["Crew time", 2, 2400, "", ""],
    ]);
    if (!analysis.ok) throw new Error(JSON.stringify(analysis.problems));
    const r = realizationByYear(analysis.model, analysis.results)!;
    // By year, then by the element's place: Leak savings y1 (10000), Crew time y1 (0), Leak savings y2 (20000), Crew time y2 (3000).
    expect(r.measured.map((m) => [m.measured.element, m.measured.year, m.estimated, m.measured.actual])).toEqual([
      [0, 1, 10000, 9000],
      [1, 1, 0, 400],
      [0, 2, 20000, 21000],
      [1, 2, 3000, 2400],
    ]);
    // A share of an estimate of 0 has no meaning.
    expect(r.measured.map((m) => m.share)).toEqual([0.9, undefined, 21000 / 20000, 0.8]);
    // Year 1: 10000 against 9400; year 2: 23000 against 23400. To date: 33000 against 32800.
    expect(r.years).toEqual([
      { year: 1, estimated: 10000, actual: 9400, share: 0.94, estimatedToDate: 10000, actualToDate: 9400, shareToDate: 0.94 },
      {
        year: 2,
        estimated: 23000,
        actual: 23400,
        share: 23400 / 23000,
        estimatedToDate: 33000,
        actualToDate: 32800,
        shareToDate: 32800 / 33000,
      },
    ]);
    expect([r.estimatedToDate, r.realizedToDate]).toEqual([33000, 32800]);
  });

  test("a year with nothing estimated has no share; none without actuals", () => {
    const analysis = analyze([["Crew time", 1, 400, "", ""]]);
    if (!analysis.ok) throw new Error("model errors");
    expect(realizationByYear(analysis.model, analysis.results)!.years[0]!.share).toBeUndefined();
    const none = analyze(null);
    if (!none.ok) throw new Error("model errors");
    expect(realizationByYear(none.model, none.results)).toBeUndefined();
  });
});

describe("a Customer column: a ledger of several customers' results", () => {
  const CUSTOMER_HEADER: Row = [...HEADER, "Customer"];
  const forCustomer = (customer: string, actuals: readonly Row[]) =>
    analyzeWorkbook({
      ...workbook({}, { variables: VARIABLES, elements: ELEMENTS, settings: [...SETTINGS, ["Customer", customer]] }),
      actuals: range("Results", "B2", [CUSTOMER_HEADER, ...actuals]),
    });
  const LEDGER: Row[] = [
    ["LeakSavings", 1, 9000, "Northwind work orders", "", " northwind "],
    ["LeakSavings", 1, 7000, "Acme work orders", "", "Acme"],
    // Another customer's row with a problem of its own: not this workbook's to report.
    ["Pumps", 9, "lots", "Acme", "", "acme"],
    ["Crew time", 2, 2500, "Timesheets", "", ""],
    ["LeakSavings", 2, 6000, "Contoso", "", "Contoso"],
  ];

  test("the rows naming the workbook's customer (trimmed, ignoring case) and the rows naming nobody are compared", () => {
    const analysis = forCustomer("Northwind", LEDGER);
    if (!analysis.ok) throw new Error(JSON.stringify(analysis.problems));
    expect(analysis.model.actuals!.map((a) => [a.element, a.year, a.actual])).toEqual([
      [0, 1, 9000],
      [1, 2, 2500],
    ]);
  });

  test("the other customers' rows are one warning, at the first one's Customer cell, naming them", () => {
    const analysis = forCustomer("Northwind", LEDGER);
    expect(analysis.problems.map(describeProblem)).toEqual([
      'Warning in sheet "Results", row 4, column G (CVM_Actuals): CVM_Actuals holds 3 results of Acme, Contoso, not of Northwind: they are not compared. Delete those rows (or keep them in another workbook) before you send this workbook to its customer.',
    ]);
  });

  test("each customer's workbook compares its own rows: the same ledger, switched to Acme, refuses Acme's broken row", () => {
    const analysis = forCustomer("ACME", LEDGER);
    expect(analysis.ok).toBe(false);
    expect(codes(analysis)).toEqual(expect.arrayContaining(["actual-element-unknown", "actual-not-number", "actual-other-customer"]));
    const fixed = forCustomer(
      "ACME",
      LEDGER.filter((row) => row[0] !== "Pumps"),
    );
    if (!fixed.ok) throw new Error(JSON.stringify(fixed.problems));
    expect(fixed.model.actuals!.map((a) => [a.element, a.year, a.actual])).toEqual([
      [0, 1, 7000],
      [1, 2, 2500],
    ]);
  });

  test("a workbook that names no customer compares only the rows naming nobody; an error value in Customer is refused at its cell", () => {
    const unnamed = forCustomer(
      "",
      LEDGER.filter((row) => row[0] !== "Pumps"),
    );
    expect(unnamed.ok && unnamed.model.actuals!.map((a) => a.actual)).toEqual([2500]);
    expect(unnamed.problems[0]!.message).toMatch(
      /^CVM_Actuals holds 3 results of northwind, Acme, Contoso, not of this workbook, whose Customer setting is empty:/,
    );
    const broken = forCustomer("Northwind", [["LeakSavings", 1, 9000, "", "", "#N/A"]]);
    expect(broken.problems.map(describeProblem)).toEqual([
      'Error in sheet "Results", row 3, column G (CVM_Actuals): This Customer cell holds the error #N/A; fix it, or the cells its formula refers to.',
    ]);
  });
});

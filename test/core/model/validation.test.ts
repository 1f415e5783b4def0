import { analyzeWorkbook, type Analysis } from "../../../src/core/model/analyze";
import { describeProblem } from "../../../src/core/problems";
import type { CellValue } from "../../../src/core/workbook/cells";
import {
  at,
  codes,
  element,
  ELEMENTS_SHEET,
  range,
  type Row,
  SETTINGS_SHEET,
  single,
  variable,
  VARIABLES_SHEET,
  withCode,
  workbook as build,
  type WorkbookParts,
} from "./helpers";

// A small valid model. Locations used below:
//   CVM_Variables at Inputs!B3:H6        Miles B4/C4, LeakRate B5/C5, CostPerLeak B6/C6 (Low G, High H)
//   CVM_Elements  at 'Value Model'!A1:I3 Leak savings row 2, Crew time row 3 (A Element, B Formula, C Id,
//                                        D Stakeholder, E Category, F Confidence, G Ramp, H Assumptions, I Actual)
//   CVM_Settings  at Settings!D2:E7      Customer row 3, Years row 4, DiscountRate row 5, Investment row 6, AnnualCost row 7
const VARIABLES: Row[] = [
  variable("Miles", 120, { unit: "mi", low: 100, high: 150 }),
  variable("LeakRate", 0.15, { unit: "%" }),
  variable("CostPerLeak", 2000, { unit: "USD" }),
];
const ELEMENTS: Row[] = [
  element({
    element: "Leak savings",
    formula: "Miles*LeakRate*CostPerLeak",
    id: "LeakSavings",
    stakeholder: "CFO",
    confidence: "green",
    ramp: "50%,100%",
  }),
  element({ element: "Crew time", formula: "Miles*10", id: "CrewTime", stakeholder: "Operations", confidence: "gray" }),
];
const SETTINGS: Row[] = [
  ["Customer", "Acme Pipelines"],
  ["Years", 3],
  ["DiscountRate", 0.1],
  ["Investment", 10000],
  ["AnnualCost", 1000],
];

const V = (a1: string) => at(VARIABLES_SHEET, a1);
const E = (a1: string) => at(ELEMENTS_SHEET, a1);
const S = (a1: string) => at(SETTINGS_SHEET, a1);

function analyze(parts: WorkbookParts = {}): Analysis {
  return analyzeWorkbook(build(parts, { variables: VARIABLES, elements: ELEMENTS, settings: SETTINGS }));
}

/** The base variables with row `index` (0-based) replaced. */
function variablesWith(index: number, row: Row): Row[] {
  return VARIABLES.map((r, i) => (i === index ? row : r));
}

/** The base elements with row `index` (0-based) replaced. */
function elementsWith(index: number, row: Row): Row[] {
  return ELEMENTS.map((r, i) => (i === index ? row : r));
}

function settingsWith(name: string, value: CellValue): Row[] {
  return SETTINGS.map((r) => (r[0] === name ? [name, value] : r));
}

describe("the base model", () => {
  it("is valid, without a single problem", () => {
    const analysis = analyze();
    expect(analysis.problems).toEqual([]);
    expect(analysis.ok).toBe(true);
  });

  it("reads every range where the addresses say", () => {
    const analysis = analyze();
    if (!analysis.ok) throw new Error("base model must be valid");
    const [miles] = analysis.model.variables;
    expect(miles).toMatchObject({
      name: "Miles",
      value: 120,
      unit: "mi",
      range: { low: 100, high: 150 },
      nameCell: V("B4"),
      valueCell: V("C4"),
    });
    const [leak] = analysis.model.elements;
    expect(leak).toMatchObject({
      element: "Leak savings",
      id: "LeakSavings",
      confidence: "green",
      ramp: [0.5, 1],
      formulaCell: E("B2"),
      nameCell: E("A2"),
      idCell: E("C2"),
    });
    expect(analysis.model.settings).toMatchObject({
      customer: "Acme Pipelines",
      years: 3,
      discountRate: 0.1,
      investment: 10000,
      annualCost: 1000,
      currency: "USD",
    });
    expect(analysis.model.settings.cells.years).toEqual(S("E4"));
  });
});

describe("missing and unreadable ranges", () => {
  it("CVM_Variables missing is an error on the range, without a cell", () => {
    const analysis = analyze({ variables: null });
    expect(analysis.ok).toBe(false);
    const problem = single(analysis, "range-missing");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Variables" });
    expect(problem.cell).toBeUndefined();
    expect(problem.message).toContain("CVM_Variables");
  });

  it("CVM_Elements missing is an error on the range", () => {
    const analysis = analyze({ elements: null });
    expect(analysis.ok).toBe(false);
    expect(single(analysis, "range-missing")).toMatchObject({ severity: "error", range: "CVM_Elements" });
  });

  it("CVM_Settings missing is only a warning, and the defaults apply", () => {
    const analysis = analyze({ settings: null });
    expect(analysis.problems).toHaveLength(1);
    const problem = single(analysis, "range-missing");
    expect(problem).toMatchObject({ severity: "warning", range: "CVM_Settings" });
    expect(problem.cell).toBeUndefined();
    if (!analysis.ok) throw new Error("a workbook without settings is still computed");
    expect(analysis.model.settings).toEqual({
      customer: "",
      offering: "",
      currency: "USD",
      years: 3,
      discountRate: 0.1,
      investment: 0,
      annualCost: 0,
      // No next-best alternative named: the defaults, which leave every result as it was.
      alternative: "current practice",
      alternativeInvestment: 0,
      alternativeAnnualCost: 0,
      cells: {},
    });
    // Defaults: 3 years, no price. Leak savings 120*0.15*2000 = 36000 (ramp 50%,100%); Crew time 120*10 = 1200.
    // Year 1: 36000*50% + 1200 = 19200; years 2 and 3: 36000 + 1200 = 37200.
    expect(analysis.results.benefitByYear).toEqual([19200, 37200, 37200]);
    expect(analysis.results.cashFlow.map((x) => x + 0)).toEqual([0, 19200, 37200, 37200]);
  });

  it.each([
    ["#REF!", /#REF!/],
    ["Inputs!#REF!", /#REF!/],
    ["Inputs!B:H", /not a range of cells/],
    ["nonsense", /not a range of cells/],
  ])("a range at %s is an error without a cell (range-invalid)", (address, message) => {
    const input = build({}, { variables: VARIABLES, elements: ELEMENTS, settings: SETTINGS });
    const analysis = analyzeWorkbook({ ...input, variables: { address, values: input.variables!.values } });
    const problem = single(analysis, "range-invalid");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Variables" });
    expect(problem.cell).toBeUndefined();
    expect(problem.message).toMatch(message);
    expect(analysis.ok).toBe(false);
  });

  it("a settings range at #REF! is an error too (a broken range is not a missing one)", () => {
    const input = build({}, { variables: VARIABLES, elements: ELEMENTS, settings: SETTINGS });
    const analysis = analyzeWorkbook({ ...input, settings: { address: "#REF!", values: [] } });
    expect(single(analysis, "range-invalid")).toMatchObject({ severity: "error", range: "CVM_Settings" });
  });
});

describe("header row", () => {
  it("a range without any rows has no header: error at its top-left cell", () => {
    const analysis = analyzeWorkbook({
      ...build({}, { variables: VARIABLES, elements: ELEMENTS, settings: SETTINGS }),
      variables: { address: "Inputs!B3:H6", values: [] },
    });
    expect(single(analysis, "range-no-header")).toMatchObject({ severity: "error", range: "CVM_Variables", cell: V("B3") });
  });

  it("a blank first row is no header: error at the range's top-left cell", () => {
    const analysis = analyze({ elementHeader: ["", null, "  ", "", "", "", "", "", ""] });
    const problem = single(analysis, "range-no-header");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Elements", cell: E("A1") });
    expect(problem.message).toContain("Element, Formula");
  });

  it.each([
    ["Value", ["Name", "Unit", "Source", "Notes", "Low", "High"]],
    ["Name", ["Nmae", "Value", "Unit", "Source", "Notes", "Low", "High"]],
  ])("CVM_Variables without a %s column: error at the header's first cell", (missing, header) => {
    const analysis = analyze({ variableHeader: header, variables: [["Miles", 120]] });
    const problem = single(analysis, "column-missing");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Variables", cell: V("B3") });
    expect(problem.message).toContain(`"${missing}"`);
  });

  it("a header typo in CVM_Variables is one problem, not also an unknown name for every formula that uses a variable", () => {
    const analysis = analyze({
      variableHeader: ["Nmae", "Value"],
      variables: [["Miles", 120]],
      elements: [["Repairs", "Miles*2", "", "CFO"]],
    });
    expect(codes(analysis)).toEqual(["column-missing"]);
  });

  it("CVM_Elements without a Formula column: error at the header's first cell, rows not read", () => {
    const analysis = analyze({ elementHeader: ["Element", "Id", "Stakeholder"], elements: [["Leak savings", "not an id!", "CFO"]] });
    const problem = single(analysis, "column-missing");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Elements", cell: E("A1") });
    expect(problem.message).toContain('"Formula"');
    // The rows of a range without its required columns are not validated (no element-id-illegal).
    expect(codes(analysis)).toEqual(["column-missing"]);
  });

  it("CVM_Settings without a Value column: error at D2", () => {
    const analysis = analyze({ settingHeader: ["Setting", "Amount"] });
    expect(single(analysis, "column-missing")).toMatchObject({ severity: "error", range: "CVM_Settings", cell: S("D2") });
  });

  it("a repeated column header is an error at the second occurrence; the first is the one read", () => {
    const analysis = analyze({
      variableHeader: ["Name", "Value", "Unit", "value"],
      variables: [
        ["Miles", 120, "mi", 999],
        ["LeakRate", 0.15, "", 0],
        ["CostPerLeak", 2000, "", 0],
      ],
    });
    // Header at B3: Name B, Value C, Unit D, the second "value" E.
    expect(single(analysis, "column-repeated")).toMatchObject({ severity: "error", range: "CVM_Variables", cell: V("E3") });
  });

  it("matches headers case-insensitively, with surrounding spaces, in any order, ignoring unknown columns", () => {
    // B: notes, C: Comment (unknown), D: VALUE, E: name
    const analysis = analyze({
      variableHeader: ["  notes ", "Comment", " VALUE", "name  "],
      variables: [
        ["measured", "ignored text", 120, "Miles"],
        ["", 42, 0.15, "LeakRate"],
        ["", "", 2000, "CostPerLeak"],
      ],
    });
    expect(analysis.problems).toEqual([]);
    if (!analysis.ok) throw new Error("headers should match");
    expect(analysis.model.variables.map((v) => [v.name, v.value, v.notes])).toEqual([
      ["Miles", 120, "measured"],
      ["LeakRate", 0.15, ""],
      ["CostPerLeak", 2000, ""],
    ]);
    expect(analysis.model.variables[0]).toMatchObject({ nameCell: V("E4"), valueCell: V("D4") });
  });

  it("matches the elements' headers in any order too, and locates problems by the real column", () => {
    // A: Ramp, B: FORMULA, C: element, D: stakeholder, E: Confidence
    const analysis = analyze({
      elementHeader: ["Ramp", "FORMULA", " element ", "stakeholder", "Confidence"],
      elements: [["50%", "Miles*2", "Doubled", "CFO", "red"]],
    });
    expect(single(analysis, "element-confidence-unknown").cell).toEqual(E("E2"));
  });
});

describe("empty rows", () => {
  it("fully empty rows are skipped, and later rows keep their real row numbers", () => {
    const analysis = analyze({
      variables: [
        VARIABLES[0]!, // row 4
        ["", "", "", "", "", "", ""], // row 5: empty text
        [null, null, null, null, null, null, null], // row 6: null, as other readers give it
        ["  ", " ", "", "", "", "", ""], // row 7: only spaces
        variable("Bad Name", 1), // row 8
        VARIABLES[1]!, // row 9
        VARIABLES[2]!, // row 10
      ],
    });
    expect(codes(analysis)).toEqual(["variable-name-illegal"]);
    expect(single(analysis, "variable-name-illegal").cell).toEqual(V("B8"));
  });

  it("skipped rows do not become variables or elements", () => {
    const analysis = analyze({
      variables: [VARIABLES[0]!, [], VARIABLES[1]!, VARIABLES[2]!],
      elements: [["", "", "", "", "", "", "", "", ""], ...ELEMENTS, [null]],
    });
    if (!analysis.ok) throw new Error(JSON.stringify(analysis.problems));
    expect(analysis.model.variables.map((v) => v.name)).toEqual(["Miles", "LeakRate", "CostPerLeak"]);
    expect(analysis.model.variables[2]!.nameCell).toEqual(V("B7"));
    expect(analysis.model.elements.map((e) => e.element)).toEqual(["Leak savings", "Crew time"]);
    expect(analysis.model.elements[0]!.formulaCell).toEqual(E("B3"));
  });
});

describe("variable names", () => {
  it("a variable without a name is an error at its Name cell", () => {
    const analysis = analyze({ variables: [...VARIABLES, variable("", 5, { unit: "h" })] });
    expect(single(analysis, "variable-name-missing")).toMatchObject({ severity: "error", range: "CVM_Variables", cell: V("B7") });
  });

  it.each<[CellValue, RegExp]>([
    ["Q1", /cell reference/],
    ["A1", /cell reference/],
    ["XFD1048576", /cell reference/],
    ["R1C1", /cell reference/],
    ["R", /cell reference/],
    ["C", /cell reference/],
    ["c12", /cell reference/],
    ["TRUE", /logical value/],
    ["false", /logical value/],
    [true, /logical value/], // a cell holding TRUE arrives as a boolean
    ["Leak Rate", /contains a space/],
    ["2ndShift", /starts with a digit/],
    [2024, /starts with a digit/],
    [".rate", /starts with a digit or a dot/],
    ["Cost-Per-Leak", /character Excel does not allow/],
    ["a".repeat(256), /255-character/],
    ["CVM_NPV", /uses for its own results/],
    ["cvm_totalannualvalue", /uses for its own results/],
    ["CVM_Variables", /uses for its own results/],
  ])("the name %p is refused at its Name cell", (name, why) => {
    const analysis = analyze({ variables: [VARIABLES[0]!, variable(name, 7), VARIABLES[1]!, VARIABLES[2]!] });
    const problem = single(analysis, "variable-name-illegal");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Variables", cell: V("B5") });
    expect(problem.message).toMatch(why);
    expect(analysis.ok).toBe(false);
  });

  it.each(["Q1_value", "XFE1", "A0", "ABCD1", "_rate", "Rate.2024", "Größe", "a".repeat(255), "TRUEish", "RC_Cost"])(
    "the name %p is accepted",
    (name) => {
      const analysis = analyze({ variables: [...VARIABLES, variable(name, 7)] });
      expect(analysis.problems).toEqual([]);
    },
  );

  it("variable names are unique ignoring case: error at the second name", () => {
    const analysis = analyze({ variables: [...VARIABLES, variable("MILES", 5)] });
    const problem = single(analysis, "name-duplicate");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Variables", cell: V("B7") });
    expect(problem.message).toContain("Miles");
  });

  it("an element id may not repeat a variable name (ignoring case): error at the id cell", () => {
    const analysis = analyze({
      elements: elementsWith(1, element({ element: "Crew time", formula: "Miles*10", id: "leakrate", stakeholder: "Ops" })),
    });
    expect(single(analysis, "name-duplicate")).toMatchObject({ severity: "error", range: "CVM_Elements", cell: E("C3") });
  });

  it("element ids are unique ignoring case: error at the second id", () => {
    const analysis = analyze({
      elements: elementsWith(1, element({ element: "Crew time", formula: "Miles*10", id: "LEAKSAVINGS", stakeholder: "Ops" })),
    });
    expect(single(analysis, "name-duplicate")).toMatchObject({ range: "CVM_Elements", cell: E("C3") });
  });
});

describe("variable values", () => {
  it.each<[string, CellValue, RegExp]>([
    ["text", "abc", /the text "abc"; enter a number/],
    ["a number stored as text", "1200", /number stored as text/],
    ["a percentage stored as text", "15%", /number stored as text/],
    ["empty", "", /is empty/],
    ["only spaces", "   ", /is empty/],
    ["a boolean", true, /the logical value TRUE/],
    ["an error cell", "#REF!", /the error #REF!/],
    ["a #DIV/0! cell", "#DIV/0!", /the error #DIV\/0!/],
  ])("a value that is %s is an error at its Value cell", (_what, value, why) => {
    const analysis = analyze({ variables: variablesWith(2, variable("CostPerLeak", value)) });
    const problem = single(analysis, "variable-value-not-number");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Variables", cell: V("C6") });
    expect(problem.message).toMatch(why);
    expect(problem.message).toContain("CostPerLeak");
  });

  it("a variable with a bad value is not also reported as an unknown name where a formula uses it", () => {
    const analysis = analyze({ variables: variablesWith(0, variable("Miles", "lots")) });
    expect(codes(analysis)).toEqual(["variable-value-not-number"]);
    expect(analysis.ok).toBe(false);
  });

  it("percentages arrive as fractions (15% is 0.15) and are used as such", () => {
    const analysis = analyze({
      elements: [
        element({ element: "Leak savings", formula: "Miles*LeakRate*CostPerLeak", stakeholder: "CFO" }),
        element({ element: "Literal", formula: "Miles*15%*CostPerLeak", stakeholder: "CFO" }),
      ],
    });
    if (!analysis.ok) throw new Error(JSON.stringify(analysis.problems));
    expect(analysis.model.variables[1]!.value).toBe(0.15);
    // 120 * 0.15 * 2000 = 36000, both ways.
    expect(analysis.results.elements.map((e) => e.annualValue)).toEqual([36000, 36000]);
  });

  it("Low greater than High is an error at the Low cell", () => {
    const analysis = analyze({ variables: variablesWith(0, variable("Miles", 120, { low: 150, high: 100 })) });
    const problem = single(analysis, "variable-range-reversed");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Variables", cell: V("G4") });
    expect(problem.message).toContain("150");
  });

  it("only a Low is a warning at the (empty) High cell; the model is still computed", () => {
    const analysis = analyze({ variables: variablesWith(0, variable("Miles", 120, { low: 100 })) });
    expect(analysis.problems).toHaveLength(1);
    expect(single(analysis, "variable-range-half")).toMatchObject({ severity: "warning", cell: V("H4") });
    expect(analysis.ok).toBe(true);
    if (analysis.ok) expect(analysis.model.variables[0]!.range).toBeUndefined();
  });

  it("only a High is a warning at the (empty) Low cell", () => {
    const analysis = analyze({ variables: variablesWith(0, variable("Miles", 120, { high: 150 })) });
    expect(single(analysis, "variable-range-half")).toMatchObject({ severity: "warning", cell: V("G4") });
    expect(analysis.ok).toBe(true);
  });

  it.each([
    ["below", 90],
    ["above", 151],
  ])("a value %s Low..High is a warning at the Value cell, and the range is kept", (_where, value) => {
    const analysis = analyze({ variables: variablesWith(0, variable("Miles", value, { low: 100, high: 150 })) });
    expect(analysis.problems).toHaveLength(1);
    expect(single(analysis, "variable-outside-range")).toMatchObject({ severity: "warning", range: "CVM_Variables", cell: V("C4") });
    if (!analysis.ok) throw new Error("a warning does not stop the model");
    expect(analysis.model.variables[0]!.range).toEqual({ low: 100, high: 150, lowCell: V("G4"), highCell: V("H4") });
  });

  it("the outside-range warning says, in a sales engineer's words and figures, what is wrong and what to do", () => {
    const analysis = analyze({ variables: variablesWith(0, variable("PipelineMiles", 2300, { low: 800, high: 1600 })) });
    expect(single(analysis, "variable-outside-range").message).toBe(
      "PipelineMiles is 2,300, outside its range 800 to 1,600 (Low to High): the conservative and optimistic cases would not bracket it; update Low and High for this customer.",
    );
  });

  it("values on the bounds are inside the range", () => {
    const analysis = analyze({ variables: variablesWith(0, variable("Miles", 100, { low: 100, high: 100 })) });
    expect(analysis.problems).toEqual([]);
  });

  it("a Low or High that is not a number is an error at that cell", () => {
    const analysis = analyze({ variables: variablesWith(0, variable("Miles", 120, { low: "about 100", high: "#N/A" })) });
    expect(single(analysis, "variable-low-not-number").cell).toEqual(V("G4"));
    expect(single(analysis, "variable-high-not-number").cell).toEqual(V("H4"));
  });
});

describe("elements", () => {
  it("an element without a name is an error at its Element cell", () => {
    const analysis = analyze({ elements: elementsWith(1, element({ element: "", formula: "Miles*10", stakeholder: "Ops" })) });
    expect(single(analysis, "element-name-missing")).toMatchObject({ severity: "error", range: "CVM_Elements", cell: E("A3") });
  });

  it("an element without a formula is an error at its Formula cell", () => {
    const analysis = analyze({ elements: elementsWith(1, element({ element: "Crew time", formula: " ", stakeholder: "Ops" })) });
    const problem = single(analysis, "element-formula-missing");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Elements", cell: E("B3") });
    expect(problem.message).toContain('"Crew time"');
  });

  it.each(["Miles*", "(Miles*2", "Miles 2", "Miles*2)", "=", "SUM(Miles,,)"])(
    "the formula %p is a syntax error at its Formula cell",
    (formula) => {
      const analysis = analyze({ elements: elementsWith(1, element({ element: "Crew time", formula, stakeholder: "Ops" })) });
      const problem = single(analysis, "element-formula-syntax");
      expect(problem).toMatchObject({ severity: "error", range: "CVM_Elements", cell: E("B3") });
      expect(problem.message).toContain("cannot be read");
    },
  );

  it("an unknown name in a formula is an error at the Formula cell, suggesting the likely typo", () => {
    const analysis = analyze({ elements: elementsWith(1, element({ element: "Crew time", formula: "Mils*10", stakeholder: "Ops" })) });
    const problem = single(analysis, "formula-unknown-name");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Elements", cell: E("B3") });
    expect(problem.message).toContain('"Mils"');
    expect(problem.message).toContain("Did you mean Miles?");
  });

  it("suggests element ids too, in their own spelling", () => {
    const analysis = analyze({
      elements: elementsWith(1, element({ element: "Crew time", formula: "leaksavigns/2", stakeholder: "Ops" })),
    });
    expect(single(analysis, "formula-unknown-name").message).toContain("Did you mean LeakSavings?");
  });

  it("an unknown name far from every known name gets no suggestion; each name is reported once", () => {
    const analysis = analyze({
      elements: elementsWith(1, element({ element: "Crew time", formula: "Zzyzx*2+zzyzx", stakeholder: "Ops" })),
    });
    const problem = single(analysis, "formula-unknown-name");
    expect(problem.message).not.toContain("Did you mean");
    expect(problem.message).toContain("Add it to CVM_Variables");
  });

  it("names in formulas are case-insensitive", () => {
    const analysis = analyze({
      elements: elementsWith(1, element({ element: "Crew time", formula: "MILES*10+leaksavings*0", stakeholder: "Ops" })),
    });
    expect(analysis.problems).toEqual([]);
  });

  it("an unknown function is an error at the Formula cell", () => {
    const analysis = analyze({
      elements: elementsWith(1, element({ element: "Crew time", formula: "VLOOKUP(Miles,2,3)", stakeholder: "Ops" })),
    });
    const problem = single(analysis, "formula-unknown-function");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Elements", cell: E("B3") });
    expect(problem.message).toContain("VLOOKUP");
  });

  it.each([
    ["ROUND(Miles)", /ROUND is given 1 argument but takes 2 arguments/],
    ["SQRT(Miles,2)", /SQRT is given 2 arguments but takes 1 argument/],
    ["IF(Miles>1)", /IF is given 1 argument but takes 2 or 3 arguments/],
    ["Miles*SUM()", /SUM is given 0 arguments but takes at least 1 argument/],
  ])("%p has the wrong number of arguments: error at the Formula cell", (formula, why) => {
    const analysis = analyze({ elements: elementsWith(1, element({ element: "Crew time", formula, stakeholder: "Ops" })) });
    const problem = single(analysis, "formula-argument-count");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Elements", cell: E("B3") });
    expect(problem.message).toMatch(why);
  });

  it("a cycle between two elements is one error at the first one's formula, naming the cycle", () => {
    const analysis = analyze({
      elements: [
        element({ element: "Alpha value", formula: "Beta+1", id: "Alpha", stakeholder: "CFO" }),
        element({ element: "Beta value", formula: "alpha*2", id: "Beta", stakeholder: "CFO" }),
        element({ element: "Bystander", formula: "Miles", id: "Gamma", stakeholder: "CFO" }),
      ],
    });
    const problem = single(analysis, "element-cycle");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Elements", cell: E("B2") });
    expect(problem.message).toContain("Alpha → Beta → Alpha");
    expect(analysis.ok).toBe(false);
  });

  it("a cycle is named from where it is entered, whatever the row order", () => {
    const analysis = analyze({
      elements: [
        element({ element: "Start", formula: "Second", id: "First", stakeholder: "CFO" }),
        element({ element: "Loop a", formula: "Third*2", id: "Second", stakeholder: "CFO" }),
        element({ element: "Loop b", formula: "Second/2", id: "Third", stakeholder: "CFO" }),
      ],
    });
    const problem = single(analysis, "element-cycle");
    // First is not in the cycle; the cycle is Second → Third → Second, reported at Second's formula.
    expect(problem.message).toContain("Second → Third → Second");
    expect(problem.message).not.toContain("First");
    expect(problem.cell).toEqual(E("B3"));
  });

  it("an element that uses itself is a cycle", () => {
    const analysis = analyze({
      elements: [...ELEMENTS, element({ element: "Self", formula: "SelfRef+Miles", id: "SelfRef", stakeholder: "CFO" })],
    });
    const problem = single(analysis, "element-cycle");
    expect(problem).toMatchObject({ severity: "error", cell: E("B4") });
    expect(problem.message).toContain("SelfRef → SelfRef");
  });

  it("an illegal element id is an error at the Id cell", () => {
    const analysis = analyze({
      elements: elementsWith(1, element({ element: "Crew time", formula: "Miles*10", id: "Crew time", stakeholder: "Ops" })),
    });
    expect(single(analysis, "element-id-illegal")).toMatchObject({ severity: "error", range: "CVM_Elements", cell: E("C3") });
  });

  it("a formula using the id of an element left out for another problem is not an unknown name", () => {
    const analysis = analyze({
      elements: [
        element({ element: "Leak savings", formula: "Miles*LeakRate*CostPerLeak", id: "LeakSavings", stakeholder: "CFO", ramp: "abc" }),
        element({ element: "Half", formula: "LeakSavings/2", stakeholder: "CFO" }),
      ],
    });
    expect(codes(analysis)).toEqual(["element-ramp-invalid"]);
  });

  it("an element without a stakeholder is a warning at the Stakeholder cell", () => {
    const analysis = analyze({ elements: elementsWith(1, element({ element: "Crew time", formula: "Miles*10" })) });
    expect(analysis.problems).toHaveLength(1);
    expect(single(analysis, "element-stakeholder-missing")).toMatchObject({ severity: "warning", cell: E("D3") });
    expect(analysis.ok).toBe(true);
  });
});

describe("confidence", () => {
  it.each<[CellValue, "green" | "gray"]>([
    ["green", "green"],
    [" GREEN ", "green"],
    ["gray", "gray"],
    ["grey", "gray"],
    ["Grey", "gray"],
    ["", "gray"],
    [null, "gray"],
  ])("%p reads as %s", (confidence, expected) => {
    const analysis = analyze({
      elements: elementsWith(1, element({ element: "Crew time", formula: "Miles*10", stakeholder: "Ops", confidence })),
    });
    if (!analysis.ok) throw new Error(JSON.stringify(analysis.problems));
    expect(analysis.model.elements[1]!.confidence).toBe(expected);
  });

  it.each(["red", "hard", "greenish", "TRUE"])("%p is an error at the Confidence cell", (confidence) => {
    const analysis = analyze({
      elements: elementsWith(1, element({ element: "Crew time", formula: "Miles*10", stakeholder: "Ops", confidence })),
    });
    const problem = single(analysis, "element-confidence-unknown");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Elements", cell: E("F3") });
    expect(problem.message).toContain(confidence);
  });
});

describe("ramps", () => {
  it.each<[CellValue, number[]]>([
    ["40%,80%,100%", [0.4, 0.8, 1]],
    [" 40% , 80% ,100% ", [0.4, 0.8, 1]],
    ["0.25, 0.5, 1", [0.25, 0.5, 1]],
    ["50%;100%", [0.5, 1]],
    ["", [1]],
    [null, [1]],
    [1, [1]], // a single 100% cell formatted as a percentage arrives as the number 1
    [0.4, [0.4]],
    ["0%", [0]],
  ])("%p reads as %p", (ramp, expected) => {
    const analysis = analyze({
      elements: elementsWith(1, element({ element: "Crew time", formula: "Miles*10", stakeholder: "Ops", ramp })),
    });
    if (!analysis.ok) throw new Error(JSON.stringify(analysis.problems));
    const read = analysis.model.elements[1]!.ramp;
    expect(read).toHaveLength(expected.length);
    read.forEach((r, i) => expect(r).toBeCloseTo(expected[i]!, 12));
  });

  it.each<[CellValue, RegExp]>([
    ["40", /more than 1: write 40% for a percentage/],
    ["abc", /"abc" is not a percentage or a fraction/],
    ["120%", /outside 0% to 100%/],
    ["-10%", /outside 0% to 100%/],
    ["40%,,80%", /empty entry/],
    ["40%,80%,", /empty entry/],
    ["40 %x", /not a percentage/],
    [40, /outside 0% to 100%/], // the number 40 in a cell formatted as General
    [-0.5, /outside 0% to 100%/],
  ])("the ramp %p is an error at the Ramp cell", (ramp, why) => {
    const analysis = analyze({
      elements: elementsWith(1, element({ element: "Crew time", formula: "Miles*10", stakeholder: "Ops", ramp })),
    });
    const problem = single(analysis, "element-ramp-invalid");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Elements", cell: E("G3") });
    expect(problem.message).toMatch(why);
    expect(problem.message).toContain('"Crew time"');
  });
});

describe("actuals", () => {
  it("an Actual that is a number is kept", () => {
    const analysis = analyze({
      elements: elementsWith(1, element({ element: "Crew time", formula: "Miles*10", stakeholder: "Ops", actual: 950 })),
    });
    if (!analysis.ok) throw new Error(JSON.stringify(analysis.problems));
    expect(analysis.model.elements[1]!.actual).toBe(950);
    expect(analysis.model.elements[0]!.actual).toBeUndefined();
  });

  it.each<[CellValue, RegExp]>([
    ["about 900", /the text "about 900"/],
    ["900", /number stored as text/],
    ["#VALUE!", /the error #VALUE!/],
    [false, /logical value FALSE/],
  ])("an Actual of %p is an error at the Actual cell", (actual, why) => {
    const analysis = analyze({
      elements: elementsWith(1, element({ element: "Crew time", formula: "Miles*10", stakeholder: "Ops", actual })),
    });
    const problem = single(analysis, "element-actual-not-number");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Elements", cell: E("I3") });
    expect(problem.message).toMatch(why);
  });
});

describe("settings", () => {
  it("an unknown setting is a warning at its Setting cell and is ignored", () => {
    const analysis = analyze({ settings: [...SETTINGS, ["Colour", "blue"]] });
    expect(analysis.problems).toHaveLength(1);
    const problem = single(analysis, "setting-unknown");
    expect(problem).toMatchObject({ severity: "warning", range: "CVM_Settings", cell: S("D8") });
    expect(problem.message).toContain('"Colour"');
    expect(analysis.ok).toBe(true);
  });

  it("a repeated setting is an error at its second Setting cell, whatever its case", () => {
    const analysis = analyze({ settings: [...SETTINGS, ["years", 5]] });
    expect(single(analysis, "setting-repeated")).toMatchObject({ severity: "error", range: "CVM_Settings", cell: S("D8") });
  });

  it("setting names ignore case and spaces; values replace the defaults", () => {
    const analysis = analyze({
      settings: [
        ["customer", "Acme"],
        [" Offering ", "Leak analytics"],
        ["CURRENCY", "eur"],
        ["years", 5],
        ["Discount Rate", 0.08],
        ["investment", 250000],
        ["Annual Cost", 40000],
      ],
    });
    if (!analysis.ok) throw new Error(JSON.stringify(analysis.problems));
    expect(analysis.model.settings).toEqual({
      customer: "Acme",
      offering: "Leak analytics",
      currency: "EUR",
      years: 5,
      discountRate: 0.08,
      investment: 250000,
      annualCost: 40000,
      alternative: "current practice",
      alternativeInvestment: 0,
      alternativeAnnualCost: 0,
      cells: { customer: S("E3"), offering: S("E4"), years: S("E6"), discountRate: S("E7"), investment: S("E8"), annualCost: S("E9") },
    });
  });

  it("an empty setting value keeps the default", () => {
    const analysis = analyze({
      settings: [
        ["Years", ""],
        ["DiscountRate", null],
        ["Currency", ""],
      ],
    });
    if (!analysis.ok) throw new Error(JSON.stringify(analysis.problems));
    expect(analysis.model.settings).toMatchObject({ years: 3, discountRate: 0.1, currency: "USD", cells: {} });
  });

  it.each<[string, CellValue, string, RegExp]>([
    ["Years", 0, "setting-years-invalid", /whole number of years from 1 to 30/],
    ["Years", 31, "setting-years-invalid", /whole number of years from 1 to 30/],
    ["Years", 2.5, "setting-years-invalid", /whole number/],
    ["Years", "three", "setting-years-invalid", /the text "three"/],
    ["Years", "3", "setting-years-invalid", /number stored as text/],
    ["DiscountRate", -1, "setting-discountRate-invalid", /annual rate/],
    ["DiscountRate", "10%", "setting-discountRate-invalid", /number stored as text/],
    ["Investment", -5000, "setting-investment-invalid", /cannot be negative/],
    ["AnnualCost", -1, "setting-annualCost-invalid", /cannot be negative/],
    ["Currency", "US Dollars", "setting-currency-invalid", /"US Dollars" is not a three-letter ISO 4217 code/],
    ["Currency", "$", "setting-currency-invalid", /ISO 4217/],
  ])("%s = %p is an error at its Value cell (%s)", (name, value, code, why) => {
    const analysis = analyze({ settings: [...settingsWith(name, value), ...(name === "Currency" ? [["Currency", value]] : [])] });
    const problem = single(analysis, code);
    // Years is on row 4, DiscountRate 5, Investment 6, AnnualCost 7; Currency is appended on row 8.
    const row = { Years: 4, DiscountRate: 5, Investment: 6, AnnualCost: 7, Currency: 8 }[name];
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Settings", cell: S(`E${row}`) });
    expect(problem.message).toMatch(why);
    expect(analysis.ok).toBe(false);
  });

  it.each<[string, CellValue]>([
    ["Years", 1],
    ["Years", 30],
    ["DiscountRate", 0],
    ["DiscountRate", -0.5],
    ["Investment", 0],
    ["AnnualCost", 0],
  ])("%s = %p is accepted", (name, value) => {
    expect(analyze({ settings: settingsWith(name, value) }).problems).toEqual([]);
  });
});

describe("errors that only computing reveals", () => {
  const withZero = [...VARIABLES, variable("Zero", 0)];

  it("a formula giving #DIV/0! is an error at its Formula cell; an element using it is not reported again", () => {
    const analysis = analyze({
      variables: withZero,
      elements: [
        element({ element: "Per zero", formula: "Miles/Zero", id: "PerZero", stakeholder: "CFO" }),
        element({ element: "Uses it", formula: "PerZero*2", id: "UsesIt", stakeholder: "CFO" }),
        element({ element: "Uses that", formula: "UsesIt+1", stakeholder: "CFO" }),
      ],
    });
    expect(analysis.ok).toBe(false);
    expect(codes(analysis)).toEqual(["element-value-error"]);
    const problem = single(analysis, "element-value-error");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Elements", cell: E("B2") });
    expect(problem.message).toContain("#DIV/0!");
    expect(problem.message).toContain('"Per zero"');
  });

  it("the failing element is found whatever the row order", () => {
    const analysis = analyze({
      variables: withZero,
      elements: [
        element({ element: "Uses it", formula: "PerZero*2", stakeholder: "CFO" }),
        element({ element: "Per zero", formula: "Miles/Zero", id: "PerZero", stakeholder: "CFO" }),
      ],
    });
    expect(codes(analysis)).toEqual(["element-value-error"]);
    expect(single(analysis, "element-value-error").cell).toEqual(E("B3"));
  });

  it("each independent failure is reported", () => {
    const analysis = analyze({
      variables: withZero,
      elements: [
        element({ element: "One", formula: "1/Zero", stakeholder: "CFO" }),
        element({ element: "Two", formula: "SQRT(-Miles)", stakeholder: "CFO" }),
      ],
    });
    expect(
      withCode(analysis, "element-value-error").map((p) => [
        p.cell,
        p.message.includes("#DIV/0!") ? "#DIV/0!" : p.message.includes("#NUM!") ? "#NUM!" : "?",
      ]),
    ).toEqual([
      [E("B2"), "#DIV/0!"],
      [E("B3"), "#NUM!"],
    ]);
  });

  it.each([
    ['"abc"', /the text "abc"/],
    ['="Miles"', /the text "Miles"/],
    ["Miles>100", /the logical value TRUE/],
    ['Miles&""', /the text "120"/],
  ])("a formula %s giving a non-number is an error at its Formula cell", (formula, why) => {
    const analysis = analyze({ elements: elementsWith(1, element({ element: "Crew time", formula, stakeholder: "Ops" })) });
    const problem = single(analysis, "element-value-not-number");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Elements", cell: E("B3") });
    expect(problem.message).toMatch(why);
    expect(analysis.ok).toBe(false);
  });

  it("IFERROR can catch a division by zero", () => {
    const analysis = analyze({
      variables: withZero,
      elements: [element({ element: "Guarded", formula: "IFERROR(Miles/Zero, 0)", stakeholder: "CFO" })],
    });
    expect(analysis.problems).toEqual([]);
  });

  it("warnings are kept alongside computed results", () => {
    const analysis = analyze({
      settings: [...SETTINGS, ["Colour", "blue"]],
      elements: elementsWith(1, element({ element: "Crew time", formula: "Miles*10" })),
    });
    expect(analysis.ok).toBe(true);
    expect(codes(analysis).sort()).toEqual(["element-stakeholder-missing", "setting-unknown"]);
  });
});

describe("every problem at once", () => {
  it("five problems in three ranges are all reported, each at its own cell", () => {
    const analysis = analyze({
      variables: [
        variable("Miles", "120"), // C4: number stored as text
        variable("Leak Rate", 0.15), // B5: illegal name
        VARIABLES[2]!,
      ],
      elements: [
        element({ element: "Leak savings", formula: "Miles*CostPerLeak", stakeholder: "CFO", ramp: "40" }), // G2: bad ramp
        element({ element: "Crew time", formula: "FOO(Miles)", stakeholder: "Ops" }), // B3: unknown function
      ],
      settings: settingsWith("Years", 0), // E4: bad horizon
    });
    expect(analysis.ok).toBe(false);
    expect(analysis.problems.map((p) => [p.code, p.cell])).toEqual([
      ["variable-value-not-number", V("C4")],
      ["variable-name-illegal", V("B5")],
      ["element-ramp-invalid", E("G2")],
      ["setting-years-invalid", S("E4")],
      ["formula-unknown-function", E("B3")],
    ]);
  });

  it("a formula using a variable refused for its name reports the unknown name as well", () => {
    const analysis = analyze({ variables: variablesWith(1, variable("Leak Rate", 0.15)) });
    expect(analysis.problems.map((p) => [p.code, p.cell])).toEqual([
      ["variable-name-illegal", V("B5")],
      ["formula-unknown-name", E("B2")],
    ]);
    expect(single(analysis, "formula-unknown-name").message).toContain("LeakRate");
  });

  it("problems read as the command line prints them, with 1-based rows and column letters", () => {
    const analysis = analyze({ variables: variablesWith(2, variable("CostPerLeak", "2,000")) });
    expect(describeProblem(single(analysis, "variable-value-not-number"))).toBe(
      'Error in sheet "Inputs", row 6, column C (CVM_Variables): The value of CostPerLeak holds the text "2,000"; enter a number.',
    );
  });

  it("a sheet name with spaces and an apostrophe is located under its real name", () => {
    const input = build({}, { variables: VARIABLES, elements: ELEMENTS, settings: SETTINGS });
    const values = [...input.variables!.values, variable("", 1)];
    const analysis = analyzeWorkbook({ ...input, variables: range("'Bob''s inputs'", "B3", values) });
    expect(single(analysis, "variable-name-missing").cell).toEqual(at("Bob's inputs", "B7"));
  });
});

describe("hostile inputs (see also test/hostile)", () => {
  it("a range at #REF!$B$2:$C$9, what a name keeps of a deleted sheet, cannot be read (not a sheet named #REF)", () => {
    const analysis = analyzeWorkbook({
      ...build({}, { variables: VARIABLES, elements: ELEMENTS, settings: SETTINGS }),
      variables: { address: "#REF!$B$3:$H$6", values: [] },
    });
    const problem = single(analysis, "range-invalid");
    expect(problem.cell).toBeUndefined();
    expect(problem.message).toContain("its sheet or cells were deleted");
    expect(codes(analysis)).toEqual(["range-invalid"]);
  });

  it.each(["_xlnm.Print_Area", "_XLNM._FilterDatabase", "_xlfn.XLOOKUP", "_xlws.SORT", "_xlpm.x", "_xludf.MyFn"])(
    "the name %p, a prefix of Excel's own names and functions in a file, is refused",
    (name) => {
      const analysis = analyze({ variables: [...VARIABLES, variable(name, 1)] });
      expect(single(analysis, "variable-name-illegal")).toMatchObject({ cell: V("B7") });
      expect(single(analysis, "variable-name-illegal").message).toContain("prefix Excel keeps");
    },
  );

  it("names merely starting with _xl are fine", () => {
    expect(analyze({ variables: [...VARIABLES, variable("_xlnmExtra", 1), variable("_xl.Rate", 2)] }).problems).toEqual([]);
  });

  it("a cell reference in a formula is called one, not sent to CVM_Variables where no name can be B2", () => {
    const analysis = analyze({ elements: elementsWith(1, element({ element: "Crew time", formula: "B2*10", stakeholder: "Ops" })) });
    const problem = single(analysis, "formula-unknown-name");
    expect(problem.cell).toEqual(E("B3"));
    expect(problem.message).toContain('"B2", a cell reference');
    expect(problem.message).not.toContain("Add it to CVM_Variables");
  });

  it("text of any length from the workbook is quoted shortened, with its length", () => {
    const long = "x".repeat(50_000);
    const analysis = analyze({
      variables: [...VARIABLES, variable(long, 1)],
      elements: [...ELEMENTS, element({ element: long, formula: "Miles/0", stakeholder: "CFO", confidence: long, ramp: long })],
      settings: [...SETTINGS, ["Currency", long], [long, 1]],
    });
    expect(analysis.problems.length).toBeGreaterThanOrEqual(5);
    for (const problem of analysis.problems) {
      expect(problem.message.length).toBeLessThan(400);
      expect(problem.message).toContain(`"${"x".repeat(60)}…" (50,000 characters)`);
    }
  });

  it("elements that all use one another are one cycle, not one for every pair", () => {
    const ids = Array.from({ length: 60 }, (_, i) => `Part_${i}`);
    const analysis = analyze({ elements: ids.map((id) => element({ element: id, formula: ids.join("+"), id, stakeholder: "CFO" })) });
    expect(codes(analysis)).toEqual(["element-cycle"]);
    expect(single(analysis, "element-cycle")).toMatchObject({ cell: E("B2") });
    expect(single(analysis, "element-cycle").message).toContain("Part_0 → Part_0");
  });

  it("two separate circles are two cycles", () => {
    const analysis = analyze({
      elements: [
        element({ element: "A", formula: "Bee", id: "Ay", stakeholder: "CFO" }),
        element({ element: "B", formula: "Ay", id: "Bee", stakeholder: "CFO" }),
        element({ element: "C", formula: "Dee", id: "Cee", stakeholder: "CFO" }),
        element({ element: "D", formula: "Cee", id: "Dee", stakeholder: "CFO" }),
      ],
    });
    expect(withCode(analysis, "element-cycle").map((p) => [p.cell, p.message.match(/circle: (.*)\. Break/)![1]])).toEqual([
      [E("B2"), "Ay → Bee → Ay"],
      [E("B4"), "Cee → Dee → Cee"],
    ]);
  });

  it("a circle through many elements is named by its ends and its size", () => {
    const n = 50;
    const analysis = analyze({
      elements: Array.from({ length: n }, (_, i) =>
        element({ element: `Step ${i}`, formula: `Step_${(i + 1) % n}`, id: `Step_${i}`, stakeholder: "CFO" }),
      ),
    });
    expect(single(analysis, "element-cycle").message).toBe(
      "Elements use each other's values in a circle: Step_0 → Step_1 → Step_2 → Step_3 → Step_4 → Step_5 → … (42 more) … → Step_48 → Step_49 → Step_0 (50 elements). Break the circle so that each value can be computed.",
    );
  });

  it("2,000 misspellings against 2,000 variables are all reported quickly; the first get a suggestion", () => {
    const variables = Array.from({ length: 2000 }, (_, i) => variable(`Reading_${i}_kwh`, i));
    const elements = Array.from({ length: 2000 }, (_, i) =>
      element({ element: `Meter ${i}`, formula: `Readng_${i}_kwh*2`, stakeholder: "CFO" }),
    );
    const start = performance.now();
    const analysis = analyze({ variables, elements });
    expect(performance.now() - start).toBeLessThan(3000);
    const unknown = withCode(analysis, "formula-unknown-name");
    expect(unknown).toHaveLength(2000);
    expect(unknown[0]!.message).toContain("Did you mean Reading_0_kwh?");
    // Past the budget a misspelling is still reported, with the general advice instead of a guess.
    expect(unknown[1999]!.message).toMatch(/Did you mean Reading_1999_kwh\?|Add it to CVM_Variables/);
  });
});

describe("results past Excel's largest number", () => {
  it("a total annual value that overflows is an error at the largest element's formula", () => {
    const analysis = analyze({
      variables: [...VARIABLES, variable("Huge", 1.5e308)],
      elements: [
        element({ element: "Small", formula: "Miles", stakeholder: "CFO" }),
        element({ element: "Big one", formula: "Huge", stakeholder: "CFO" }),
        element({ element: "Big two", formula: "Huge*0.9", stakeholder: "CFO" }),
      ],
    });
    expect(analysis.ok).toBe(false);
    const problem = single(analysis, "result-overflow");
    expect(problem).toMatchObject({ severity: "error", range: "CVM_Elements", cell: E("B3") });
    expect(problem.message).toBe(
      'The total annual value comes to more than Excel can hold (about 1.8E+308), so the workbook would show #NUM!. The largest annual value is that of "Big one", 1.5E+308: check its formula and the variables it uses.',
    );
  });

  it("a benefit over the years that overflows, each year's being finite, is an error too", () => {
    // 3 years of 1E+308 each.
    const analysis = analyze({
      variables: [...VARIABLES, variable("Huge", 1e308)],
      elements: [element({ element: "Big", formula: "Huge", stakeholder: "CFO" })],
    });
    expect(single(analysis, "result-overflow")).toMatchObject({ cell: E("B2") });
    expect(single(analysis, "result-overflow").message).toMatch(/^The benefit over 3 years comes to more/);
  });

  it("a total cost that overflows is an error at the setting that makes it", () => {
    const analysis = analyze({
      settings: [
        ["Years", 30],
        ["Investment", 1],
        ["AnnualCost", 1e308],
      ],
    });
    expect(single(analysis, "result-overflow")).toMatchObject({ range: "CVM_Settings", cell: S("E5") });
    const investment = analyze({
      settings: [
        ["Years", 3],
        ["Investment", 1.7e308],
        ["AnnualCost", 1e308],
      ],
    });
    expect(single(investment, "result-overflow")).toMatchObject({ range: "CVM_Settings", cell: S("E5") });
    const both = analyze({
      settings: [
        ["Investment", 1.7e308],
        ["AnnualCost", 1e307],
      ],
    });
    expect(single(both, "result-overflow")).toMatchObject({ range: "CVM_Settings", cell: S("E3") });
  });

  it("an NPV that overflows under a rate near -100% is an error at the DiscountRate", () => {
    const analysis = analyze({
      variables: [...VARIABLES, variable("Huge", 1e300)],
      elements: [element({ element: "Big", formula: "Huge", stakeholder: "CFO" })],
      settings: [
        ["Years", 30],
        ["DiscountRate", -0.9999],
      ],
    });
    expect(single(analysis, "result-overflow")).toMatchObject({ range: "CVM_Settings", cell: S("E4") });
    expect(single(analysis, "result-overflow").message).toMatch(/^The NPV comes to more than Excel can hold/);
  });

  it("an ROI that overflows over a tiny cost is an error at the Investment", () => {
    const analysis = analyze({ settings: [["Investment", 1e-305]] });
    expect(single(analysis, "result-overflow")).toMatchObject({ range: "CVM_Settings", cell: S("E3") });
    expect(single(analysis, "result-overflow").message).toMatch(/^The ROI \(net value divided by a total cost of 1E-305\)/);
  });

  it("the largest numbers that do fit are results like any other", () => {
    const analysis = analyze({
      variables: [...VARIABLES, variable("Huge", 5e307)],
      elements: [element({ element: "Big", formula: "Huge", stakeholder: "CFO" })],
      settings: [["Years", 3]],
    });
    expect(analysis.ok && analysis.results.totals.TotalBenefit).toBe(1.5e308);
  });
});

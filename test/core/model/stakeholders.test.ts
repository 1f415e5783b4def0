import { analyzeWorkbook, type Analysis } from "../../../src/core/model/analyze";
import type { WorkbookInput } from "../../../src/core/workbook/cells";
import { at, codes, element, ELEMENT_HEADER, ELEMENTS_SHEET, range, type Row, single, variable, workbook, withCode } from "./helpers";

// CVM_Elements at 'Value Model'!A1 (helpers' layout) with a Proposition column J.
// CVM_Stakeholders at People!B2: header row 2, data row k on row 2+k; B Stakeholder, C Role, D Objective, E Metric, F Notes.
const HEADER: Row = [...ELEMENT_HEADER, "Proposition"];
const ELEMENTS: Row[] = [
  [...element({ element: "Leak savings", formula: "Miles*100", stakeholder: "CFO", confidence: "green" }), "cutting repair spend by 30%"],
  [...element({ element: "Crew time", formula: "Miles*10", stakeholder: " operations manager ", confidence: "gray" }), ""],
];
const STAKEHOLDER_HEADER: Row = ["Stakeholder", "Role", "Objective", "Metric", "Notes"];
const STAKEHOLDERS: Row[] = [
  ["CFO", "Chief financial officer", "Lower operating cost", "Cost per barrel-mile", "approves the purchase"],
  ["Operations Manager", "VP Operations", "Keep the line running", "Unplanned downtime hours", ""],
];
const P = (a1: string) => at("People", a1);
const E = (a1: string) => at(ELEMENTS_SHEET, a1);

function input(
  stakeholders: readonly Row[] | null = STAKEHOLDERS,
  elements: readonly Row[] = ELEMENTS,
  header = STAKEHOLDER_HEADER,
): WorkbookInput {
  const base = workbook({ elementHeader: HEADER }, { variables: [variable("Miles", 120)], elements, settings: [["Years", 3]] });
  return stakeholders ? { ...base, stakeholders: range("People", "B2", [header, ...stakeholders]) } : base;
}

const analyze = (...args: Parameters<typeof input>): Analysis => analyzeWorkbook(input(...args));

describe("CVM_Stakeholders, read", () => {
  it("is optional: without it the model has no stakeholders and no problem", () => {
    const analysis = analyze(null);
    expect(analysis.problems).toEqual([]);
    if (!analysis.ok) throw new Error("must build");
    expect(analysis.model.stakeholders).toBeUndefined();
    expect("stakeholders" in analysis.model).toBe(false);
  });

  it("reads each stakeholder with role, objective, metric, notes and the cell of the name", () => {
    const analysis = analyze();
    expect(analysis.problems).toEqual([]);
    if (!analysis.ok) throw new Error("must build");
    expect(analysis.model.stakeholders).toEqual([
      {
        stakeholder: "CFO",
        role: "Chief financial officer",
        objective: "Lower operating cost",
        metric: "Cost per barrel-mile",
        notes: "approves the purchase",
        nameCell: P("B3"),
      },
      {
        stakeholder: "Operations Manager",
        role: "VP Operations",
        objective: "Keep the line running",
        metric: "Unplanned downtime hours",
        notes: "",
        nameCell: P("B4"),
      },
    ]);
  });

  it("reads a table with only the Stakeholder column, in any case and order of headers", () => {
    const analysis = analyze(
      [
        ["CFO", "x"],
        ["operations manager", ""],
      ],
      ELEMENTS,
      [" metric ", "STAKEHOLDER"].reverse(),
    );
    if (!analysis.ok) throw new Error(JSON.stringify(analysis.problems));
    expect(analysis.model.stakeholders!.map((s) => [s.stakeholder, s.metric])).toEqual([
      ["CFO", "x"],
      ["operations manager", ""],
    ]);
  });

  it("reads each element's proposition exactly as its cell holds it, with the cell", () => {
    const analysis = analyze();
    if (!analysis.ok) throw new Error("must build");
    expect(analysis.model.elements.map((e) => e.proposition)).toEqual([
      { text: "cutting repair spend by 30%", cell: E("J2") },
      { text: "", cell: E("J3") },
    ]);
  });

  it("reads a number in the Proposition column as Excel's & shows it, and no column as no proposition", () => {
    const withNumber = analyze(STAKEHOLDERS, [[...ELEMENTS[0]!.slice(0, 9), 0.1 + 0.2], ELEMENTS[1]!]);
    if (!withNumber.ok) throw new Error("must build");
    expect(withNumber.model.elements[0]!.proposition!.text).toBe("0.3");
    const without = analyzeWorkbook(
      workbook({}, { variables: [variable("Miles", 1)], elements: [element({ element: "A", formula: "1" })], settings: [] }),
    );
    if (!without.ok) throw new Error("must build");
    expect(without.model.elements[0]!.proposition).toBeUndefined();
  });
});

describe("CVM_Stakeholders, refused with its location", () => {
  it("a table without a Stakeholder column", () => {
    const analysis = analyze([["VP", "x"]], ELEMENTS, ["Role", "Objective"]);
    expect(analysis.ok).toBe(false);
    expect(single(analysis, "column-missing")).toMatchObject({ severity: "error", range: "CVM_Stakeholders", cell: P("B2") });
  });

  it("a row with content but no stakeholder", () => {
    const analysis = analyze([...STAKEHOLDERS, ["  ", "Plant manager", "", "", ""]]);
    expect(analysis.ok).toBe(false);
    expect(single(analysis, "stakeholder-name-missing")).toMatchObject({ severity: "error", range: "CVM_Stakeholders", cell: P("B5") });
  });

  it("the same stakeholder twice, ignoring case and spaces, at the second, naming the first's row", () => {
    const analysis = analyze([...STAKEHOLDERS, [" cfo", "Finance", "", "", ""]]);
    expect(analysis.ok).toBe(false);
    const problem = single(analysis, "stakeholder-repeated");
    expect(problem).toMatchObject({ severity: "error", cell: P("B5") });
    expect(problem.message).toContain("row 3");
  });

  it("an error value in any column, at its cell", () => {
    const analysis = analyze([["CFO", "#REF!", "", "#N/A", ""], ["#DIV/0!", "", "", "", ""], STAKEHOLDERS[1]!]);
    expect(analysis.ok).toBe(false);
    expect(withCode(analysis, "stakeholder-cell-error").map((p) => p.cell)).toEqual([P("C3"), P("E3"), P("B4")]);
    expect(withCode(analysis, "stakeholder-cell-error")[0]!.message).toContain("#REF!");
  });

  it("a repeated header and a range that is no range", () => {
    expect(single(analyze(STAKEHOLDERS, ELEMENTS, ["Stakeholder", "Role", "Role", "Metric", "Notes"]), "column-repeated").cell).toEqual(
      P("D2"),
    );
    const broken = analyzeWorkbook({ ...input(null), stakeholders: { address: "#REF!", values: [] } });
    expect(single(broken, "range-invalid")).toMatchObject({ severity: "error", range: "CVM_Stakeholders" });
  });

  it("an error value in an element's Proposition, at its cell", () => {
    const analysis = analyze(STAKEHOLDERS, [[...ELEMENTS[0]!.slice(0, 9), "#VALUE!"], ELEMENTS[1]!]);
    expect(analysis.ok).toBe(false);
    expect(single(analysis, "element-proposition-error")).toMatchObject({ severity: "error", range: "CVM_Elements", cell: E("J2") });
  });
});

describe("stakeholders and elements that do not meet are warnings, and the model builds", () => {
  it("a stakeholder an element names that the range does not list, once, at the first element's Stakeholder cell", () => {
    const elements = [
      ...ELEMENTS,
      [...element({ element: "Fines", formula: "5", stakeholder: "Compliance Officer" }), ""],
      [...element({ element: "Audits", formula: "6", stakeholder: "compliance officer" }), ""],
    ];
    const analysis = analyze(STAKEHOLDERS, elements);
    expect(analysis.ok).toBe(true);
    const problem = single(analysis, "stakeholder-not-listed");
    expect(problem).toMatchObject({ severity: "warning", range: "CVM_Stakeholders", cell: E("D4") });
    expect(problem.message).toContain('"Compliance Officer"');
  });

  it("a listed stakeholder no element names, at its row", () => {
    const analysis = analyze([...STAKEHOLDERS, ["HSE Manager", "", "No spills", "", ""]]);
    expect(analysis.ok).toBe(true);
    expect(single(analysis, "stakeholder-unused")).toMatchObject({ severity: "warning", cell: P("B5") });
    expect(codes(analysis)).toEqual(["stakeholder-unused"]);
  });

  it("a range with only its header: a value map of the elements' stakeholders, each warned as not listed", () => {
    const analysis = analyze([]);
    if (!analysis.ok) throw new Error("must build");
    expect(analysis.model.stakeholders).toEqual([]);
    expect(withCode(analysis, "stakeholder-not-listed").map((p) => p.cell)).toEqual([E("D2"), E("D3")]);
  });

  it("without the range, an element's stakeholder is never a value-map warning", () => {
    const analysis = analyze(null, [[...element({ element: "Fines", formula: "5", stakeholder: "Nobody listed" }), ""]]);
    expect(analysis.problems).toEqual([]);
  });
});

/**
 * functions.json sets allowErrorForDataTypeAny, so Excel runs the functions with error cells in
 * their ranges, each handed over as a CustomFunctions.Error. CVM.ISSUES names the cell; every
 * other function refuses with #VALUE! naming it, instead of computing around it.
 */
import { cellErrorCode } from "../../src/functions/error-cells";
import * as cvm from "../../src/functions/functions";
import { elements, fresh, installRuntime, removeRuntime, settings, StandInError, thrown, variables } from "./helpers";

beforeAll(installRuntime);
afterAll(removeRuntime);

/** An error cell as the runtime passes it. */
const err = (code: string) => new StandInError(code) as unknown as string;

const VARIABLES = variables(["Miles", 100], ["Rate", 20]);
const SETTINGS = settings({ Years: 3, DiscountRate: 0.1, Investment: 5000 });
const GOOD = { element: "Leak reduction", formula: "Miles*Rate", id: "Leaks" };

describe("CVM.ISSUES with error cells in its ranges", () => {
  it("names the row and column of an error in the elements range", () => {
    const withError = elements(GOOD, { element: "Labor", formula: err("#DIV/0!"), id: "Labor" });
    expect(cvm.issues(withError, fresh(VARIABLES), fresh(SETTINGS))).toEqual([
      [
        "Error",
        "elements, row 3, column Formula",
        "Row 3, column Formula of the elements range holds #DIV/0!: fix that cell, or the cells its formula refers to.",
      ],
    ]);
  });

  it("reports an error the core would have read as a name (an element called #REF!)", () => {
    const withError = elements({ ...GOOD, element: err("#REF!") });
    expect(cvm.issues(withError, fresh(VARIABLES), fresh(SETTINGS))).toEqual([
      [
        "Error",
        "elements, row 2, column Element",
        "Row 2, column Element of the elements range holds #REF!: fix that cell, or the cells its formula refers to.",
      ],
    ]);
  });

  it("lists errors in every range, each once, before the core's other problems", () => {
    const vars = variables(["Miles", err("#N/A")], ["Rate", 20]);
    const sets = settings({ Years: err("#VALUE!"), DiscountRate: 0.1 });
    const els = elements(GOOD, { element: "Typo", formula: "Miles*(Rate" });
    const rows = cvm.issues(els, vars, sets);
    expect(rows.slice(0, 2)).toEqual([
      [
        "Error",
        "variables, row 2, column Value",
        "Row 2, column Value of the variables range holds #N/A: fix that cell, or the cells its formula refers to.",
      ],
      [
        "Error",
        "settings, row 2, column Value",
        "Row 2, column Value of the settings range holds #VALUE!: fix that cell, or the cells its formula refers to.",
      ],
    ]);
    expect(rows.filter((r) => r[1] === "variables, row 2, column Value")).toHaveLength(1);
    expect(rows.some((r) => r[1] === "elements, row 3, column Formula" && /cannot be read/.test(r[2]!))).toBe(true);
  });

  it("names a column by its position when its header is empty", () => {
    const grid = [
      ["Name", "Value", "Unit", "Low", "High", ""],
      ["Miles", 100, "", "", "", err("#NUM!")],
    ];
    expect(cvm.issues(elements(GOOD), grid, fresh(SETTINGS))).toContainEqual([
      "Error",
      "variables, row 2, column 6",
      "Row 2, column 6 of the variables range holds #NUM!: fix that cell, or the cells its formula refers to.",
    ]);
  });
});

describe("the other functions never compute around an error cell", () => {
  it("TOTAL, NPV and SENSITIVITY are #VALUE! naming the cell", () => {
    const withError = elements(GOOD, { element: "Labor", formula: "Miles*2", stakeholder: err("#NAME?") });
    const located = /^elements, row 3, column Stakeholder: Row 3, column Stakeholder of the elements range holds #NAME\?/;
    expect(thrown(() => cvm.total(withError, fresh(VARIABLES))).message).toMatch(located);
    expect(thrown(() => cvm.npv(fresh(withError), fresh(VARIABLES), fresh(SETTINGS))).message).toMatch(located);
    expect(thrown(() => cvm.sensitivity(fresh(withError), fresh(VARIABLES), fresh(SETTINGS))).message).toMatch(located);
  });

  it("EVAL is #VALUE! naming an error cell of its variables", () => {
    const vars = variables(["Miles", 100], [err("#REF!"), 20]);
    expect(thrown(() => cvm.evalFormula("Miles*2", vars)).message).toMatch(
      /^variables, row 3, column Name: Row 3, column Name of the variables range holds #REF!/,
    );
  });

  it("the same model without the error computes as before", () => {
    expect(cvm.total(elements(GOOD, { element: "Labor", formula: "Miles*2" }), fresh(VARIABLES))).toBe(2200);
  });
});

describe("what counts as an error cell", () => {
  it("a CustomFunctions.Error or a rich error value; never text that looks like one", () => {
    expect(cellErrorCode(new StandInError("#DIV/0!"))).toBe("#DIV/0!");
    expect(cellErrorCode({ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" })).toBe("#N/A");
    expect(cellErrorCode("#DIV/0!")).toBeUndefined();
    expect(cellErrorCode(0)).toBeUndefined();
    expect(cellErrorCode(null)).toBeUndefined();
    expect(cellErrorCode({ type: "String", basicValue: "#tag" })).toBeUndefined();
  });
});

/**
 * Bad input never throws a bare exception and never gives a silent 0: each case below is the
 * CustomFunctions.Error Excel shows, with its code and a message that says what and where.
 */
import { createCvm } from "../../src/functions/cvm";
import { excelError, FunctionError } from "../../src/functions/excel-errors";
import * as cvm from "../../src/functions/functions";
import type { ModelSource } from "../../src/functions/model-cache";
import { elements, fresh, installRuntime, removeRuntime, settings, StandInError, thrown, variables } from "./helpers";

beforeAll(installRuntime);
afterAll(removeRuntime);

const VARIABLES = variables(["Miles", 100], ["Rate", 20]);
const ELEMENTS = elements({ element: "Leak reduction", formula: "Miles*Rate", id: "Leaks" }, { element: "Labor", formula: "Miles*2" });
const SETTINGS = settings({ Years: 3, DiscountRate: 0.1, Investment: 5000 });
const NO_RANGE = 42 as unknown as unknown[][];

describe("a model with errors gives #VALUE! naming the first error and where it is", () => {
  it("one error: its location and message", () => {
    const broken = elements({ element: "Leak reduction", formula: "Miles*Rate" }, { element: "Typo", formula: "Miles*(Rate" });
    const error = thrown(() => cvm.total(broken, fresh(VARIABLES)));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^elements, row 3, column Formula: The formula of "Typo" cannot be read: .+[^)]$/);
  });

  it("several errors: the first, and how many more", () => {
    const broken = elements(
      { element: "Typo", formula: "Miles*" },
      { element: "Unknown", formula: "Mils*2" },
      { element: "Colour", formula: "1", confidence: "blue" },
    );
    const error = thrown(() => cvm.npv(broken, fresh(VARIABLES), fresh(SETTINGS)));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^elements, row 2, column Formula: The formula of "Typo" cannot be read: /);
    expect(error.message).toMatch(/ \(and 2 more; use CVM\.ISSUES to list them\)$/);
  });

  it("errors in the variables and the settings are located in their own argument", () => {
    const vars = variables(["Miles", "100"], ["Rate", 20]);
    expect(thrown(() => cvm.value(fresh(ELEMENTS), vars, "Leaks")).message).toMatch(
      /^variables, row 2, column Value: The value of Miles holds the text "100", a number stored as text/,
    );
    const bad = settings({ Years: 3, DiscountRate: "ten" });
    expect(thrown(() => cvm.roi(fresh(ELEMENTS), fresh(VARIABLES), bad)).message).toMatch(
      /^settings, row 3, column Value: The setting DiscountRate holds the text "ten"/,
    );
  });

  it("a formula that gives an error with the current variables", () => {
    const vars = variables(["Miles", 0]);
    const error = thrown(() => cvm.realized(elements({ element: "Per mile", formula: "1000/Miles", actual: 5 }), vars));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(
      'elements, row 2, column Formula: The formula of "Per mile" gives #DIV/0! (division by zero) with the current variables; change the formula or the variables so that it gives an amount of money.',
    );
  });

  it("a range without its required column is located at the argument's header row", () => {
    const error = thrown(() =>
      cvm.total(
        [
          ["Element", "Formla"],
          ["A", "1"],
        ],
        fresh(VARIABLES),
      ),
    );
    expect(error.message).toBe(
      'elements, row 1, column Element: The named range CVM_Elements has no "Formula" column: add it to the header row.',
    );
  });

  it("an argument that is not a range", () => {
    const error = thrown(() => cvm.npv(NO_RANGE, fresh(VARIABLES), fresh(SETTINGS)));
    expect(error).toMatchObject({
      code: "#VALUE!",
      message: "The elements argument must be a range with a header row, such as CVM_Elements.",
    });
  });
});

describe("CVM.ELEMENTVALUE", () => {
  it("an unknown element is #N/A", () => {
    expect(thrown(() => cvm.value(fresh(ELEMENTS), fresh(VARIABLES), "Nope"))).toMatchObject({
      code: "#N/A",
      message: 'No element with id or name "Nope" in elements.',
    });
  });

  it("a name shared by several elements is #N/A asking for the Id", () => {
    const twins = elements({ element: "Same", formula: "1" }, { element: "same", formula: "2" });
    expect(thrown(() => cvm.value(twins, fresh(VARIABLES), "Same"))).toMatchObject({
      code: "#N/A",
      message: 'Several elements are named "Same" (elements, rows 2, 3); give the Id of the one you mean.',
    });
  });

  it("an empty element argument is #VALUE!", () => {
    expect(thrown(() => cvm.value(fresh(ELEMENTS), fresh(VARIABLES), ""))).toMatchObject({ code: "#VALUE!" });
  });

  it.each([0, -1, 31, 2.5])("year %p is #NUM!", (year) => {
    for (const error of [
      thrown(() => cvm.value(fresh(ELEMENTS), fresh(VARIABLES), "Leaks", year)),
      thrown(() => cvm.total(fresh(ELEMENTS), fresh(VARIABLES), year)),
    ]) {
      expect(error).toMatchObject({ code: "#NUM!", message: `The year must be a whole number from 1 to 30, not ${year}.` });
    }
  });

  it("a year that is not a number is #VALUE!", () => {
    expect(thrown(() => cvm.value(fresh(ELEMENTS), fresh(VARIABLES), "Leaks", "two" as unknown as number))).toMatchObject({
      code: "#VALUE!",
      message: 'The year must be a number from 1 to 30, not the text "two".',
    });
  });
});

describe("results without a value are #N/A with a sentence", () => {
  it("ROI when the total cost is 0", () => {
    expect(thrown(() => cvm.roi(fresh(ELEMENTS), fresh(VARIABLES), settings({ Years: 3 })))).toMatchObject({
      code: "#N/A",
      message: "The ROI has no value because the total cost is 0: settings give no Investment and no AnnualCost.",
    });
  });

  it("PAYBACK when it never pays back", () => {
    // Benefit 2000+200 = 2200 a year for 2 years: 4400 < Investment 10000.
    expect(thrown(() => cvm.payback(fresh(ELEMENTS), fresh(VARIABLES), settings({ Years: 2, Investment: 10000 })))).toMatchObject({
      code: "#N/A",
      message: "The offering does not pay back within the 2-year horizon: the cumulative net cash flow stays below 0.",
    });
  });

  it("REALIZED when no Actual is recorded", () => {
    expect(thrown(() => cvm.realized(fresh(ELEMENTS), fresh(VARIABLES)))).toMatchObject({
      code: "#N/A",
      message: "No element in elements has an Actual value yet; record the realized annual values in the Actual column.",
    });
  });

  it("SENSITIVITY when no variable has Low and High", () => {
    expect(thrown(() => cvm.sensitivity(fresh(ELEMENTS), fresh(VARIABLES), fresh(SETTINGS)))).toMatchObject({ code: "#N/A" });
  });
});

describe("CVM.EVAL", () => {
  it("a formula that cannot be read is #VALUE! with the parse message", () => {
    const error = thrown(() => cvm.evalFormula("Miles*(Rate", fresh(VARIABLES)));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^The formula cannot be read: .+/);
    expect(thrown(() => cvm.evalFormula("", fresh(VARIABLES)))).toMatchObject({
      code: "#VALUE!",
      message: "The formula cannot be read: The formula is empty.",
    });
  });

  it.each([
    ["Miles/0", "#DIV/0!", "The formula gives #DIV/0! (division by zero)."],
    ["SQRT(-Miles)", "#NUM!", "The formula gives #NUM! (square root of a negative number)."],
    ["#N/A", "#N/A", "The formula gives #N/A."],
    ['"abc"*Miles', "#VALUE!", 'The formula gives #VALUE! (the text "abc" is not a number).'],
    ["#NULL!", "#NULL!", "The formula gives #NULL!."],
  ])("%s gives %s", (formula, code, message) => {
    const error = thrown(() => cvm.evalFormula(formula, fresh(VARIABLES)));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  it("an unknown name cannot be #NAME? from a custom function: #VALUE! naming it", () => {
    expect(thrown(() => cvm.evalFormula("Mils*2", fresh(VARIABLES)))).toMatchObject({
      code: "#VALUE!",
      message: "The formula gives #NAME? (unknown name Mils): CVM.EVAL knows only the names in its variables range.",
    });
  });

  it("#REF! becomes #VALUE! too", () => {
    expect(thrown(() => cvm.evalFormula("#REF!", fresh(VARIABLES)))).toMatchObject({
      code: "#VALUE!",
      message: "The formula gives #REF!.",
    });
  });

  it("variables with errors are #VALUE! located in the variables", () => {
    const twice = variables(["Miles", 1], ["miles", 2]);
    const error = thrown(() => cvm.evalFormula("1", twice));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^variables, row 3, column Name: The name "miles" is already used by the variable Miles/);
  });
});

describe("the runtime glue", () => {
  it("a bug is #VALUE! with a reason, not a bare exception", () => {
    const failing: ModelSource = {
      model: () => {
        throw new Error("boom");
      },
      scope: () => {
        throw new Error("boom");
      },
    };
    expect(createCvm(failing).npv(fresh(ELEMENTS), fresh(VARIABLES), fresh(SETTINGS))).toEqual({
      ok: false,
      failure: { kind: "failure", code: "#VALUE!", message: "CVM.NETPRESENTVALUE failed unexpectedly: boom" },
    });
  });

  it("uses CustomFunctions.Error and ErrorCode when the runtime is there", () => {
    expect(excelError("#DIV/0!", "why")).toEqual(new StandInError("#DIV/0!", "why"));
  });

  it("without the runtime, throws an Error that carries the same code and message", () => {
    removeRuntime();
    try {
      expect(() => cvm.value(fresh(ELEMENTS), fresh(VARIABLES), "Nope")).toThrow(FunctionError);
      const error = excelError("#N/A", "why");
      expect(error).toBeInstanceOf(FunctionError);
      expect(error).toMatchObject({ code: "#N/A", message: "why" });
    } finally {
      installRuntime();
    }
  });
});

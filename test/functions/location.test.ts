/** How problems of argument ranges are located, and how an argument becomes the core's RangeInput. */
import { error, warning } from "../../src/core/problems";
import { sanitizeCell, toRangeInput } from "../../src/functions/grid";
import { describeArgumentLocation, headersOf } from "../../src/functions/location";

const headers = headersOf({ elements: [["Element", "Formula", "", 7]], variables: [["Name", "Value"]] });

describe("describeArgumentLocation", () => {
  it("names the argument, the row within the passed range (header is row 1) and the column by its header", () => {
    expect(describeArgumentLocation(error("x", "CVM_Elements", "m", { sheet: "elements", row: 2, column: 1 }), headers)).toBe(
      "elements, row 3, column Formula",
    );
    expect(describeArgumentLocation(warning("x", "CVM_Variables", "m", { sheet: "variables", row: 0, column: 0 }), headers)).toBe(
      "variables, row 1, column Name",
    );
  });

  it("names a column by its position when its header cell is empty or missing, by its text when it is a number", () => {
    expect(describeArgumentLocation(error("x", "CVM_Elements", "m", { sheet: "elements", row: 4, column: 2 }), headers)).toBe(
      "elements, row 5, column 3",
    );
    expect(describeArgumentLocation(error("x", "CVM_Elements", "m", { sheet: "elements", row: 4, column: 9 }), headers)).toBe(
      "elements, row 5, column 10",
    );
    expect(describeArgumentLocation(error("x", "CVM_Elements", "m", { sheet: "elements", row: 4, column: 3 }), headers)).toBe(
      "elements, row 5, column 7",
    );
    // An argument whose header is unknown (settings were not passed to headersOf).
    expect(describeArgumentLocation(error("x", "CVM_Settings", "m", { sheet: "settings", row: 1, column: 1 }), headers)).toBe(
      "settings, row 2, column 2",
    );
  });

  it("a problem about a whole range is located by the argument alone", () => {
    expect(describeArgumentLocation(error("x", "CVM_Elements", "m"), headers)).toBe("elements");
    expect(describeArgumentLocation(warning("x", "Elsewhere", "m"), headers)).toBe("Elsewhere");
  });

  it("keeps its own copy of the headers", () => {
    const row = ["Element", "Formula"];
    const copied = headersOf({ elements: [row] });
    row[1] = "Changed";
    expect(describeArgumentLocation(error("x", "CVM_Elements", "m", { sheet: "elements", row: 1, column: 1 }), copied)).toBe(
      "elements, row 2, column Formula",
    );
  });
});

describe("toRangeInput", () => {
  it("places the argument at A1 of a sheet named after it, padding ragged rows", () => {
    const input = toRangeInput([["Name", "Value"], ["Miles"]], "variables");
    expect(input.address).toBe("variables!A1:B2");
    expect(input.values).toEqual([
      ["Name", "Value"],
      ["Miles", null],
    ]);
  });

  it("spans columns past Z with their letters", () => {
    expect(toRangeInput([Array.from({ length: 28 }, () => "")], "elements").address).toBe("elements!A1:AB1");
  });

  it("reads rich error values as their text, as Office.js hands error cells over", () => {
    expect(sanitizeCell({ code: "#DIV/0!", message: "x" })).toBe("#DIV/0!");
    expect(sanitizeCell({ type: "Error", basicValue: "#N/A" })).toBe("#N/A");
    expect(sanitizeCell({ type: "Double", basicValue: 3 })).toBe(3);
    expect(sanitizeCell(Symbol.iterator)).toBe("#VALUE!");
    expect(sanitizeCell(undefined)).toBeNull();
  });
});

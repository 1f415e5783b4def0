import { analyzeWorkbook } from "../../../src/core/model/analyze";
import { realizedValue } from "../../../src/core/model/realization";
import { element, variable, workbook } from "./helpers";

function realized(actuals: (number | "")[]) {
  const analysis = analyzeWorkbook(
    workbook(
      {
        variables: [variable("X", 1)],
        elements: actuals.map((actual, i) => element({ element: `E${i}`, formula: "X", stakeholder: "CFO", actual })),
        settings: null,
      },
      { variables: [], elements: [], settings: [] },
    ),
  );
  if (!analysis.ok) throw new Error(JSON.stringify(analysis.problems));
  return realizedValue(analysis.model);
}

describe("realizedValue", () => {
  it("sums the recorded Actual values and counts them", () => {
    expect(realized([1200, "", 300.5])).toEqual({ total: 1500.5, recorded: 2 });
  });

  it("tells a recorded 0 from nothing recorded", () => {
    expect(realized([0, ""])).toEqual({ total: 0, recorded: 1 });
    expect(realized(["", ""])).toEqual({ total: 0, recorded: 0 });
  });
});

/**
 * The benchmark's HyperFormula side, without timing: what it loads and that HyperFormula's values
 * of the plan's formulas agree with the core's (so the benchmark compares like with like).
 */
import { coreBuild } from "../../bench/core-timing";
import { compareWithCore, computeWithHyperformula, functionsCalled, hyperformulaWorkbook } from "../../bench/hyperformula";

describe("functionsCalled", () => {
  it("finds the functions a formula calls, not text in strings or sheet names", () => {
    expect(functionsCalled(`=IF(A1="SUM(x)",npv(B1,C1:D1),'My Sheet (MIN(1))'!A1)+_xlfn.IFNA(1,2)`)).toEqual(["IF", "NPV", "_XLFN.IFNA"]);
    expect(functionsCalled("=Input_1*Input_2+ROUND(Input_3/3,2)")).toEqual(["ROUND"]);
  });
});

describe("the generated model in HyperFormula", () => {
  const build = coreBuild(20);
  const workbook = hyperformulaWorkbook(build);

  it("loads the input sheets, the Value Summary and the plan's names, with every function known", () => {
    expect(Object.keys(workbook.sheets)).toEqual(["Variables", "Elements", "Settings", "Value Summary"]);
    expect(workbook.names.map((n) => n.name)).toEqual(build.plan.names.map((n) => n.name));
    expect(workbook.functions).toEqual(expect.arrayContaining(["NPV", "SUMIF", "SUMPRODUCT", "ROUND", "MIN", "IF"]));
    expect(workbook.missingFunctions).toEqual([]);
    // Text stays text: a ramp such as 50%,100% is not read as a number.
    expect(workbook.sheets.Elements![2]![5]).toBe("'50%,100%");
    // The scenarios weigh each element's value by its ramp share: SUMPRODUCT over two ranges.
    expect(build.plan.sheets[0]!.cells.some((c) => c.content.kind === "formula" && c.content.formula.startsWith("=SUMPRODUCT("))).toBe(
      true,
    );
  });

  it("computes the results and every element's value as the core does", () => {
    const engine = computeWithHyperformula(workbook);
    try {
      const agreement = compareWithCore(engine, build);
      expect(agreement.disagreements).toEqual([]);
      expect(agreement.compared).toBe(9 + 20 + 4);
      expect(agreement.stakeholders).toBe(4);
      expect(agreement.maxRelativeDifference).toBeLessThan(1e-9);
    } finally {
      engine.destroy();
    }
  });

  it("notices a disagreement", () => {
    const engine = computeWithHyperformula(workbook);
    try {
      const results = build.analysis.results;
      const [first, ...others] = results.byStakeholder;
      const wrong = {
        ...results,
        totals: { ...results.totals, NPV: results.totals.NPV * 1.01, ROI: undefined },
        byStakeholder: [{ ...first!, annualValue: first!.annualValue * 1.01 }, ...others],
      };
      expect(compareWithCore(engine, { ...build, analysis: { ...build.analysis, results: wrong } }).disagreements).toEqual([
        expect.stringMatching(/^CVM_NPV: core /),
        expect.stringMatching(/^CVM_ROI: core has no value/),
        expect.stringMatching(/^stakeholder ".+": core /),
      ]);
    } finally {
      engine.destroy();
    }
  });
});

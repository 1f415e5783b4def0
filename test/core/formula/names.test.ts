import { calledFunctions, parseFormula, referencedNames } from "../../../src/core/formula";

function expr(text: string) {
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.expr;
}

describe("referencedNames", () => {
  it("lists each name once, as first written, in order of appearance", () => {
    expect(referencedNames(expr("Miles*Rate+IF(miles>0,Cost,Rate)-other"))).toEqual(["Miles", "Rate", "Cost", "other"]);
  });

  it("finds names inside signs, percents, comparisons and nested calls", () => {
    expect(referencedNames(expr('-a%^b&"c"<ROUND(MAX(d,1),e)'))).toEqual(["a", "b", "d", "e"]);
  });

  it("lists no names for literals, booleans and function names", () => {
    expect(referencedNames(expr('SUM(1,TRUE,"x",#N/A)'))).toEqual([]);
  });

  it("handles chains thousands of nodes long", () => {
    expect(referencedNames(expr(`${"-".repeat(8000)}deep`))).toEqual(["deep"]);
    expect(referencedNames(expr(`a${"+b".repeat(4000)}`))).toEqual(["a", "b"]);
  });
});

describe("calledFunctions", () => {
  it("lists each function once, upper-case, outer before inner", () => {
    expect(calledFunctions(expr("round(Max(a,sum(b)),0)+SUM(c)+frob(1)"))).toEqual(["ROUND", "MAX", "SUM", "FROB"]);
    expect(calledFunctions(expr("a+1"))).toEqual([]);
  });
});

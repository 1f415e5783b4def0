/**
 * The hostile-input corpus against the core: for every broken model, `analyzeWorkbook` does not
 * throw, refuses the model, reports the expected problem at the expected place, and finishes
 * within the case's bound. The Office.js adapter and `cvm build` get the same cases in
 * hostile-excel.test.ts and hostile-cli.test.ts.
 */
import { analyzeWorkbook, type Analysis } from "../../src/core/model/analyze";
import { BASE, CATEGORIES, CORPUS } from "./corpus";
import { expectReported } from "./expect";

describe("the corpus", () => {
  test("holds at least 60 cases with unique names", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    const names = CORPUS.map((c) => c.name.toLowerCase());
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  test("covers every category of the issue, each with several cases", () => {
    const counts = new Map(CATEGORIES.map((c) => [c, CORPUS.filter((x) => x.category === c).length]));
    expect([...counts].filter(([, n]) => n < 3)).toEqual([]);
    expect(CORPUS.every((c) => (CATEGORIES as readonly string[]).includes(c.category))).toBe(true);
  });

  test("every case expects at least one problem, each placed", () => {
    for (const c of CORPUS) {
      expect(c.expected.length).toBeGreaterThan(0);
      for (const e of c.expected) expect(e.range).toMatch(/^CVM_(Variables|Elements|Settings|Stakeholders|Actuals)$/);
    }
  });

  test("breaks a model that is valid: the base model has no problem at all", () => {
    const analysis = analyzeWorkbook(BASE.input());
    expect(analysis.problems).toEqual([]);
    expect(analysis.ok).toBe(true);
  });
});

describe("the core refuses every hostile model, within its bound", () => {
  test.each(CORPUS.map((c) => [`${c.category}: ${c.name}`, c] as const))("%s", (_, c) => {
    const input = c.input();
    let analysis: Analysis | undefined;
    const start = performance.now();
    expect(() => {
      analysis = analyzeWorkbook(input);
    }).not.toThrow();
    const elapsed = performance.now() - start;
    expect(analysis!.ok).toBe(false);
    expectReported(analysis!.problems, c);
    expect(elapsed).toBeLessThan(c.boundMs);
  });
});

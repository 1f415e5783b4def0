/**
 * The parse cache: a model is analysed once per distinct content of its ranges, however many
 * cells call the functions, and the cached answers are the uncached ones.
 */
import { analyzeWorkbook } from "../../src/core/model/analyze";
import type { WorkbookInput } from "../../src/core/workbook/cells";
import { hashGrids } from "../../src/functions/content-key";
import { createCvm } from "../../src/functions/cvm";
import { createModelCache, uncachedModels } from "../../src/functions/model-cache";
import { generatedModel } from "../support/generated-model";
import { type Cell, elements, fresh, type Grid, variables } from "./helpers";

/** The generated model of 500 elements (125 variables, ids Value_1…Value_500, an Actual on every tenth), as mutable grids. */
const TABLES = generatedModel(500, { actuals: true });
const mutable = (rows: readonly (readonly Cell[])[]): Grid => rows.map((row) => [...row]);
const MODEL = { elements: mutable(TABLES.elements), variables: mutable(TABLES.variables), settings: mutable(TABLES.settings!) };
const deepCopies = (grid: Grid, n: number) => Array.from({ length: n }, () => fresh(grid));

function countingCache(capacity?: number) {
  const calls = { analyses: 0 };
  const cache = createModelCache({
    analyze: (input: WorkbookInput) => {
      calls.analyses += 1;
      return analyzeWorkbook(input);
    },
    ...(capacity ? { capacity } : {}),
  });
  return { cache, calls, cvm: createCvm(cache) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

it("the generated model is valid and computes", () => {
  const cvm = createCvm(uncachedModels());
  expect(cvm.issues(MODEL.elements, MODEL.variables, MODEL.settings)).toEqual({ ok: true, value: [[""]] });
});

describe("10,000 calls over one 500-element model", () => {
  it("ELEMENTVALUE, TOTAL and REALIZED analyse it once, and a cached call costs a small fraction of an analysis", () => {
    const { cvm, calls, cache } = countingCache();
    // Excel passes fresh arrays on every call: rotate through distinct copies of equal content.
    const elementCopies = deepCopies(MODEL.elements, 50);
    const variableCopies = deepCopies(MODEL.variables, 50);
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) {
      const e = elementCopies[i % 50]!;
      const v = variableCopies[(i * 7) % 50]!;
      const which = i % 10;
      const outcome =
        which < 8
          ? cvm.value(e, v, `Value_${(i % 500) + 1}`, which < 4 ? null : (i % 5) + 1)
          : which === 8
            ? cvm.total(e, v, null)
            : cvm.realized(e, v);
      if (!outcome.ok) throw new Error(outcome.failure.message);
    }
    const cachedMs = performance.now() - started;
    expect(calls.analyses).toBe(1);
    expect(cache.stats()).toMatchObject({ analyses: 1, hits: 9_999 });

    const uncached = createCvm(uncachedModels());
    const analysisMs = median(
      Array.from({ length: 7 }, () => {
        const t = performance.now();
        uncached.total(fresh(MODEL.elements), fresh(MODEL.variables));
        return performance.now() - t;
      }),
    );
    console.log(
      `10,000 cached calls: ${cachedMs.toFixed(1)} ms (${((cachedMs / 10_000) * 1000).toFixed(1)} µs a call); one analysis: ${analysisMs.toFixed(2)} ms`,
    );
    // Loose, so that a slow CI machine does not fail it; the measured ratio is far larger.
    expect(cachedMs / 10_000).toBeLessThan(analysisMs / 5);
  });

  it("NETPRESENTVALUE, ROI, PAYBACK, ISSUES and SENSITIVITY analyse it once too", () => {
    const { cvm, calls } = countingCache();
    for (let i = 0; i < 10_000; i++) {
      const args = [fresh(MODEL.elements), fresh(MODEL.variables), fresh(MODEL.settings)] as const;
      const outcome = [cvm.npv, cvm.roi, cvm.payback, cvm.issues, cvm.sensitivity][i % 5]!(...args);
      if (!outcome.ok) throw new Error(outcome.failure.message);
    }
    expect(calls.analyses).toBe(1);
  });
});

describe("what a new analysis takes", () => {
  it("a changed cell causes exactly one new analysis; the old content is still cached", () => {
    const { cvm, calls } = countingCache();
    const changed = fresh(MODEL.variables);
    changed[3]![1] = 99;
    expect(cvm.total(fresh(MODEL.elements), fresh(MODEL.variables)).ok).toBe(true);
    const before = cvm.total(fresh(MODEL.elements), changed);
    for (let i = 0; i < 100; i++) cvm.total(fresh(MODEL.elements), fresh(changed));
    expect(calls.analyses).toBe(2);
    cvm.total(fresh(MODEL.elements), fresh(MODEL.variables));
    expect(calls.analyses).toBe(2);
    expect(before).toEqual(createCvm(uncachedModels()).total(MODEL.elements, changed));
  });

  it("the model used last is compared cell by cell: a change in the very last cell is a new model", () => {
    const { cvm, calls } = countingCache();
    const changed = fresh(MODEL.variables);
    const lastRow = changed[changed.length - 1]!;
    lastRow[lastRow.length - 1] = Number(lastRow[lastRow.length - 1]) + 1;
    expect(cvm.total(fresh(MODEL.elements), fresh(MODEL.variables)).ok).toBe(true);
    const after = cvm.total(fresh(MODEL.elements), fresh(changed));
    expect(calls.analyses).toBe(2);
    expect(after).toEqual(createCvm(uncachedModels()).total(MODEL.elements, changed));
  });

  it("an array the caller mutates in place is seen as changed", () => {
    const { cvm, calls } = countingCache();
    const vars = variables(["X", 1]);
    const els = elements({ element: "A", formula: "X*2" });
    expect(cvm.total(els, vars)).toEqual({ ok: true, value: 2 });
    vars[1]![1] = 5;
    expect(cvm.total(els, vars)).toEqual({ ok: true, value: 10 });
    expect(calls.analyses).toBe(2);
  });

  it("settings given, omitted as null or as undefined: omitted is one model", () => {
    const { cvm, calls } = countingCache();
    cvm.issues(MODEL.elements, MODEL.variables, null);
    cvm.issues(MODEL.elements, MODEL.variables, undefined);
    cvm.value(MODEL.elements, MODEL.variables, "Value_1");
    expect(calls.analyses).toBe(1);
    cvm.issues(MODEL.elements, MODEL.variables, MODEL.settings);
    expect(calls.analyses).toBe(2);
  });

  it("ranges with equal hashes but different content are told apart", () => {
    // Long strings are sampled, not hashed whole: changing the second character keeps the hash.
    const sum = "1+1+1+1+1+1+1+1+1+1+1+1+1+1+1";
    const product = "1*1+1+1+1+1+1+1+1+1+1+1+1+1+1";
    const a = elements({ element: "A", formula: sum });
    const b = elements({ element: "A", formula: product });
    const vars = variables(["X", 1]);
    expect(hashGrids([a, vars, undefined])).toBe(hashGrids([b, vars, undefined]));
    const { cvm, calls } = countingCache();
    expect(cvm.total(a, vars)).toEqual({ ok: true, value: 15 });
    expect(cvm.total(b, vars)).toEqual({ ok: true, value: 14 });
    expect(cvm.total(a, vars)).toEqual({ ok: true, value: 15 });
    expect(calls.analyses).toBe(2);
  });

  it("keeps a bounded number of models, dropping the least recently used", () => {
    const { cvm, calls } = countingCache(2);
    const model = (x: number) => variables(["X", x]);
    const els = elements({ element: "A", formula: "X" });
    cvm.total(els, model(1));
    cvm.total(els, model(2));
    cvm.total(els, model(1)); // 1 is now the most recent
    cvm.total(els, model(3)); // evicts 2
    expect(calls.analyses).toBe(3);
    cvm.total(els, model(1));
    expect(calls.analyses).toBe(3);
    cvm.total(els, model(2));
    expect(calls.analyses).toBe(4);
  });

  it("what is derived from a model (the sensitivity) is computed once per model", () => {
    const cache = createModelCache();
    const compute = jest.fn(() => "derived");
    const first = cache.model(MODEL.elements, MODEL.variables, MODEL.settings).derive("sensitivity", compute);
    const again = cache.model(fresh(MODEL.elements), fresh(MODEL.variables), fresh(MODEL.settings)).derive("sensitivity", compute);
    expect([first, again]).toEqual(["derived", "derived"]);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it("EVAL reads a variables range once per content", () => {
    const cache = createModelCache();
    const cvm = createCvm(cache);
    for (let i = 0; i < 1000; i++) cvm.evaluate(`Input_${(i % 40) + 1}*2`, fresh(MODEL.variables));
    expect(cache.stats().scopes).toBe(1);
  });
});

it("cached results equal the uncached computation, function by function", () => {
  const cached = createCvm(createModelCache());
  const uncached = createCvm(uncachedModels());
  const { elements: e, variables: v, settings: s } = MODEL;
  for (const cvm of [cached, cached]) {
    // Twice through the cache: the second pass answers from it.
    for (const id of ["Value_1", "value_4", "Value_77", "element 250", "VALUE_500"]) {
      for (const year of [null, 1, 2, 5, 30]) expect(cvm.value(fresh(e), fresh(v), id, year)).toEqual(uncached.value(e, v, id, year));
    }
    for (const year of [null, 1, 3, 5]) expect(cvm.total(fresh(e), fresh(v), year)).toEqual(uncached.total(e, v, year));
    expect(cvm.npv(fresh(e), fresh(v), fresh(s))).toEqual(uncached.npv(e, v, s));
    expect(cvm.roi(fresh(e), fresh(v), fresh(s))).toEqual(uncached.roi(e, v, s));
    expect(cvm.payback(fresh(e), fresh(v), fresh(s))).toEqual(uncached.payback(e, v, s));
    expect(cvm.issues(fresh(e), fresh(v), fresh(s))).toEqual(uncached.issues(e, v, s));
    expect(cvm.sensitivity(fresh(e), fresh(v), fresh(s))).toEqual(uncached.sensitivity(e, v, s));
    expect(cvm.realized(fresh(e), fresh(v))).toEqual(uncached.realized(e, v));
    expect(cvm.evaluate("Input_1*Input_2", fresh(v))).toEqual(uncached.evaluate("Input_1*Input_2", v));
  }
});

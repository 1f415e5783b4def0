/**
 * The pure parts of the benchmark (bench/): the median, rounding, bench/results.json's shape and
 * the goals, the generated customers CSV and the scripts a page loads. No timing is asserted
 * anywhere: speed goals are the benchmark's, never a test's.
 */
import { customersCsv } from "../../bench/batch";
import { localScripts } from "../../bench/bundles";
import { GOALS, goalChecks, type ResultsInput, resultsJson, resultsOf } from "../../bench/results";
import { median, roundSignificant } from "../../bench/stats";

describe("median", () => {
  it("is the middle value of an odd count, whatever the order", () => {
    expect(median([5])).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([10, 1, 7, 3, 200])).toBe(7);
  });

  it("is the mean of the two middle values of an even count", () => {
    expect(median([1, 2])).toBe(1.5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("sorts numerically, not as text, and leaves its argument as it was", () => {
    const values = [100, 9, 20];
    expect(median(values)).toBe(20);
    expect(values).toEqual([100, 9, 20]);
  });

  it("refuses no values", () => {
    expect(() => median([])).toThrow("median of no values");
  });
});

describe("roundSignificant", () => {
  it.each([
    [0.0912345, 0.0912],
    [152.345, 152],
    [1234567, 1230000],
    [46.849, 46.8],
    [0, 0],
    [-3.14159, -3.14],
  ])("%p to 3 significant digits is %p", (value, rounded) => {
    expect(roundSignificant(value)).toBe(rounded);
  });
});

const INPUT: ResultsInput = {
  core: [
    { elements: 10, totalMs: 2.123456 },
    { elements: 100, totalMs: 8.80123 },
    { elements: 1000, totalMs: 100.3333 },
    { elements: 10_000, totalMs: 787.2222 },
  ],
  hyperformula: { elements: 1000, medianMs: 355.2 },
  functionCalls: { cachedMs: 806.3, uncachedMs: 37_735.4 },
  syncs: [
    { elements: 10, syncs: 3, payloadBytes: 48_232 },
    { elements: 100, syncs: 3, payloadBytes: 217_826 },
    { elements: 1000, syncs: 3, payloadBytes: 1_992_698 },
  ],
  batchWorkbooksPerSecond: 62.04,
  taskpaneInitialGzipBytes: 197_222,
};

describe("bench/results.json", () => {
  it("has exactly the documented keys, every figure a number", () => {
    const results = resultsOf(INPUT);
    expect(Object.keys(results)).toEqual([
      "coreMs",
      "hyperformulaMs",
      "coreVsHyperformula1000",
      "functionCalls",
      "syncCalls",
      "payloadBytes",
      "batchWorkbooksPerSecond",
      "taskpaneInitialGzipKB",
    ]);
    expect(Object.keys(results.coreMs)).toEqual(["10", "100", "1000", "10000"]);
    expect(Object.keys(results.hyperformulaMs)).toEqual(["1000"]);
    expect(Object.keys(results.functionCalls)).toEqual(["cachedMs", "uncachedMs", "ratio"]);
    expect(Object.keys(results.syncCalls)).toEqual(["10", "100", "1000"]);
    expect(Object.keys(results.payloadBytes)).toEqual(["10", "100", "1000"]);
    const leaves = (value: unknown): unknown[] =>
      typeof value === "object" && value !== null ? Object.values(value).flatMap(leaves) : [value];
    expect(leaves(results).every((v) => typeof v === "number" && Number.isFinite(v))).toBe(true);
  });

  it("rounds times and ratios to 3 significant digits, counts and bytes to whole numbers, KB to a tenth", () => {
    expect(resultsOf(INPUT)).toEqual({
      coreMs: { "10": 2.12, "100": 8.8, "1000": 100, "10000": 787 },
      hyperformulaMs: { "1000": 355 },
      coreVsHyperformula1000: 3.54,
      functionCalls: { cachedMs: 806, uncachedMs: 37_700, ratio: 46.8 },
      syncCalls: { "10": 3, "100": 3, "1000": 3 },
      payloadBytes: { "10": 48_232, "100": 217_826, "1000": 1_992_698 },
      batchWorkbooksPerSecond: 62,
      taskpaneInitialGzipKB: 192.6,
    });
  });

  it("computes the ratios from the unrounded figures: HyperFormula ÷ core, uncached ÷ cached", () => {
    const results = resultsOf({
      ...INPUT,
      core: INPUT.core.map((c) => (c.elements === 1000 ? { ...c, totalMs: 10.04 } : c)),
      hyperformula: { elements: 1000, medianMs: 250.6 },
    });
    expect(results.coreVsHyperformula1000).toBe(roundSignificant(250.6 / 10.04));
    expect(results.functionCalls.ratio).toBe(roundSignificant(37_735.4 / 806.3));
  });

  it("refuses measurements that lack a size it reports", () => {
    expect(() => resultsOf({ ...INPUT, core: INPUT.core.filter((c) => c.elements !== 10_000) })).toThrow(
      "no core time measured at 10000 elements",
    );
    expect(() => resultsOf({ ...INPUT, syncs: INPUT.syncs.slice(1) })).toThrow("no sync count measured at 10 elements");
    expect(() => resultsOf({ ...INPUT, hyperformula: { elements: 100, medianMs: 1 } })).toThrow("not 1,000");
  });

  it("is written as indented JSON with one final newline, and reads back the same", () => {
    const results = resultsOf(INPUT);
    const text = resultsJson(results);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n  "coreMs": {\n    "10": 2.12,');
    expect(JSON.parse(text)).toEqual(results);
  });
});

describe("the goals", () => {
  const status = (input: ResultsInput) => Object.fromEntries(goalChecks(resultsOf(input)).map((g) => [g.figure, g.met]));

  it("are checked against the figures, one row per goal", () => {
    expect(status(INPUT)).toEqual({
      "context.sync() calls of a build (10 / 100 / 1,000 elements)": true,
      "core time from 1,000 to 10,000 elements": true,
      "HyperFormula ÷ core, 1,000 elements": false,
      "10,000 function calls, uncached ÷ cached": false,
      "cvm batch, 1,000 customers": true,
      "task pane initial JavaScript, gzipped": true,
    });
  });

  it("want the same sync count at every size, at most 3", () => {
    const sync = (counts: number[]) =>
      status({ ...INPUT, syncs: INPUT.syncs.map((s, i) => ({ ...s, syncs: counts[i]! })) })[
        "context.sync() calls of a build (10 / 100 / 1,000 elements)"
      ];
    expect(sync([3, 3, 3])).toBe(true);
    expect(sync([2, 2, 3])).toBe(false);
    expect(sync([4, 4, 4])).toBe(false);
  });

  it("hold each figure to its threshold, the threshold itself included", () => {
    const met = status({
      ...INPUT,
      hyperformula: { elements: 1000, medianMs: 100.3333 * GOALS.minCoreVsHyperformula },
      functionCalls: { cachedMs: 100, uncachedMs: 100 * GOALS.minCacheRatio },
      batchWorkbooksPerSecond: GOALS.minBatchWorkbooksPerSecond,
      taskpaneInitialGzipBytes: GOALS.maxTaskpaneInitialGzipKB * 1024,
      core: INPUT.core.map((c) => (c.elements === 10_000 ? { ...c, totalMs: 100.3333 * 20 } : c)),
    });
    expect(Object.values(met)).toEqual([true, false, true, true, true, true]);
  });
});

describe("the generated customers CSV", () => {
  const columns = ["Customer", "PipelineMiles", "LeaksPerMile", "WetShare", "CostPerRepair", "LabourCostPerHour", "InsurancePremium"];

  it("has the header and one line per customer, unique names, the same every time", () => {
    const csv = customersCsv(columns, 1000);
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe(columns.join(","));
    expect(lines).toHaveLength(1001);
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0])).size).toBe(1000);
    expect(lines.slice(1).every((l) => l.split(",").length === columns.length)).toBe(true);
    expect(customersCsv(columns, 1000)).toBe(csv);
  });

  it("writes numbers as people type them, with some cells left empty", () => {
    const cells = customersCsv(columns, 200)
      .trimEnd()
      .split("\n")
      .slice(1)
      .flatMap((l) => l.split(",").slice(1));
    expect(cells.every((c) => c === "" || /^\d+(\.\d+)?%?$/.test(c))).toBe(true);
    const empty = cells.filter((c) => c === "").length / cells.length;
    expect(empty).toBeGreaterThan(0.08);
    expect(empty).toBeLessThan(0.25);
  });

  it("gives a customer's Low and High around its own value, and leaves them empty with it (the sample's CSV has range columns)", () => {
    const header = ["Customer", "PipelineMiles", "PipelineMiles Low", "PipelineMiles High"];
    const rows = customersCsv(header, 300)
      .trimEnd()
      .split("\n")
      .slice(1)
      .map((l) => l.split(",").slice(1));
    expect(rows.some(([value]) => value === "")).toBe(true);
    for (const [value, low, high] of rows) {
      if (value === "") {
        expect([low, high]).toEqual(["", ""]);
        continue;
      }
      expect(Number(low)).toBeLessThanOrEqual(Number(value));
      expect(Number(high)).toBeGreaterThanOrEqual(Number(value));
    }
  });

  it("refuses a column it has no values for", () => {
    expect(() => customersCsv(["Customer", "Unheard"], 1)).toThrow('no values for the sample\'s column "Unheard"');
  });
});

describe("the scripts a page loads", () => {
  it("are its local <script src>, in order; CDN scripts are not the add-in's", () => {
    const html =
      '<head><script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script><script defer src=functions.js></script><script defer src="commands.js"></script><script defer src=\'taskpane.js\'></script><script src="//cdn.example.com/x.js"></script></head>';
    expect(localScripts(html)).toEqual(["functions.js", "commands.js", "taskpane.js"]);
  });
});

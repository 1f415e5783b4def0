/**
 * The benchmark's report (docs/benchmarks.md and the terminal's table) from given figures: the
 * machine and the date, each goal with its status, and how each figure was measured.
 */
import { formatMs, markdownReport, type Measurements, textReport } from "../../bench/report";
import { resultsOf } from "../../bench/results";

const core = [10, 100, 1000, 10_000].map((elements, i) => ({
  elements,
  analyzeMs: [0.3, 1, 12, 125][i]!,
  planMs: [0.7, 3, 35, 500][i]!,
  totalMs: [1, 4, 47, 625][i]!,
  sensitivityMs: [0.1, 0.8, 11, 160][i]!,
  runs: elements >= 10_000 ? 3 : 5,
  warmups: elements >= 10_000 ? 1 : 2,
  repeats: elements >= 1000 ? 1 : 20,
  plannedCells: elements * 64,
  plannedFormulas: elements * 11,
}));

const MEASUREMENTS: Measurements = {
  machine: { cpu: "Test CPU", cores: 2, memoryGB: 8, os: "Test OS", node: "v20.0.0", date: "2026-11-23T09:30:00.000Z", loadAverage: 0.5 },
  core,
  hyperformula: {
    timing: { elements: 1000, version: "3.5.0", medianMs: 280, runs: 5, warmups: 2 },
    formulas: 10_124,
    functions: ["IF", "NPV", "SUM"],
    missingFunctions: [],
    agreement: {
      compared: 1013,
      results: ["CVM_NPV"],
      elements: 1000,
      stakeholders: 4,
      maxRelativeDifference: 1e-12,
      disagreements: [],
      tolerance: 1e-6,
    },
  },
  functionCalls: {
    elements: 500,
    calls: 10_000,
    cachedMs: 750,
    cachedRuns: 5,
    uncachedMs: 40_000,
    uncachedSample: 1000,
    uncachedRuns: 3,
    extrapolated: true,
    ratio: 40_000 / 750,
    checked: 50,
  },
  syncs: [10, 100, 1000].map((elements) => ({ elements, syncs: 3, payloadBytes: elements * 2000, largestRequestBytes: elements * 1900 })),
  batch: {
    customers: 1000,
    runsSeconds: [16, 17, 15],
    medianSeconds: 16,
    workbooksPerSecond: 62.5,
    summary: "Wrote 1000 customer workbooks to /tmp/cvm-bench-batch-x/run-2 in 16 s (2 threads).",
  },
  bundles: {
    taskpaneScripts: [
      { file: "functions.js", bytes: 50_000, gzipBytes: 17_000 },
      { file: "taskpane.js", bytes: 500_000, gzipBytes: 150_000 },
    ],
    taskpaneInitialGzipBytes: 167_000,
    addin: [
      { file: "functions.js", bytes: 50_000, gzipBytes: 17_000 },
      { file: "taskpane.js", bytes: 500_000, gzipBytes: 150_000 },
    ],
    cli: [{ file: "cvm.js", bytes: 300_000, gzipBytes: 75_000 }],
  },
  seconds: 150,
  loadAverageAtEnd: 1.5,
};

const results = resultsOf({
  core,
  hyperformula: MEASUREMENTS.hyperformula.timing,
  functionCalls: MEASUREMENTS.functionCalls,
  syncs: MEASUREMENTS.syncs,
  batchWorkbooksPerSecond: MEASUREMENTS.batch.workbooksPerSecond,
  taskpaneInitialGzipBytes: MEASUREMENTS.bundles.taskpaneInitialGzipBytes,
});

describe("docs/benchmarks.md", () => {
  const doc = markdownReport(MEASUREMENTS, results);

  it("names the machine, the date and the load", () => {
    expect(doc).toContain("2026-11-23 09:30 UTC on Test CPU, 2 cores, 8 GB; Test OS; Node v20.0.0.");
    expect(doc).toContain("Load average 0.5 when the run started and 1.5 when it ended");
  });

  it("has each goal with its status", () => {
    expect(doc).toContain("| HyperFormula ÷ core, 1,000 elements | 5.96× | at least 20× | MISSED |");
    expect(doc).toContain("| 10,000 function calls, uncached ÷ cached | 53.3× | at least 50× | met |");
    expect(doc).toContain(
      "| context.sync() calls of a build (10 / 100 / 1,000 elements) | 3 / 3 / 3 | the same at every size, at most 3 | met |",
    );
    expect(doc).toContain("| task pane initial JavaScript, gzipped | 163.1 KB | at most 350 KB | met |");
  });

  it("has the core's table by size with its growth, and the note on linearity", () => {
    expect(doc).toContain("| 10,000 | 125 | 500 | 160 | 625 | 62.5 | 13.3× | 110,000 | 3 |");
    expect(doc).toContain("The steps: 4.00× from 10 to 100, 11.8× from 100 to 1,000, 13.3× from 1,000 to 10,000.");
    expect(doc).toContain(
      "From 1,000 to 10,000, the step the goal judges (a fixed part matters least there), it grew 13.3×: faster than linear (goal: at most 13.0×).",
    );
    expect(doc).toContain("In that step analysing grew 10.4×, planning without the sensitivity 14.2× and the sensitivity 14.5×.");
  });

  it("says when the uncached calls were extrapolated from a sample", () => {
    expect(doc).toContain("so 1,000 calls of the same mix were timed and the time scaled to 10,000");
    expect(doc).toContain("extrapolated from 1,000 calls, median of 3 runs; 4.00 ms a call");
  });

  it("hides the temporary folder of the batch", () => {
    expect(doc).toContain("to a temporary folder in 16 s");
    expect(doc).not.toContain("/tmp/");
  });
});

describe("the terminal's table", () => {
  it("shows every goal with met or MISSED, and the sections in order", () => {
    const text = textReport(MEASUREMENTS, results);
    expect(text.match(/ (met|MISSED)$/gm)).toHaveLength(6);
    const sections = ["Goals", "Core:", "HyperFormula on", "Custom-function calls", "Office.js adapter", "cvm batch", "Bundles"].map((s) =>
      text.indexOf(`\n\n${s}`),
    );
    expect(sections.every((at, i) => at > 0 && (i === 0 || at > sections[i - 1]!))).toBe(true);
  });
});

describe("formatMs", () => {
  it.each([
    [0.012345, "0.0123"],
    [1.2345, "1.23"],
    [12.345, "12.3"],
    [1234.5, "1,235"],
  ])("%p ms reads %p", (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });
});

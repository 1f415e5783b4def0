/**
 * `npm run bench` (after the builds it measures): runs each measurement in turn, prints the table
 * and writes docs/benchmarks.md and bench/results.json. Progress goes to standard error.
 *
 * Bundled into dist-bench/bench.js by webpack.bench.config.js; the repository is the folder above.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { timeBatch } from "./batch";
import { bundleSizes } from "./bundles";
import { coreBuild, timeCore } from "./core-timing";
import { timeFunctionCalls } from "./function-calls";
import { compareWithCore, computeWithHyperformula, hyperformulaWorkbook, timeHyperformula } from "./hyperformula";
import { machine } from "./machine";
import { CORE_SIZES, FUNCTION_MODEL_SIZE, SYNC_SIZES } from "./models";
import { markdownReport, type Measurements, textReport } from "./report";
import { resultsJson, resultsOf } from "./results";
import { measureSyncs } from "./syncs";

const ROOT = path.resolve(__dirname, "..");
const DOC = path.join(ROOT, "docs", "benchmarks.md");
const RESULTS = path.join(ROOT, "bench", "results.json");

/** How many runs each figure is the median of. */
const PLAN = {
  core: (elements: number) => (elements >= 10_000 ? { runs: 3, warmups: 1, minRunMs: 0 } : { runs: 5, warmups: 2, minRunMs: 150 }),
  hyperformula: { elements: 1000, runs: 5, warmups: 2 },
  // Without the cache the 10,000 calls take some 40 s here: all of them are timed, twice. Fewer
  // (uncachedSample) would be timed and scaled up, and the report would say so.
  functionCalls: { elements: FUNCTION_MODEL_SIZE, calls: 10_000, cachedRuns: 5, uncachedSample: 10_000, uncachedRuns: 2 },
  batch: { customers: 1000, runs: 3, warmupCustomers: 20 },
} as const;

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function main(): Promise<void> {
  const started = performance.now();
  const host = machine();
  progress(`${host.cpu}, ${host.cores} cores, Node ${host.node}; load average ${host.loadAverage}`);

  const core = CORE_SIZES.map((elements) => {
    const timing = timeCore(elements, PLAN.core(elements));
    progress(`core, ${elements} elements: ${timing.totalMs.toFixed(2)} ms`);
    return timing;
  });

  const { elements: hfElements } = PLAN.hyperformula;
  const build = coreBuild(hfElements);
  const workbook = hyperformulaWorkbook(build);
  const engine = computeWithHyperformula(workbook);
  const agreement = compareWithCore(engine, build);
  engine.destroy();
  const hfTiming = timeHyperformula(hfElements, workbook, PLAN.hyperformula);
  progress(
    `HyperFormula, ${hfElements} elements: ${hfTiming.medianMs.toFixed(1)} ms; ${agreement.disagreements.length === 0 ? "agrees with the core" : "DISAGREES with the core"}`,
  );

  const functionCalls = timeFunctionCalls(PLAN.functionCalls);
  progress(
    `function calls: ${functionCalls.cachedMs.toFixed(1)} ms cached, ${functionCalls.uncachedMs.toFixed(0)} ms uncached${functionCalls.extrapolated ? " (extrapolated)" : ""}`,
  );

  const syncs = [];
  for (const elements of SYNC_SIZES) {
    const measure = await measureSyncs(elements);
    progress(`simulated build, ${elements} elements: ${measure.syncs} syncs, ${measure.payloadBytes} bytes`);
    syncs.push(measure);
  }

  const batch = timeBatch(ROOT, PLAN.batch);
  progress(`cvm batch: ${batch.workbooksPerSecond.toFixed(1)} workbooks a second`);

  const bundles = bundleSizes(ROOT);

  const measurements: Measurements = {
    machine: host,
    core,
    hyperformula: {
      timing: hfTiming,
      formulas: workbook.formulas,
      functions: workbook.functions,
      missingFunctions: workbook.missingFunctions,
      agreement,
    },
    functionCalls,
    syncs,
    batch,
    bundles,
    seconds: (performance.now() - started) / 1000,
    loadAverageAtEnd: Math.round(os.loadavg()[0]! * 100) / 100,
  };
  const results = resultsOf({
    core,
    hyperformula: hfTiming,
    functionCalls,
    syncs,
    batchWorkbooksPerSecond: batch.workbooksPerSecond,
    taskpaneInitialGzipBytes: bundles.taskpaneInitialGzipBytes,
  });
  fs.writeFileSync(RESULTS, resultsJson(results));
  fs.writeFileSync(DOC, markdownReport(measurements, results));
  process.stdout.write(
    `\n${textReport(measurements, results)}\n\nWrote ${path.relative(ROOT, DOC)} and ${path.relative(ROOT, RESULTS)}.\n`,
  );
  if (agreement.disagreements.length > 0) {
    process.stderr.write(`bench: HyperFormula and the core disagree: ${agreement.disagreements.join("; ")}\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

/**
 * The benchmark's report: a plain-text table for the terminal and docs/benchmarks.md. Pure: the
 * figures and the machine in, text out.
 */
import type { BatchTiming } from "./batch";
import type { BundleSizes } from "./bundles";
import type { CoreTiming } from "./core-timing";
import type { FunctionCallTiming } from "./function-calls";
import type { Agreement, HyperformulaTiming } from "./hyperformula";
import type { Machine } from "./machine";
import { type BenchResults, GOALS, goalChecks } from "./results";
import type { SyncMeasure } from "./syncs";

export interface Measurements {
  readonly machine: Machine;
  readonly core: readonly CoreTiming[];
  readonly hyperformula: {
    readonly timing: HyperformulaTiming;
    readonly formulas: number;
    readonly functions: readonly string[];
    readonly missingFunctions: readonly string[];
    readonly agreement: Agreement;
  };
  readonly functionCalls: FunctionCallTiming;
  readonly syncs: readonly SyncMeasure[];
  readonly batch: BatchTiming;
  readonly bundles: BundleSizes;
  /** Seconds the whole benchmark took (the builds before it not included). */
  readonly seconds: number;
  /** The 1-minute load average when it ended (the machine's has the one at its start). */
  readonly loadAverageAtEnd: number;
}

type Table = { readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[]; readonly right?: readonly number[] };

const count = (n: number) => n.toLocaleString("en-US");
/** A time in ms with sensible precision: 0.0123, 1.23, 12.3, 123. */
export function formatMs(ms: number): string {
  if (ms >= 100) return count(Math.round(ms));
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toPrecision(3);
}
const plural = (n: number, what: string) => `${count(n)} ${what}${n === 1 ? "" : "s"}`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const times = (x: number) => `${x >= 100 ? count(Math.round(x)) : x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`;
const mark = (met: boolean) => (met ? "met" : "MISSED");

function goalTable(results: BenchResults): Table {
  return {
    headers: ["Figure", "Measured", "Goal", "Status"],
    rows: goalChecks(results).map((g) => [g.figure, g.measured, g.goal, mark(g.met)]),
  };
}

function coreTable(core: readonly CoreTiming[]): Table {
  return {
    headers: [
      "Elements",
      "Analyse (ms)",
      "Plan (ms)",
      "of which sensitivity (ms)",
      "Analyse + plan (ms)",
      "Per element (µs)",
      "Growth",
      "Formulas planned",
      "Runs",
    ],
    right: [0, 1, 2, 3, 4, 5, 6, 7, 8],
    rows: core.map((t, i) => [
      count(t.elements),
      formatMs(t.analyzeMs),
      formatMs(t.planMs),
      formatMs(t.sensitivityMs),
      formatMs(t.totalMs),
      ((t.totalMs * 1000) / t.elements).toFixed(1),
      i === 0 ? "" : times(t.totalMs / core[i - 1]!.totalMs),
      count(t.plannedFormulas),
      t.repeats > 1 ? `${t.runs} × ${t.repeats}` : String(t.runs),
    ]),
  };
}

function hyperformulaTable(m: Measurements, results: BenchResults): Table {
  const hf = m.hyperformula;
  const core = m.core.find((t) => t.elements === hf.timing.elements)!;
  const agreement = hf.agreement;
  return {
    headers: ["1,000 elements", ""],
    rows: [
      ["Core: analyse + plan (ms)", formatMs(core.totalMs)],
      ["HyperFormula: load and compute the Value Summary (ms)", formatMs(hf.timing.medianMs)],
      ["HyperFormula ÷ core", times(results.coreVsHyperformula1000)],
      ["Formulas HyperFormula computed", count(hf.formulas)],
      ["Functions they call", hf.functions.join(", ")],
      ["Functions HyperFormula lacks", hf.missingFunctions.length === 0 ? "none" : hf.missingFunctions.join(", ")],
      [
        "Agreement with the core",
        agreement.disagreements.length === 0
          ? `all ${count(agreement.compared)} values agree (the ${agreement.results.length} result names, ${count(agreement.elements)} element values and ${agreement.stakeholders} stakeholder totals); largest relative difference ${agreement.maxRelativeDifference.toExponential(1)}, tolerance ${agreement.tolerance.toExponential(0)}`
          : `${agreement.disagreements.length} of ${count(agreement.compared)} values DISAGREE: ${agreement.disagreements.slice(0, 3).join("; ")}`,
      ],
    ],
  };
}

function functionCallTable(f: FunctionCallTiming): Table {
  const perCall = `${formatMs(f.uncachedMs / f.calls)} ms a call`;
  const uncached = f.extrapolated
    ? `${formatMs(f.uncachedMs)} (extrapolated from ${count(f.uncachedSample)} calls, median of ${f.uncachedRuns} runs; ${perCall})`
    : `${formatMs(f.uncachedMs)} (median of ${f.uncachedRuns} runs; ${perCall})`;
  return {
    headers: [`${count(f.calls)} calls, ${count(f.elements)} elements`, ""],
    rows: [
      [
        "With the parse cache (ms)",
        `${formatMs(f.cachedMs)} (${((f.cachedMs / f.calls) * 1000).toFixed(1)} µs a call; median of ${f.cachedRuns} runs)`,
      ],
      ["Without it (ms)", uncached],
      ["Uncached ÷ cached", times(f.ratio)],
    ],
  };
}

function syncTable(syncs: readonly SyncMeasure[]): Table {
  return {
    headers: ["Elements", "context.sync() calls", "Payload (bytes)", "Largest request (bytes)"],
    right: [0, 1, 2, 3],
    rows: syncs.map((s) => [count(s.elements), String(s.syncs), count(s.payloadBytes), count(s.largestRequestBytes)]),
  };
}

function batchTable(b: BatchTiming): Table {
  return {
    headers: [`cvm batch, ${count(b.customers)} customers`, ""],
    rows: [
      ["Runs (s, wall clock)", b.runsSeconds.map((s) => s.toFixed(1)).join(", ")],
      ["Median (s)", b.medianSeconds.toFixed(1)],
      ["Workbooks a second", b.workbooksPerSecond.toFixed(1)],
      ["What cvm said", b.summary.replace(/ to \S*cvm-bench-batch-\S*/, " to a temporary folder")],
    ],
  };
}

function bundleTable(b: BundleSizes): Table {
  const initial = new Set(b.taskpaneScripts.map((s) => s.file));
  return {
    headers: ["Bundle", "Size", "Gzipped", "Loaded by"],
    right: [1, 2],
    rows: [
      ...b.addin.map((s) => [`dist/${s.file}`, kb(s.bytes), kb(s.gzipBytes), initial.has(s.file) ? "taskpane.html" : ""]),
      [
        "taskpane.html initial load",
        kb(b.taskpaneScripts.reduce((sum, s) => sum + s.bytes, 0)),
        kb(b.taskpaneInitialGzipBytes),
        b.taskpaneScripts.map((s) => s.file).join(" + "),
      ],
      ...b.cli.map((s) => [`dist-cli/${s.file}`, kb(s.bytes), kb(s.gzipBytes), "cvm (Node, not gzipped in use)"]),
    ],
  };
}

function textTable(table: Table): string {
  const all = [table.headers, ...table.rows];
  const widths = table.headers.map((_, c) => Math.max(...all.map((row) => (row[c] ?? "").length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, c) => (table.right?.includes(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  return [line(table.headers), widths.map((w) => "-".repeat(w)).join("  "), ...table.rows.map(line)].join("\n");
}

function markdownTable(table: Table): string {
  const escape = (cell: string) => cell.replace(/\|/g, "\\|").replace(/</g, "&lt;");
  const align = table.headers.map((_, c) => (table.right?.includes(c) ? "---:" : "---"));
  return [
    `| ${table.headers.map(escape).join(" | ")} |`,
    `| ${align.join(" | ")} |`,
    ...table.rows.map((row) => `| ${row.map(escape).join(" | ")} |`),
  ].join("\n");
}

function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB; ${m.os}; Node ${m.node}`;
}

/** What the terminal shows at the end of `npm run bench`. */
export function textReport(m: Measurements, results: BenchResults): string {
  const section = (title: string, table: Table) => `${title}\n${textTable(table)}`;
  return [
    `Benchmark, ${m.machine.date} (${machineLine(m.machine)}; load average ${m.machine.loadAverage} at start, ${m.loadAverageAtEnd} at end)`,
    section("Goals", goalTable(results)),
    section("Core: parse, validate, compute (analyse) and plan, by size", coreTable(m.core)),
    section("HyperFormula on the same model's native formulas", hyperformulaTable(m, results)),
    section("Custom-function calls over one model", functionCallTable(m.functionCalls)),
    section("Office.js adapter: one build on the in-memory simulation", syncTable(m.syncs)),
    section("cvm batch", batchTable(m.batch)),
    section("Bundles (production build)", bundleTable(m.bundles)),
    `The benchmark took ${Math.round(m.seconds)} s (builds not included).`,
  ].join("\n\n");
}

function linearityNote(core: readonly CoreTiming[]): string {
  const steps = core
    .slice(1)
    .map((t, i) => `${times(t.totalMs / core[i]!.totalMs)} from ${count(core[i]!.elements)} to ${count(t.elements)}`);
  const perElement = core.map((t) => `${((t.totalMs * 1000) / t.elements).toFixed(0)} µs at ${count(t.elements)}`).join(", ");
  const [before, last] = core.slice(-2);
  if (!before || !last) return `Time per element: ${perElement}.`;
  const growth = last.totalMs / before.totalMs;
  const verdict =
    growth <= GOALS.maxGrowthPer10x
      ? `From ${count(before.elements)} to ${count(last.elements)}, the step the goal judges (a fixed part matters least there), it grew ${times(growth)}: linear within the goal's margin for noise (at most ${times(GOALS.maxGrowthPer10x)}).`
      : `From ${count(before.elements)} to ${count(last.elements)}, the step the goal judges (a fixed part matters least there), it grew ${times(growth)}: faster than linear (goal: at most ${times(GOALS.maxGrowthPer10x)}).`;
  const parts = `In that step analysing grew ${times(last.analyzeMs / before.analyzeMs)}, planning without the sensitivity ${times((last.planMs - last.sensitivityMs) / (before.planMs - before.sensitivityMs))} and the sensitivity ${times(last.sensitivityMs / before.sensitivityMs)}.`;
  return [
    `Each size has 10× the elements of the one before, so time that grows linearly grows about 10× from row to row and the time per element stays flat. The steps: ${steps.join(", ")}. ${verdict} ${parts}`,
    `Time per element: ${perElement}. A step below 10× means a fixed part (headers, results, styles, the record of the build) that small models are mostly made of; a step above 10× that some part grows faster than the model, or a larger heap costing more to collect.`,
  ].join(" ");
}

function whereTheTimeGoes(core: readonly CoreTiming[]): string {
  const at = core.find((t) => t.elements === 1000) ?? core[core.length - 1]!;
  // Shares of the two medians' sum, so that they add up (the median of the totals is another run's).
  const share = (ms: number) => `${Math.round((100 * ms) / (at.analyzeMs + at.planMs))}%`;
  return (
    `At ${count(at.elements)} elements, analysing takes ${formatMs(at.analyzeMs)} ms (${share(at.analyzeMs)}) and planning ${formatMs(at.planMs)} ms (${share(at.planMs)}); ` +
    `of the planning, the NPV's sensitivity (every ranged variable at its Low and its High, computed at build for the Value Summary) takes ${formatMs(at.sensitivityMs)} ms. ` +
    `The plan is ${count(at.plannedFormulas)} formulas among ${count(at.plannedCells)} cells (Value Summary, Assumptions Log and the build record), each a string built and checked.`
  );
}

/** docs/benchmarks.md, regenerated by every `npm run bench`. */
export function markdownReport(m: Measurements, results: BenchResults): string {
  const f = m.functionCalls;
  const hf = m.hyperformula;
  const largest = m.core[m.core.length - 1]!;
  return `# Benchmarks

Generated by \`npm run bench\` (bench/, see below); do not edit by hand: every run rewrites this
file and [bench/results.json](../bench/results.json), which holds the same figures for tools.

**Measured** ${m.machine.date.slice(0, 16).replace("T", " ")} UTC on ${machineLine(m.machine)}.
Load average ${m.machine.loadAverage} when the run started and ${m.loadAverageAtEnd} when it ended (${m.machine.cores} cores): the
machine may be shared, and other work slows every figure. Speed goals are not tests: nothing in \`npm test\` fails because a machine is slow.

## Goals

${markdownTable(goalTable(results))}

## The core, by size

Parse, validate and compute (\`analyzeWorkbook\`, src/core/model/analyze.ts) the model given as the
three named ranges' values with their addresses, as Office.js hands them over, then plan the build
(\`planBuild\`, src/core/plan/build-plan.ts) into a workbook with nothing of the add-in's in it:
Value Summary, Assumptions Log, names and the build's record. Milliseconds for one build, median of
the runs after ${plural(m.core[0]?.warmups ?? 0, "untimed warm-up build")} of each size (${largest.warmups} at ${count(largest.elements)}); a run of a small model
averages many builds ("runs × builds a run"). The sensitivity column is part of the plan's time,
timed on its own.

${markdownTable(coreTable(m.core))}

${linearityNote(m.core)}

${whereTheTimeGoes(m.core)}

The models are the tests' generated model (test/support/generated-model.ts, \`generatedModel(n)\`):
n elements over n/4 variables (at least 6) with units, sources and Low/High ranges; formulas that
multiply variables, cap with MIN, guard with IF, round with ROUND and build on earlier elements by
id (every tenth); four ramps, four stakeholders, green and gray; 5 years, a discount rate, an
investment and an annual cost.

## HyperFormula on the same model

[HyperFormula](https://hyperformula.handsontable.com/) ${hf.timing.version}, a mature spreadsheet engine, computes
the same 1,000-element model from the formulas the add-in writes: the three input sheets as the
user's workbook holds them, the Value Summary exactly as the plan writes it (${count(hf.formulas)}
formulas, with its text and numbers) and the defined names the plan creates (one per variable, one
per element id, the nine \`CVM_*\` results), loaded with \`HyperFormula.buildFromSheets\` (names
given at load, licence key \`gpl-v3\`, array arithmetic on as in Excel 365, as the workbook is
read there). Timed from the call to
every value computed (HyperFormula computes as it loads); median of ${hf.timing.runs} runs after
${plural(hf.timing.warmups, "warm-up load")}, in the same process as the core.

${markdownTable(hyperformulaTable(m, results))}

What was compared: HyperFormula's value of each of the nine result names, of each element id's
name (the element's annual value in the Value Summary) and of each stakeholder's total in the
Value Summary's value by stakeholder, against the core's figure, to a relative
${hf.agreement.tolerance.toExponential(0)}; ROI and payback without a value must be #N/A in both. ${
    hf.missingFunctions.length === 0
      ? "Every function the plan writes exists in HyperFormula, so every formula was computed."
      : `HyperFormula lacks ${hf.missingFunctions.join(", ")}: the cells that call ${hf.missingFunctions.length === 1 ? "it" : "them"} compute to #NAME? there; ${hf.agreement.disagreements.length === 0 ? "none of the values compared above depends on them." : "the values compared above that depend on them disagree."}`
  } HyperFormula computes only the Value Summary: the Assumptions Log (inputs and references to the
summary) and the build record are planned by the core but not loaded into HyperFormula, and the
NPV's sensitivity is on the sheet as numbers the core computed; the core's time includes all of
that, so it does more of the work in this comparison, not less.

HyperFormula is GPL-3.0. It is a development dependency for this benchmark only: the benchmark's
bundle keeps it external (webpack.bench.config.js) and loads it from node_modules, and
test/bench/hyperformula-not-shipped.test.ts fails if anything the add-in or the command line ships
could reach it.

## Custom functions: the parse cache

${count(f.calls)} calls of the CVM functions over one ${count(f.elements)}-element model, as a workbook full of
CVM formulas makes them: each call gets fresh arrays of the ranges' values (rotating through
distinct copies of equal content, as Excel passes new arrays every time). The mix, of every ten
calls: four \`CVM.ELEMENTVALUE\` of an element, four \`CVM.ELEMENTVALUE\` of an element in a year, one \`CVM.TOTAL\`,
one \`CVM.NETPRESENTVALUE\`; the element varies from call to call. With the cache (\`createCvm(createModelCache())\`,
src/functions/model-cache.ts) a model is analysed once per distinct content and found again by a
hash of the arrays and an exact comparison; without it (\`createCvm(uncachedModels())\`) every call
reads, validates and computes the model again. Each cached run starts with an empty cache (its
first call analyses). ${
    f.extrapolated
      ? `Without the cache ${count(f.calls)} calls would take minutes, so ${count(f.uncachedSample)} calls of the same mix were timed and the time scaled to ${count(f.calls)} (calls without the cache each cost the same analysis).`
      : `Both were timed over all ${count(f.calls)} calls.`
  } The first ${f.checked} answers were checked equal with and without the cache.

${markdownTable(functionCallTable(f))}

## Office.js: round trips of a build

A whole build through the Office.js adapter (\`buildWorkbook\` over \`excelWorkbook\`, src/app/pipeline.ts: read the
workbook, analyse, plan, write, recalculate) on the in-memory Excel simulation (src/devtools/simulation/excel)
seeded with the generated model as test/adapters/excel/build.test.ts seeds it. \`context.sync()\`
calls are the simulation's syncs; payload is the JSON length of every argument and value the
requests carry (the simulation's \`payloadBytes\`). Deterministic: one build per size.

${markdownTable(syncTable(m.syncs))}

## cvm batch

The built command line (\`node bin/cvm.js batch assets/sample/pipeline-leak-analytics.xlsx <csv>
--out-dir <temporary folder>\`, threads left to their default) over a generated CSV of
${count(m.batch.customers)} customers with the columns of assets/sample/customers.csv (plausible values, about
one cell in six empty), wall clock from start to exit, after a warm-up batch of a few customers;
the median of ${m.batch.runsSeconds.length} runs. The folder is removed afterwards.

${markdownTable(batchTable(m.batch))}

## Bundles

The production build (\`npm run build\`). The task pane's initial load is the JavaScript
taskpane.html loads from the add-in's own folder (office.js comes from Microsoft's CDN), gzipped at
level 9 as the build's own budget check (webpack/bundle-budget-plugin.js) measures it.

${markdownTable(bundleTable(m.bundles))}

## Running it

\`npm run bench\` builds the add-in and the command line (\`npm run build\`), bundles bench/ for Node
(\`npm run build:bench\`, into dist-bench/, not committed) and runs it: about ${Math.max(1, Math.round(m.seconds / 60))} minute${Math.round(m.seconds / 60) > 1 ? "s" : ""} here besides the builds.
The modules: core-timing.ts, hyperformula.ts, function-calls.ts, syncs.ts, batch.ts, bundles.ts
(one measurement each), results.ts (results.json's shape and the goals), report.ts (this file and
the terminal's table), main.ts (runs them in turn).
`;
}

import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describeLocation, describeProblem } from "../../core/problems";
import { resultsJson } from "../../core/results-json";
import { OUTSIDE_RANGE } from "../../core/model/ranges";
import { CSV_SETTINGS } from "../../core/model/settings";
import { batchError, type BatchProblem, batchWarning, describeBatchProblem } from "./batch-problems";
import { computeCustomer, type CustomerInput, ownsActualsRow } from "./customer-model";
import { type BatchModel, openBatchModel } from "./customer-workbook";
import { byPlace, readCustomersCsv } from "./customers-csv";
import { assignFileNames } from "./file-names";
import { checkOutDir, type OutDirCheck, Staging } from "./out-dir";
import { buildAll, BuildFailure, Interrupted } from "./pool";
import { NO_PROGRESS, type Progress, terminalProgress } from "./progress";
import { cannotWrite, readInputFile, whyNotAWorkbook } from "../input-files";
import { ROLLUP_CSV, ROLLUP_JSON, type RollupEntry, rollupCsv, rollupJson } from "./rollup";

/**
 * `cvm batch <model.xlsx> <customers.csv> [--out-dir DIR]`: one value workbook per customer and
 * a roll-up. Everything is checked before anything is written: the model (as `cvm build` checks
 * it), the CSV (every line and column), every customer's numbers (computed by the core). Then the
 * workbooks are built, in worker threads when there are enough customers to pay for starting
 * them, into a staging folder, and moved into place all together.
 */

export interface BatchIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now: () => Date;
}

export interface BatchOptions {
  readonly modelPath: string;
  readonly csvPath: string;
  /** Default: beside the model, `<model name>.customers`. */
  readonly outDir?: string;
  /**
   * Threads that build workbooks: 1 is this thread alone; n adds n - 1 worker threads. "auto" (the
   * default): up to MAX_THREADS, as many as the machine has cores, from MIN_CUSTOMERS_FOR_WORKERS customers.
   */
  readonly threads?: number | "auto";
  /** The bundled worker; default batch-worker.js beside this bundle. Without it every workbook is built in this thread. */
  readonly workerScript?: string;
  /** Aborting (Ctrl+C) stops the batch and leaves the output folder as it was. */
  readonly signal?: AbortSignal;
  /** Draw the progress bar on standard error (only on a terminal). */
  readonly progress?: boolean;
  /** The terminal's width, for the progress bar. */
  readonly columns?: number;
  /** Told of each finished workbook and of the moving into place. */
  readonly onEvent?: (event: BatchEvent) => void;
}

export type BatchEvent = { readonly kind: "built" | "moved"; readonly done: number; readonly total: number };

export const EXIT_BATCH = { ok: 0, errors: 1, usage: 2, interrupted: 130 } as const;

/**
 * Fewer customers than this are built in this thread alone. A worker takes about 0.3 s of a
 * core to start (Node, the bundle, ExcelJS, the model; more on a busy machine) and a few
 * workbooks to reach full speed. Measured on a 2-core machine (sample model): 24 and 48
 * customers were slower with a worker, 100 broke even, 200 and 1,000 gained.
 */
export const MIN_CUSTOMERS_FOR_WORKERS = 100;
/** At most this many threads build, this one included. */
export const MAX_THREADS = 4;

export function defaultOutDir(modelPath: string): string {
  return path.join(path.dirname(modelPath), `${path.basename(modelPath).replace(/\.xlsx$/i, "")}.customers`);
}

/** How many threads build the workbooks: 1 is this one alone. */
export function chooseThreads(requested: number | "auto", customers: number, cores: number): number {
  if (requested !== "auto") return Math.max(1, Math.min(requested, customers));
  if (customers < MIN_CUSTOMERS_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(cores, MAX_THREADS));
}

const ELSEWHERE = "choose another folder with --out-dir";

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

export async function runBatch(options: BatchOptions, io: BatchIo): Promise<number> {
  const started = performance.now();
  const { modelPath, csvPath } = options;
  const outDir = options.outDir ?? defaultOutDir(modelPath);
  const now = io.now();

  const modelBytes = await readInputFile(modelPath, "model", io.stderr);
  if (!modelBytes) return EXIT_BATCH.usage;
  const csvBytes = await readInputFile(csvPath, "csv", io.stderr);
  if (!csvBytes) return EXIT_BATCH.usage;
  const model = await checkModel(modelPath, modelBytes, now, io);
  if (typeof model === "number") return model;
  const customers = checkCustomers(csvPath, csvBytes, model, io);
  if (typeof customers === "number") return customers;

  // Where the files go, and that nothing there is someone else's.
  const files = assignFileNames(customers.entries.map((e) => e.customer));
  const rollupEntries: RollupEntry[] = customers.entries.map((e, i) => ({ ...e, file: files[i]! }));
  const check = await checkOutDir(outDir, [...files, ROLLUP_CSV, ROLLUP_JSON]);
  if (!check.ok) {
    io.stderr(`cvm: ${check.message}\n`);
    return EXIT_BATCH.usage;
  }
  const workerScript = options.workerScript ?? path.join(__dirname, "batch-worker.js");
  const threads = threadsFor(options.threads ?? "auto", rollupEntries.length, workerScript, io);

  const batch: Batch = { options, model, now, outDir, inputs: customers.inputs, files, rollupEntries, check, threads, workerScript };
  const failed = await writeBatch(batch, io);
  if (failed !== undefined) return failed;
  reportWritten(batch, performance.now() - started, io);
  return EXIT_BATCH.ok;
}

/** The model, as `cvm build` reads it: the same problems, the same words. An exit code when it cannot be used. */
async function checkModel(modelPath: string, modelBytes: Uint8Array, now: Date, io: BatchIo): Promise<BatchModel | number> {
  const opened = await openBatchModel(modelBytes, now);
  if (opened.kind === "unreadable") {
    const why = await whyNotAWorkbook(modelPath, modelBytes);
    io.stderr(`${why ?? `cvm: cannot read ${modelPath} as an Excel workbook (.xlsx): ${opened.message}`}\n`);
    return EXIT_BATCH.usage;
  }
  if (opened.kind === "errors") {
    for (const problem of opened.problems) io.stderr(`${describeProblem(problem)}\n`);
    const errors = opened.problems.filter((p) => p.severity === "error").length;
    io.stderr(`cvm: ${plural(errors, "error")} in ${modelPath}; nothing was written.\n`);
    return EXIT_BATCH.errors;
  }
  // The model's own Values against its ranges are no customer's: each customer's are checked below.
  for (const problem of opened.warnings) if (problem.code !== OUTSIDE_RANGE) io.stderr(`${describeProblem(problem)}\n`);
  return opened.model;
}

interface CheckedCustomers {
  readonly inputs: readonly CustomerInput[];
  readonly entries: readonly Omit<RollupEntry, "file">[];
}

/** The CSV, then every customer's numbers; an exit code when any is wrong. */
function checkCustomers(csvPath: string, csvBytes: Uint8Array, model: BatchModel, io: BatchIo): CheckedCustomers | number {
  const variables = model.base.model.variables;
  const csv = readCustomersCsv(
    csvBytes,
    variables.map((v, i) => ({
      name: v.name,
      value: v.value,
      percent: model.percent[i]!,
      hasLow: v.lowCell !== undefined,
      hasHigh: v.highCell !== undefined,
      ...model.base.bounds[i],
    })),
    model.base.model.elements.map((e) => ({ ...(e.id ? { id: e.id } : {}), element: e.element, hasActual: e.actualCell !== undefined })),
    // A customer's alternative goes into the model's cell of that setting: only where it has one.
    CSV_SETTINGS.flatMap((d) => (model.base.model.settings.cells[d.key] ? [d.key] : [])),
  );
  const problems: BatchProblem[] = [...csv.problems];
  const entries: Omit<RollupEntry, "file">[] = [];
  for (const row of csv.customers) {
    const outcome = computeCustomer(model.base, row);
    if (!outcome.ok) {
      for (const p of outcome.problems) {
        problems.push(
          batchError(`${p.message} The formula is in ${describeLocation(p)}; this line gives the customer's numbers.`, {
            line: row.line,
            customer: row.customer,
          }),
        );
      }
      continue;
    }
    for (const p of outcome.warnings)
      problems.push(
        batchWarning(`${p.message} (${describeLocation(p)} of the customer's workbook)`, { line: row.line, customer: row.customer }),
      );
    const json = resultsJson(outcome.model, outcome.results);
    entries.push({
      line: row.line,
      customer: row.customer,
      ...(json.alternative === undefined ? {} : { alternative: json.alternative }),
      totals: json.totals,
    });
  }
  for (const p of byPlace(problems)) io.stderr(`${describeBatchProblem(p, csvPath)}\n`);
  const errors = problems.filter((p) => p.severity === "error").length;
  if (errors > 0) {
    io.stderr(`cvm: ${plural(errors, "error")} in ${csvPath}; nothing was written.\n`);
    return EXIT_BATCH.errors;
  }
  return { inputs: csv.customers, entries };
}

/** The threads chosen, or this one alone when the worker script is missing (said only when threads were asked for). */
function threadsFor(requested: number | "auto", customers: number, workerScript: string, io: BatchIo): number {
  const threads = chooseThreads(requested, customers, os.availableParallelism());
  if (threads > 1 && !existsSync(workerScript)) {
    if (requested !== "auto") io.stderr(`cvm: worker threads are not available here (no ${workerScript}); building in one thread.\n`);
    return 1;
  }
  return threads;
}

/** A checked batch, ready to be written. */
interface Batch {
  readonly options: BatchOptions;
  readonly model: BatchModel;
  readonly now: Date;
  readonly outDir: string;
  readonly inputs: readonly CustomerInput[];
  readonly files: readonly string[];
  readonly rollupEntries: readonly RollupEntry[];
  readonly check: Extract<OutDirCheck, { ok: true }>;
  readonly threads: number;
  readonly workerScript: string;
}

/**
 * Builds every workbook and the roll-up into a staging folder, then moves them into place; an exit
 * code (and the output folder as it was) when that fails or is interrupted.
 */
async function writeBatch(batch: Batch, io: BatchIo): Promise<number | undefined> {
  const { options, outDir } = batch;
  let staging: Staging;
  try {
    staging = await Staging.create(outDir);
  } catch (e) {
    io.stderr(`${cannotWrite(outDir, e, ELSEWHERE)}\n`);
    return EXIT_BATCH.usage;
  }
  const progress = options.progress ? terminalProgress(io.stderr, batch.rollupEntries.length, { columns: options.columns }) : NO_PROGRESS;
  try {
    await buildIntoStaging(batch, staging, progress);
  } catch (e) {
    progress.finish();
    await staging.discard().catch(() => undefined);
    return reportFailure(batch, staging, e, io);
  }
  await staging.discard().catch(() => undefined);
  return undefined;
}

async function buildIntoStaging(batch: Batch, staging: Staging, progress: Progress): Promise<void> {
  const { options, model, now, files, rollupEntries, check } = batch;
  const { modelPath, csvPath, signal } = options;
  let done = 0;
  await buildAll({
    model,
    inputs: batch.inputs,
    now,
    threads: batch.threads,
    workerScript: batch.workerScript,
    signal,
    onBuilt: async (index, bytes) => {
      await fs.writeFile(staging.file(files[index]!), bytes);
      done++;
      progress.update(done);
      options.onEvent?.({ kind: "built", done, total: rollupEntries.length });
    },
  });
  const rollup = {
    model: path.basename(modelPath),
    customersCsv: path.basename(csvPath),
    built: now.toISOString(),
    currency: model.base.model.settings.currency,
    customers: rollupEntries,
    earlierFiles: check.earlier,
  };
  await fs.writeFile(staging.file(ROLLUP_CSV), rollupCsv(rollupEntries));
  await fs.writeFile(staging.file(ROLLUP_JSON), rollupJson(rollup));
  if (signal?.aborted) throw new Interrupted();
  progress.finish();
  // The roll-up last: a folder whose rollup.json is new holds every new workbook.
  const moving = [...files, ROLLUP_CSV, ROLLUP_JSON];
  await staging.commit(moving, check.replacing, signal, (moved) => options.onEvent?.({ kind: "moved", done: moved, total: moving.length }));
}

/** Why the batch was not written, once the staging folder is gone; the exit code. */
function reportFailure(batch: Batch, staging: Staging, e: unknown, io: BatchIo): number {
  const { outDir, rollupEntries } = batch;
  const { csvPath, signal } = batch.options;
  const kept =
    staging.unrestored.length > 0
      ? ` Some files could not be put back: ${staging.unrestored.join(", ")}; they are in ${staging.folder}.`
      : "";
  if (e instanceof Interrupted || signal?.aborted) {
    io.stderr(kept ? `cvm: interrupted.${kept}\n` : `cvm: interrupted; nothing was written, ${outDir} is as it was.\n`);
    return EXIT_BATCH.interrupted;
  }
  if (e instanceof BuildFailure) {
    const which = e.index === undefined ? "" : ` of ${rollupEntries[e.index]!.customer} (${csvPath}, line ${rollupEntries[e.index]!.line})`;
    io.stderr(`cvm: could not build the workbook${which}: ${e.message}; nothing was written.${kept}\n`);
    return EXIT_BATCH.usage;
  }
  io.stderr(`${cannotWrite(outDir, e, ELSEWHERE).replace(/\.$/, "")}; nothing was written.${kept}\n`);
  return EXIT_BATCH.usage;
}

/**
 * Where the model's measured results went: each workbook keeps its own customer's rows of
 * CVM_Actuals only (see customerEdit). Said after the build, as a note, when some workbook had
 * rows of others emptied: nothing is wrong.
 */
function actualsNote(batch: Batch): string | undefined {
  const rows = batch.model.actualsRows;
  const emptied = batch.inputs.filter((input) => rows.some((row) => !ownsActualsRow(batch.model.base, input, row.customer))).length;
  if (emptied === 0) return undefined;
  const at = batch.model.base.model.settings.customer.trim();
  const unnamed = rows.some((row) => row.customer === "")
    ? ` (a row without a Customer is ${at === "" ? "the model's customer's, whom its Customer setting does not name" : `${at}'s, the model's customer`})`
    : "";
  return `Note: each workbook keeps only its own customer's rows of CVM_Actuals${unnamed}; in ${emptied === batch.inputs.length ? "every workbook" : plural(emptied, "workbook")} the other rows were emptied.`;
}

/** The notes on the model's actuals and on an earlier batch's files left in the folder, and the summary line. */
function reportWritten(batch: Batch, elapsed: number, io: BatchIo): void {
  const { outDir, check, threads } = batch;
  const customers = batch.rollupEntries.length;
  const actuals = actualsNote(batch);
  if (actuals) io.stderr(`${actuals}\n`);
  if (check.earlier.length > 0) {
    const shown = check.earlier.slice(0, 5).join(", ") + (check.earlier.length > 5 ? ` and ${check.earlier.length - 5} more` : "");
    io.stderr(
      `Note: ${outDir} still holds ${plural(check.earlier.length, "file")} of an earlier batch whose customers are not in ${path.basename(batch.options.csvPath)}: ${shown}. They were left as they were (rollup.json lists them under earlierFiles); delete them if they are no longer wanted.\n`,
    );
  }
  const rate = customers / (elapsed / 1000);
  io.stdout(
    `Wrote ${plural(customers, "customer workbook")}, ${ROLLUP_CSV} and ${ROLLUP_JSON} to ${outDir} in ${seconds(elapsed)} (${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} workbooks a second${threads > 1 ? `, ${threads} threads` : ""}).\n`,
  );
}

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { describeProblem } from "../core/problems";
import { resultsJson } from "../core/results-json";
import { buildValueWorkbook } from "./build-workbook";
import { runBatch } from "./batch/run-batch";
import { writeSampleWorkbook } from "../sample/sample-workbook";

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now: () => Date;
  /** Whether standard error is a terminal (for progress bars); when absent, process.stderr's. */
  readonly stderrIsTTY?: boolean;
}

export const EXIT = { ok: 0, modelErrors: 1, usage: 2 } as const;

const USAGE = `Usage:
  cvm build <workbook.xlsx> [--out <file.xlsx>] [--json]
      Reads CVM_Variables, CVM_Elements and CVM_Settings and writes the Value Summary and the
      Assumptions Log into a copy (default <name>.value.xlsx). The input file is never modified.
      --json prints the results as JSON on standard output.
  cvm batch <model.xlsx> <customers.csv> [--out-dir <folder>] [--threads <n>]
      Builds one value workbook per customer: the CSV has a Customer column and one column per
      variable to override, named as the variable (an empty cell keeps the model's value).
      Writes <customer>.value.xlsx for each, rollup.csv and rollup.json into the folder
      (default <model name>.customers beside the model), all or nothing. --threads sets how many
      threads build (default auto: one per core, at most 4, from 100 customers; 1: this one only).
  cvm sample <file.xlsx>
      Writes the bundled sample model (pipeline-leak analytics) to <file.xlsx>.

Exit status: 0 success; 1 the model (or a customer) has errors (each printed with sheet, row and
column, or with the CSV's line and column); 2 bad usage, an unreadable file, or an output folder
holding files cvm did not write; 130 interrupted (nothing written).`;

class UsageError extends Error {}

function parseArgs(args: readonly string[], flags: readonly string[], options: readonly string[]) {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const set = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (flags.includes(arg)) set.add(arg);
    else if (options.includes(arg)) {
      const value = args[++i];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${arg} needs a value.`);
      values.set(arg, value);
    } else if (arg.startsWith("--")) throw new UsageError(`Unknown option ${arg}.`);
    else positional.push(arg);
  }
  return { positional, values, set };
}

/** Runs the command line; returns the exit status instead of exiting, so tests can call it. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      (command === undefined ? io.stderr : io.stdout)(`${USAGE}\n`);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === "build") return await build(rest, io);
    if (command === "sample") return await sample(rest, io);
    if (command === "batch") return await batch(rest, io);
    throw new UsageError(`Unknown command "${command}".`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`cvm: ${e.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

async function readInput(file: string, io: CliIo): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (e) {
    io.stderr(`cvm: cannot read ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}\n`);
    return undefined;
  }
}

/** Writes beside the target and renames, so a failed write never leaves a half-written workbook. */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temporary, bytes);
    await fs.rename(temporary, file);
  } catch (e) {
    await fs.rm(temporary, { force: true });
    throw e;
  }
}

async function build(args: readonly string[], io: CliIo): Promise<number> {
  const { positional, values, set } = parseArgs(args, ["--json"], ["--out"]);
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? "build needs a workbook." : "build takes one workbook.");
  const inputPath = positional[0]!;
  const outPath = values.get("--out") ?? path.join(path.dirname(inputPath), `${path.basename(inputPath).replace(/\.xlsx$/i, "")}.value.xlsx`);
  if (path.resolve(outPath) === path.resolve(inputPath)) throw new UsageError("--out must not be the input workbook: the input is never modified.");

  const input = await readInput(inputPath, io);
  if (!input) return EXIT.usage;
  let outcome;
  try {
    outcome = await buildValueWorkbook(input, io.now());
  } catch (e) {
    io.stderr(`cvm: cannot read ${inputPath} as an Excel workbook (.xlsx): ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  if (!outcome.ok) {
    for (const problem of outcome.problems) io.stderr(`${describeProblem(problem)}\n`);
    const errors = outcome.problems.filter((p) => p.severity === "error").length;
    io.stderr(`cvm: ${errors} error${errors === 1 ? "" : "s"} in ${inputPath}; nothing was written.\n`);
    return EXIT.modelErrors;
  }
  for (const problem of outcome.analysis.problems) io.stderr(`${describeProblem(problem)}\n`);
  try {
    await fs.mkdir(path.dirname(path.resolve(outPath)), { recursive: true });
    await writeAtomically(outPath, outcome.bytes);
  } catch (e) {
    io.stderr(`cvm: cannot write ${outPath}: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  const json = resultsJson(outcome.analysis.model, outcome.analysis.results);
  if (set.has("--json")) io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  else io.stdout(summaryText(json, outPath));
  return EXIT.ok;
}

function summaryText(json: ReturnType<typeof resultsJson>, outPath: string): string {
  const money = new Intl.NumberFormat("en-US", { style: "currency", currency: json.currency, maximumFractionDigits: 0 });
  const t = json.totals;
  return [
    `Wrote ${outPath}`,
    `  ${json.customer === "" ? "Customer not named" : `Customer: ${json.customer}`}; ${json.elements.length} value element${json.elements.length === 1 ? "" : "s"}`,
    `  Annual value ${money.format(t.TotalAnnualValue)} (green ${money.format(t.Green)}, gray ${money.format(t.Gray)})`,
    `  Net value ${money.format(t.NetValue)}, NPV ${money.format(t.NPV)}, ROI ${t.ROI === null ? "n/a (no cost)" : `${(t.ROI * 100).toFixed(1)}%`}, payback ${t.PaybackMonths === null ? "not within the horizon" : `${t.PaybackMonths.toFixed(1)} months`}`,
    "",
  ].join("\n");
}

async function sample(args: readonly string[], io: CliIo): Promise<number> {
  const { positional } = parseArgs(args, [], []);
  if (positional.length !== 1) throw new UsageError("sample needs the file to write.");
  const file = positional[0]!;
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeAtomically(file, await writeSampleWorkbook());
  io.stdout(`Wrote the sample model to ${file}\n`);
  return EXIT.ok;
}

async function batch(args: readonly string[], io: CliIo): Promise<number> {
  const { positional, values } = parseArgs(args, [], ["--out-dir", "--threads"]);
  if (positional.length !== 2) throw new UsageError(positional.length < 2 ? "batch needs a model workbook and a customers CSV." : "batch takes one model workbook and one customers CSV.");
  const [modelPath, csvPath] = positional as [string, string];
  const threadsText = values.get("--threads") ?? "auto";
  if (threadsText !== "auto" && !/^[1-9][0-9]?$/.test(threadsText)) throw new UsageError("--threads takes a whole number from 1 to 99, or auto.");
  const outDir = values.get("--out-dir");
  if (outDir !== undefined && path.resolve(outDir) === path.resolve(modelPath)) throw new UsageError("--out-dir must be a folder, not the model workbook.");

  // Ctrl+C (and a closed terminal, or a kill) stops the batch cleanly: the output folder is left as it was.
  const controller = new AbortController();
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  const onSignal = () => controller.abort();
  for (const s of signals) process.on(s, onSignal);
  try {
    return await runBatch(
      {
        modelPath,
        csvPath,
        ...(outDir !== undefined ? { outDir } : {}),
        threads: threadsText === "auto" ? "auto" : Number(threadsText),
        signal: controller.signal,
        progress: io.stderrIsTTY ?? process.stderr.isTTY === true,
        columns: process.stderr.columns || 80,
      },
      io,
    );
  } finally {
    for (const s of signals) process.off(s, onSignal);
  }
}

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
// Webpack keeps only the version of package.json in the bundle (JSON is tree-shaken by property).
import packageJson from "../../package.json";
import { describeProblem } from "../core/problems";
import { resultsJson } from "../core/results-json";
import { buildValueWorkbook } from "./build-workbook";
import { runBatch } from "./batch/run-batch";
import { writeSampleWorkbook } from "./sample-workbook";
import { cannotWrite, outputIsFolder, readInputFile, whyNotAWorkbook } from "./input-files";

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now: () => Date;
  /** Whether standard error is a terminal (for progress bars); when absent, process.stderr's. */
  readonly stderrIsTTY?: boolean;
}

export const EXIT = { ok: 0, modelErrors: 1, usage: 2 } as const;

/** The commands' help: each command's own, and the overview `cvm --help` prints. */
const HELP = {
  build: `Usage: cvm build <workbook.xlsx> [--out <file.xlsx>] [--json]

Reads the model's named ranges CVM_Variables, CVM_Elements and CVM_Settings (and CVM_Stakeholders
and CVM_Actuals where the workbook has them) and writes the Value Summary, the Value Map (with
CVM_Stakeholders) and the Assumptions Log into a copy of the workbook. The input file is never
modified.

Arguments:
  <workbook.xlsx>      the model workbook, saved from Excel

Options:
  --out <file.xlsx>    where to write the value workbook (default: <name>.value.xlsx beside the input)
  --json               print the results as JSON on standard output instead of the summary
                       (the workbook is written all the same)
  -h, --help           show this help

Exit status: 0 written; 1 the model has errors (each printed with sheet, row and column; nothing
is written); 2 bad usage, an unreadable input or an output that cannot be written.

Example:
  cvm build assets/sample/pipeline-leak-analytics.xlsx --out out/pipeline.value.xlsx`,
  batch: `Usage: cvm batch <model.xlsx> <customers.csv> [--out-dir <folder>] [--threads <n>]

Builds one value workbook per customer, and a roll-up. The CSV has a Customer column and one
column per variable to override, named as the variable (an empty cell keeps the model's value);
<Variable> Low, <Variable> High and <Element> Actual columns give a customer's range and realized
value; Alternative, AlternativeInvestment and AlternativeAnnualCost the customer's next-best
alternative. The model's CVM_Actuals stay only in its own customer's workbook. Everything is
checked before anything is written, and the folder gets all the files or none.

Arguments:
  <model.xlsx>         the model workbook, saved from Excel (never modified)
  <customers.csv>      the customers, one a line

Options:
  --out-dir <folder>   where to write <customer>.value.xlsx, rollup.csv and rollup.json
                       (default: <model name>.customers beside the model)
  --threads <n>        how many threads build: 1 to 99, or auto (default: auto, one per core, at
                       most 4, from 100 customers; 1 builds in this thread only)
  -h, --help           show this help

Exit status: 0 written; 1 the model or a customer has errors (each printed with its place;
nothing is written); 2 bad usage, an unreadable input, or an output folder that cannot be written
or holds files cvm did not write; 130 interrupted (nothing is written).

Example:
  cvm batch assets/sample/pipeline-leak-analytics.xlsx assets/sample/customers.csv --out-dir out/customers

The CSV's columns, its number formats and the output folder are described in docs/cli.md.`,
  sample: `Usage: cvm sample <file.xlsx>

Writes the bundled sample model (pipeline-leak analytics) to <file.xlsx>, replacing that file
if it exists.

Arguments:
  <file.xlsx>          where to write the sample model

Options:
  -h, --help           show this help

Exit status: 0 written; 2 bad usage or a file that cannot be written.

Example:
  cvm sample pipeline.xlsx`,
} as const;

type CommandName = keyof typeof HELP;

const OVERVIEW = `Usage: cvm <command> [arguments] [options]

Commands:
  cvm build <workbook.xlsx> [--out <file.xlsx>] [--json]
      Writes the Value Summary and the Assumptions Log into a copy of the model workbook.
  cvm batch <model.xlsx> <customers.csv> [--out-dir <folder>] [--threads <n>]
      One value workbook per customer of the CSV, and a roll-up (rollup.csv, rollup.json).
  cvm sample <file.xlsx>
      Writes the bundled sample model (pipeline-leak analytics).
  cvm help <command>
      Shows a command's options (as does cvm <command> --help).

Options:
  -h, --help           show this help
  -v, --version        show the version of cvm

Exit status: 0 success; 1 the model (or a customer) has errors (each printed with sheet, row and
column, or with the CSV's line and column); 2 bad usage, an unreadable file, or an output that
cannot be written; 130 interrupted (nothing written).`;

const COMMANDS = Object.keys(HELP) as CommandName[];
const isCommand = (name: string): name is CommandName => (COMMANDS as string[]).includes(name);

/** A mistake in the command line; `command` is the command it was given to, if any. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: CommandName,
  ) {
    super(message);
  }
}

const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;

type OptionValues = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
/** A string option's value (the strict parse has checked that it is one). */
const text = (values: OptionValues, name: string) => (typeof values[name] === "string" ? values[name] : undefined);

/**
 * The command's arguments, parsed by Node's own parser (strict: an unknown option is an error).
 * When it refuses them, they are parsed again leniently to find the argument to name, rather
 * than repeating Node's message, which speaks of positionals and ambiguity.
 */
function parseCommandArgs(
  command: CommandName,
  args: readonly string[],
  options: NonNullable<ParseArgsConfig["options"]>,
): { positionals: string[]; values: OptionValues } {
  const all: NonNullable<ParseArgsConfig["options"]> = { ...options, ...HELP_OPTION };
  const config = { args: [...args], options: all, allowPositionals: true };
  try {
    return parseArgs({ ...config, strict: true });
  } catch (e) {
    const { tokens, values } = parseArgs({ ...config, strict: false, tokens: true });
    if (values.help === true) return { values: { help: true }, positionals: [] };
    for (const token of tokens) {
      if (token.kind !== "option") continue;
      const known = all[token.name];
      if (!known) throw new UsageError(`unknown option ${token.rawName}.`, command);
      if (known.type === "boolean" && token.value !== undefined) throw new UsageError(`${token.rawName} takes no value.`, command);
      if (known.type === "string" && (token.value === undefined || (!token.inlineValue && token.value.startsWith("-")))) {
        throw new UsageError(
          `${token.rawName} needs a value${token.value === undefined ? "" : ` (to give one that begins with "-", write ${token.rawName}=${token.value})`}.`,
          command,
        );
      }
    }
    throw new UsageError(`the arguments cannot be read: ${(e as Error).message}`, command);
  }
}

/** Runs the command line; returns the exit status instead of exiting, so tests can call it. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) {
      io.stderr(`${OVERVIEW}\n`);
      return EXIT.usage;
    }
    if (first === "--help" || first === "-h" || first === "help") {
      const topic = rest[0];
      if (topic === undefined || topic === "--help" || topic === "-h") io.stdout(`${OVERVIEW}\n`);
      else if (isCommand(topic)) io.stdout(`${HELP[topic]}\n`);
      else throw new UsageError(`there is no command "${topic}"; the commands are ${COMMANDS.join(", ")}.`);
      return EXIT.ok;
    }
    if (first === "--version" || first === "-v") {
      io.stdout(`${packageJson.version}\n`);
      return EXIT.ok;
    }
    if (first.startsWith("-")) throw new UsageError(`unknown option ${first}; an option goes after the command.`);
    if (!isCommand(first)) throw new UsageError(`there is no command "${first}"; the commands are ${COMMANDS.join(", ")}.`);
    if (first === "build") return await build(rest, io);
    if (first === "sample") return await sample(rest, io);
    return await batch(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(
        e.command === undefined
          ? `cvm: ${e.message}\nRun "cvm --help" for the commands.\n`
          : `cvm ${e.command}: ${e.message}\n${HELP[e.command].split("\n")[0]}\nRun "cvm ${e.command} --help" for its options.\n`,
      );
      return EXIT.usage;
    }
    throw e;
  }
}

/** Prints the command's help when asked; true when it did. */
function helped(command: CommandName, values: OptionValues, io: CliIo): boolean {
  if (values.help !== true) return false;
  io.stdout(`${HELP[command]}\n`);
  return true;
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
  const { positionals, values } = parseCommandArgs("build", args, { out: { type: "string" }, json: { type: "boolean" } });
  if (helped("build", values, io)) return EXIT.ok;
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0 ? "give the model workbook (.xlsx)." : `give one workbook, not ${positionals.length}.`,
      "build",
    );
  const inputPath = positionals[0]!;
  const out = text(values, "out");
  const outPath = out ?? path.join(path.dirname(inputPath), `${path.basename(inputPath).replace(/\.xlsx$/i, "")}.value.xlsx`);
  if (path.resolve(outPath) === path.resolve(inputPath))
    throw new UsageError("--out must not be the input workbook: the input is never modified.", "build");

  const input = await readInputFile(inputPath, "model", io.stderr);
  if (!input) return EXIT.usage;
  // Before the build's work, an output that is a folder.
  const folder = await outputIsFolder(outPath);
  if (folder) {
    io.stderr(`${folder}\n`);
    return EXIT.usage;
  }
  let outcome;
  try {
    outcome = await buildValueWorkbook(input, io.now());
  } catch (e) {
    const why = await whyNotAWorkbook(inputPath, input);
    if (why === undefined) throw e;
    io.stderr(`${why}\n`);
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
    io.stderr(`${cannotWrite(outPath, e, "choose another place with --out")}\n`);
    return EXIT.usage;
  }
  const json = resultsJson(outcome.analysis.model, outcome.analysis.results);
  if (values.json === true) io.stdout(`${JSON.stringify(json, null, 2)}\n`);
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
    ...(json.alternative === undefined || t.Incentive === undefined || t.PriceDifference === undefined
      ? []
      : [
          `  Incentive to purchase ${money.format(t.Incentive)} against ${json.alternative} (price difference ${money.format(t.PriceDifference)})`,
        ]),
    ...(json.valueMap
      ? [`  Value Map: ${json.valueMap.stakeholders.length} stakeholder${json.valueMap.stakeholders.length === 1 ? "" : "s"}`]
      : []),
    "",
  ].join("\n");
}

async function sample(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandArgs("sample", args, {});
  if (helped("sample", values, io)) return EXIT.ok;
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0 ? "give the file to write (.xlsx)." : `give one file to write, not ${positionals.length}.`,
      "sample",
    );
  const file = positionals[0]!;
  const folder = await outputIsFolder(file);
  if (folder) {
    io.stderr(`${folder}\n`);
    return EXIT.usage;
  }
  try {
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeAtomically(file, await writeSampleWorkbook());
  } catch (e) {
    io.stderr(`${cannotWrite(file, e, "give another file name")}\n`);
    return EXIT.usage;
  }
  io.stdout(`Wrote the sample model to ${file}\n`);
  return EXIT.ok;
}

async function batch(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandArgs("batch", args, { "out-dir": { type: "string" }, threads: { type: "string" } });
  if (helped("batch", values, io)) return EXIT.ok;
  if (positionals.length !== 2)
    throw new UsageError(
      positionals.length < 2
        ? "give the model workbook (.xlsx) and the customers CSV, in that order."
        : `give one model workbook and one customers CSV, not ${positionals.length} files.`,
      "batch",
    );
  const [modelPath, csvPath] = positionals as [string, string];
  const threadsText = text(values, "threads") ?? "auto";
  if (threadsText !== "auto" && !/^[1-9][0-9]?$/.test(threadsText))
    throw new UsageError("--threads takes a whole number from 1 to 99, or auto.", "batch");
  const outDir = text(values, "out-dir");
  if (outDir !== undefined && path.resolve(outDir) === path.resolve(modelPath))
    throw new UsageError("--out-dir must be a folder, not the model workbook.", "batch");

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

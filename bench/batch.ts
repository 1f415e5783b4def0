/**
 * `cvm batch` throughput: the built command line (bin/cvm.js, from `npm run build`) building one
 * value workbook per customer of a generated CSV over the bundled sample model, timed on the wall
 * clock from start-up to exit, into a temporary folder that is removed afterwards.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { median } from "./stats";

export const SAMPLE_MODEL = "assets/sample/pipeline-leak-analytics.xlsx";
const SAMPLE_CUSTOMERS = "assets/sample/customers.csv";

/** Plausible values for each column of the sample's customers.csv, and how to write them. */
const COLUMNS: Readonly<Record<string, { low: number; high: number; text: (value: number) => string }>> = {
  PipelineMiles: { low: 300, high: 3000, text: (v) => String(Math.round(v)) },
  LeaksPerMile: { low: 0.005, high: 0.025, text: (v) => v.toFixed(4) },
  WetShare: { low: 0.15, high: 0.65, text: (v) => `${Math.round(v * 100)}%` },
  CostPerRepair: { low: 120_000, high: 240_000, text: (v) => String(Math.round(v / 1000) * 1000) },
  LabourCostPerHour: { low: 80, high: 120, text: (v) => String(Math.round(v)) },
  InsurancePremium: { low: 500_000, high: 1_600_000, text: (v) => String(Math.round(v / 10_000) * 10_000) },
};

/** The columns of the sample's customers.csv: Customer, then the variables it overrides. */
export function sampleColumns(root: string): string[] {
  const header = fs.readFileSync(path.join(root, SAMPLE_CUSTOMERS), "utf8").split(/\r?\n/, 1)[0]!;
  return header.split(",").map((c) => c.trim());
}

/**
 * A customers CSV of `count` customers over `columns` (the first is Customer): deterministic,
 * every value in a plausible range, and about one cell in six left empty (the model's value is
 * kept), as in the sample.
 */
export function customersCsv(columns: readonly string[], count: number): string {
  let seed = 20261123;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const [customer, ...variables] = columns;
  if (customer !== "Customer") throw new Error(`the sample CSV's first column is "${customer}", not Customer`);
  const lines = [columns.join(",")];
  for (let i = 1; i <= count; i++) {
    const fields = [`Customer ${String(i).padStart(4, "0")} Pipeline Co`];
    // A customer's Low and High bracket its own value (10% either side), and are left empty with it.
    const drawn = new Map<string, number | undefined>();
    for (const header of variables) {
      const end = /^(.+) (Low|High)$/.exec(header);
      const variable = end ? end[1]! : header;
      const column = COLUMNS[variable];
      if (!column) throw new Error(`bench/batch.ts has no values for the sample's column "${header}"`);
      if (end) {
        const value = drawn.get(variable);
        fields.push(value === undefined ? "" : column.text(value * (end[2] === "Low" ? 0.9 : 1.1)));
        continue;
      }
      const value = column.low + random() * (column.high - column.low);
      const kept = random() < 1 / 6 ? undefined : value;
      drawn.set(variable, kept);
      fields.push(kept === undefined ? "" : column.text(kept));
    }
    lines.push(fields.join(","));
  }
  return `${lines.join("\n")}\n`;
}

export interface BatchTiming {
  readonly customers: number;
  /** Wall-clock seconds of each run, start-up included. */
  readonly runsSeconds: readonly number[];
  readonly medianSeconds: number;
  readonly workbooksPerSecond: number;
  /** What the command said at the end (its threads among it). */
  readonly summary: string;
}

function runBatch(root: string, csv: string, outDir: string): { seconds: number; stdout: string } {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [path.join(root, "bin", "cvm.js"), "batch", path.join(root, SAMPLE_MODEL), csv, "--out-dir", outDir],
    {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`cvm batch exited with ${run.status ?? run.signal}:\n${run.stdout}\n${run.stderr}`);
  return { seconds, stdout: run.stdout.trim() };
}

/** A warm-up batch of a few customers, then `runs` batches of `customers`, each into a new folder. */
export function timeBatch(root: string, options: { customers: number; runs: number; warmupCustomers: number }): BatchTiming {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cvm-bench-batch-"));
  try {
    const columns = sampleColumns(root);
    const warmupCsv = path.join(work, "warmup.csv");
    fs.writeFileSync(warmupCsv, customersCsv(columns, options.warmupCustomers));
    runBatch(root, warmupCsv, path.join(work, "warmup"));
    const csv = path.join(work, "customers.csv");
    fs.writeFileSync(csv, customersCsv(columns, options.customers));
    const runs: { seconds: number; stdout: string }[] = [];
    for (let run = 0; run < options.runs; run++) {
      const outDir = path.join(work, `run-${run}`);
      runs.push(runBatch(root, csv, outDir));
      const written = fs.readdirSync(outDir).filter((f) => f.endsWith(".value.xlsx")).length;
      if (written !== options.customers) throw new Error(`cvm batch wrote ${written} workbooks, not ${options.customers}`);
      fs.rmSync(outDir, { recursive: true, force: true });
    }
    const medianSeconds = median(runs.map((r) => r.seconds));
    return {
      customers: options.customers,
      runsSeconds: runs.map((r) => r.seconds),
      medianSeconds,
      workbooksPerSecond: options.customers / medianSeconds,
      summary: runs[runs.length - 1]!.stdout,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

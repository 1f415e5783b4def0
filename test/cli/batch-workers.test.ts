import { execFile } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { excelSerialDate } from "../../src/core/plan/formats";
import { writeSampleWorkbook } from "../../src/cli/sample-workbook";
import { temporaryFolder } from "../support/build";

/**
 * The worker threads of `cvm batch` run the bundled dist-cli/batch-worker.js, so this runs the
 * built command line (bin/cvm.js) as a child process: the same customers with one thread and
 * with three threads (this one and two workers) must give the same roll-up and the same workbooks.
 */

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "cvm.js");

let folder: string;
let modelPath: string;
let csvPath: string;

beforeAll(async () => {
  // `npm ci` builds the command line (prepare); a checkout without it is built here.
  if (!existsSync(path.join(ROOT, "dist-cli", "cvm.js")) || !existsSync(path.join(ROOT, "dist-cli", "batch-worker.js"))) {
    await run(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build:cli"], { cwd: ROOT, shell: process.platform === "win32" });
  }
  folder = await temporaryFolder("batch-workers");
  modelPath = path.join(folder, "pipeline.xlsx");
  await fs.writeFile(modelPath, await writeSampleWorkbook());
  const lines = ["Customer,PipelineMiles,LeakReduction,CostPerRepair,FineProbability"];
  for (let i = 1; i <= 30; i++)
    lines.push(`Operator ${i},${400 + 37 * i},${10 + (i % 7) * 5}%,${150000 + 1000 * i},${i % 3 === 0 ? "" : 0.01 * (i % 9)}`);
  csvPath = path.join(folder, "customers.csv");
  await fs.writeFile(csvPath, `${lines.join("\n")}\n`);
});

/** Every part of a workbook, with the build time (the one thing two runs may differ in) blanked out. */
async function parts(file: string, builtAround: number): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    const text = await zip.file(name)?.async("string");
    if (text === undefined) continue;
    out[name] = text
      .replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/g, "<built>")
      .replace(/<v>(\d+\.\d+)<\/v>/g, (m, v: string) => (Math.abs(Number(v) - builtAround) < 1 ? "<v><built></v>" : m));
  }
  return out;
}

test("one thread and three threads give the same roll-up and the same workbooks", async () => {
  const one = path.join(folder, "one");
  const three = path.join(folder, "three");
  const a = await run(process.execPath, [BIN, "batch", modelPath, csvPath, "--out-dir", one, "--threads", "1"]);
  const b = await run(process.execPath, [BIN, "batch", modelPath, csvPath, "--out-dir", three, "--threads", "3"]);
  expect(a.stdout).toMatch(/^Wrote 30 customer workbooks, .* workbooks a second\)\.\n$/);
  expect(b.stdout).toMatch(/^Wrote 30 customer workbooks, .* workbooks a second, 3 threads\)\.\n$/);
  // Not a terminal: no progress bar. Standard error holds only the warnings of customers whose
  // numbers lie outside the sample's ranges (Operator 1's 437 miles, below 1,100), the same from both runs.
  expect(a.stderr).toBe(b.stderr);
  expect(a.stderr).toContain('line 2 (customer "Operator 1"): PipelineMiles is 437, outside its range 1,100 to 1,300 (Low to High)');
  expect(
    a.stderr
      .split("\n")
      .filter(
        (l) =>
          l !== "" &&
          !/^Warning in .*customers\.csv, line \d+ \(customer "Operator \d+"\): \w+ is [\d.,]+, outside its range /.test(l) &&
          !l.startsWith("Note: each workbook keeps only its own customer's rows of CVM_Actuals"),
      ),
  ).toEqual([]);

  const rollup = async (dir: string) => JSON.parse(await fs.readFile(path.join(dir, "rollup.json"), "utf8"));
  const [r1, r3] = [await rollup(one), await rollup(three)];
  expect(r1.customers).toHaveLength(30);
  expect(r3.customers).toEqual(r1.customers);
  expect(await fs.readFile(path.join(three, "rollup.csv"), "utf8")).toBe(await fs.readFile(path.join(one, "rollup.csv"), "utf8"));
  expect((await fs.readdir(three)).sort()).toEqual((await fs.readdir(one)).sort());

  const builtAround = excelSerialDate(new Date());
  for (const { file } of r1.customers as { file: string }[]) {
    expect([file, await parts(path.join(three, file), builtAround)]).toEqual([file, await parts(path.join(one, file), builtAround)]);
  }
  // And each workbook is its own customer's.
  const first = await parts(path.join(three, "Operator 1.value.xlsx"), builtAround);
  expect(first["xl/sharedStrings.xml"]).toContain("Operator 1");
});

test("the built command line refuses bad input with the documented exit statuses", async () => {
  await expect(run(process.execPath, [BIN, "batch", modelPath])).rejects.toMatchObject({ code: 2 });
  const bad = path.join(folder, "bad.csv");
  await fs.writeFile(bad, "Customer,Miles\nAcme,1\n");
  await expect(run(process.execPath, [BIN, "batch", modelPath, bad, "--out-dir", path.join(folder, "bad")])).rejects.toMatchObject({
    code: 1,
    stderr: expect.stringContaining("line 1, column B (Miles): Unknown column"),
  });
  expect(existsSync(path.join(folder, "bad"))).toBe(false);
});

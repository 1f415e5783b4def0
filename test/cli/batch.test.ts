import { promises as fs } from "node:fs";
import * as path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { writeModelWorkbook } from "../support/model-workbook";
import { checkOutDir } from "../../src/cli/batch/out-dir";
import { runBatch } from "../../src/cli/batch/run-batch";
import { buildValueWorkbook } from "../../src/cli/build-workbook";
import type { CellValue } from "../../src/core/workbook/cells";
import { resultsJson } from "../../src/core/results-json";
import { PIPELINE_SAMPLE } from "../../src/sample/pipeline-model";
import { writeSampleWorkbook } from "../../src/cli/sample-workbook";
import { BUILT_AT, temporaryFolder } from "../support/build";
import { cvm, sha256Of } from "../support/cli";
import { readDefinedNameValues, recalculateWithLibreOffice } from "../support/libreoffice";

/**
 * `cvm batch` end to end, in this thread (the worker threads need the bundled worker: see
 * batch-workers.test.ts). Expected numbers come from elsewhere: the core on a model whose
 * values were typed in by hand (`cvm build`'s path), and LibreOffice recalculating the written
 * workbooks.
 */

const io = () => {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), now: () => BUILT_AT, stderrIsTTY: false },
  };
};

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

async function workbookAt(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** Every file under a folder with its hash: what "left as it was" means. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    out[entry.name] = entry.isDirectory() ? "folder" : await sha256Of(full);
  }
  return out;
}

/** The sample with values and the customer typed in by hand, built by `cvm build`'s path: the independent expectation. */
async function expectedTotals(customer: string, values: Record<string, number>) {
  const variables = PIPELINE_SAMPLE.variables.map((row, i) =>
    i > 0 && String(row[0]) in values ? [row[0]!, values[String(row[0])]!, ...row.slice(2)] : row,
  );
  const settings = PIPELINE_SAMPLE.settings!.map((row) => (row[0] === "Customer" ? ["Customer", customer] : row));
  const outcome = await buildValueWorkbook(await writeModelWorkbook({ ...PIPELINE_SAMPLE, variables, settings }), BUILT_AT);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
  return resultsJson(outcome.analysis.model, outcome.analysis.results).totals;
}

function expectClose(actual: unknown, expected: number, what: string): void {
  if (typeof actual !== "number") throw new Error(`${what}: got ${JSON.stringify(actual)}, expected ${expected}`);
  const relative = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
  if (!(relative <= 1e-9)) throw new Error(`${what}: got ${actual}, expected ${expected} (relative difference ${relative})`);
}

const EVIL = '=HYPERLINK("http://evil.example","Click")';
const CUSTOMERS_CSV = [
  "Customer,PipelineMiles,LeakReduction,CostPerRepair,LeaksPerMile",
  'Contoso Energy,800,25%,"160,000",0.01',
  `"${EVIL.replace(/"/g, '""')}",,,,`,
  "  Fabrikam Pipelines  ,1500,,,",
  "",
].join("\r\n");

let folder: string;
/** The sample, except that two Value cells hold formulas: LeaksPerMile a constant one, WetShare one over PipelineMiles's cell. */
let modelPath: string;
let csvPath: string;
let small: string;

beforeAll(async () => {
  folder = await temporaryFolder("batch");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeSampleWorkbook()) as unknown as ArrayBuffer);
  const variables = workbook.getWorksheet("Variables")!;
  expect(variables.getCell("A3").value).toBe("LeaksPerMile");
  expect(variables.getCell("A4").value).toBe("WetShare");
  variables.getCell("B3").value = { formula: "0.006*2", result: 0.012 } as ExcelJS.CellFormulaValue;
  variables.getCell("B4").value = { formula: "B2/1200*0.35", result: 0.35 } as ExcelJS.CellFormulaValue;
  modelPath = path.join(folder, "pipeline.xlsx");
  await workbook.xlsx.writeFile(modelPath);
  csvPath = path.join(folder, "customers.csv");
  await fs.writeFile(csvPath, CUSTOMERS_CSV);
  small = path.join(folder, "small.xlsx");
  await fs.writeFile(
    small,
    await writeModelWorkbook({
      variables: [
        ["Name", "Value"],
        ["Hours", 100],
        ["Savings", 5000],
      ],
      elements: [
        ["Element", "Id", "Formula", "Stakeholder", "Confidence"],
        ["Saving per hour", "PerHour", "Savings/Hours*1000", "CFO", "green"],
      ],
      settings: [
        ["Setting", "Value"],
        ["Customer", "Model customer"],
        ["Investment", 1000],
      ],
    }),
  );
});

describe("cvm batch on the sample", () => {
  let outDir: string;
  let run: Awaited<ReturnType<typeof cvm>>;
  let modelHash: string;
  let rollup: {
    model: string;
    customersCsv: string;
    built: string;
    currency: string;
    customers: { customer: string; file: string; line: number; alternative?: string; totals: Record<string, number | null> }[];
    earlierFiles: string[];
  };

  beforeAll(async () => {
    outDir = path.join(folder, "out");
    modelHash = await sha256Of(modelPath);
    run = await cvm("batch", modelPath, csvPath, "--out-dir", outDir, "--threads", "1");
    rollup = JSON.parse(await fs.readFile(path.join(outDir, "rollup.json"), "utf8"));
  });

  test("writes one workbook per customer and the roll-up, says so on one line, and leaves the model byte for byte", async () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^Wrote 3 customer workbooks, rollup\.csv and rollup\.json to .+out in \d+\.\d s \([\d.]+ workbooks a second\)\.\n$/,
    );
    expect((await fs.readdir(outDir)).sort()).toEqual([
      "=HYPERLINK(_http___evil.example_,_Click_).value.xlsx",
      "Contoso Energy.value.xlsx",
      "Fabrikam Pipelines.value.xlsx",
      "rollup.csv",
      "rollup.json",
    ]);
    expect(await sha256Of(modelPath)).toBe(modelHash);
    const model = await workbookAt(modelPath);
    expect(model.getWorksheet("Variables")!.getCell("B3").formula).toBe("0.006*2");
  });

  test("a Value cell holding a formula is reported, and each copy gets the number the batch computed with", () => {
    expect(run.stderr).toContain(
      'Warning in sheet "Variables", row 3, column B (CVM_Variables): The value of LeaksPerMile is a formula (=0.006*2).',
    );
    expect(run.stderr).toContain(
      'Warning in sheet "Variables", row 4, column B (CVM_Variables): The value of WetShare is a formula (=B2/1200*0.35).',
    );
    // Besides the warnings, one note: the sample's measured results stay out of every customer's workbook.
    expect(run.stderr.split("\n").filter((l) => l !== "" && !l.startsWith("Warning"))).toEqual([
      "Note: each workbook keeps only its own customer's rows of CVM_Actuals; in every workbook the other rows were emptied.",
    ]);
  });

  test("each workbook holds the customer's numbers in the Value cells and the name in the Customer setting, as text", async () => {
    const contoso = await workbookAt(path.join(outDir, "Contoso Energy.value.xlsx"));
    const variables = contoso.getWorksheet("Variables")!;
    expect(variables.getCell("B2").value).toBe(800);
    expect(variables.getCell("B3").value).toBe(0.01);
    expect(variables.getCell("B4").value).toBe(0.35);
    expect(variables.getCell("B6").value).toBe(0.25);
    expect(variables.getCell("B6").numFmt).toBe("0%");
    expect(variables.getCell("B7").value).toBe(160000);
    expect(variables.getCell("B8").value).toBe(42000);
    expect(contoso.getWorksheet("Settings")!.getCell("B2").value).toBe("Contoso Energy");
    expect(contoso.worksheets.map((s) => s.name)).toEqual([
      "Variables",
      "Elements",
      "Settings",
      "Stakeholders",
      "Actuals",
      "Value Summary",
      "Value Map",
      "Assumptions Log",
      "CVM_Meta",
    ]);

    const evil = await workbookAt(path.join(outDir, "=HYPERLINK(_http___evil.example_,_Click_).value.xlsx"));
    const customerCell = evil.getWorksheet("Settings")!.getCell("B2");
    expect(customerCell.type).toBe(ExcelJS.ValueType.String);
    expect(customerCell.value).toBe(EVIL);
    // Not overridden: the model's numbers, the formula cells as the numbers the model computed.
    expect(evil.getWorksheet("Variables")!.getCell("B2").value).toBe(1200);
    expect(evil.getWorksheet("Variables")!.getCell("B3").value).toBe(0.012);
  });

  test("the roll-up's totals are the core's on a model typed by hand, at full precision, in CSV order", async () => {
    expect(rollup.model).toBe("pipeline.xlsx");
    expect(rollup.customersCsv).toBe("customers.csv");
    expect(rollup.built).toBe(BUILT_AT.toISOString());
    expect(rollup.currency).toBe("USD");
    expect(rollup.earlierFiles).toEqual([]);
    expect(rollup.customers.map((c) => [c.customer, c.file, c.line])).toEqual([
      ["Contoso Energy", "Contoso Energy.value.xlsx", 2],
      [EVIL, "=HYPERLINK(_http___evil.example_,_Click_).value.xlsx", 3],
      ["Fabrikam Pipelines", "Fabrikam Pipelines.value.xlsx", 4],
    ]);
    expect(rollup.customers[0]!.totals).toEqual(
      await expectedTotals("Contoso Energy", { PipelineMiles: 800, LeakReduction: 0.25, CostPerRepair: 160000, LeaksPerMile: 0.01 }),
    );
    expect(rollup.customers[1]!.totals).toEqual(await expectedTotals(EVIL, {}));
    expect(rollup.customers[2]!.totals).toEqual(await expectedTotals("Fabrikam Pipelines", { PipelineMiles: 1500 }));
    expect(rollup.customers[0]!.totals.NPV).not.toBe(rollup.customers[2]!.totals.NPV);
  });

  test("rollup.csv has the same numbers, and the formula-like name neutralised", async () => {
    const rows = parse(await fs.readFile(path.join(outDir, "rollup.csv")), { bom: true }) as string[][];
    expect(rows[0]).toEqual([
      "Customer",
      "File",
      "TotalAnnualValue",
      "Green",
      "Gray",
      "TotalBenefit",
      "TotalCost",
      "NetValue",
      "NPV",
      "ROI",
      "PaybackMonths",
      // The sample names manual patrols as its next-best alternative.
      "Alternative",
      "AlternativeCost",
      "PriceDifference",
      "Incentive",
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["Contoso Energy", `'${EVIL}`, "Fabrikam Pipelines"]);
    rows.slice(1).forEach((row, i) => {
      const { totals, alternative } = rollup.customers[i]!;
      expect(row[11]).toBe(alternative);
      expect([...row.slice(2, 11), ...row.slice(12)].map((v) => (v === "" ? null : Number(v)))).toEqual(Object.values(totals));
    });
  });

  test("LibreOffice, recalculating the workbooks, finds the roll-up's NPV and every result in CVM_ names", async () => {
    const files = ["Contoso Energy.value.xlsx", "Fabrikam Pipelines.value.xlsx"].map((f) => path.join(outDir, f));
    const recalculated = await recalculateWithLibreOffice(files, path.join(folder, "recalculated"));
    for (const [i, file] of recalculated.entries()) {
      const values = await readDefinedNameValues(file);
      const totals = rollup.customers[i === 0 ? 0 : 2]!.totals;
      for (const [key, value] of Object.entries(totals)) {
        if (value === null) expect(values.get(`CVM_${key}`)).toBe("#N/A");
        else expectClose(values.get(`CVM_${key}`), value, `${path.basename(file)} CVM_${key}`);
      }
    }
    const contoso = await readDefinedNameValues(recalculated[0]!);
    expect(contoso.get("PipelineMiles")).toBe(800);
    // WetShare's formula (over PipelineMiles) was replaced by the number the roll-up used.
    expect(contoso.get("WetShare")).toBe(0.35);
  });
});

describe("everything is checked before anything is written", () => {
  test("problems in the CSV: exit 1, each with line and column, no folder made", async () => {
    const bad = path.join(folder, "bad.csv");
    await fs.writeFile(bad, "Customer,PipelineMiles,Pipeline Miles\nAcme,800,\nacme ,lots,\n");
    const outDir = path.join(folder, "never");
    const { status, stdout, stderr } = await cvm("batch", modelPath, bad, "--out-dir", outDir);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(
      `Error in ${bad}, line 1, column C (Pipeline Miles): Unknown column: "Pipeline Miles" is not a variable of the model. Did you mean PipelineMiles?`,
    );
    expect(stderr).toContain(`Error in ${bad}, line 3, column A (Customer): The customer "acme" is already on line 2.`);
    expect(stderr).toContain(`Error in ${bad}, line 3, column B (PipelineMiles): "lots" is not a number`);
    expect(stderr).toContain(`cvm: 3 errors in ${bad}; nothing was written.`);
    expect(await exists(outDir)).toBe(false);
  });

  test("a customer whose numbers make an element fail: exit 1, the line, the customer and the element's cell", async () => {
    const csv = path.join(folder, "div0.csv");
    await fs.writeFile(csv, "Customer,Hours\nAlpha,50\nBeta,0\nGamma,\n");
    const outDir = path.join(folder, "div0");
    const { status, stderr } = await cvm("batch", small, csv, "--out-dir", outDir);
    expect(status).toBe(1);
    expect(stderr).toMatch(
      new RegExp(
        `^Error in ${csv.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}, line 3 \\(customer "Beta"\\): The formula of "Saving per hour" gives #DIV/0!.* The formula is in sheet "Elements", row 2, column C \\(CVM_Elements\\); this line gives the customer's numbers\\.$`,
        "m",
      ),
    );
    expect(stderr).toContain("cvm: 1 error in");
    expect(await exists(outDir)).toBe(false);
  });

  test("a model with errors: exit 1 with the very messages of cvm build", async () => {
    const broken = path.join(folder, "broken.xlsx");
    await fs.writeFile(
      broken,
      await writeModelWorkbook({
        variables: [
          ["Name", "Value"],
          ["Miles", "lots"],
          ["Q1", 3],
        ],
        elements: [
          ["Element", "Formula"],
          ["Repairs", "Miles*Mlies"],
        ],
      }),
    );
    const build = await cvm("build", broken);
    const batch = await cvm("batch", broken, csvPath, "--out-dir", path.join(folder, "broken-out"));
    expect(batch.status).toBe(1);
    const problems = (text: string) => text.split("\n").filter((l) => l.startsWith("Error in sheet"));
    expect(problems(batch.stderr).length).toBeGreaterThanOrEqual(3);
    expect(problems(batch.stderr)).toEqual(problems(build.stderr));
    expect(batch.stderr).toContain("nothing was written");
    expect(await exists(path.join(folder, "broken-out"))).toBe(false);
  });

  test("bad usage and unreadable files exit 2", async () => {
    expect((await cvm("batch")).status).toBe(2);
    expect((await cvm("batch", modelPath)).status).toBe(2);
    expect((await cvm("batch", modelPath, csvPath, csvPath)).status).toBe(2);
    expect((await cvm("batch", modelPath, csvPath, "--threads", "0")).status).toBe(2);
    expect((await cvm("batch", modelPath, csvPath, "--out-dir")).status).toBe(2);
    const missing = await cvm("batch", modelPath, path.join(folder, "missing.csv"));
    expect([missing.status, missing.stderr]).toEqual([2, `cvm: cannot read ${path.join(folder, "missing.csv")}: no such file\n`]);
    const notExcel = path.join(folder, "notes.xlsx");
    await fs.writeFile(notExcel, "just text");
    const garbage = await cvm("batch", notExcel, csvPath);
    expect(garbage.status).toBe(2);
    expect(garbage.stderr).toContain("as an Excel workbook");
    expect((await cvm("--help")).stdout).toContain("cvm batch <model.xlsx> <customers.csv>");
  });
});

describe("the output folder", () => {
  const csvOf = (...rows: string[]) => ["Customer,Hours", ...rows, ""].join("\n");
  let n = 0;
  async function csvFile(...rows: string[]): Promise<string> {
    const file = path.join(folder, `small-${++n}.csv`);
    await fs.writeFile(file, csvOf(...rows));
    return file;
  }

  test("defaults to <model name>.customers beside the model", async () => {
    const { status, stdout } = await cvm("batch", small, await csvFile("Alpha,50"));
    expect(status).toBe(0);
    expect(stdout).toContain(path.join(folder, "small.customers"));
    expect((await fs.readdir(path.join(folder, "small.customers"))).sort()).toEqual(["Alpha.value.xlsx", "rollup.csv", "rollup.json"]);
  });

  test("never replaces a file no earlier batch wrote: exit 2 before anything is written", async () => {
    const outDir = path.join(folder, "foreign");
    await fs.mkdir(outDir);
    await fs.writeFile(path.join(outDir, "beta.VALUE.xlsx"), "my own notes");
    const before = await snapshot(outDir);
    const { status, stderr } = await cvm("batch", small, await csvFile("Alpha,50", "Beta,20"), "--out-dir", outDir);
    expect(status).toBe(2);
    expect(stderr).toBe(
      `cvm: ${outDir} already holds beta.VALUE.xlsx, a file this batch would write, and no earlier batch wrote it (the folder has no rollup.json). cvm batch never replaces a file it did not write; nothing was written. Move it, or choose another folder with --out-dir.\n`,
    );
    expect(await snapshot(outDir)).toEqual(before);

    await fs.rm(path.join(outDir, "beta.VALUE.xlsx"));
    await fs.writeFile(path.join(outDir, "rollup.json"), '{"mine": true}');
    const ownRollup = await cvm("batch", small, await csvFile("Alpha,50"), "--out-dir", outDir);
    expect(ownRollup.status).toBe(2);
    expect(ownRollup.stderr).toContain("rollup.json was not written by cvm batch");
    expect(await fs.readdir(outDir)).toEqual(["rollup.json"]);
  });

  test("a second batch replaces the first's files; workbooks of customers no longer in the CSV stay, listed, and can be replaced later", async () => {
    const outDir = path.join(folder, "rerun");
    expect((await cvm("batch", small, await csvFile("Alpha,50", "Beta,20", "Gamma,10"), "--out-dir", outDir)).status).toBe(0);
    const first = await snapshot(outDir);

    const second = await cvm("batch", small, await csvFile("alpha,25", "Beta,20"), "--out-dir", outDir);
    expect(second.status).toBe(0);
    expect(second.stderr).toBe(
      `Note: ${outDir} still holds 1 file of an earlier batch whose customers are not in small-${n}.csv: Gamma.value.xlsx. They were left as they were (rollup.json lists them under earlierFiles); delete them if they are no longer wanted.\n`,
    );
    const after = await snapshot(outDir);
    // Alpha's file now has the name as this CSV spells it; on a case-sensitive file system the old spelling is gone too.
    expect(Object.keys(after).sort()).toEqual(["Beta.value.xlsx", "Gamma.value.xlsx", "alpha.value.xlsx", "rollup.csv", "rollup.json"]);
    expect(after["Gamma.value.xlsx"]).toBe(first["Gamma.value.xlsx"]);
    const rollup = JSON.parse(await fs.readFile(path.join(outDir, "rollup.json"), "utf8"));
    expect(rollup.customers.map((c: { customer: string }) => c.customer)).toEqual(["alpha", "Beta"]);
    expect(rollup.earlierFiles).toEqual(["Gamma.value.xlsx"]);
    // 5000/25*1000 a year
    expect(rollup.customers[0].totals.TotalAnnualValue).toBe(200000);

    const third = await cvm("batch", small, await csvFile("Gamma,5"), "--out-dir", outDir);
    expect(third.status).toBe(0);
    expect((await snapshot(outDir))["Gamma.value.xlsx"]).not.toBe(first["Gamma.value.xlsx"]);
    expect(JSON.parse(await fs.readFile(path.join(outDir, "rollup.json"), "utf8")).earlierFiles).toEqual([
      "Beta.value.xlsx",
      "alpha.value.xlsx",
    ]);
  });

  test("names that clash after cleaning get (2); the roll-up names each file", async () => {
    const outDir = path.join(folder, "clash");
    expect((await cvm("batch", small, await csvFile("A/B,50", "A_B,20", "CON,10"), "--out-dir", outDir)).status).toBe(0);
    const rollup = JSON.parse(await fs.readFile(path.join(outDir, "rollup.json"), "utf8"));
    expect(rollup.customers.map((c: { file: string }) => c.file)).toEqual(["A_B.value.xlsx", "A_B (2).value.xlsx", "_CON.value.xlsx"]);
    expect((await workbookAt(path.join(outDir, "A_B (2).value.xlsx"))).getWorksheet("Settings")!.getCell("B2").value).toBe("A_B");
  });

  describe("an interrupted batch leaves the folder as it was", () => {
    for (const [when, at] of [
      ["while building", "built"],
      ["while moving files into place", "moved"],
    ] as const) {
      test(when, async () => {
        const outDir = path.join(folder, `interrupted-${at}`);
        expect((await cvm("batch", small, await csvFile("Alpha,50", "Beta,20"), "--out-dir", outDir)).status).toBe(0);
        const before = await snapshot(outDir);
        const controller = new AbortController();
        const { out, io: streams } = io();
        const events: string[] = [];
        const status = await runBatch(
          {
            modelPath: small,
            csvPath: await csvFile("Alpha,1", "Beta,2", "Delta,3"),
            outDir,
            threads: 1,
            signal: controller.signal,
            onEvent: (e) => {
              events.push(`${e.kind} ${e.done}/${e.total}`);
              if (e.kind === at && e.done === 2) controller.abort();
            },
          },
          streams,
        );
        expect(status).toBe(130);
        expect(events).toContain(`${at} 2/${at === "built" ? 3 : 5}`);
        expect(out.stderr).toBe(`cvm: interrupted; nothing was written, ${outDir} is as it was.\n`);
        expect(await snapshot(outDir)).toEqual(before);
      });
    }

    test("into a new folder: the folder is gone again", async () => {
      const outDir = path.join(folder, "fresh", "deeper");
      const controller = new AbortController();
      const { io: streams } = io();
      const status = await runBatch(
        {
          modelPath: small,
          csvPath: await csvFile("Alpha,1", "Beta,2"),
          outDir,
          threads: 1,
          signal: controller.signal,
          onEvent: () => controller.abort(),
        },
        streams,
      );
      expect(status).toBe(130);
      expect(await exists(path.join(folder, "fresh"))).toBe(false);
    });
  });
});

describe("cells that are not plain numbers in the model", () => {
  test("a Value cell that starts a shared formula: the cells sharing it keep their formula", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Inputs");
    const rows: CellValue[][] = [
      ["Name", "Value"],
      ["Hours", null],
    ];
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && (sheet.getCell(r + 1, c + 1).value = v)));
    sheet.getCell("B2").value = { formula: "A5*2", result: 8, shareType: "shared", ref: "B2:B3" } as unknown as ExcelJS.CellFormulaValue;
    sheet.getCell("B3").value = { sharedFormula: "B2", result: 10 } as unknown as ExcelJS.CellSharedFormulaValue;
    sheet.getCell("A5").value = 4;
    sheet.getCell("A6").value = 5;
    const elements = workbook.addWorksheet("Elements");
    elements.addRows([
      ["Element", "Formula"],
      ["Saving", "Hours*10"],
    ]);
    workbook.definedNames.add("Inputs!$A$1:$B$2", "CVM_Variables");
    workbook.definedNames.add("Elements!$A$1:$B$2", "CVM_Elements");
    const model = path.join(folder, "shared.xlsx");
    await workbook.xlsx.writeFile(model);
    const csv = path.join(folder, "shared.csv");
    await fs.writeFile(csv, "Customer,Hours\nAlpha,7\n");
    const outDir = path.join(folder, "shared-out");
    const { status, stderr } = await cvm("batch", model, csv, "--out-dir", outDir);
    expect([status, stderr.split("\n").filter((l) => l.startsWith("Error"))]).toEqual([0, []]);
    const written = (await workbookAt(path.join(outDir, "Alpha.value.xlsx"))).getWorksheet("Inputs")!;
    expect(written.getCell("B2").value).toBe(7);
    expect(written.getCell("B3").formula).toBe("A6*2");
  });
});

describe("which files in the folder are an earlier batch's", () => {
  test("listed by its rollup.json; where two differ only by case, only the one spelled as listed", async () => {
    const dir = path.join(folder, "case");
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, "rollup.json"), JSON.stringify({ customers: [{ customer: "Acme", file: "Acme.value.xlsx" }] }));
    await fs.writeFile(path.join(dir, "Acme.value.xlsx"), "earlier batch");
    expect(await checkOutDir(dir, ["ACME.value.xlsx", "rollup.csv", "rollup.json"])).toEqual({
      ok: true,
      replacing: new Map([
        ["ACME.value.xlsx", ["Acme.value.xlsx"]],
        ["rollup.json", ["rollup.json"]],
      ]),
      earlier: [],
    });
    await fs.writeFile(path.join(dir, "acme.value.xlsx"), "someone's own");
    const caseSensitive = (await fs.readdir(dir)).length === 3;
    const check = await checkOutDir(dir, ["Acme.value.xlsx", "rollup.csv", "rollup.json"]);
    // On a case-sensitive file system these are two files, and the second is nobody's to replace;
    // elsewhere the second write went into the same file.
    if (caseSensitive)
      expect(check).toEqual({
        ok: false,
        message: expect.stringContaining("already holds acme.value.xlsx, a file this batch would write"),
      });
    else expect(check.ok).toBe(true);
  });
});

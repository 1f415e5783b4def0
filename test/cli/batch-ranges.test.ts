import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { writeModelWorkbook } from "../support/model-workbook";
import { buildValueWorkbook } from "../../src/cli/build-workbook";
import { scenarioResults } from "../../src/core/model/scenarios";
import { planSummary, SUMMARY_SHEET } from "../../src/core/plan/summary";
import type { CellValue } from "../../src/core/workbook/cells";
import { PIPELINE_SAMPLE } from "../../src/sample/pipeline-model";
import { BUILT_AT, temporaryFolder } from "../support/build";
import { cvm } from "../support/cli";
import { readCellValues, recalculateWithLibreOffice } from "../support/libreoffice";

/**
 * A customer's Low, High and Actual in `cvm batch`: columns `<Variable> Low`, `<Variable> High`
 * and `<Element> Actual`. Expected numbers come from the core on a model with the customer's
 * numbers typed in by hand, and from LibreOffice recalculating the written workbook.
 */

const CSV = [
  "Customer,PipelineMiles,pipelinemiles low , PipelineMiles HIGH,CostPerRepair High,LeakRepairs Actual,Less product lost Actual",
  'Wide Pipes,2300,2000,2600,250000,500000,"90,000"',
  "Narrow Pipes,2300,,,,,",
  "",
].join("\n");

let folder: string;
let modelPath: string;

/** The sample with the given rows of CVM_Variables and CVM_Elements replaced by hand. */
function sampleWith(variables: Record<string, readonly CellValue[]>, actuals: Record<string, number>, customer: string) {
  return {
    ...PIPELINE_SAMPLE,
    variables: PIPELINE_SAMPLE.variables.map((row) => variables[String(row[0])] ?? row),
    elements: PIPELINE_SAMPLE.elements.map((row) => (String(row[1]) in actuals ? [...row.slice(0, 8), actuals[String(row[1])]!] : row)),
    settings: PIPELINE_SAMPLE.settings!.map((row) => (row[0] === "Customer" ? ["Customer", customer] : row)),
  };
}

const row = (name: string) => PIPELINE_SAMPLE.variables.find((r) => r[0] === name)!;

beforeAll(async () => {
  folder = await temporaryFolder("batch-ranges");
  modelPath = path.join(folder, "pipeline.xlsx");
  await fs.writeFile(modelPath, await writeModelWorkbook(PIPELINE_SAMPLE));
});

describe("cvm batch with Low, High and Actual columns", () => {
  let run: Awaited<ReturnType<typeof cvm>>;
  let outDir: string;
  beforeAll(async () => {
    outDir = path.join(folder, "out");
    const csvPath = path.join(folder, "customers.csv");
    await fs.writeFile(csvPath, CSV);
    run = await cvm("batch", modelPath, csvPath, "--out-dir", outDir, "--threads", "1");
  });

  test("writes them into the model's Low, High and Actual cells, formats kept; an empty cell keeps the model's", async () => {
    expect(run.status).toBe(0);
    const wide = new ExcelJS.Workbook();
    await wide.xlsx.readFile(path.join(outDir, "Wide Pipes.value.xlsx"));
    const variables = wide.getWorksheet("Variables")!;
    // PipelineMiles is row 2, CostPerRepair row 7; Low in F, High in G.
    expect([variables.getCell("B2").value, variables.getCell("F2").value, variables.getCell("G2").value]).toEqual([2300, 2000, 2600]);
    expect([variables.getCell("F7").value, variables.getCell("G7").value]).toEqual([150000, 250000]);
    const model = new ExcelJS.Workbook();
    await model.xlsx.readFile(modelPath);
    for (const cell of ["F2", "G2", "G7"])
      expect(variables.getCell(cell).numFmt).toBe(model.getWorksheet("Variables")!.getCell(cell).numFmt);
    // LeakRepairs is the first element (row 2), ProductLoss the second; Actual in column I.
    const elements = wide.getWorksheet("Elements")!;
    expect([elements.getCell("I2").value, elements.getCell("I3").value, elements.getCell("I4").value]).toEqual([500000, 90000, null]);

    const narrow = new ExcelJS.Workbook();
    await narrow.xlsx.readFile(path.join(outDir, "Narrow Pipes.value.xlsx"));
    expect([narrow.getWorksheet("Variables")!.getCell("F2").value, narrow.getWorksheet("Variables")!.getCell("G2").value]).toEqual([
      1100, 1300,
    ]);
    expect(narrow.getWorksheet("Elements")!.getCell("I2").value).toBeNull();
  });

  test("a Value outside the customer's range is a warning on that customer's line, with the Value cell; the other customer has none", () => {
    const csvPath = path.join(folder, "customers.csv");
    expect(run.stderr).toContain(
      `Warning in ${csvPath}, line 3 (customer "Narrow Pipes"): PipelineMiles is 2,300, outside its range 1,100 to 1,300 (Low to High): the conservative and optimistic cases would not bracket it; update Low and High for this customer. (sheet "Variables", row 2, column B (CVM_Variables) of the customer's workbook)`,
    );
    expect(run.stderr).not.toContain("line 2 (customer");
    // The model's own values are inside their ranges: nothing else is said but where the sample's actuals went.
    const lines = run.stderr.trim().split("\n");
    expect(lines.filter((line) => !line.startsWith("Note: each workbook keeps only its own customer's rows of CVM_Actuals"))).toHaveLength(
      1,
    );
  });

  test("LibreOffice, recalculating the workbook, gives the scenarios and the realization the core gives with the customer's ranges typed in", async () => {
    const typed = sampleWith(
      {
        PipelineMiles: ["PipelineMiles", 2300, ...row("PipelineMiles").slice(2, 5), 2000, 2600],
        CostPerRepair: ["CostPerRepair", 185000, ...row("CostPerRepair").slice(2, 5), 150000, 250000],
      },
      { LeakRepairs: 500000, ProductLoss: 90000 },
      "Wide Pipes",
    );
    const outcome = await buildValueWorkbook(await writeModelWorkbook(typed), BUILT_AT);
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("; "));
    const { model, results } = outcome.analysis;
    const scenarios = scenarioResults(model);
    // With the model's range the optimistic case would lie below the expected one; with the customer's it does not.
    if (!scenarios.conservative.ok || !scenarios.optimistic.ok) throw new Error("the scenarios compute");
    expect(scenarios.conservative.results.totals.TotalAnnualValue).toBeLessThan(results.totals.TotalAnnualValue);
    expect(scenarios.optimistic.results.totals.TotalAnnualValue).toBeGreaterThan(results.totals.TotalAnnualValue);

    const { layout } = planSummary(model, results, "");
    const cells = [
      ...Object.values(layout.scenarios!.results.conservative),
      ...Object.values(layout.scenarios!.results.optimistic),
      layout.realization!.total.actual,
    ];
    const [recalculated] = await recalculateWithLibreOffice(
      [path.join(outDir, "Wide Pipes.value.xlsx")],
      path.join(folder, "recalculated"),
    );
    const values = await readCellValues(recalculated!, SUMMARY_SHEET, cells);
    const close = (cell: string, expected: number) => {
      const got = values.get(cell);
      expect(typeof got).toBe("number");
      expect(Math.abs((got as number) - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-9);
    };
    close(layout.scenarios!.results.conservative.TotalAnnualValue, scenarios.conservative.results.totals.TotalAnnualValue);
    close(layout.scenarios!.results.optimistic.TotalAnnualValue, scenarios.optimistic.results.totals.TotalAnnualValue);
    close(layout.scenarios!.results.conservative.NPV, scenarios.conservative.results.totals.NPV);
    close(layout.scenarios!.results.optimistic.NPV, scenarios.optimistic.results.totals.NPV);
    close(layout.realization!.total.actual, 590000);
  });
});

describe("Low, High and Actual columns the model cannot take", () => {
  test("are refused with line and column, and nothing is written", async () => {
    const noRanges = path.join(folder, "no-ranges.xlsx");
    await fs.writeFile(
      noRanges,
      await writeModelWorkbook({
        variables: [
          ["Name", "Value"],
          ["Hours", 100],
          ["Rate", 50],
        ],
        elements: [
          ["Element", "Id", "Formula", "Stakeholder", "Confidence"],
          ["Labour saved", "Labour", "Hours*Rate", "CFO", "green"],
        ],
        settings: [
          ["Setting", "Value"],
          ["Customer", "Model customer"],
        ],
      }),
    );
    const csvPath = path.join(folder, "impossible.csv");
    await fs.writeFile(csvPath, "Customer,Hours,Hours High,Labour Actual,Hour Low\nAcme,120,150,900,\n");
    const outDir = path.join(folder, "never");
    const { status, stderr } = await cvm("batch", noRanges, csvPath, "--out-dir", outDir);
    expect(status).toBe(1);
    expect(stderr).toContain(
      `Error in ${csvPath}, line 1, column C (Hours High): The model has no High column in CVM_Variables, so it has nowhere to keep the High of Hours for each customer. Add Low and High columns to CVM_Variables, or delete this column.`,
    );
    expect(stderr).toContain(
      `Error in ${csvPath}, line 1, column D (Labour Actual): The model has no Actual column in CVM_Elements, so it has nowhere to keep the Actual of Labour for each customer. Add an Actual column to CVM_Elements, or delete this column.`,
    );
    expect(stderr).toContain(
      `Error in ${csvPath}, line 1, column E (Hour Low): Unknown column: "Hour Low" is not a variable of the model.`,
    );
    await expect(fs.access(outDir)).rejects.toThrow();
  });

  test("an unknown range column suggests the one meant; a customer's Low above its High is refused at its cell", async () => {
    const csvPath = path.join(folder, "reversed.csv");
    await fs.writeFile(csvPath, "Customer,PipelineMiles Lo,PipelineMiles High,Leak Repairs Actual\nAcme,,1000,\n");
    const { status, stderr } = await cvm("batch", modelPath, csvPath, "--out-dir", path.join(folder, "never2"));
    expect(status).toBe(1);
    expect(stderr).toContain(
      `Error in ${csvPath}, line 1, column B (PipelineMiles Lo): Unknown column: "PipelineMiles Lo" is not a variable of the model. Did you mean PipelineMiles Low?`,
    );
    expect(stderr).toContain(
      `Error in ${csvPath}, line 1, column D (Leak Repairs Actual): Unknown column: "Leak Repairs Actual" is not a variable of the model. Did you mean LeakRepairs Actual?`,
    );
    // The model's Low of PipelineMiles is 1,100.
    expect(stderr).toContain(
      `Error in ${csvPath}, line 2, column C (PipelineMiles High): The Low of PipelineMiles, 1,100 (the model's: this line gives none), is greater than its High, 1,000: the range would be upside down. Swap them, or correct one.`,
    );
  });
});

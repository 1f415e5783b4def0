import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { writeModelWorkbook } from "../support/model-workbook";
import { temporaryFolder } from "../support/build";
import { cvm } from "../support/cli";
import { VALUE_MAP_SAMPLE } from "../fixtures/models";
import { PIPELINE_STAKEHOLDERS } from "../../src/sample/pipeline-stakeholders";

/** `cvm build` of a model with CVM_Stakeholders: the Value Map sheet, its warnings, and `--json`'s valueMap. */
let folder: string;
let modelPath: string;
beforeAll(async () => {
  folder = await temporaryFolder("cli-value-map");
  modelPath = path.join(folder, "sample-map.xlsx");
  await fs.writeFile(modelPath, await writeModelWorkbook(VALUE_MAP_SAMPLE.tables, VALUE_MAP_SAMPLE.options));
});

test("writes a Value Map between the Value Summary and the Assumptions Log, ready to print, and says so", async () => {
  const out = path.join(folder, "map.value.xlsx");
  const { status, stdout, stderr } = await cvm("build", modelPath, "--out", out);
  expect(status).toBe(0);
  expect(stdout).toContain("  Value Map: 6 stakeholders\n");
  // The two stakeholders no element names yet: warnings at their rows, and the build goes on.
  expect(stderr.trim().split("\n")).toEqual([
    expect.stringMatching(
      /^Warning in sheet "Stakeholders", row 6, column A \(CVM_Stakeholders\): No value element names "Integrity Engineer"/,
    ),
    expect.stringMatching(/^Warning in sheet "Stakeholders", row 7, column A \(CVM_Stakeholders\): No value element names "HSE Manager"/),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  expect(workbook.worksheets.map((s) => s.name)).toEqual([
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
  const map = workbook.getWorksheet("Value Map")!;
  expect(map.getCell("A1").value).toMatchObject({ result: "Value Map: LeakSense pipeline-leak analytics for Northwind Midstream" });
  expect(map.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1 });
  // Title, two lines of introduction, a blank row, the header (row 5); six stakeholders and six elements
  // (rows 6 to 17); the total (18); a blank row; two lines on how the sheet was built (20 and 21).
  expect(map.pageSetup.printArea).toBe("A1:F21");
  expect(map.getCell("A5").value).toBe("Stakeholder and element");
  expect(map.getCell("A18").value).toBe("Total, every stakeholder");
  expect(String(map.getCell("A21").value)).toMatch(/live\.$/);
});

test("--json reports the value map: each stakeholder with objective, metric and the sentences the sheet shows", async () => {
  const { status, stdout } = await cvm("build", modelPath, "--json", "--out", path.join(folder, "json.value.xlsx"));
  expect(status).toBe(0);
  const json = JSON.parse(stdout);
  // The sample also names its alternative and has two years of actuals.
  expect(Object.keys(json)).toEqual(["customer", "currency", "alternative", "elements", "totals", "valueMap", "realizationByYear"]);
  const stakeholders = json.valueMap.stakeholders as {
    stakeholder: string;
    listed: boolean;
    metric: string;
    elements: { sentence: string }[];
  }[];
  expect(stakeholders.map((s) => [s.stakeholder, s.elements.length])).toEqual([
    ["Production Manager", 2],
    ["Maintenance Manager", 2],
    ["Compliance Officer", 1],
    ["CFO", 1],
    ["Integrity Engineer", 0],
    ["HSE Manager", 0],
  ]);
  expect(stakeholders.every((s) => s.listed)).toBe(true);
  expect(stakeholders[0]!.metric).toBe("Throughput delivered and unplanned repair spend against budget");
  expect(stakeholders[0]!.elements[0]!.sentence).toMatch(
    /^Fewer leak repairs: \$\d{1,3}(,\d{3})+ a year, cutting the Production Manager's unplanned repair spend by 30%$/,
  );
  const annual = (json.elements as { element: string; annualValue: number }[]).find((e) => e.element === "Fewer leak repairs")!.annualValue;
  expect(stakeholders[0]!.elements[0]!.sentence).toContain(`$${Math.round(annual).toLocaleString("en-US")} a year`);
});

test("cvm batch writes each customer's Value Map with that customer's money", async () => {
  const csv = path.join(folder, "customers.csv");
  await fs.writeFile(csv, "Customer,PipelineMiles\nContoso Energy,600\nFabrikam Pipelines,2400\n");
  const outDir = path.join(folder, "batch");
  const { status } = await cvm("batch", modelPath, csv, "--out-dir", outDir, "--threads", "1");
  expect(status).toBe(0);
  const sentences = async (file: string) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(outDir, file));
    const found: string[] = [];
    workbook.getWorksheet("Value Map")!.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula && typeof cell.result === "string" && cell.formula.includes("FIXED("))
          found.push(cell.result);
      }),
    );
    return { title: (workbook.getWorksheet("Value Map")!.getCell("A1").value as ExcelJS.CellFormulaValue).result, found };
  };
  const contoso = await sentences("Contoso Energy.value.xlsx");
  const fabrikam = await sentences("Fabrikam Pipelines.value.xlsx");
  expect(contoso.title).toBe("Value Map: LeakSense pipeline-leak analytics for Contoso Energy");
  expect(fabrikam.title).toBe("Value Map: LeakSense pipeline-leak analytics for Fabrikam Pipelines");
  // Each customer's own value, as `cvm build` computes it for a model with their miles typed in.
  for (const [customer, miles] of [
    ["Contoso Energy", 600],
    ["Fabrikam Pipelines", 2400],
  ] as const) {
    const typed = path.join(folder, `${customer}.xlsx`);
    const tables = VALUE_MAP_SAMPLE.tables;
    const variables = tables.variables.map((row) => (row[0] === "PipelineMiles" ? [row[0], miles, ...row.slice(2)] : row));
    const settings = tables.settings!.map((row) => (row[0] === "Customer" ? ["Customer", customer] : row));
    await fs.writeFile(typed, await writeModelWorkbook({ ...tables, variables, settings }));
    const { stdout } = await cvm("build", typed, "--json", "--out", path.join(folder, `${customer}.value.xlsx`));
    const expected = (JSON.parse(stdout).valueMap.stakeholders as { elements: { sentence: string }[] }[]).flatMap((s) =>
      s.elements.map((e) => e.sentence),
    );
    expect((customer === "Contoso Energy" ? contoso : fabrikam).found).toEqual(expected);
  }
  expect(contoso.found[0]).not.toBe(fabrikam.found[0]);
});

test("the sample with its own stakeholders and propositions builds without a single warning", async () => {
  const tables = { ...VALUE_MAP_SAMPLE.tables, stakeholders: PIPELINE_STAKEHOLDERS };
  const clean = path.join(folder, "sample-clean.xlsx");
  await fs.writeFile(clean, await writeModelWorkbook(tables));
  const { status, stdout, stderr } = await cvm("build", clean, "--out", path.join(folder, "sample-clean.value.xlsx"));
  expect([status, stderr]).toEqual([0, ""]);
  expect(stdout).toContain("  Value Map: 4 stakeholders\n");
});

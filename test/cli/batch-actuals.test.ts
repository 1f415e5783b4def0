import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { temporaryFolder } from "../support/build";
import { cvm } from "../support/cli";
import { writeModelWorkbook } from "../support/model-workbook";

/**
 * `cvm batch` and CVM_Actuals: results measured at the model's customer stay in that customer's
 * workbook only. Every other customer's workbook gets the table emptied (no realization by year,
 * no names of it), so that no customer reads another's results.
 */

const MODEL = {
  variables: [
    ["Name", "Value"],
    ["Miles", 100],
  ],
  elements: [
    ["Element", "Id", "Formula", "Stakeholder", "Confidence"],
    ["Fewer leak repairs", "Repairs", "Miles*1000", "Production Manager", "green"],
  ],
  settings: [
    ["Setting", "Value"],
    ["Customer", "Northwind"],
    ["Years", 3],
  ],
  actuals: [
    ["Element", "Year", "Actual", "Source", "Date"],
    ["Repairs", 1, 91000, "Northwind work orders FY2026", 46416],
    ["Repairs", 2, 104000, "Northwind work orders FY2027", 46780],
  ],
};

let folder: string;
let outDir: string;
let run: Awaited<ReturnType<typeof cvm>>;

async function sheets(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(outDir, file));
  return workbook;
}

/** Every cell's text in the workbook, to search for a trace of another customer. */
function allText(workbook: ExcelJS.Workbook): string {
  const parts: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        parts.push(String(cell.text));
      }),
    ),
  );
  return parts.join("\n");
}

beforeAll(async () => {
  folder = await temporaryFolder("batch-actuals");
  const modelPath = path.join(folder, "model.xlsx");
  await fs.writeFile(modelPath, await writeModelWorkbook(MODEL));
  const csv = path.join(folder, "customers.csv");
  // " northwind " is the model's customer, written otherwise: it keeps its results.
  await fs.writeFile(csv, "Customer,Miles\nAcme,200\n northwind ,100\n");
  outDir = path.join(folder, "out");
  run = await cvm("batch", modelPath, csv, "--out-dir", outDir, "--threads", "1");
});

test("the batch says once, after writing, where the model's actuals went", () => {
  expect(run.status).toBe(0);
  expect(run.stderr.split("\n").filter((line) => line.includes("CVM_Actuals"))).toEqual([
    "Note: the results in CVM_Actuals were measured at Northwind: only northwind's workbook has them; the other workbook got the table with its rows emptied, ready for that customer's own results.",
  ]);
});

test("another customer's workbook has the table with its rows emptied, and nothing of the model customer's results", async () => {
  const acme = await sheets("Acme.value.xlsx");
  const actuals = acme.getWorksheet("Actuals")!;
  expect(["A1", "B1", "C1", "D1", "E1"].map((a1) => actuals.getCell(a1).value)).toEqual(["Element", "Year", "Actual", "Source", "Date"]);
  for (const row of [2, 3]) for (const column of ["A", "B", "C", "D", "E"]) expect(actuals.getCell(`${column}${row}`).value).toBeNull();
  const text = allText(acme);
  expect(text).not.toContain("Northwind");
  expect(text).not.toContain("Realization by year");
  const names = acme.definedNames.model.map((n) => n.name);
  expect(names).toContain("CVM_Actuals");
  expect(names).not.toContain("CVM_RealizedToDate");
});

test("the model's customer's workbook keeps its results and shows realization by year", async () => {
  const northwind = await sheets("northwind.value.xlsx");
  const actuals = northwind.getWorksheet("Actuals")!;
  expect(actuals.getCell("C2").value).toBe(91000);
  expect(actuals.getCell("D3").value).toBe("Northwind work orders FY2027");
  expect(allText(northwind)).toContain("Realization by year");
  expect(northwind.definedNames.model.map((n) => n.name)).toContain("CVM_RealizedToDate");
});

test("the roll-up computes each customer as its workbook does", async () => {
  const rollup = JSON.parse(await fs.readFile(path.join(outDir, "rollup.json"), "utf8")) as {
    customers: { customer: string; file: string }[];
  };
  expect(rollup.customers.map((c) => c.customer)).toEqual(["Acme", "northwind"]);
});

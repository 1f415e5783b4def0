import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { temporaryFolder } from "../support/build";
import { cvm } from "../support/cli";
import { writeModelWorkbook } from "../support/model-workbook";

/**
 * `cvm batch` and CVM_Actuals: each customer's workbook keeps that customer's rows only. A row
 * names its customer in the optional Customer column; a row without one is the model's customer's
 * (its Customer setting). Every other row is emptied in the copy (no realization by year from it,
 * no text of it), so that no customer reads another's results; each workbook's realization by
 * year is its own customer's. So with the single Actual of CVM_Elements that the CSV does not set:
 * the model's customer's result, emptied in every other customer's workbook.
 */

// Repairs = Miles × 1000 a year, full from year 1: the model's 100 miles give 100000 a year.
const MODEL = {
  variables: [
    ["Name", "Value"],
    ["Miles", 100],
  ],
  elements: [
    // The single Actual of an element, measured at the model's customer (Northwind) too.
    ["Element", "Id", "Formula", "Stakeholder", "Confidence", "Actual"],
    ["Fewer leak repairs", "Repairs", "Miles*1000", "Production Manager", "green", 97531],
  ],
  settings: [
    ["Setting", "Value"],
    ["Customer", "Northwind"],
    ["Years", 3],
  ],
  // A ledger of two customers: Northwind's rows without a Customer (the model's own), Acme's named.
  actuals: [
    ["Element", "Year", "Actual", "Source", "Date", "Customer"],
    ["Repairs", 1, 91000, "Northwind work orders FY2026", 46416, ""],
    ["Repairs", 2, 104000, "Northwind work orders FY2027", 46780, ""],
    ["Repairs", 1, 150000, "Acme maintenance ledger 2026", 46416, "Acme"],
  ],
};

let folder: string;
let outDir: string;
let run: Awaited<ReturnType<typeof cvm>>;

async function workbookOf(file: string): Promise<ExcelJS.Workbook> {
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

const ledgerRows = (workbook: ExcelJS.Workbook) =>
  [2, 3, 4].map((r) => ["A", "B", "C", "D", "E", "F"].map((c) => workbook.getWorksheet("Actuals")!.getCell(`${c}${r}`).value));

beforeAll(async () => {
  folder = await temporaryFolder("batch-actuals");
  const modelPath = path.join(folder, "model.xlsx");
  await fs.writeFile(modelPath, await writeModelWorkbook(MODEL));
  const csv = path.join(folder, "customers.csv");
  // " northwind " is the model's customer, written otherwise; Contoso has no rows in the ledger.
  await fs.writeFile(csv, "Customer,Miles\nAcme,200\n northwind ,100\nContoso,50\n");
  outDir = path.join(folder, "out");
  run = await cvm("batch", modelPath, csv, "--out-dir", outDir, "--threads", "1");
});

test("the batch says once, after writing, that each workbook kept its own rows", () => {
  expect(run.status).toBe(0);
  expect(run.stderr.split("\n").filter((line) => line.includes("CVM_Actuals"))).toEqual([
    "Note: each workbook keeps only its own customer's rows of CVM_Actuals (a row without a Customer is Northwind's, the model's customer); in every workbook the other rows were emptied.",
  ]);
});

test("Acme's workbook keeps Acme's row, and its realization by year is Acme's; nothing of Northwind's", async () => {
  const acme = await workbookOf("Acme.value.xlsx");
  expect(ledgerRows(acme)).toEqual([
    [null, null, null, null, null, null],
    [null, null, null, null, null, null],
    ["Repairs", 1, 150000, "Acme maintenance ledger 2026", 46416, "Acme"],
  ]);
  const text = allText(acme);
  expect(text).not.toMatch(/northwind/i);
  expect(text).toContain("Realization by year");
  const rollup = JSON.parse(await fs.readFile(path.join(outDir, "rollup.json"), "utf8")) as { customers: { customer: string }[] };
  expect(rollup.customers.map((c) => c.customer)).toEqual(["Acme", "northwind", "Contoso"]);
});

test("an element's Actual the CSV does not set stays only in the model's customer's workbook", async () => {
  const acme = await workbookOf("Acme.value.xlsx");
  expect(acme.getWorksheet("Elements")!.getCell("F2").value).toBeNull();
  expect(allText(acme)).not.toMatch(/97,?531/);
  expect(allText(acme)).not.toContain("Value realization");
  const northwind = await workbookOf("northwind.value.xlsx");
  expect(northwind.getWorksheet("Elements")!.getCell("F2").value).toBe(97531);
  expect(allText(northwind)).toContain("Value realization");
});

test("the model's customer keeps the rows without a Customer, and not Acme's", async () => {
  const northwind = await workbookOf("northwind.value.xlsx");
  const rows = ledgerRows(northwind);
  expect(rows[0]![2]).toBe(91000);
  expect(rows[1]![3]).toBe("Northwind work orders FY2027");
  expect(rows[2]).toEqual([null, null, null, null, null, null]);
  expect(allText(northwind)).not.toContain("Acme");
  expect(northwind.definedNames.model.map((n) => n.name)).toContain("CVM_RealizedToDate");
});

test("a customer with no row of the ledger gets the table emptied and no realization by year", async () => {
  const contoso = await workbookOf("Contoso.value.xlsx");
  expect(
    ledgerRows(contoso)
      .flat()
      .every((v) => v === null),
  ).toBe(true);
  expect(["A1", "B1", "C1", "D1", "E1", "F1"].map((a1) => contoso.getWorksheet("Actuals")!.getCell(a1).value)).toEqual([
    "Element",
    "Year",
    "Actual",
    "Source",
    "Date",
    "Customer",
  ]);
  const text = allText(contoso);
  expect(text).not.toMatch(/northwind|acme/i);
  expect(text).not.toContain("Realization by year");
  const names = contoso.definedNames.model.map((n) => n.name);
  expect(names).toContain("CVM_Actuals");
  expect(names).not.toContain("CVM_RealizedToDate");
});

import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { readCustomersCsv } from "../../src/cli/batch/customers-csv";
import { temporaryFolder } from "../support/build";
import { cvm } from "../support/cli";
import { readDefinedNameValues, recalculateWithLibreOffice } from "../support/libreoffice";
import { writeModelWorkbook } from "../support/model-workbook";

/**
 * `cvm batch` with the next-best alternative (issue 16): the CSV columns Alternative,
 * AlternativeInvestment and AlternativeAnnualCost set each customer's alternative, written into
 * the model's settings cells; the roll-up carries the alternative and the incentive. Expected
 * numbers are worked out by hand below, and LibreOffice recalculates a customer's workbook.
 */

// Repairs = Miles × 1000 a year, full from year 1; 3 years; the offering 50000 once and 20000 a year
// (total cost 110000); the model's alternative: manual patrols at 100000 a year.
const MODEL = {
  variables: [
    ["Name", "Value"],
    ["Miles", 100],
  ],
  elements: [
    ["Element", "Formula", "Stakeholder", "Confidence"],
    ["Fewer leak repairs", "Miles*1000", "Production Manager", "green"],
  ],
  settings: [
    ["Setting", "Value"],
    ["Customer", "Model customer"],
    ["Years", 3],
    ["Investment", 50000],
    ["AnnualCost", 20000],
    ["Alternative", "Manual patrols"],
    ["AlternativeInvestment", 0],
    ["AlternativeAnnualCost", 100000],
  ],
};

let folder: string;
let modelPath: string;

beforeAll(async () => {
  folder = await temporaryFolder("batch-alternative");
  modelPath = path.join(folder, "model.xlsx");
  await fs.writeFile(modelPath, await writeModelWorkbook(MODEL));
});

describe("each customer's alternative from the CSV", () => {
  let outDir: string;
  let run: Awaited<ReturnType<typeof cvm>>;
  let rollup: { customers: { customer: string; alternative?: string; totals: Record<string, number | null> }[] };

  beforeAll(async () => {
    const csv = path.join(folder, "customers.csv");
    await fs.writeFile(csv, "Customer,Miles,Alternative,AlternativeAnnualCost\nAcme,200,Aerial surveys,150000\nBeta,120,,\n");
    outDir = path.join(folder, "out");
    run = await cvm("batch", modelPath, csv, "--out-dir", outDir, "--threads", "1");
    rollup = JSON.parse(await fs.readFile(path.join(outDir, "rollup.json"), "utf8"));
  });

  test("the roll-up names each customer's alternative and carries the incentive", () => {
    expect(run.status).toBe(0);
    const [acme, beta] = rollup.customers;
    // Acme: benefit 3 × 200000 = 600000; alternative 3 × 150000 = 450000; price difference
    // 110000 − 450000 = −340000; incentive 600000 + 340000.
    expect(acme).toMatchObject({ customer: "Acme", alternative: "Aerial surveys" });
    expect(acme!.totals).toMatchObject({ AlternativeCost: 450000, PriceDifference: -340000, Incentive: 940000, NetValue: 490000 });
    // Beta keeps the model's alternative: benefit 360000; 3 × 100000 = 300000; −190000; 550000.
    expect(beta).toMatchObject({ customer: "Beta", alternative: "Manual patrols" });
    expect(beta!.totals).toMatchObject({ AlternativeCost: 300000, PriceDifference: -190000, Incentive: 550000 });
  });

  test("rollup.csv has the alternative's columns after the others", async () => {
    const lines = (await fs.readFile(path.join(outDir, "rollup.csv"), "utf8")).replace(/^\ufeff/, "").split("\r\n");
    expect(lines[0]).toBe(
      "Customer,File,TotalAnnualValue,Green,Gray,TotalBenefit,TotalCost,NetValue,NPV,ROI,PaybackMonths,Alternative,AlternativeCost,PriceDifference,Incentive",
    );
    expect(lines[1]).toMatch(/^Acme,Acme\.value\.xlsx,.*,Aerial surveys,450000,-340000,940000$/);
    expect(lines[2]).toMatch(/,Manual patrols,300000,-190000,550000$/);
  });

  test("the customer's alternative is in the workbook's settings, and LibreOffice finds the roll-up's incentive in CVM_Incentive", async () => {
    const file = path.join(outDir, "Acme.value.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const settings = workbook.getWorksheet("Settings")!;
    expect(settings.getCell("B6").value).toBe("Aerial surveys");
    expect(settings.getCell("B8").value).toBe(150000);
    const [recalculated] = await recalculateWithLibreOffice([file], path.join(folder, "recalculated"));
    const names = await readDefinedNameValues(recalculated!);
    expect(names.get("CVM_AlternativeCost")).toBe(450000);
    expect(names.get("CVM_PriceDifference")).toBe(-340000);
    expect(names.get("CVM_Incentive")).toBe(940000);
  });
});

describe("what the batch refuses", () => {
  test("an alternative's column the model has no setting for, and a negative cost: exit 1 with line and column, nothing written", async () => {
    const without = path.join(folder, "without.xlsx");
    await fs.writeFile(without, await writeModelWorkbook({ ...MODEL, settings: MODEL.settings.slice(0, 5) }));
    const csv = path.join(folder, "refused.csv");
    await fs.writeFile(csv, "Customer,Miles,AlternativeAnnualCost\nAcme,200,150000\n");
    const outDir = path.join(folder, "never");
    const refused = await cvm("batch", without, csv, "--out-dir", outDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      `Error in ${csv}, line 1, column C (AlternativeAnnualCost): The model's CVM_Settings has no AlternativeAnnualCost row with a value, so it has nowhere to keep each customer's AlternativeAnnualCost. Add a row AlternativeAnnualCost to CVM_Settings (0 if the model has none), or delete this column.`,
    );
    const negative = path.join(folder, "negative.csv");
    await fs.writeFile(negative, "Customer,Miles,AlternativeAnnualCost\nAcme,200,-5\n");
    const run = await cvm("batch", modelPath, negative, "--out-dir", outDir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `Error in ${negative}, line 2, column C (AlternativeAnnualCost): The AlternativeAnnualCost is -5: the alternative's yearly cost cannot be negative.`,
    );
    await expect(fs.access(outDir)).rejects.toThrow();
  });
});

describe("reading the alternative's columns", () => {
  const variables = [{ name: "Miles", value: 100, percent: false }];
  const places = ["alternative", "alternativeInvestment", "alternativeAnnualCost"] as const;

  test("matched without case or spaces; a number as the CSV writes it; an empty cell keeps the model's", () => {
    const csv = readCustomersCsv(
      "Customer;alternative;Alternative Investment;ALTERNATIVEANNUALCOST\nAcme; Drones ;1.500,5;\nBeta;;;2000\n",
      variables,
      [],
      [...places],
    );
    expect(csv.problems).toEqual([]);
    expect(csv.customers.map((c) => c.settings)).toEqual([
      { alternative: "Drones", alternativeInvestment: 1500.5 },
      { alternativeAnnualCost: 2000 },
    ]);
  });

  test("a cost that is no number and a name on two lines are refused with line and column", () => {
    const csv = readCustomersCsv('Customer,Alternative,AlternativeInvestment\nAcme,"Manual\npatrols",lots\n', variables, [], [...places]);
    expect(csv.customers).toEqual([]);
    expect(csv.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [2, 1, "The Alternative holds a line break or another control character; keep it on one line."],
      [2, 2, expect.stringContaining('"lots" is not a number')],
    ]);
  });
});

import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { writeModelWorkbook } from "../support/model-workbook";
import { PIPELINE_SAMPLE } from "../../src/sample/pipeline-model";
import { MID_PAYBACK } from "../fixtures/models";
import { temporaryFolder } from "../support/build";
import { cvm, sha256Of } from "../support/cli";


const exists = (file: string) => fs.access(file).then(() => true, () => false);

async function workbookAt(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

let folder: string;
let samplePath: string;
beforeAll(async () => {
  folder = await temporaryFolder("cli");
  samplePath = path.join(folder, "pipeline.xlsx");
  await fs.writeFile(samplePath, await writeModelWorkbook(PIPELINE_SAMPLE));
});

describe("cvm build", () => {
  test("writes <name>.value.xlsx beside the input and leaves the input byte for byte as it was", async () => {
    const before = await sha256Of(samplePath);
    const { status, stdout } = await cvm("build", samplePath);
    expect(status).toBe(0);
    expect(stdout).toContain("Customer: Northwind Midstream");
    expect(await sha256Of(samplePath)).toBe(before);
    const written = await workbookAt(path.join(folder, "pipeline.value.xlsx"));
    expect(written.worksheets.map((s) => s.name)).toEqual(["Variables", "Elements", "Settings", "Value Summary", "Assumptions Log", "CVM_Meta"]);
    expect(written.getWorksheet("CVM_Meta")!.state).toBe("veryHidden");
  });

  test("--json prints the contract's shape, with null where a result has no value", async () => {
    const modelPath = path.join(folder, "no-cost.xlsx");
    await fs.writeFile(modelPath, await writeModelWorkbook({ ...MID_PAYBACK.tables, settings: [["Setting", "Value"], ["Customer", "Fabrikam"], ["Years", 2]] }));
    const { status, stdout } = await cvm("build", modelPath, "--json", "--out", path.join(folder, "out", "no-cost.json.xlsx"));
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["customer", "currency", "elements", "totals"]);
    expect(json.customer).toBe("Fabrikam");
    expect(json.currency).toBe("USD");
    // Fuel saved: 40 × 31000 × 8% = 99200 a year, ramp 40%, 80%.
    expect(json.elements[0]).toEqual({ id: null, element: "Fuel saved", stakeholder: "Fleet Manager", confidence: "green", annualValue: 99200, byYear: [39680, 79360] });
    expect(Object.keys(json.totals)).toEqual(["TotalAnnualValue", "Green", "Gray", "TotalBenefit", "TotalCost", "NetValue", "NPV", "ROI", "PaybackMonths"]);
    expect(json.totals.TotalCost).toBe(0);
    expect(json.totals.ROI).toBeNull();
    expect(json.totals.PaybackMonths).toBe(0);
    expect(await exists(path.join(folder, "out", "no-cost.json.xlsx"))).toBe(true);
  });

  test("a Value outside its Low–High range is a warning at the Value cell; the workbook is still written", async () => {
    const modelPath = path.join(folder, "outside.xlsx");
    const variables = PIPELINE_SAMPLE.variables.map((row) => (row[0] === "PipelineMiles" ? ["PipelineMiles", 2300, ...row.slice(2)] : row));
    await fs.writeFile(modelPath, await writeModelWorkbook({ ...PIPELINE_SAMPLE, variables }));
    const { status, stderr } = await cvm("build", modelPath);
    expect(status).toBe(0);
    // PipelineMiles is the sample's first variable: row 2, Value in column B.
    expect(stderr).toContain(
      'Warning in sheet "Variables", row 2, column B (CVM_Variables): PipelineMiles is 2,300, outside its range 1,100 to 1,300 (Low to High): the conservative and optimistic cases would not bracket it; update Low and High for this customer.',
    );
    expect(await exists(path.join(folder, "outside.value.xlsx"))).toBe(true);
  });

  test("a model with errors exits 1, prints each error with sheet, row and column, and writes nothing", async () => {
    const broken = path.join(folder, "broken.xlsx");
    await fs.writeFile(
      broken,
      await writeModelWorkbook({
        variables: [["Name", "Value"], ["Miles", "lots"], ["Q1", 3]],
        elements: [["Element", "Formula"], ["Repairs", "Miles*Mlies"]],
      }),
    );
    const { status, stderr } = await cvm("build", broken);
    expect(status).toBe(1);
    expect(stderr).toContain('sheet "Variables", row 2, column B (CVM_Variables)');
    expect(stderr).toContain('sheet "Variables", row 3, column A (CVM_Variables)');
    expect(stderr).toContain('sheet "Elements", row 2, column B (CVM_Elements)');
    expect(stderr).toContain("nothing was written");
    expect(await exists(path.join(folder, "broken.value.xlsx"))).toBe(false);
  });

  test("bad usage and unreadable files exit 2", async () => {
    expect((await cvm()).status).toBe(2);
    expect((await cvm("frobnicate")).status).toBe(2);
    expect((await cvm("build")).status).toBe(2);
    expect((await cvm("build", samplePath, "--out")).status).toBe(2);
    expect((await cvm("build", samplePath, "--colour")).status).toBe(2);
    const same = await cvm("build", samplePath, "--out", samplePath);
    expect(same.status).toBe(2);
    expect(same.stderr).toContain("never modified");
    expect((await cvm("build", path.join(folder, "missing.xlsx"))).stderr).toContain("no such file");
    const notExcel = path.join(folder, "notes.xlsx");
    await fs.writeFile(notExcel, "just text");
    const garbage = await cvm("build", notExcel);
    expect(garbage.status).toBe(2);
    expect(garbage.stderr).toContain("cannot read");
    expect((await cvm("--help")).status).toBe(0);
  });

  test("a sheet or name the user made is a clash: exit 1, a clear message, nothing written", async () => {
    const bytes = await writeModelWorkbook(PIPELINE_SAMPLE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    workbook.addWorksheet("Value Summary").getCell("A1").value = "my own notes";
    const clashing = path.join(folder, "clash.xlsx");
    await workbook.xlsx.writeFile(clashing);
    const sheetClash = await cvm("build", clashing);
    expect(sheetClash.status).toBe(1);
    expect(sheetClash.stderr).toContain('already has a sheet named "Value Summary"');
    expect(await exists(path.join(folder, "clash.value.xlsx"))).toBe(false);

    const named = new ExcelJS.Workbook();
    await named.xlsx.load(bytes as unknown as ArrayBuffer);
    named.definedNames.add("Settings!$B$2", "LeakRepairs");
    const nameClashing = path.join(folder, "name-clash.xlsx");
    await named.xlsx.writeFile(nameClashing);
    const nameClash = await cvm("build", nameClashing);
    expect(nameClash.status).toBe(1);
    expect(nameClash.stderr).toContain('already defines the name "LeakRepairs"');
    expect(await exists(path.join(folder, "name-clash.value.xlsx"))).toBe(false);
  });
});

describe("rebuilding a value workbook", () => {
  test("replaces only what the add-in made, keeps the user's names, and only adds to the history", async () => {
    // A user's names of every kind that ExcelJS alone would mangle: a constant, an expression, a sheet-scoped name.
    const bytes = await writeModelWorkbook(PIPELINE_SAMPLE);
    const start = new ExcelJS.Workbook();
    await start.xlsx.load(bytes as unknown as ArrayBuffer);
    start.getWorksheet("Settings")!.getCell("E1").value = "user's own cell";
    const first = path.join(folder, "rebuild.xlsx");
    await start.xlsx.writeFile(first);
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await fs.readFile(first));
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    const userNames = '<definedName name="TaxRate">0.21</definedName><definedName name="DoubleMiles">Variables!$B$2*2</definedName><definedName name="Local" localSheetId="0">Variables!$A$1</definedName>';
    zip.file("xl/workbook.xml", xml.replace("</definedNames>", `${userNames}</definedNames>`));
    await fs.writeFile(first, await zip.generateAsync({ type: "uint8array" }));

    expect((await cvm("build", first, "--out", path.join(folder, "rebuild-1.xlsx"))).status).toBe(0);
    // The user edits an input of the built workbook and builds again, 3 times.
    let current = path.join(folder, "rebuild-1.xlsx");
    const miles = [1250, 1300, 1300];
    for (const [i, value] of miles.entries()) {
      // Edit the cell in the package itself, as Excel would: re-saving with ExcelJS would mangle the user's names.
      const edited = await JSZip.loadAsync(await fs.readFile(current));
      const sheetXml = await edited.file("xl/worksheets/sheet1.xml")!.async("string");
      const changed = sheetXml.replace(/(<c r="B2"[^>]*>)<v>[^<]*<\/v>/, `$1<v>${value}</v>`);
      expect(changed).toMatch(new RegExp(`<c r="B2"[^>]*><v>${value}</v>`));
      edited.file("xl/worksheets/sheet1.xml", changed);
      const editedPath = path.join(folder, `rebuild-${i + 1}-edited.xlsx`);
      await fs.writeFile(editedPath, await edited.generateAsync({ type: "uint8array" }));
      const next = path.join(folder, `rebuild-${i + 2}.xlsx`);
      const result = await cvm("build", editedPath, "--out", next);
      expect([result.status, result.stderr]).toEqual([0, ""]);
      current = next;
    }

    const finalXml = await (await JSZip.loadAsync(await fs.readFile(current))).file("xl/workbook.xml")!.async("string");
    expect(finalXml).toContain('<definedName name="TaxRate">0.21</definedName>');
    expect(finalXml).toContain('<definedName name="DoubleMiles">Variables!$B$2*2</definedName>');
    expect(finalXml).toContain('<definedName name="Local" localSheetId="0">Variables!$A$1</definedName>');
    expect(finalXml.match(/<definedName name="CVM_NPV">/g)).toHaveLength(1);

    const final = await workbookAt(current);
    expect(final.worksheets.filter((s) => s.name === "Value Summary")).toHaveLength(1);
    expect(final.getWorksheet("Settings")!.getCell("E1").value).toBe("user's own cell");
    const log = final.getWorksheet("Assumptions Log")!;
    const history: unknown[][] = [];
    for (let row = 5; row <= log.rowCount; row++) {
      const cells = [13, 14, 15, 16, 17, 18].map((c) => log.getRow(row).getCell(c).value);
      if (cells.some((v) => v !== null)) history.push(cells.slice(1));
    }
    expect(history).toEqual([
      ["Build", "First build", null, null, "17 variables, 6 elements recorded"],
      ["Variable", "PipelineMiles", "Value", 1200, 1250],
      ["Variable", "PipelineMiles", "Value", 1250, 1300],
    ]);
  });
});

describe("the installed bin", () => {
  test("runs the built command line with the same exit statuses", async () => {
    const run = promisify(execFile);
    const bin = path.resolve(__dirname, "../../bin/cvm.js");
    const ok = await run(process.execPath, [bin, "build", samplePath, "--out", path.join(folder, "bin.xlsx"), "--json"]);
    expect(JSON.parse(ok.stdout).totals.TotalCost).toBe(250000 + 5 * 180000);
    await expect(run(process.execPath, [bin, "build"])).rejects.toMatchObject({ code: 2 });
  });
});

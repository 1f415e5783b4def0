/**
 * Proves the LibreOffice harness: ExcelJS writes formulas over workbook-scoped
 * defined names, LibreOffice recalculates them headlessly, and we read the
 * values back by name. CI installs libreoffice-calc-nogui, so a missing office
 * is a FAILURE here, never a skip.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  findLibreOffice,
  LIBREOFFICE_MISSING_MESSAGE,
  parseSingleCellReference,
  readDefinedNameValues,
  recalculateWithLibreOffice,
  type DefinedNameValue,
} from "./libreoffice";

let tmp: string;
let values: Map<string, DefinedNameValue>;
let edgeValues: Map<string, DefinedNameValue>;
let batchMs: number;

/** The workbook the brief asks for. */
async function writeMainWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const summary = wb.addWorksheet("Value Summary");
  const inputs = wb.addWorksheet("Inputs");

  inputs.getCell("A2").value = "Miles";
  inputs.getCell("B2").value = 120;
  inputs.getCell("A3").value = "Rate";
  inputs.getCell("B3").value = 0.25;
  wb.definedNames.add("Inputs!$B$2", "Miles");
  wb.definedNames.add("Inputs!$B$3", "Rate");

  // SUMPRODUCT over a small range with a text comparison: x -> 3 + 7 = 10.
  summary.getCell("A1").value = "x";
  summary.getCell("A2").value = "y";
  summary.getCell("A3").value = "x";
  summary.getCell("B1").value = 3;
  summary.getCell("B2").value = 5;
  summary.getCell("B3").value = 7;

  summary.getCell("D1").value = { formula: "Miles*Rate*2" } as ExcelJS.CellFormulaValue; // no cached result
  summary.getCell("D2").value = { formula: "NPV(10%,500,1500,4000,10000)" } as ExcelJS.CellFormulaValue;
  summary.getCell("D3").value = { formula: "NA()" } as ExcelJS.CellFormulaValue;
  summary.getCell("D4").value = { formula: "1/0" } as ExcelJS.CellFormulaValue;
  summary.getCell("D5").value = { formula: 'SUMPRODUCT((A1:A3="x")*B1:B3)' } as ExcelJS.CellFormulaValue;
  summary.getCell("D6").value = { formula: "Miles*2", result: 999 }; // stale cached result
  summary.getCell("D6").numFmt = "0.00";

  wb.definedNames.add("'Value Summary'!$D$1", "TripValue");
  wb.definedNames.add("'Value Summary'!$D$2", "NpvExample");
  wb.definedNames.add("'Value Summary'!$D$3", "NotAvailable");
  wb.definedNames.add("'Value Summary'!$D$4", "DivByZero");
  wb.definedNames.add("'Value Summary'!$D$5", "CountX");
  wb.definedNames.add("'Value Summary'!$D$6", "StaleDouble");
  await wb.xlsx.writeFile(file);
}

/**
 * Edge cases for the reader: an apostrophe in a sheet name, a sheet-scoped name
 * shadowing a workbook one, names that are not single cells, other value types.
 * ExcelJS cannot write sheet-scoped names, so they are patched into workbook.xml.
 */
async function writeEdgeWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet("Data");
  const odd = wb.addWorksheet("Bob's Sheet");
  data.getCell("B2").value = 120;
  data.getCell("B3").value = 0.25;
  data.getCell("C1").value = { formula: "B2>100" } as ExcelJS.CellFormulaValue;
  data.getCell("C2").value = { formula: '"ab"&"cd"' } as ExcelJS.CellFormulaValue;
  data.getCell("C3").value = { formula: '""' } as ExcelJS.CellFormulaValue;
  data.getCell("C4").value = { formula: "DATE(2024,1,15)" } as ExcelJS.CellFormulaValue; // LO gives it a date format
  data.getCell("C5").value = { formula: "rate*4" } as ExcelJS.CellFormulaValue; // names are case-insensitive
  odd.getCell("A1").value = { formula: "Local*10" } as ExcelJS.CellFormulaValue;
  odd.getCell("A2").value = { formula: "Miles+1" } as ExcelJS.CellFormulaValue; // the sheet-scoped Miles wins here
  wb.definedNames.add("Data!$B$2", "Miles");
  wb.definedNames.add("Data!$B$3", "Rate");
  wb.definedNames.add("Data!$C$1", "IsBig");
  wb.definedNames.add("Data!$C$2", "Joined");
  wb.definedNames.add("Data!$C$3", "EmptyText");
  wb.definedNames.add("Data!$C$4", "SomeDate");
  wb.definedNames.add("Data!$C$5", "lowerCase");
  wb.definedNames.add("Data!$D$9", "BlankCell");
  wb.definedNames.add("'Bob''s Sheet'!$A$1", "Quoted");
  wb.definedNames.add("'Bob''s Sheet'!$A$2", "ShadowedMiles");
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const extra =
    '<definedName name="Local" localSheetId="1">Data!$B$3</definedName>' +
    '<definedName name="Miles" localSheetId="1">Data!$B$3</definedName>' +
    '<definedName name="Konst">0.5</definedName>' +
    '<definedName name="Expr">Data!$B$2*2</definedName>' +
    '<definedName name="Span">Data!$B$2:$B$3</definedName>' +
    '<definedName name="Two">Data!$B$2,Data!$B$3</definedName>' +
    '<definedName name="OneCellRange">Data!$B$2:$B$2</definedName>' +
    '<definedName name="Relative">Data!B3</definedName>';
  zip.file("xl/workbook.xml", xml.replace("</definedNames>", `${extra}</definedNames>`));
  await fs.promises.writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
}

beforeAll(async () => {
  tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), "cvm-lo-test-"));
  const main = path.join(tmp, "in", "main.xlsx");
  const edge = path.join(tmp, "in", "edge.xlsx");
  await fs.promises.mkdir(path.dirname(main), { recursive: true });
  await writeMainWorkbook(main);
  await writeEdgeWorkbook(edge);

  const started = Date.now();
  const outputs = await recalculateWithLibreOffice([main, edge], path.join(tmp, "out"));
  batchMs = Date.now() - started;
  expect(outputs).toEqual([path.join(tmp, "out", "main.xlsx"), path.join(tmp, "out", "edge.xlsx")]);
  values = await readDefinedNameValues(outputs[0]!);
  edgeValues = await readDefinedNameValues(outputs[1]!);
});

afterAll(async () => {
  if (tmp) await fs.promises.rm(tmp, { recursive: true, force: true });
});

describe("LibreOffice harness", () => {
  test("LibreOffice is installed", () => {
    if (!findLibreOffice()) throw new Error(LIBREOFFICE_MISSING_MESSAGE);
  });

  test("recalculates formulas over workbook-scoped names", () => {
    expect(values.get("Miles")).toBe(120);
    expect(values.get("Rate")).toBe(0.25);
    expect(values.get("TripValue")).toBe(60);
    expect(Math.abs((values.get("NpvExample") as number) - 11529.6086)).toBeLessThan(1e-4);
    expect(values.get("NotAvailable")).toBe("#N/A");
    expect(values.get("DivByZero")).toBe("#DIV/0!");
    expect(values.get("CountX")).toBe(10);
  });

  test("a stale cached result is recalculated (OOXMLRecalcMode = 0 in the private profile)", () => {
    expect(values.get("StaleDouble")).toBe(240);
  });

  test("one soffice run converts a batch quickly", () => {
    // ~1 s here; generous bound so a slow CI box does not flake.
    expect(batchMs).toBeLessThan(60_000);
  });

  test("reads only workbook-scoped single-cell names, case-preserved", () => {
    expect(edgeValues.get("Quoted")).toBe(2.5); // 'Bob''s Sheet'!$A$1 = Local*10 with sheet-scoped Local = 0.25
    expect(edgeValues.get("ShadowedMiles")).toBe(1.25); // sheet-scoped Miles -> Data!$B$3
    expect(edgeValues.get("Miles")).toBe(120); // the workbook-scoped one, not the sheet-scoped one
    expect(edgeValues.get("IsBig")).toBe(true);
    expect(edgeValues.get("Joined")).toBe("abcd");
    expect(edgeValues.get("EmptyText")).toBe("");
    expect(edgeValues.get("SomeDate")).toBe(45306); // serial number, not a JS Date
    expect(edgeValues.get("lowerCase")).toBe(1);
    expect(edgeValues.get("BlankCell")).toBeNull();
    expect(edgeValues.get("OneCellRange")).toBe(120);
    expect(edgeValues.get("Relative")).toBe(0.25);
    for (const notSingleCell of ["Local", "Konst", "Expr", "Span", "Two"]) {
      expect(edgeValues.has(notSingleCell)).toBe(false);
    }
    expect([...edgeValues.keys()].sort()).toEqual(
      [
        "BlankCell",
        "EmptyText",
        "IsBig",
        "Joined",
        "lowerCase",
        "Miles",
        "OneCellRange",
        "Quoted",
        "Rate",
        "Relative",
        "ShadowedMiles",
        "SomeDate",
      ].sort(),
    );
  });

  test("parses references with quoted sheet names", () => {
    expect(parseSingleCellReference("'Bob''s Sheet'!$C$1")).toEqual({ sheet: "Bob's Sheet", row: 1, col: 3 });
    expect(parseSingleCellReference("'Value Summary'!$AB$12")).toEqual({ sheet: "Value Summary", row: 12, col: 28 });
    expect(parseSingleCellReference("Inputs!$B$2:$C$2")).toBeUndefined();
    expect(parseSingleCellReference("[1]Inputs!$B$2")).toBeUndefined();
    expect(parseSingleCellReference("#REF!")).toBeUndefined();
  });

  test("a file LibreOffice cannot load fails with its stderr", async () => {
    const bad = path.join(tmp, "in", "not-a-workbook.xlsx");
    await fs.promises.writeFile(bad, "this is not a zip file");
    await expect(recalculateWithLibreOffice([bad], path.join(tmp, "bad-out"))).rejects.toThrow(
      /produced no output for not-a-workbook\.xlsx[\s\S]*stderr: [\s\S]*could not be loaded/,
    );
  });

  test("a hung office is killed after the timeout", async () => {
    const main = path.join(tmp, "in", "main.xlsx");
    await expect(recalculateWithLibreOffice([main], path.join(tmp, "slow-out"), { timeoutMs: 50 })).rejects.toThrow(
      /timed out after 50 ms/,
    );
  });

  test("refuses inputs that would overwrite each other", async () => {
    await expect(recalculateWithLibreOffice([path.join(tmp, "in", "main.xlsx"), path.join(tmp, "out", "main.xlsx")], tmp)).rejects.toThrow(
      /would both be written as main\.xlsx/,
    );
  });
});

import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { writeModelWorkbook } from "../support/model-workbook";
import { readProfilesXlsx } from "../../src/adapters/xlsx/one-customer";
import { buildValueWorkbook } from "../../src/cli/build-workbook";
import { PROFILES_DESCRIPTION } from "../../src/core/profiles";
import { sampleNumberFormat } from "../../src/sample/pipeline-model";
import { BUILT_AT, temporaryFolder } from "../support/build";
import { cvm } from "../support/cli";
import {
  ACME,
  ACME_MILES,
  ACME_MILES_LATER,
  BETA,
  BETA_MILES,
  CRANE,
  CRANE_MILES,
  DELTA,
  partNames,
  partsContaining,
  sampleFor,
} from "../support/one-customer";

/**
 * `cvm batch` from a model that was built for Acme (twice, so that its history and record hold
 * Acme's numbers), carries profiles of Acme, Crane and Beta, document properties naming Acme and a
 * cover sheet whose formula cached Acme's name. Each customer's workbook must hold nothing of
 * another customer in any part of the package.
 */

const DAY = 86_400_000;

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The row (1-based) of a label in column A of a sheet. */
function rowOf(sheet: ExcelJS.Worksheet, label: string): number {
  let found = 0;
  sheet.eachRow((row, n) => {
    if (row.getCell(1).value === label) found = n;
  });
  if (found === 0) throw new Error(`No row ${label} on ${sheet.name}`);
  return found;
}

async function modelBuiltForAcme(): Promise<Uint8Array> {
  const first = await buildValueWorkbook(
    await writeModelWorkbook(sampleFor(ACME, ACME_MILES), { numberFormat: sampleNumberFormat }),
    BUILT_AT,
  );
  if (!first.ok) throw new Error(first.problems.map((p) => p.message).join(" "));
  const workbook = await load(first.bytes);
  const variables = workbook.getWorksheet("Variables")!;
  variables.getCell(rowOf(variables, "PipelineMiles"), 2).value = ACME_MILES_LATER;
  const profiles = workbook.addWorksheet("CVM_Profiles", { state: "hidden" });
  [
    ["CVM_Profiles", PROFILES_DESCRIPTION],
    ["format", 1],
    ["active", ACME],
    [],
    ["Customer", "Saved", "PipelineMiles"],
    [ACME, 46349, ACME_MILES_LATER],
    [CRANE, 46350, CRANE_MILES],
    [BETA, 46351, BETA_MILES],
  ].forEach((row, r) => row.forEach((value, c) => (profiles.getCell(r + 1, c + 1).value = value)));
  Object.assign(workbook, {
    title: `Value for ${ACME}`,
    subject: ACME,
    keywords: `${ACME}, pipeline`,
    description: `Prepared for ${ACME}`,
    category: ACME,
    company: ACME,
    manager: `${ACME} procurement`,
  });
  const settings = workbook.getWorksheet("Settings")!;
  const cover = workbook.addWorksheet("Cover");
  cover.getCell("A1").value = {
    formula: `"Proposal for "&Settings!B${rowOf(settings, "Customer")}`,
    result: `Proposal for ${ACME}`,
  } as ExcelJS.CellFormulaValue;
  const second = await buildValueWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), new Date(BUILT_AT.getTime() + DAY));
  if (!second.ok) throw new Error(second.problems.map((p) => p.message).join(" "));
  return second.bytes;
}

let folder: string;
let model: Uint8Array;
let beta: Uint8Array;
let delta: Uint8Array;

beforeAll(async () => {
  folder = await temporaryFolder("one-customer");
  model = await modelBuiltForAcme();
  const modelPath = path.join(folder, "model.xlsx");
  await fs.writeFile(modelPath, model);
  const csvPath = path.join(folder, "customers.csv");
  await fs.writeFile(csvPath, `Customer,PipelineMiles\r\n${BETA},1150\r\n${DELTA},1250\r\n`);
  const outDir = path.join(folder, "out");
  const run = await cvm("batch", modelPath, csvPath, "--out-dir", outDir, "--threads", "1");
  if (run.status !== 0) throw new Error(run.stderr);
  beta = new Uint8Array(await fs.readFile(path.join(outDir, `${BETA}.value.xlsx`)));
  delta = new Uint8Array(await fs.readFile(path.join(outDir, `${DELTA}.value.xlsx`)));
});

afterAll(() => fs.rm(folder, { recursive: true, force: true }));

test("the model holds Acme's and the others' names and numbers, and the search finds them in its parts", async () => {
  const found = await partsContaining(model, [ACME, CRANE, ACME_MILES, ACME_MILES_LATER, CRANE_MILES]);
  expect(found).toEqual(
    expect.arrayContaining([
      `docProps/core.xml: ${ACME}`,
      `docProps/app.xml: ${ACME}`,
      `xl/sharedStrings.xml: ${ACME}`,
      `xl/sharedStrings.xml: ${CRANE}`,
      expect.stringMatching(new RegExp(`^xl/worksheets/sheet\\d+\\.xml: ${CRANE_MILES}$`)),
    ]),
  );
  // The history holds Acme's first value; the record its later one.
  expect(found.filter((f) => f.endsWith(`: ${ACME_MILES}`))).toHaveLength(1);
  expect(found.filter((f) => f.endsWith(`: ${ACME_MILES_LATER}`)).length).toBeGreaterThanOrEqual(2);
});

test("Beta's workbook holds nothing of Acme, Crane or Delta in any part of the package, and Beta's own profile", async () => {
  const parts = await partNames(beta);
  expect(parts).toEqual(expect.arrayContaining(["docProps/core.xml", "docProps/app.xml", "xl/workbook.xml", "xl/sharedStrings.xml"]));
  expect(await partsContaining(beta, [ACME, "Acme", CRANE, DELTA, ACME_MILES, ACME_MILES_LATER, CRANE_MILES])).toEqual([]);
  expect(await partsContaining(beta, [BETA, BETA_MILES])).toEqual(
    expect.arrayContaining([`xl/sharedStrings.xml: ${BETA}`, `docProps/core.xml: ${BETA}`]),
  );
  const workbook = await load(beta);
  const profiles = readProfilesXlsx(workbook);
  if (profiles.kind !== "ours") throw new Error("Beta's workbook lost its profiles sheet");
  expect(profiles.store.active).toBe(BETA);
  expect(profiles.store.profiles.map((p) => [p.name, p.values])).toEqual([[BETA, [{ variable: "PipelineMiles", value: BETA_MILES }]]]);
  expect(workbook.getWorksheet("CVM_Profiles")!.state).toBe("hidden");
  expect(workbook.title).toBe(`Value Summary: LeakSense pipeline-leak analytics for ${BETA}`);
  expect(
    [workbook.subject, workbook.keywords, workbook.description, workbook.category, workbook.company, workbook.manager].map((v) => v ?? ""),
  ).toEqual(["", "", "", "", "", ""]);
  // Beta's history starts with Beta: the model's last build was Acme's.
  const log = workbook.getWorksheet("Assumptions Log")!;
  expect([log.getCell("N5").value, log.getCell("O5").value, log.getCell("S5").value]).toEqual(["Build", `First build for ${BETA}`, BETA]);
  expect(log.getCell("M6").value).toBeNull();
  // The cover's formula stays; Excel computes it for Beta on open.
  expect(workbook.getWorksheet("Cover")!.getCell("A1").formula).toMatch(/^"Proposal for "&Settings!B\d+$/);
});

test("Delta, who has no profile, gets none, and nothing of Acme, Crane or Beta", async () => {
  expect(await partsContaining(delta, [ACME, "Acme", CRANE, BETA, ACME_MILES, ACME_MILES_LATER, CRANE_MILES, BETA_MILES])).toEqual([]);
  expect(await partsContaining(delta, [DELTA])).toEqual(
    expect.arrayContaining([`xl/sharedStrings.xml: ${DELTA}`, `docProps/core.xml: ${DELTA}`]),
  );
  const profiles = readProfilesXlsx(await load(delta));
  expect(profiles).toMatchObject({ kind: "ours", store: { active: "", profiles: [] } });
});

import JSZip from "jszip";
import { type ExcelHost, previewSwitch, saveProfile, switchProfile } from "../../src/adapters/excel";
import { buildInExcel } from "./pipeline";
import type { ModelTables } from "./model-workbook";
import type { ExcelSimulation } from "../../src/devtools/simulation/excel";
import { PIPELINE_SAMPLE } from "../../src/sample/pipeline-model";

/**
 * Customers whose names and numbers cannot occur in a workbook by accident, so that finding one
 * anywhere in a file means it travelled there from that customer.
 */
export const ACME = "Acme Pipelines Ltd";
export const BETA = "Beta Gas";
export const CRANE = "Crane Chemicals";
export const DELTA = "Delta Oil";
/** PipelineMiles of Acme (first and later build), of Crane, and what Beta's profile saved. */
export const ACME_MILES = 1234.5678;
export const ACME_MILES_LATER = 1243.8765;
export const CRANE_MILES = 1187.6543;
export const BETA_MILES = 1212.3456;

/** The sample for one customer: the Customer setting and PipelineMiles (inside its Low–High). */
export function sampleFor(customer: string, miles: number): ModelTables {
  return {
    ...PIPELINE_SAMPLE,
    variables: PIPELINE_SAMPLE.variables.map((row) => (row[0] === "PipelineMiles" ? [row[0], miles, ...row.slice(2)] : row)),
    settings: PIPELINE_SAMPLE.settings!.map((row) => (row[0] === "Customer" ? [row[0], customer] : row)),
  };
}

/** The needle as it appears in XML: `&` and `<` escaped, as in shared strings and attributes. */
function inXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/**
 * Every part of an .xlsx package (each XML part, relationships, anything else) that holds one of
 * `needles`, ignoring case, as `part: needle`. Numbers are looked for as Excel writes them.
 */
export async function partsContaining(bytes: Uint8Array, needles: readonly (string | number)[]): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const found: string[] = [];
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const text = (await file.async("string")).toLowerCase();
    for (const needle of needles) {
      const plain = String(needle).toLowerCase();
      if (text.includes(plain) || text.includes(inXml(plain))) found.push(`${name}: ${needle}`);
    }
  }
  return found;
}

/** The parts of a package, to show that a search went through all of them. */
export async function partNames(bytes: Uint8Array): Promise<string[]> {
  return Object.values((await JSZip.loadAsync(bytes)).files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
}

/**
 * Where in the simulated workbook one of `needles` occurs: every sheet (very hidden ones
 * included) by name, every stored cell's value, formula and number format, every name with its
 * formula and comment, every table and every chart's title and series; as `where: needle`.
 */
export function simulationContaining(simulation: ExcelSimulation, needles: readonly (string | number)[]): string[] {
  const doc = simulation.document;
  const places: [string, unknown][] = [];
  for (const sheet of doc.sheetNames()) {
    const s = doc.sheet(sheet);
    places.push([`sheet ${sheet}`, sheet]);
    for (const cell of s.cells) places.push([`${sheet}!${cell.address}`, [cell.value, cell.formula, cell.numberFormat]]);
    for (const chart of s.charts) places.push([`${sheet} chart ${chart.name}`, chart]);
    for (const cf of s.conditionalFormats) places.push([`${sheet} conditional format`, cf]);
  }
  for (const name of doc.names()) places.push([`name ${name.name}`, name]);
  for (const table of doc.tables()) places.push([`table ${table.name}`, table]);
  const found: string[] = [];
  for (const [where, what] of places) {
    const text = JSON.stringify(what).toLowerCase();
    for (const needle of needles) {
      const hit = typeof needle === "number" ? JSON.stringify(what).includes(String(needle)) : text.includes(needle.toLowerCase());
      if (hit) found.push(`${where}: ${needle}`);
    }
  }
  return found;
}

/** The Value cell beside a label in column A (a variable's name, a setting's), on any sheet. */
function valueCell(simulation: ExcelSimulation, label: string): [string, string] {
  for (const sheet of simulation.document.sheetNames()) {
    const found = simulation.document.sheet(sheet).cells.find((c) => c.value === label && c.column === 0);
    if (found) return [sheet, `B${found.row + 1}`];
  }
  throw new Error(`The model has no row ${label}.`);
}

/** A sales engineer types a customer's name and PipelineMiles into the model. */
export function typeCustomer(simulation: ExcelSimulation, customer: string, miles: number): void {
  simulation.edit(...valueCell(simulation, "Customer"), customer);
  simulation.edit(...valueCell(simulation, "PipelineMiles"), String(miles));
}

async function ok<T extends { ok: boolean }>(outcome: Promise<T>, what: string): Promise<T> {
  const done = await outcome;
  if (!done.ok) throw new Error(`${what} failed: ${JSON.stringify(done).slice(0, 400)}`);
  return done;
}

/**
 * A workbook as it is after weeks of work with the pane, on the sample built once already (so
 * that the names the build creates exist): Acme built twice (its miles changed between), Crane
 * built once, a profile saved for each of Acme, Crane and Beta, then a switch to Beta's profile.
 * Its history and build record now hold Acme's and Crane's names and numbers.
 */
export async function workedOnForThreeCustomers(simulation: ExcelSimulation, host: ExcelHost, at: Date): Promise<void> {
  const day = (n: number) => new Date(at.getTime() + n * 86_400_000);
  typeCustomer(simulation, ACME, ACME_MILES);
  await ok(buildInExcel(host, day(0)), "Acme's first build");
  typeCustomer(simulation, ACME, ACME_MILES_LATER);
  await ok(buildInExcel(host, day(1)), "Acme's second build");
  await ok(saveProfile(host, ACME, day(1)), "saving Acme");
  typeCustomer(simulation, CRANE, CRANE_MILES);
  await ok(saveProfile(host, CRANE, day(2)), "saving Crane");
  await ok(buildInExcel(host, day(2)), "Crane's build");
  typeCustomer(simulation, BETA, BETA_MILES);
  await ok(saveProfile(host, BETA, day(3)), "saving Beta");
  typeCustomer(simulation, ACME, ACME_MILES_LATER);
  const preview = await previewSwitch(host, BETA);
  if (!preview.ok) throw new Error(`previewing the switch to Beta failed: ${preview.message}`);
  await ok(switchProfile(host, preview.plan), "switching to Beta");
}

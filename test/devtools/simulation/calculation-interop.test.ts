/**
 * The strongest check of the calculator: the add-in builds a model inside the simulated Excel,
 * the calculator computes every formula it wrote, read back through Office.js `Range.values`;
 * LibreOffice, an independent spreadsheet engine, recalculates the workbook `cvm build` writes
 * from the same model (the same cells and names, test/adapters/excel/same-as-cli.test.ts). Every
 * formula cell of the Value Summary and the Assumptions Log must agree: numbers to a relative
 * 1e-9, texts, booleans and errors exactly. The named results must also equal the core's own.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { buildInExcel } from "../../support/pipeline";
import { writeModelWorkbook } from "../../support/model-workbook";
import { cellValueOf, loadXlsx } from "../../../src/adapters/xlsx/read";
import { type FileBuildOutcome, buildValueWorkbook } from "../../../src/cli/build-workbook";
import { RESULT_NAMES } from "../../../src/core/model/names";
import { ASSUMPTIONS_SHEET } from "../../../src/core/plan/assumptions";
import { SUMMARY_SHEET } from "../../../src/core/plan/summary";
import { cellRef } from "../../../src/core/workbook/address";
import { createExcelSimulation, type ExcelSimulation } from "../../../src/devtools/simulation/excel";
import { createFormulaCalculator } from "../../../src/devtools/simulation/excel/calculation";
import { BUILT, hostOf, SAMPLE_FILE } from "../../adapters/excel/support";
import { FIXTURES } from "../../fixtures/models";
import { temporaryFolder } from "../../support/build";
import { generatedModel } from "../../support/generated-model";
import { recalculateWithLibreOffice } from "../../support/libreoffice";
import { seedFromXlsx } from "../../support/xlsx-to-simulation";

type Scalar = string | number | boolean;
const SHEETS = [SUMMARY_SHEET, ASSUMPTIONS_SHEET] as const;

interface Case {
  readonly name: string;
  readonly input: () => Promise<Uint8Array>;
}

/** The sample, a generated model of 120 elements, and the fixtures (quoted sheet names, #N/A results, 30 years). */
const CASES: readonly Case[] = [
  { name: "pipeline-sample", input: async () => new Uint8Array(await fs.readFile(SAMPLE_FILE)) },
  { name: "generated-120", input: () => writeModelWorkbook(generatedModel(120)) },
  ...FIXTURES.map((f) => ({ name: f.name, input: () => writeModelWorkbook(f.tables, f.options) })),
];

interface Built {
  readonly simulation: ExcelSimulation;
  readonly cli: Extract<FileBuildOutcome, { ok: true }>;
  /** Per sheet: address → what the calculator gave, read through Range.values. */
  readonly calculated: Map<string, Map<string, Scalar>>;
  /** Per sheet: address → LibreOffice's result for the same cell. */
  readonly libreOffice: Map<string, Map<string, Scalar>>;
}

const built = new Map<string, Built>();

/** Every formula cell of a sheet, read as Office.js `Range.values` of the rectangle around them. */
async function calculatedCells(simulation: ExcelSimulation, sheet: string): Promise<Map<string, Scalar>> {
  const cells = simulation.document.sheet(sheet).cells.filter((c) => c.formula !== undefined);
  const top = Math.min(...cells.map((c) => c.row));
  const bottom = Math.max(...cells.map((c) => c.row));
  const left = Math.min(...cells.map((c) => c.column));
  const right = Math.max(...cells.map((c) => c.column));
  const values = await simulation.run(async (context) => {
    const range = context.workbook.worksheets
      .getItem(sheet)
      .getRange(`${cellRef(top, left)}:${cellRef(bottom, right)}`)
      .load("values");
    await context.sync();
    return range.values;
  });
  return new Map(cells.map((c) => [c.address, values[c.row - top]![c.column - left] as Scalar]));
}

beforeAll(async () => {
  const folder = await temporaryFolder("calculation");
  const prepared: {
    name: string;
    simulation: ExcelSimulation;
    cli: Extract<FileBuildOutcome, { ok: true }>;
    calculated: Map<string, Map<string, Scalar>>;
    file: string;
  }[] = [];
  for (const c of CASES) {
    const input = await c.input();
    const cli = await buildValueWorkbook(input, BUILT);
    if (!cli.ok) throw new Error(`${c.name}: cvm build failed: ${cli.problems[0]?.message}`);
    const file = path.join(folder, `${c.name}.value.xlsx`);
    await fs.writeFile(file, cli.bytes);

    const simulation = createExcelSimulation(seedFromXlsx(await loadXlsx(input)), { calculate: createFormulaCalculator() });
    const outcome = await buildInExcel(hostOf(simulation), BUILT);
    if (!outcome.ok) throw new Error(`${c.name}: the build in Excel failed`);
    const calculated = new Map<string, Map<string, Scalar>>();
    for (const sheet of SHEETS) calculated.set(sheet, await calculatedCells(simulation, sheet));
    prepared.push({ name: c.name, simulation, cli, calculated, file });
  }
  const recalculated = await recalculateWithLibreOffice(
    prepared.map((p) => p.file),
    path.join(folder, "recalculated"),
  );
  for (const [i, p] of prepared.entries()) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(recalculated[i]!);
    const libreOffice = new Map<string, Map<string, Scalar>>();
    for (const sheet of SHEETS) {
      const worksheet = workbook.getWorksheet(sheet)!;
      libreOffice.set(
        sheet,
        new Map([...p.calculated.get(sheet)!.keys()].map((address) => [address, cellValueOf(worksheet.getCell(address)) ?? ""])),
      );
    }
    built.set(p.name, { simulation: p.simulation, cli: p.cli, calculated: p.calculated, libreOffice });
  }
}, 60_000);

/** Relative 1e-9; a value that should be 0 may differ from it by rounding noise only. */
function same(actual: Scalar, expected: Scalar): boolean {
  if (typeof actual === "number" && typeof expected === "number") {
    const scale = Math.max(Math.abs(actual), Math.abs(expected));
    return Math.abs(actual - expected) <= 1e-9 * scale || scale < 1e-9;
  }
  return actual === expected;
}

test("the cases cover errors and empty texts as well as numbers", () => {
  const results = [...built.values()].flatMap((b) => [...b.libreOffice.values()].flatMap((cells) => [...cells.values()]));
  expect(results).toEqual(expect.arrayContaining(["#N/A", ""]));
});

describe.each(CASES.map((c) => c.name))("%s: the calculator against LibreOffice", (name) => {
  test.each(SHEETS)("every formula cell of %s", (sheet) => {
    const { calculated, libreOffice, simulation } = built.get(name)!;
    const ours = calculated.get(sheet)!;
    const theirs = libreOffice.get(sheet)!;
    expect(ours.size).toBeGreaterThan(5);
    const differences: string[] = [];
    for (const [address, value] of ours) {
      const expected = theirs.get(address)!;
      if (!same(value, expected))
        differences.push(
          `${address} ${simulation.document.cell(sheet, address).formula}: calculator ${JSON.stringify(value)}, LibreOffice ${JSON.stringify(expected)}`,
        );
    }
    expect(differences).toEqual([]);
    // Not a comparison of nothing with nothing: LibreOffice gave numbers for most of the cells.
    expect([...theirs.values()].filter((v) => typeof v === "number").length).toBeGreaterThan(ours.size / 2);
  });

  test("the named results are the core's, the element ids their annual values and the variables theirs", () => {
    const { simulation, cli } = built.get(name)!;
    const read = (defined: string): Scalar => {
      const match = /^=(?:'((?:[^']|'')+)'|([^'!]+))!\$([A-Z]+)\$(\d+)$/.exec(simulation.document.name(defined)!.formula)!;
      const sheet = match[1]?.replace(/''/g, "'") ?? match[2]!;
      return (
        built.get(name)!.calculated.get(sheet)?.get(`${match[3]}${match[4]}`) ??
        simulation.document.cell(sheet, `${match[3]}${match[4]}`).value!
      );
    };
    const totals = cli.analysis.results.totals;
    for (const result of RESULT_NAMES) {
      const expected = totals[result.replace(/^CVM_/, "") as keyof typeof totals];
      const actual = read(result);
      if (expected === undefined) expect([result, actual]).toEqual([result, "#N/A"]);
      else expect([result, same(actual, expected) ? expected : actual]).toEqual([result, expected]);
    }
    for (const element of cli.analysis.results.elements) {
      if (!element.element.id) continue;
      const actual = read(element.element.id);
      expect([element.element.id, same(actual, element.annualValue) ? element.annualValue : actual]).toEqual([
        element.element.id,
        element.annualValue,
      ]);
    }
    for (const variable of cli.analysis.model.variables)
      expect([variable.name, read(variable.name)]).toEqual([variable.name, variable.value]);
  });
});

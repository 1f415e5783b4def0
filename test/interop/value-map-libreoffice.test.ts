import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { buildValueWorkbook } from "../../src/cli/build-workbook";
import { VALUE_MAP_SHEET } from "../../src/core/plan/value-map";
import { PIPELINE_SAMPLE } from "../../src/sample/pipeline-model";
import { PIPELINE_MORE_STAKEHOLDERS, PIPELINE_PROPOSITIONS, PIPELINE_STAKEHOLDERS } from "../../src/sample/pipeline-stakeholders";
import type { CellValue } from "../../src/core/workbook/cells";
import { VALUE_MAP_AWKWARD, VALUE_MAP_SAMPLE } from "../fixtures/models";
import { BUILT_AT, buildFixture, temporaryFolder } from "../support/build";
import { recalculateWithLibreOffice } from "../support/libreoffice";

/**
 * The Value Map's formulas recalculated by LibreOffice, an independent engine: every formula on
 * the sheet (the sentences' FIXED money included) must show what the core stored beside it, and
 * a changed input must change the money in the sentences without a rebuild.
 */

type Shown = number | string | boolean | { error: string } | null;

async function mapFormulas(file: string): Promise<Map<string, { formula: string; shown: Shown }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const cells = new Map<string, { formula: string; shown: Shown }>();
  workbook.getWorksheet(VALUE_MAP_SHEET)!.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.type !== ExcelJS.ValueType.Formula) return;
      cells.set(cell.address, { formula: cell.formula, shown: (cell.result as Shown) ?? null });
    }),
  );
  return cells;
}

async function mapTexts(file: string): Promise<unknown[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const texts: unknown[] = [];
  workbook.getWorksheet(VALUE_MAP_SHEET)!.eachRow((row) => row.eachCell((cell) => texts.push(cell.value)));
  return texts;
}

function agree(stored: Shown, recalculated: Shown): boolean {
  if (typeof stored === "number" && typeof recalculated === "number") {
    return Math.abs(stored - recalculated) <= 1e-9 * Math.max(Math.abs(stored), 1);
  }
  return JSON.stringify(stored) === JSON.stringify(recalculated);
}

let folder: string;
const built = new Map<string, { valuePath: string; recalculated: string }>();

beforeAll(async () => {
  folder = await temporaryFolder("value-map");
  const builds = await Promise.all([VALUE_MAP_SAMPLE, VALUE_MAP_AWKWARD].map((f) => buildFixture(f, folder)));
  const recalculated = await recalculateWithLibreOffice(
    builds.map((b) => b.valuePath),
    path.join(folder, "recalculated"),
  );
  [VALUE_MAP_SAMPLE, VALUE_MAP_AWKWARD].forEach((f, i) =>
    built.set(f.name, { valuePath: builds[i]!.valuePath, recalculated: recalculated[i]! }),
  );
});

describe.each([VALUE_MAP_SAMPLE.name, VALUE_MAP_AWKWARD.name])("%s, recalculated by LibreOffice", (name) => {
  test("every formula of the Value Map shows what the core stored beside it", async () => {
    const { valuePath, recalculated } = built.get(name)!;
    const stored = await mapFormulas(valuePath);
    const again = await mapFormulas(recalculated);
    expect([...stored.values()].filter((c) => c.formula.includes("FIXED(")).length).toBeGreaterThan(3);
    const differing = [...stored]
      .filter(([address, c]) => !agree(c.shown, again.get(address)?.shown ?? null))
      .map(
        ([address, c]) =>
          `${address} =${c.formula}: stored ${JSON.stringify(c.shown)}, LibreOffice ${JSON.stringify(again.get(address)?.shown)}`,
      );
    expect(differing).toEqual([]);
  });
});

test("the sentences read as a person would write them", async () => {
  const texts = (await mapFormulas(built.get(VALUE_MAP_AWKWARD.name)!.recalculated)).values();
  const sentences = [...texts].map((c) => c.shown).filter((v) => typeof v === "string");
  expect(sentences).toEqual([
    'Saved hours: €1,234,500 a year, =HYPERLINK("http://example.invalid","x")',
    "Licence write-off: -€1,235 a year, 30",
    "Half: €1 a year, rounds up",
    "Nobody's: €3 a year",
  ]);
  const sample = [...(await mapFormulas(built.get(VALUE_MAP_SAMPLE.name)!.recalculated)).values()].map((c) => c.shown);
  expect(sample).toContainEqual(
    expect.stringMatching(
      /^Fewer leak repairs: \$\d{1,3}(,\d{3})+ a year, cutting the Production Manager's unplanned repair spend by 30%$/,
    ),
  );
});

test("workbook text that looks like a formula is written, and stays, as text", async () => {
  const texts = await mapTexts(built.get(VALUE_MAP_AWKWARD.name)!.recalculated);
  for (const dangerous of ["=CFO", "=1+1", "+Site lead", "@Keep it running", "-downtime"]) expect(texts).toContain(dangerous);
  const formulas = texts
    .filter((v): v is ExcelJS.CellFormulaValue => typeof v === "object" && v !== null && "formula" in v)
    .map((v) => v.formula);
  expect(formulas.some((f) => /HYPERLINK|CFO|Site lead|running|downtime/.test(f))).toBe(false);
});

test("a changed input changes the money in the sentences, without a rebuild", async () => {
  // The built sample with twice the pipeline: the Value Map's sentences follow once recalculated.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(built.get(VALUE_MAP_SAMPLE.name)!.valuePath);
  const variables = workbook.getWorksheet("Variables")!;
  let miles: ExcelJS.Cell | undefined;
  variables.eachRow((row) => {
    if (row.getCell(1).value === "PipelineMiles") miles = row.getCell(2);
  });
  miles!.value = 2400;
  const changed = path.join(folder, "sample-value-map-2400.xlsx");
  await workbook.xlsx.writeFile(changed);
  const [recalculated] = await recalculateWithLibreOffice([changed], path.join(folder, "recalculated-2400"));

  // What the core computes for the changed inputs, built afresh.
  const bytes = new Uint8Array(await fs.readFile(changed));
  const rebuilt = await buildValueWorkbook(bytes, BUILT_AT);
  if (!rebuilt.ok) throw new Error("the changed sample must build");
  const rebuiltPath = path.join(folder, "sample-value-map-2400.value.xlsx");
  await fs.writeFile(rebuiltPath, rebuilt.bytes);

  const live = await mapFormulas(recalculated!);
  const before = await mapFormulas(built.get(VALUE_MAP_SAMPLE.name)!.valuePath);
  const after = await mapFormulas(rebuiltPath);
  const repairs = (cells: typeof live) =>
    [...cells.values()].map((c) => c.shown).find((v) => typeof v === "string" && v.startsWith("Fewer leak repairs:"));
  expect(repairs(live)).not.toBe(repairs(before));
  expect(repairs(live)).toBe(repairs(after));
  expect([...after.keys()]).toEqual([...live.keys()]);
  expect([...after].filter(([address, c]) => !agree(c.shown, live.get(address)!.shown))).toEqual([]);
});

test("the sample's stakeholders are exactly those its elements name, each once, and every element has a proposition", () => {
  const named = new Set(PIPELINE_SAMPLE.elements.slice(1).map((r) => String(r[3])));
  const listed = PIPELINE_STAKEHOLDERS.slice(1).map((r) => String(r[0]));
  expect([...listed].sort()).toEqual([...named].sort());
  const more = PIPELINE_MORE_STAKEHOLDERS.map((r) => String(r[0]));
  expect(more.filter((m) => named.has(m) || listed.includes(m))).toEqual([]);
  const elements = PIPELINE_SAMPLE.elements.slice(1).map((r) => String(r[0]));
  expect(Object.keys(PIPELINE_PROPOSITIONS).sort()).toEqual([...elements].sort());
  const header: readonly CellValue[] = PIPELINE_STAKEHOLDERS[0]!;
  expect(header).toEqual(["Stakeholder", "Role", "Objective", "Metric", "Notes"]);
});

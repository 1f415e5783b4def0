import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { ASSUMPTIONS_SHEET } from "../../src/core/plan/assumptions";
import { SUMMARY_SHEET } from "../../src/core/plan/summary";
import { PIPELINE_SAMPLE } from "../../src/sample/pipeline-model";
import { FIXTURES, type Fixture } from "../fixtures/models";
import { buildFixture, temporaryFolder } from "../support/build";
import { recalculateWithLibreOffice } from "../support/libreoffice";

/**
 * A workbook opened where nothing recalculates (a mail preview, Protected View, a data-only
 * reader) shows the values stored beside the formulas. Every formula `cvm build` writes carries
 * the value the core computed; here every one of them, on both output sheets, is compared with
 * what LibreOffice computes when it recalculates the file.
 */
const ALL: readonly Fixture[] = [{ name: "pipeline-sample", tables: PIPELINE_SAMPLE }, ...FIXTURES];
const SHEETS = [SUMMARY_SHEET, ASSUMPTIONS_SHEET];

type Shown = number | string | boolean | { error: string } | null;

async function formulaCells(file: string): Promise<Map<string, { formula: string; shown: Shown }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await fs.readFile(file)) as unknown as ExcelJS.Buffer);
  const cells = new Map<string, { formula: string; shown: Shown }>();
  for (const name of SHEETS) {
    workbook.getWorksheet(name)!.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const result = cell.result as unknown;
        const shown: Shown = result === undefined ? null : result instanceof Date ? result.getTime() : (result as Shown);
        cells.set(`'${name}'!${cell.address}`, { formula: cell.formula, shown });
      }),
    );
  }
  return cells;
}

function agree(stored: Shown, recalculated: Shown): boolean {
  if (typeof stored === "number" && typeof recalculated === "number") {
    return stored === recalculated || Math.abs(stored - recalculated) <= 1e-9 * Math.max(Math.abs(stored), Math.abs(recalculated), 1e-3);
  }
  // A formula that shows "" is stored as an empty string value, which ExcelJS reads back as no value.
  if ((stored === null || stored === "") && (recalculated === null || recalculated === "")) return true;
  return JSON.stringify(stored) === JSON.stringify(recalculated);
}

let folder: string;
let builds: { name: string; stored: Awaited<ReturnType<typeof formulaCells>>; recalculated: Awaited<ReturnType<typeof formulaCells>> }[];

beforeAll(async () => {
  folder = await temporaryFolder("cached");
  const built = await Promise.all(ALL.map((f) => buildFixture(f, folder)));
  const recalculated = await recalculateWithLibreOffice(
    built.map((b) => b.valuePath),
    path.join(folder, "recalculated"),
  );
  builds = await Promise.all(
    ALL.map(async (f, i) => ({
      name: f.name,
      stored: await formulaCells(built[i]!.valuePath),
      recalculated: await formulaCells(recalculated[i]!),
    })),
  );
});

describe.each(ALL.map((f) => f.name))("%s: the values stored beside the formulas", (name) => {
  test("every formula on both output sheets carries a value, and it is the one LibreOffice computes", () => {
    const { stored, recalculated } = builds.find((b) => b.name === name)!;
    expect(stored.size).toBeGreaterThan(20);
    const differing = [...stored]
      .filter(([address, c]) => !agree(c.shown, recalculated.get(address)?.shown ?? null))
      .map(
        ([address, c]) =>
          `${address} =${c.formula}: stored ${JSON.stringify(c.shown)}, LibreOffice ${JSON.stringify(recalculated.get(address)?.shown)}`,
      );
    expect(differing).toEqual([]);
  });
});

test("the comparison can fail: LibreOffice recalculates rather than keeping a stored value", async () => {
  // A copy of the sample's value workbook whose stored NPV is wrong: recalculation must mend it.
  const source = path.join(folder, "pipeline-sample.value.xlsx");
  const zip = await JSZip.loadAsync(await fs.readFile(source));
  const stored = await formulaCells(source);
  const [address, npv] = [...stored].find(([, c]) => c.formula.includes("NPV(") && typeof c.shown === "number")!;
  const sheetPart = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
  let patched = 0;
  for (const part of sheetPart) {
    const xml = await zip.file(part)!.async("string");
    const cell = address.split("!")[1];
    const next = xml.replace(new RegExp(`(<c r="${cell}"[^>]*><f>[^<]*NPV\\([^<]*</f><v>)[^<]*(</v>)`), `$1${-1}$2`);
    if (next !== xml) {
      zip.file(part, next);
      patched++;
    }
  }
  expect(patched).toBe(1);
  const wrong = path.join(folder, "wrong-npv.xlsx");
  await fs.writeFile(wrong, await zip.generateAsync({ type: "nodebuffer" }));
  expect((await formulaCells(wrong)).get(address)!.shown).toBe(-1);
  const [recalculated] = await recalculateWithLibreOffice([wrong], path.join(folder, "recalculated-wrong"));
  expect(agree((await formulaCells(recalculated!)).get(address)!.shown, npv.shown)).toBe(true);
});

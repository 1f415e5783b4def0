/**
 * `cvm build --json` and CVM_Actuals: `realizationByYear` when something was measured, nothing new
 * otherwise, and a broken actuals table refused with its cell (exit status 1, nothing written).
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { CellValue } from "../../src/core/workbook/cells";
import { MID_PAYBACK } from "../fixtures/models";
import { temporaryFolder } from "../support/build";
import { cvm } from "../support/cli";
import { writeModelWorkbook } from "../support/model-workbook";

let folder: string;
beforeAll(async () => {
  folder = await temporaryFolder("cli-actuals");
});

/** MID_PAYBACK with an actuals table: Fuel saved 99200 a year (ramp 40%, 80%, 100%), Fewer breakdowns 26000 (no ramp). */
async function modelWith(name: string, actuals: readonly (readonly CellValue[])[] | undefined): Promise<string> {
  const file = path.join(folder, `${name}.xlsx`);
  await fs.writeFile(
    file,
    await writeModelWorkbook(
      { ...MID_PAYBACK.tables, ...(actuals ? { actuals } : {}) },
      { actualsFormat: (h) => (h === "Date" ? "yyyy-mm-dd" : undefined) },
    ),
  );
  return file;
}
const HEADER = ["Element", "Year", "Actual", "Source", "Date"];

test("--json reports realization by year: each year, each measured element-year, and both to date", async () => {
  const model = await modelWith("measured", [
    HEADER,
    ["Fuel saved", 1, 41000, "Fuel cards FY2026", 46112],
    ["Fewer breakdowns", 1, 20000, "Workshop log", ""],
    ["fuel saved", 2, 80000, "Fuel cards FY2027", 46477],
  ]);
  const { status, stdout } = await cvm("build", model, "--json", "--out", path.join(folder, "measured.value.xlsx"));
  expect(status).toBe(0);
  const json = JSON.parse(stdout);
  expect(Object.keys(json)).toEqual(["customer", "currency", "elements", "totals", "realizationByYear"]);
  const r = json.realizationByYear;
  // Year 1: 39680 + 26000 = 65680 estimated against 61000; year 2: 79360 against 80000. To date 145040 against 141000.
  expect(r.years).toEqual([
    {
      year: 1,
      estimated: 65680,
      actual: 61000,
      realizedShare: expect.closeTo(61000 / 65680, 12),
      estimatedToDate: 65680,
      actualToDate: 61000,
      realizedShareToDate: expect.closeTo(61000 / 65680, 12),
    },
    {
      year: 2,
      estimated: 79360,
      actual: 80000,
      realizedShare: expect.closeTo(80000 / 79360, 12),
      estimatedToDate: 145040,
      actualToDate: 141000,
      realizedShareToDate: expect.closeTo(141000 / 145040, 12),
    },
  ]);
  expect(r.elements.map((e: Record<string, unknown>) => [e.element, e.year, e.estimated, e.actual, e.source, e.date])).toEqual([
    ["Fuel saved", 1, 39680, 41000, "Fuel cards FY2026", "2026-03-31"],
    ["Fewer breakdowns", 1, 26000, 20000, "Workshop log", null],
    ["Fuel saved", 2, 79360, 80000, "Fuel cards FY2027", "2027-03-31"],
  ]);
  expect(r.elements[0].id).toBeNull();
  expect([r.estimatedToDate, r.realizedToDate]).toEqual([145040, 141000]);
});

test("without CVM_Actuals, or with its header alone, --json prints exactly what it printed before", async () => {
  const run = async (name: string, actuals?: readonly (readonly CellValue[])[]) =>
    (await cvm("build", await modelWith(name, actuals), "--json", "--out", path.join(folder, `${name}.value.xlsx`))).stdout;
  const before = await run("none");
  expect(Object.keys(JSON.parse(before))).toEqual(["customer", "currency", "elements", "totals"]);
  expect(await run("header-only", [HEADER])).toBe(before);
});

test("a broken actuals table stops the build with its cell, and nothing is written", async () => {
  const model = await modelWith("broken", [HEADER, ["Fuel saved", 1, 41000, "", ""], ["Fuel saved", 1, "n/a", "", ""]]);
  const out = path.join(folder, "broken.value.xlsx");
  const { status, stderr } = await cvm("build", model, "--out", out);
  expect(status).toBe(1);
  expect(stderr).toContain(
    'Error in sheet "Actuals", row 3, column C (CVM_Actuals): The Actual of this row holds the text "n/a"; enter a number.',
  );
  await expect(fs.access(out)).rejects.toThrow();
});

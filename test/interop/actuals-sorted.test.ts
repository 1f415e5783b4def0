/**
 * A finance team sorts and edits its ledger of actual results after a build. The Value Summary's
 * "By element and year" reads each actual live from its cell in CVM_Actuals only while that row
 * still names the same element and year: a row moved or re-dated shows #N/A until the next build,
 * never another element-year's money. LibreOffice recalculates a value workbook whose CVM_Actuals
 * was sorted and edited after the build.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { planSummary, SUMMARY_SHEET } from "../../src/core/plan/summary";
import { ACTUALS_BY_YEAR } from "../fixtures/models";
import { buildFixture, temporaryFolder } from "../support/build";
import { readCellValues, recalculateWithLibreOffice } from "../support/libreoffice";

test("rows swapped or re-dated after the build show #N/A; the rows left in place keep their money", async () => {
  const folder = await temporaryFolder("actuals-sorted");
  const { valuePath, analysis } = await buildFixture(ACTUALS_BY_YEAR, folder);
  const measured = planSummary(analysis.model, analysis.results, "").layout.realizationByYear!.measured;
  // By year, then the elements' order: Repairs (Actuals row 2), Crew time (3), Lower insurance (4) in year 1; Repairs (5), Crew time (6) in year 2.
  expect(measured.map((m) => [analysis.model.elements[m.element]!.element, m.year])).toEqual([
    ["Fewer leak repairs", 1],
    ["Crew time", 1],
    ["Lower insurance", 1],
    ["Fewer leak repairs", 2],
    ["Crew time", 2],
  ]);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(valuePath);
  const ledger = workbook.getWorksheet("Actuals")!;
  const row = (r: number) => ["A", "B", "C", "D", "E"].map((c) => ledger.getCell(`${c}${r}`).value);
  const [second, third] = [row(2), row(3)];
  // Sorted by element: "crew TIME" now above "Repairs"; and Repairs' year-2 row re-dated to year 3.
  ["A", "B", "C", "D", "E"].forEach((c, i) => {
    ledger.getCell(`${c}2`).value = third[i] as ExcelJS.CellValue;
    ledger.getCell(`${c}3`).value = second[i] as ExcelJS.CellValue;
  });
  ledger.getCell("B5").value = 3;
  const edited = path.join(folder, "edited.xlsx");
  await workbook.xlsx.writeFile(edited);

  const [recalculated] = await recalculateWithLibreOffice([edited], path.join(folder, "recalculated"));
  const values = await readCellValues(recalculated!, SUMMARY_SHEET, [...measured.map((m) => m.actual), ...measured.map((m) => m.share)]);
  expect(measured.map((m) => values.get(m.actual))).toEqual(["#N/A", "#N/A", 12000, "#N/A", 255000.5]);
  // A share over a missing actual is missing too.
  expect(values.get(measured[0]!.share)).toBe("#N/A");
  expect(values.get(measured[4]!.share)).toBeCloseTo(255000.5 / analysis.results.elements[1]!.byYear[1]!, 9);
});

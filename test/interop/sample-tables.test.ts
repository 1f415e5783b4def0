/**
 * The bundled sample holds its inputs as Excel tables written by ExcelJS (the starter plan applied
 * through the .xlsx adapter). LibreOffice opens the file and saves it with the three tables
 * intact, and the .xlsx reader finds the sample's inputs through them in both files.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { loadXlsx, readWorkbook } from "../../src/adapters/xlsx/read";
import { PIPELINE_SAMPLE } from "../../src/sample/pipeline-model";
import { temporaryFolder } from "../support/build";
import { recalculateWithLibreOffice } from "../support/libreoffice";

const SAMPLE = path.resolve(__dirname, "../../assets/sample/pipeline-leak-analytics.xlsx");

test("the sample's tables survive LibreOffice, and the reader finds the sample through them", async () => {
  const folder = await temporaryFolder("sample-tables");
  const copy = path.join(folder, "sample.xlsx");
  await fs.copyFile(SAMPLE, copy);
  const [saved] = await recalculateWithLibreOffice([copy], path.join(folder, "out"));
  const zip = await JSZip.loadAsync(await fs.readFile(saved!));
  const tables = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f))
      .map((f) => zip.file(f)!.async("string")),
  );
  expect(tables.map((xml) => `${/ name="([^"]+)"/.exec(xml)?.[1]} ${/ ref="([^"]+)"/.exec(xml)?.[1]}`).sort()).toEqual([
    // Five tables: the model's three, then its stakeholders and two years of actuals; the elements with their Proposition column.
    "CVM_Actuals A1:F12",
    "CVM_Elements A1:J7",
    "CVM_Settings A1:B11",
    "CVM_Stakeholders A1:E5",
    "CVM_Variables A1:G18",
  ]);
  const asRead = (rows: readonly (readonly unknown[])[] | undefined) => rows?.map((r) => r.map((v) => (v === null ? "" : v)));
  for (const file of [SAMPLE, saved!]) {
    const { input } = readWorkbook(await loadXlsx(new Uint8Array(await fs.readFile(file))));
    expect(input.variables?.values).toEqual(asRead(PIPELINE_SAMPLE.variables));
    expect(input.elements?.values).toEqual(asRead(PIPELINE_SAMPLE.elements));
    expect(input.settings?.values).toEqual(asRead(PIPELINE_SAMPLE.settings));
    expect(input.stakeholders?.values).toEqual(asRead(PIPELINE_SAMPLE.stakeholders));
    // Dates are serial numbers under a date format: read back as the same numbers.
    expect(input.actuals?.values).toEqual(asRead(PIPELINE_SAMPLE.actuals));
  }
});

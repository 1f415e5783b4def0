/**
 * The .xlsx's chart of estimate against actual by year: DrawingML that names the plan's cells,
 * and that LibreOffice reads as a column chart of those cells (it keeps it when it saves the file
 * again, which it only does for a chart it understood).
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { planSummary } from "../../src/core/plan/summary";
import type { RealizationChart } from "../../src/core/plan/types";
import { ACTUALS_BY_YEAR } from "../fixtures/models";
import { buildFixture, temporaryFolder } from "../support/build";
import { recalculateWithLibreOffice } from "../support/libreoffice";

/** Every chart part of a package, as text. */
async function chartParts(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const parts = Object.keys(zip.files).filter((name) => /^xl\/charts\/[^/]+\.xml$/.test(name));
  return Promise.all(parts.map((name) => zip.file(name)!.async("string")));
}

/** The formulas (`c:f`) of a chart part, dollar signs and quotes as written. */
const references = (xml: string) => [...xml.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1]!.replace(/&apos;/g, "'"));

test("the chart is a clustered column chart of the table of years, and LibreOffice reads it as one", async () => {
  const folder = await temporaryFolder("realization-chart");
  const { valuePath, analysis } = await buildFixture(ACTUALS_BY_YEAR, folder);
  const planned = planSummary(analysis.model, analysis.results, "").sheet.charts.find(
    (c): c is RealizationChart => c.kind === "realizationByYear",
  )!;
  const absolute = (range: string) => `'Value Summary'!${range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
  const expected = [
    absolute(planned.categories),
    absolute(planned.series[0]!.values),
    absolute(planned.categories),
    absolute(planned.series[1]!.values),
  ];

  const written = (await chartParts(valuePath)).filter((xml) => xml.includes('<c:barDir val="col"/>'));
  expect(written).toHaveLength(1);
  expect(written[0]).toContain('<c:grouping val="clustered"/>');
  expect(written[0]).toContain("<c:legend>");
  expect(references(written[0]!)).toEqual(expected);

  const [recalculated] = await recalculateWithLibreOffice([valuePath], path.join(folder, "recalculated"));
  const read = (await chartParts(recalculated!)).filter((xml) => /<c:barDir val="col"\/>/.test(xml));
  expect(read).toHaveLength(1);
  // LibreOffice writes the sheet name quoted and every reference absolute, as the adapter did.
  expect(references(read[0]!).filter((f) => f.includes("!"))).toEqual(expect.arrayContaining(expected));
});

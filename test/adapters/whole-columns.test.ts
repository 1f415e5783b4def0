/**
 * A named range over whole columns (`=Variables!$A:$G`), a common way to name a table that grows:
 * both adapters read only its used part (Excel would otherwise return a million rows, more than
 * Excel on the web sends in one response), and build exactly what the same model over fixed
 * ranges builds.
 */
import JSZip from "jszip";
import { buildInExcel, inspectInExcel } from "../support/pipeline";
import { loadXlsx } from "../../src/adapters/xlsx/read";
import { buildValueWorkbook } from "../../src/cli/build-workbook";
import { SUMMARY_SHEET } from "../../src/core/plan/summary";
import { firstCellOf, parseWholeLines, usedPart } from "../../src/core/workbook/whole-lines";
import { seedFromXlsx } from "../support/xlsx-to-simulation";
import { PIPELINE_SAMPLE, sampleNumberFormat } from "../../src/sample/pipeline-model";
import { writeModelWorkbook } from "../support/model-workbook";
import { BUILT, hostOf, simulationOf } from "./excel/support";

/** The sample's model behind five defined names (the bundled file has tables), with fixed ranges. */
async function sampleBehindNames(): Promise<Uint8Array> {
  return writeModelWorkbook(PIPELINE_SAMPLE, { numberFormat: sampleNumberFormat });
}

/** The sample with its names' references replaced in workbook.xml, as Name Manager would. */
async function sampleWithNames(refersTo: Record<string, string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await sampleBehindNames());
  let xml = await zip.file("xl/workbook.xml")!.async("string");
  for (const [name, reference] of Object.entries(refersTo)) {
    const pattern = new RegExp(`(<definedName name="${name}"[^>]*>)[^<]*(</definedName>)`);
    expect(xml).toMatch(pattern);
    xml = xml.replace(pattern, (_, open: string, close: string) => `${open}${reference}${close}`);
  }
  zip.file("xl/workbook.xml", xml);
  return zip.generateAsync({ type: "uint8array" });
}

const WHOLE = {
  CVM_Variables: "Variables!$A:$G",
  CVM_Elements: "Elements!$A:$J",
  CVM_Settings: "Settings!$1:$11",
  CVM_Stakeholders: "Stakeholders!$A:$E",
  CVM_Actuals: "Actuals!$A:$F",
};

describe("whole columns and rows as a named range", () => {
  test("references are recognized, and only the used part is kept", () => {
    expect(parseWholeLines("=Variables!$A:$G")).toEqual({ sheet: "Variables", top: 0, bottom: 1_048_575, left: 0, right: 6 });
    expect(parseWholeLines("'Customer''s inputs'!C:B")).toMatchObject({ sheet: "Customer's inputs", left: 1, right: 2 });
    expect(parseWholeLines("Settings!$2:$9")).toEqual({ sheet: "Settings", top: 1, bottom: 8, left: 0, right: 16_383 });
    for (const other of ["Variables!$A$1:$G$18", "#REF!$A:$G", "[Book1.xlsx]Inputs!A:B", "Inputs!A:ZZZZ", "Inputs!0:3"])
      expect(parseWholeLines(other)).toBeUndefined();
    const lines = parseWholeLines("Variables!$B:$D")!;
    expect(usedPart(lines, { top: 2, left: 0, bottom: 40, right: 9 })).toEqual({
      sheet: "Variables",
      top: 2,
      left: 1,
      bottom: 40,
      right: 3,
    });
    expect(usedPart(lines, { top: 0, left: 5, bottom: 3, right: 9 })).toBeUndefined();
    expect(usedPart(lines, undefined)).toBeUndefined();
    expect(firstCellOf(lines)).toBe("Variables!B1");
  });

  test("both adapters build from them exactly what they build from fixed ranges", async () => {
    const fixed = await sampleBehindNames();
    const whole = await sampleWithNames(WHOLE);

    const cliFixed = await buildValueWorkbook(fixed, BUILT);
    const cliWhole = await buildValueWorkbook(whole, BUILT);
    expect(cliWhole.ok ? [] : cliWhole.problems.map((p) => p.message)).toEqual([]);
    expect(cliWhole.ok && cliFixed.ok && cliWhole.analysis.results).toEqual(cliFixed.ok && cliFixed.analysis.results);

    const inFixed = await simulationOf(seedFromXlsx(await loadXlsx(fixed)));
    const inWhole = await simulationOf(seedFromXlsx(await loadXlsx(whole)));
    expect((await buildInExcel(hostOf(inFixed), BUILT)).ok).toBe(true);
    const built = await buildInExcel(hostOf(inWhole), BUILT);
    expect(built.ok ? [] : built.problems.map((p) => p.message)).toEqual([]);
    expect(inWhole.document.sheet(SUMMARY_SHEET)).toEqual(inFixed.document.sheet(SUMMARY_SHEET));
    // The read asked Excel for the used part of each name's range, never for whole columns' values.
    const reads = inWhole.syncs[1]!.operations.map((o) => `${o.object} ${o.action}`);
    expect(
      reads.filter((r) => r.includes("getUsedRangeOrNullObject(true)") && r.endsWith("load address,values,formulas,numberFormat")),
    ).toHaveLength(5);
    const located = await inspectInExcel(hostOf(inWhole));
    expect(located.ranges).toEqual({
      variables: "Variables!A1:G18",
      elements: "Elements!A1:J7",
      settings: "Settings!A1:B11",
      stakeholders: "Stakeholders!A1:E5",
      actuals: "Actuals!A1:F12",
    });
  });

  test("whole columns with nothing in them are reported where their header would be, by both adapters", async () => {
    const empty = await sampleWithNames({ CVM_Variables: "Variables!$K:$M" });
    const cli = await buildValueWorkbook(empty, BUILT);
    const simulation = await simulationOf(seedFromXlsx(await loadXlsx(empty)));
    const excel = await buildInExcel(hostOf(simulation), BUILT);
    for (const outcome of [cli, excel]) {
      expect(outcome.ok).toBe(false);
      const problem = !outcome.ok ? outcome.problems.find((p) => p.range === "CVM_Variables") : undefined;
      expect(problem).toMatchObject({ code: "range-no-header", cell: { sheet: "Variables", row: 0, column: 10 } });
    }
  });
});

/**
 * A sheet's page setup in the written .xlsx: the worksheet part's fit to width, orientation,
 * header, footer and manual breaks, and the print area and title rows that Excel keeps as
 * defined names scoped to the sheet. A rebuild replaces them; a user's own stay as they were.
 */
import * as fs from "node:fs";
import JSZip from "jszip";
import { readDefinedNames, sheetPartPath } from "../../src/adapters/xlsx/package-parts";
import { buildCustomerWorkbook, openBatchModel } from "../../src/cli/batch/customer-workbook";
import { ASSUMPTIONS_SHEET } from "../../src/core/plan/assumptions";
import { SUMMARY_SHEET } from "../../src/core/plan/summary";
import { VALUE_MAP_SHEET } from "../../src/core/plan/value-map";
import type { PagePlan } from "../../src/core/plan/types";
import { addDefinedNames, buildWithPages, sheetParts, sheetXml, LOG_PAGE, SUMMARY_PAGE } from "../support/page-plans";
import { BUILT, SAMPLE_FILE } from "./excel/support";

/** The user's own print area and title rows on their Variables sheet (the first). */
const USER_NAMES = [
  `<definedName name="_xlnm.Print_Area" localSheetId="0">Variables!$A$1:$G$18</definedName>`,
  `<definedName name="_xlnm.Print_Titles" localSheetId="0">Variables!$1:$1</definedName>`,
];

const sample = () => new Uint8Array(fs.readFileSync(SAMPLE_FILE));

async function printNames(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const names = readDefinedNames(await zip.file("xl/workbook.xml")!.async("string"));
  const sheets = (await sheetParts(zip)).map((p) => p.name);
  return names
    .filter((n) => n.name.startsWith("_xlnm."))
    .map((n) => ({ name: n.name, sheet: sheets[n.localSheetId!], refersTo: n.refersTo, xml: n.xml }))
    .sort((a, b) => (`${a.sheet}|${a.name}` < `${b.sheet}|${b.name}` ? -1 : 1));
}

describe("page setup in the .xlsx", () => {
  let first: Uint8Array;
  beforeAll(async () => {
    first = await buildWithPages(await addDefinedNames(sample(), USER_NAMES), BUILT, {
      [SUMMARY_SHEET]: SUMMARY_PAGE,
      [ASSUMPTIONS_SHEET]: LOG_PAGE,
    });
  });

  test("the worksheet part fits one page wide, in the planned orientation, with header, footer and breaks", async () => {
    const xml = await sheetXml(await JSZip.loadAsync(first), SUMMARY_SHEET);
    expect(xml).toMatch(/<sheetPr>(?:(?!<\/sheetPr>).)*<pageSetUpPr fitToPage="1"\/>/);
    const setup = /<pageSetup\b[^>]*\/>/.exec(xml)![0];
    expect(setup).toMatch(/orientation="landscape"/);
    expect(setup).toMatch(/fitToWidth="1"/);
    expect(setup).toMatch(/fitToHeight="0"/);
    // Header codes reach the file as written, `&` escaped for XML only.
    expect(xml).toContain(
      "<headerFooter><oddHeader>&amp;LValue to Acme &amp;&amp; Co&amp;RPipeline Leak Analytics</oddHeader><oddFooter>&amp;LBuilt 23 Nov 2026&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter>",
    );
    // Breaks above 0-based rows 20 and 41: after 1-based rows 20 and 41, across every column.
    expect(xml).toContain(
      '<rowBreaks count="2" manualBreakCount="2"><brk id="20" max="16383" man="1"/><brk id="41" max="16383" man="1"/></rowBreaks>',
    );
    // The schema's order: page setup, header and footer, breaks, then the chart's drawing.
    const order = ["<pageMargins", "<pageSetup", "<headerFooter", "<rowBreaks", "<drawing"].map((tag) => xml.indexOf(tag));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    const log = await sheetXml(await JSZip.loadAsync(first), ASSUMPTIONS_SHEET);
    expect(log).toMatch(/<pageSetup\b[^>]*orientation="portrait"/);
    expect(log).toContain(
      "<headerFooter><oddHeader>&amp;CAssumptions</oddHeader><oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter></headerFooter>",
    );
    expect(log).not.toContain("<rowBreaks");
  });

  test("print area and title rows are names scoped to their sheet; the user's own stay", async () => {
    expect((await printNames(first)).map(({ name, sheet, refersTo }) => ({ name, sheet, refersTo }))).toEqual([
      { name: "_xlnm.Print_Area", sheet: ASSUMPTIONS_SHEET, refersTo: "'Assumptions Log'!$A$1:$F$31" },
      // The sample's Value Map, as its own plan prints it: header on row 5, four stakeholders and six elements, the total on 16, two lines on 18 and 19.
      { name: "_xlnm.Print_Area", sheet: VALUE_MAP_SHEET, refersTo: "'Value Map'!$A$1:$F$19" },
      { name: "_xlnm.Print_Area", sheet: SUMMARY_SHEET, refersTo: "'Value Summary'!$A$1:$J$60" },
      { name: "_xlnm.Print_Titles", sheet: SUMMARY_SHEET, refersTo: "'Value Summary'!$4:$5" },
      { name: "_xlnm.Print_Area", sheet: "Variables", refersTo: "Variables!$A$1:$G$18" },
      { name: "_xlnm.Print_Titles", sheet: "Variables", refersTo: "Variables!$1:$1" },
    ]);
    const user = (await printNames(first)).filter((n) => n.sheet === "Variables").map((n) => n.xml);
    expect(user).toEqual(USER_NAMES);
  });

  test("rebuilt twice, each sheet has one print area and one set of title rows: the latest", async () => {
    const second = await buildWithPages(first, BUILT, { [SUMMARY_SHEET]: SUMMARY_PAGE, [ASSUMPTIONS_SHEET]: LOG_PAGE });
    const changed: PagePlan = {
      ...SUMMARY_PAGE,
      orientation: "portrait",
      printArea: { ...SUMMARY_PAGE.printArea, lastRow: 70 },
      titleRows: undefined,
      breaksBefore: [30],
    };
    const third = await buildWithPages(second, BUILT, { [SUMMARY_SHEET]: changed, [ASSUMPTIONS_SHEET]: LOG_PAGE });

    expect(await printNames(second)).toEqual(await printNames(first));
    expect((await printNames(third)).map(({ name, sheet, refersTo }) => ({ name, sheet, refersTo }))).toEqual([
      { name: "_xlnm.Print_Area", sheet: ASSUMPTIONS_SHEET, refersTo: "'Assumptions Log'!$A$1:$F$31" },
      // The sample's Value Map, as its own plan prints it: header on row 5, four stakeholders and six elements, the total on 16, two lines on 18 and 19.
      { name: "_xlnm.Print_Area", sheet: VALUE_MAP_SHEET, refersTo: "'Value Map'!$A$1:$F$19" },
      { name: "_xlnm.Print_Area", sheet: SUMMARY_SHEET, refersTo: "'Value Summary'!$A$1:$J$71" },
      { name: "_xlnm.Print_Area", sheet: "Variables", refersTo: "Variables!$A$1:$G$18" },
      { name: "_xlnm.Print_Titles", sheet: "Variables", refersTo: "Variables!$1:$1" },
    ]);
    const xml = await sheetXml(await JSZip.loadAsync(third), SUMMARY_SHEET);
    expect(xml.match(/<pageSetUpPr\b/g)).toHaveLength(1);
    expect(xml).toMatch(/<pageSetup\b[^>]*orientation="portrait"/);
    expect(xml).toContain('<rowBreaks count="1" manualBreakCount="1"><brk id="30" max="16383" man="1"/></rowBreaks>');
    expect(xml.match(/<headerFooter>/g)).toHaveLength(1);
  });

  test("a sheet the plan gives no page setup keeps what it has", async () => {
    // The sample's Variables sheet prints as it was inserted: one page wide, landscape, its name at the top.
    const setup = (xml: string) => ({
      fit: /<pageSetUpPr\b[^>]*\/>/.exec(xml)?.[0],
      // ExcelJS writes its defaults (copies, first page number) back: the settings that matter are compared.
      page: ["orientation", "fitToWidth", "fitToHeight"].map((a) => new RegExp(`<pageSetup\\b[^>]*\\b${a}="([^"]*)"`).exec(xml)?.[1]),
      headerFooter: /<headerFooter>.*<\/headerFooter>/.exec(xml)?.[0],
    });
    const before = setup(await sheetXml(await JSZip.loadAsync(sample()), "Variables"));
    expect(before.headerFooter).toContain("&amp;LVariables");
    expect(before.page).toEqual(["landscape", "1", "0"]);
    expect(setup(await sheetXml(await JSZip.loadAsync(first), "Variables"))).toEqual(before);
  });
});

/**
 * The sample with the user's Variables sheet set up for printing as Excel writes it: fit to page,
 * outline settings, a manual row break and a column break. ExcelJS reads no breaks, and writes
 * `pageSetUpPr` before `outlinePr`, which Excel repairs as corrupt.
 */
async function sampleWithUserPageSetup(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(sample());
  const path = await sheetPartPath(zip, "Variables");
  let xml = await zip.file(path)!.async("string");
  xml = xml
    .replace(/<sheetPr\b[^>]*\/>|<sheetPr\b[^>]*>[\s\S]*?<\/sheetPr>/, "")
    .replace(/(<worksheet\b[^>]*>)/, '$1<sheetPr><outlinePr summaryBelow="0"/><pageSetUpPr fitToPage="1"/></sheetPr>');
  xml = xml
    .replace(/<pageSetup\b[^>]*\/>/, "")
    .replace(/(<pageMargins\b[^>]*\/>)/, '$1<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  xml = xml.replace("</worksheet>", `${USER_BREAKS}</worksheet>`);
  zip.file(path, xml);
  return zip.generateAsync({ type: "uint8array" });
}
const USER_BREAKS =
  '<rowBreaks count="1" manualBreakCount="1"><brk id="9" max="16383" man="1"/></rowBreaks><colBreaks count="1" manualBreakCount="1"><brk id="3" max="1048575" man="1"/></colBreaks>';

describe("a user's own sheet set up for printing", () => {
  function expectKept(xml: string): void {
    expect(xml).toContain(USER_BREAKS);
    expect(xml).toMatch(/<sheetPr><outlinePr summaryBelow="0"\/><pageSetUpPr fitToPage="1"\/><\/sheetPr>/);
    expect(xml).toMatch(/<pageSetup\b[^>]*orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/);
  }

  test("cvm build keeps its breaks and writes its page setup properties in the schema's order", async () => {
    const built = await buildWithPages(await sampleWithUserPageSetup(), BUILT, { [SUMMARY_SHEET]: SUMMARY_PAGE });
    expectKept(await sheetXml(await JSZip.loadAsync(built), "Variables"));
    const rebuilt = await buildWithPages(built, BUILT, { [SUMMARY_SHEET]: SUMMARY_PAGE });
    expectKept(await sheetXml(await JSZip.loadAsync(rebuilt), "Variables"));
  });

  test("so does cvm batch, for every customer", async () => {
    const opened = await openBatchModel(await sampleWithUserPageSetup(), BUILT);
    if (opened.kind !== "ok") throw new Error(`the sample does not open: ${opened.kind}`);
    const bytes = await buildCustomerWorkbook(opened.model, { customer: "Contoso", values: [] }, BUILT);
    expectKept(await sheetXml(await JSZip.loadAsync(bytes), "Variables"));
  });
});

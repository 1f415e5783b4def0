/**
 * The bundled sample as its customer prints it: `cvm build` writes the value workbook, and
 * LibreOffice prints each output sheet to PDF with the page setup the core planned. The Value
 * Summary fits on at most four pages (three before the sample had two years of measured results,
 * whose section takes a page of its own) and the Assumptions Log on at most three, every column
 * through the last year on the first page, each page headed with the customer and the offering
 * and footed with its number; no section starts on one page and ends on the next when it would
 * fit on one.
 */
import { promises as fs } from "node:fs";
import { ASSUMPTIONS_SHEET } from "../../src/core/plan/assumptions";
import { SUMMARY_SHEET } from "../../src/core/plan/summary";
import { PIPELINE_SAMPLE } from "../../src/sample/pipeline-model";
import { buildFixture, temporaryFolder } from "../support/build";
import { type PrintedSheet, printSheetsToPdf } from "../support/print";

let printed: Map<string, PrintedSheet>;
const years = PIPELINE_SAMPLE.settings!.find((row) => row[0] === "Years")![1] as number;

beforeAll(async () => {
  const folder = await temporaryFolder("print-sample");
  const { valuePath } = await buildFixture({ name: "pipeline-sample", tables: PIPELINE_SAMPLE }, folder);
  printed = await printSheetsToPdf(await fs.readFile(valuePath), [SUMMARY_SHEET, ASSUMPTIONS_SHEET], folder);
});

describe("the sample's Value Summary on paper", () => {
  test("at most four pages, each headed with the customer and offering and numbered", () => {
    const { pages } = printed.get(SUMMARY_SHEET)!;
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(4);
    pages.forEach((text, i) => {
      expect(text).toContain("Value of LeakSense pipeline-leak analytics to Northwind Midstream");
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  test("the key figures first, and every column through the last year on page 1", () => {
    const first = printed.get(SUMMARY_SHEET)!.pages[0]!;
    expect(first).toContain("Key figures");
    expect(first).toContain("Net present value");
    expect(first).toContain(`Year ${years}`);
    expect(first).toContain(`Total, ${years} years`);
  });

  test("sections whole: a table's heading and its last row on the same page", () => {
    const { pages } = printed.get(SUMMARY_SHEET)!;
    const pageOf = (text: string) => pages.findIndex((p) => p.includes(text));
    for (const [heading, last] of [
      ["Value by stakeholder", "Lower insurance premium"],
      ["Cash flow", "Cumulative net cash flow"],
      ["Sensitivity of the net present value", "EmergencyHoursPerLeak"],
      ["Realization by year", "Estimate against actual, by year"],
      ["By element and year", "Payroll overtime report FY2027"],
    ] as const) {
      expect([heading, pageOf(heading)]).toEqual([heading, pages.findIndex((p) => p.includes(heading) && p.includes(last))]);
    }
    // The notes for the model's author come last.
    expect(pages.at(-1)).toContain("About this workbook");
  });
});

describe("the sample's Assumptions Log on paper", () => {
  test("at most three pages, each table whole with its last column, numbered", () => {
    const { pages } = printed.get(ASSUMPTIONS_SHEET)!;
    expect(pages.length).toBeLessThanOrEqual(3);
    expect(pages[0]).toContain("Customer variables");
    expect(pages[0]).toContain("Used by");
    const elements = pages.find((p) => p.includes("Value elements"))!;
    expect(elements).toContain("Annual value");
    expect(elements).toContain("Less emergency overtime");
    pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pages.length}`));
  });
});

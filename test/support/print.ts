/**
 * Test support: print ONE sheet of a workbook to PDF with LibreOffice and read each page's text
 * back with poppler's pdftotext (apt-get install poppler-utils).
 *
 * LibreOffice prints every visible sheet when it converts a workbook, so the sheet is printed
 * from a copy in which every other sheet is hidden and the sheet itself is visible and active.
 * Hidden rather than deleted: the printed sheet's formulas refer to the others (the Value Summary
 * to the user's Variables), and without them would print #REF!. Measured with LibreOffice 7.4: a
 * hidden sheet still prints if it has a print area, so the copy also drops the other sheets'
 * print areas and title rows. LibreOffice recalculates on load (see libreoffice.ts), so the
 * numbers are computed.
 */
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { decodeXml, readDefinedNames, withDefinedNames } from "../../src/adapters/xlsx/package-parts";
import { convertWithLibreOffice, type RecalculateOptions } from "./libreoffice";

const run = promisify(execFile);

export const POPPLER_MISSING_MESSAGE = "pdftotext/pdfinfo not found: apt-get install poppler-utils";

export interface PrintedSheet {
  /** Each page's text, laid out as on the page (pdftotext -layout). */
  readonly pages: readonly string[];
  /** The PDF, for a person to look at. */
  readonly pdf: string;
}

/** A copy of the package where only `sheet` is visible, active and has a print area. */
export async function onlySheetVisible(xlsx: Uint8Array, sheet: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const part = zip.file("xl/workbook.xml");
  if (!part) throw new Error("not an .xlsx package: no xl/workbook.xml");
  let xml = await part.async("string");
  let index = -1;
  let position = 0;
  xml = xml.replace(/<sheet\b[^>]*?\/?>/g, (element) => {
    const name = /\bname="([^"]*)"/.exec(element);
    const state = /\bstate="([^"]*)"/.exec(element)?.[1];
    const here = position++;
    const without = element.replace(/\s+state="[^"]*"/, "");
    if (name && decodeXml(name[1]!) === sheet) {
      index = here;
      return without;
    }
    return state === "veryHidden" ? element : without.replace(/^<sheet\b/, '<sheet state="hidden"');
  });
  if (index < 0) throw new Error(`the workbook has no sheet ${JSON.stringify(sheet)}`);
  const view = /<workbookView\b[^>]*?\/?>/.exec(xml);
  if (view) {
    const active = view[0]
      .replace(/\s+(activeTab|firstSheet)="[^"]*"/g, "")
      .replace(/^<workbookView\b/, `<workbookView activeTab="${index}" firstSheet="${index}"`);
    xml = xml.replace(view[0], active);
  } else {
    xml = xml.replace(/<sheets>/, `<bookViews><workbookView activeTab="${index}" firstSheet="${index}"/></bookViews><sheets>`);
  }
  const printNames = /^_xlnm\.print_(area|titles)$/i;
  const kept = readDefinedNames(xml).filter((n) => !(printNames.test(n.name) && n.localSheetId !== index));
  zip.file(
    "xl/workbook.xml",
    withDefinedNames(
      xml,
      kept.map((n) => n.xml),
    ),
  );
  return zip.generateAsync({ type: "uint8array" });
}

async function poppler(command: string, args: string[]): Promise<string> {
  try {
    return (await run(command, args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new Error(POPPLER_MISSING_MESSAGE);
    throw error;
  }
}

/** The number of pages of a PDF, as pdfinfo reports it. */
export async function pdfPageCount(pdf: string): Promise<number> {
  const pages = /^Pages:\s+(\d+)/m.exec(await poppler("pdfinfo", [pdf]));
  if (!pages) throw new Error(`pdfinfo reports no page count for ${pdf}`);
  return Number(pages[1]);
}

/**
 * Prints one sheet of an .xlsx to `outDir/<sheet>.pdf` with LibreOffice, as its page setup says
 * (print area, fit to width, title rows, breaks, header and footer), and returns each page's text.
 */
export async function printSheetToPdf(
  xlsx: Uint8Array,
  sheet: string,
  outDir: string,
  options: RecalculateOptions = {},
): Promise<PrintedSheet> {
  return (await printSheetsToPdf(xlsx, [sheet], outDir, options)).get(sheet)!;
}

/** printSheetToPdf for several sheets of one workbook, each to its own PDF, in one LibreOffice run. */
export async function printSheetsToPdf(
  xlsx: Uint8Array,
  sheets: readonly string[],
  outDir: string,
  options: RecalculateOptions = {},
): Promise<Map<string, PrintedSheet>> {
  const bases = sheets.map((sheet, i) => `${i + 1}-${sheet.replace(/[^\p{L}\p{N}_-]+/gu, "-")}`);
  const work = await fs.mkdtemp(path.join(outDir, "print-"));
  try {
    const inputs = await Promise.all(
      sheets.map(async (sheet, i) => {
        const input = path.join(work, `${bases[i]}.xlsx`);
        await fs.writeFile(input, await onlySheetVisible(xlsx, sheet));
        return input;
      }),
    );
    const converted = await convertWithLibreOffice(inputs, work, { convertTo: "pdf:calc_pdf_Export", extension: "pdf" }, options);
    const printed = new Map<string, PrintedSheet>();
    for (const [i, sheet] of sheets.entries()) {
      const pdf = path.join(outDir, `${bases[i]}.pdf`);
      await fs.rename(converted[i]!, pdf);
      const count = await pdfPageCount(pdf);
      // pdftotext ends each page with a form feed.
      const pages = (await poppler("pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"])).split("\f").slice(0, count);
      printed.set(sheet, { pages, pdf });
    }
    return printed;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

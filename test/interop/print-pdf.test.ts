/**
 * What a written page setup prints: LibreOffice turns one sheet of a workbook written by the
 * .xlsx adapter into PDF, and the pages' text shows every column on page 1 (fit to one page
 * wide), the title rows on every page, the manual break where it was planned, and the header and
 * footer with "Page x of y". CI installs LibreOffice and poppler-utils: a missing one is a failure.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { loadXlsx } from "../../src/adapters/xlsx/read";
import { writePlannedXlsx } from "../../src/adapters/xlsx/write";
import type { PagePlan, PlannedCell, SheetPlan, WorkbookPlan } from "../../src/core/plan/types";
import { onlySheetVisible, printSheetsToPdf, printSheetToPdf } from "../support/print";

const COLUMNS = 14;
const ROWS = 300;
const BREAK_BEFORE = 60;

const PAGE: PagePlan = {
  orientation: "portrait",
  fitToPagesWide: 1,
  printArea: { firstRow: 0, firstColumn: 0, lastRow: ROWS - 1, lastColumn: COLUMNS - 1 },
  titleRows: { first: 0, last: 0 },
  breaksBefore: [BREAK_BEFORE],
  header: { left: "Value to Acme && Co", center: "", right: "" },
  footer: { left: "", center: "", right: "Page &P of &N" },
};

function tallSheet(name: string, page?: PagePlan): SheetPlan {
  const cells: PlannedCell[] = [];
  for (let column = 0; column < COLUMNS; column++)
    cells.push({ row: 0, column, content: { kind: "text", value: column === 0 ? "Item" : `Year ${column}` } });
  for (let row = 1; row < ROWS; row++) {
    cells.push({ row, column: 0, content: { kind: "text", value: `Row ${row + 1}` } });
    for (let column = 1; column < COLUMNS; column++) cells.push({ row, column, content: { kind: "number", value: row * 100 + column } });
  }
  return {
    name,
    visibility: "visible",
    replaceColumns: { first: 0, last: COLUMNS - 1 },
    cells,
    styles: {},
    columnWidths: Array.from({ length: COLUMNS }, (_, column) => ({ column, width: 16 })),
    conditionalFormats: [],
    charts: [],
    ...(page ? { page } : {}),
  };
}

async function writtenWorkbook(): Promise<Uint8Array> {
  const user = new ExcelJS.Workbook();
  user.addWorksheet("Notes").getCell("A1").value = "The user's own notes sheet";
  const x = await loadXlsx(new Uint8Array(await user.xlsx.writeBuffer()));
  const report = tallSheet("Report", PAGE);
  const plan: WorkbookPlan = {
    sheets: [report, tallSheet("Unpaged")],
    names: [],
    deleteNames: [],
    provisionalRecord: { ...tallSheet("Record"), cells: [] },
  };
  return writePlannedXlsx(x, plan);
}

const occurrences = (text: string, word: string) => text.split(word).length - 1;

describe("printing one sheet with LibreOffice", () => {
  let folder: string;
  let pages: readonly string[];
  beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), "cvm-print-"));
    pages = (await printSheetToPdf(await writtenWorkbook(), "Report", folder)).pages;
  });
  afterAll(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  test("the sheet alone is printed, tall enough to need more than the break's two pages", () => {
    expect(pages.length).toBeGreaterThan(2);
    const all = pages.join("\n");
    expect(all).not.toContain("The user's own notes sheet");
    // Every row once, none of another sheet's.
    for (const row of [2, BREAK_BEFORE, BREAK_BEFORE + 1, ROWS])
      expect(occurrences(all, `Row ${row} `) + occurrences(all, `Row ${row}\n`)).toBe(1);
  });

  test("every column is on page 1: the sheet fits one page wide", () => {
    expect(pages[0]).toContain(`Year ${COLUMNS - 1}`);
    expect(pages[0]).toContain(`${2 * 100 + COLUMNS - 1}`);
  });

  test("the manual break ends page 1 after its last planned row", () => {
    expect(pages[0]).toMatch(new RegExp(`Row ${BREAK_BEFORE}\\b`));
    expect(pages[0]).not.toMatch(new RegExp(`Row ${BREAK_BEFORE + 1}\\b`));
    expect(pages[1]).toMatch(new RegExp(`Row ${BREAK_BEFORE + 1}\\b`));
  });

  test("title rows, header and footer on every page, with Page x of y", () => {
    pages.forEach((page, i) => {
      expect(page).toContain(`Year ${COLUMNS - 1}`);
      expect(page).toContain("Value to Acme & Co");
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  // A hidden sheet with a print area would print too (LibreOffice 7.4): Report has one.
  test("several sheets print in one run, each alone", async () => {
    const printed = await printSheetsToPdf(await writtenWorkbook(), ["Report", "Notes"], folder);
    expect(printed.get("Report")!.pages).toEqual(pages);
    expect(printed.get("Notes")!.pages).toHaveLength(1);
    expect(printed.get("Notes")!.pages[0]).toContain("The user's own notes sheet");
    expect(printed.get("Notes")!.pages[0]).not.toContain("Row 2");
  });

  test("the copy that prints one sheet hides the others, makes that sheet the active one, and keeps only its print area", async () => {
    const copy = await loadXlsx(await onlySheetVisible(await writtenWorkbook(), "Report"));
    expect(copy.workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ["Notes", "hidden"],
      ["Report", "visible"],
      ["Unpaged", "hidden"],
    ]);
    expect(copy.workbook.views[0]?.activeTab).toBe(1);
    const notes = await loadXlsx(await onlySheetVisible(await writtenWorkbook(), "Notes"));
    expect(notes.names.filter((n) => n.name.startsWith("_xlnm."))).toEqual([]);
    expect(copy.names.filter((n) => n.name.startsWith("_xlnm.")).map((n) => [n.name, n.localSheetId])).toEqual([
      ["_xlnm.Print_Area", 1],
      ["_xlnm.Print_Titles", 1],
    ]);
  });
});

/**
 * The two appliers of an edit plan: Office.js (on the simulation) queues it for one round trip;
 * the .xlsx adapter writes it with ExcelJS, unsharing a shared formula before its first cell is
 * overwritten, and keeps text text whatever it begins with.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { applyEditToExcel } from "../../src/adapters/excel";
import { applyEditToXlsx } from "../../src/adapters/xlsx/edit";
import { cellEdits, type EditPlan, EMPTY_EDIT } from "../../src/core/plan/edit";
import { createExcelSimulation } from "../../src/devtools/simulation/excel";
import { hostOf } from "./excel/support";

const text = (value: string) => ({ kind: "text", value }) as const;
const number = (value: number) => ({ kind: "number", value }) as const;

/** A new hidden sheet with a bold header, formats, a table, widths; an old range cleared; a text that looks like a formula; a new sheet shown. */
const EDIT: EditPlan = {
  ...EMPTY_EDIT,
  addSheets: [
    { name: "Notes", visibility: "hidden" },
    { name: "Shown", visibility: "visible" },
  ],
  clear: [{ sheet: "Sheet1", top: 0, left: 0, rows: 2, columns: 1 }],
  blocks: [
    {
      sheet: "Notes",
      top: 0,
      left: 0,
      rows: [[text("Name"), text("Share")], [text("=1+1"), number(0.25)], [text("Short")]],
      numberFormats: [
        ["General", "General"],
        ["General", "0%"],
        ["General", "General"],
      ],
    },
  ],
  bold: [{ sheet: "Notes", top: 0, left: 0, rows: 1, columns: 2 }],
  tables: [{ name: "CVM_Notes", range: { sheet: "Notes", top: 0, left: 0, rows: 3, columns: 2 } }],
  columnWidths: [{ sheet: "Notes", column: 0, width: 20 }],
  activate: "Shown",
};

describe("applying an edit plan in Excel", () => {
  test("queued whole in the caller's request: one round trip, text stays text, formats, bold, table, width, hidden, active", async () => {
    const simulation = createExcelSimulation({
      sheets: [{ name: "Sheet1", cells: { A1: { value: "old", format: { bold: true } }, A2: { value: 3 }, A3: { value: "kept" } } }],
    });
    await hostOf(simulation).run(async (context) => {
      applyEditToExcel(context, EDIT);
      await context.sync();
    });
    expect(simulation.syncs).toHaveLength(1);
    const doc = simulation.document;
    expect(doc.cell("Sheet1", "A1").value).toBeUndefined();
    expect(doc.cell("Sheet1", "A1").format.bold).toBeUndefined();
    expect(doc.cell("Sheet1", "A3").value).toBe("kept");
    expect(doc.cell("Notes", "A2")).toMatchObject({ value: "=1+1" });
    expect(doc.cell("Notes", "A2").formula).toBeUndefined();
    expect(doc.cell("Notes", "B2")).toMatchObject({ value: 0.25, numberFormat: "0%" });
    expect(doc.cell("Notes", "B3").value).toBeUndefined();
    expect(doc.cell("Notes", "B1").format.bold).toBe(true);
    expect(doc.tables().map((t) => [t.name, t.sheet, t.range])).toEqual([["CVM_Notes", "Notes", "A1:B3"]]);
    expect(doc.sheet("Notes").columnWidths).toEqual({ A: 108.75 });
    expect(doc.sheet("Notes").visibility).toBe("Hidden");
    expect(doc.sheetNames()).toEqual(["Sheet1", "Notes", "Shown"]);
    expect(doc.activeSheet()).toBe("Shown");
  });
});

describe("applying an edit plan to an .xlsx", () => {
  async function reopened(workbook: ExcelJS.Workbook): Promise<{ workbook: ExcelJS.Workbook; zip: JSZip }> {
    const bytes = await workbook.xlsx.writeBuffer();
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(bytes);
    return { workbook: again, zip: await JSZip.loadAsync(bytes) };
  }

  test("the same plan: text stays a shared string, formats, bold, table, width, hidden, active", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet1 = workbook.addWorksheet("Sheet1");
    sheet1.getCell("A1").value = "old";
    sheet1.getCell("A1").font = { bold: true };
    sheet1.getCell("A3").value = "kept";
    applyEditToXlsx(workbook, EDIT);
    const { workbook: again, zip } = await reopened(workbook);
    expect(again.getWorksheet("Sheet1")!.getCell("A1").value).toBeNull();
    expect(again.getWorksheet("Sheet1")!.getCell("A1").font?.bold).toBeUndefined();
    expect(again.getWorksheet("Sheet1")!.getCell("A3").value).toBe("kept");
    const notes = again.getWorksheet("Notes")!;
    expect(notes.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    expect(notes.getCell("A2").value).toBe("=1+1");
    expect(notes.getCell("B2").value).toBe(0.25);
    expect(notes.getCell("B2").numFmt).toBe("0%");
    expect(notes.getCell("B1").font?.bold).toBe(true);
    expect(notes.getColumn(1).width).toBe(20);
    expect(notes.state).toBe("hidden");
    const sheetXml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(sheetXml).toMatch(/<c r="A2"[^>]*t="s"/);
    expect(sheetXml).not.toContain("<f>");
    const tableXml = await zip.file("xl/tables/table1.xml")!.async("string");
    expect(tableXml).toContain('name="CVM_Notes"');
    expect(tableXml).toContain('ref="A1:B3"');
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain('activeTab="2"');
  });

  test("a number over a shared formula's first cell: the cells that shared it keep their own formulas; text beginning with = stays text", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Variables");
    [1, 2, 3].forEach((v, i) => (sheet.getCell(i + 1, 1).value = v));
    sheet.getCell("B1").value = { formula: "A1*2", shareType: "shared", ref: "B1:B3", result: 2 } as ExcelJS.CellValue;
    sheet.getCell("B2").value = { sharedFormula: "B1", result: 4 } as ExcelJS.CellValue;
    sheet.getCell("B3").value = { sharedFormula: "B1", result: 6 } as ExcelJS.CellValue;
    sheet.getCell("B1").numFmt = "0.0";
    applyEditToXlsx(
      workbook,
      cellEdits([
        { sheet: "Variables", row: 0, column: 1, content: number(42) },
        { sheet: "Variables", row: 0, column: 2, content: text("=B1+1") },
      ]),
    );
    const { workbook: again, zip } = await reopened(workbook);
    const read = again.getWorksheet("Variables")!;
    expect(read.getCell("B1").value).toBe(42);
    // The number keeps the cell's format: only the content is planned.
    expect(read.getCell("B1").numFmt).toBe("0.0");
    expect(read.getCell("B2").formula).toBe("A2*2");
    expect(read.getCell("B3").formula).toBe("A3*2");
    expect(read.getCell("C1").type).toBe(ExcelJS.ValueType.String);
    expect(read.getCell("C1").value).toBe("=B1+1");
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).not.toContain('t="shared"');
    expect(xml).toMatch(/<c r="C1"[^>]*t="s"/);
  });

  test("a sheet to add that the workbook has is kept as it is", () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("notes").getCell("A1").value = "mine";
    applyEditToXlsx(workbook, { ...EMPTY_EDIT, addSheets: [{ name: "Notes", visibility: "hidden" }] });
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([["notes", "visible"]]);
  });
});

/** The simulated Worksheet.pageLayout and horizontalPageBreaks: ExcelApi 1.9, state per sheet. */
import { createExcelSimulation } from "../../../src/devtools/simulation/excel";

const sheets = (apiVersion = "1.12") => createExcelSimulation({ sheets: [{ name: "Report" }, { name: "Other" }] }, { apiVersion });

describe("page layout", () => {
  test("what is set is kept per sheet, reads back after a load, and shows in the document", async () => {
    const simulation = sheets();
    await simulation.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      sheet.pageLayout.orientation = "Landscape";
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      sheet.pageLayout.setPrintArea("A1:H40");
      sheet.pageLayout.setPrintTitleRows("$3:$4");
      sheet.pageLayout.headersFooters.defaultForAllPages.centerFooter = "Page &P of &N";
      sheet.horizontalPageBreaks.add("A21");
      sheet.horizontalPageBreaks.add(sheet.getRange("C11:D12"));
      await context.sync();
      const layout = context.workbook.worksheets.getItem("Report").pageLayout.load("orientation,zoom");
      const footer = context.workbook.worksheets.getItem("Report").pageLayout.headersFooters.defaultForAllPages.load("centerFooter");
      await context.sync();
      expect([layout.orientation, layout.zoom, footer.centerFooter]).toEqual([
        "Landscape",
        { horizontalFitToPages: 1, verticalFitToPages: 0 },
        "Page &P of &N",
      ]);
    });
    expect(simulation.document.sheet("Report").pageLayout).toMatchObject({
      printArea: "A1:H40",
      printTitleRows: "$3:$4",
      rowBreaks: [10, 20],
      footer: { left: "", center: "Page &P of &N", right: "" },
    });
    expect(simulation.document.sheet("Other").pageLayout).toEqual({
      orientation: "Portrait",
      zoom: { scale: 100 },
      headerFooterMode: "Default",
      header: { left: "", center: "", right: "" },
      footer: { left: "", center: "", right: "" },
      rowBreaks: [],
    });
  });

  test("removePageBreaks resets the manual breaks", async () => {
    const simulation = sheets();
    await simulation.run(async (context) => {
      const breaks = context.workbook.worksheets.getItem("Report").horizontalPageBreaks;
      breaks.add("A5");
      await context.sync();
      breaks.removePageBreaks();
      breaks.add("A9");
      await context.sync();
    });
    expect(simulation.document.sheet("Report").pageLayout.rowBreaks).toEqual([8]);
  });

  test.each([
    ["title rows that are not whole rows", (s: Excel.Worksheet) => s.pageLayout.setPrintTitleRows("A3:H4")],
    ["a scale out of range", (s: Excel.Worksheet) => (s.pageLayout.zoom = { scale: 5 })],
    ["an orientation Excel does not have", (s: Excel.Worksheet) => (s.pageLayout.orientation = "Sideways" as Excel.PageOrientation)],
  ])("refused: %s", async (_, act) => {
    const simulation = sheets();
    await expect(
      simulation.run(async (context) => {
        act(context.workbook.worksheets.getItem("Report"));
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("needs ExcelApi 1.9", async () => {
    const simulation = sheets("1.8");
    await expect(
      simulation.run(async (context) => {
        context.workbook.worksheets.getItem("Report").pageLayout.orientation = "Landscape";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    await expect(
      simulation.run(async (context) => {
        context.workbook.worksheets.getItem("Report").horizontalPageBreaks.removePageBreaks();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

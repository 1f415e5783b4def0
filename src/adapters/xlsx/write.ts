import JSZip from "jszip";
import type { WorkbookPlan } from "../../core/plan/types";
import { applyPlanToXlsx, plannedNamesXml } from "./apply";
import { addCharts } from "./charts";
import { sheetPartPath, withDefinedNames, withPageBreaks, withSheetPropertiesInOrder } from "./package-parts";
import type { XlsxWorkbook } from "./read";

/** Applies the plan and returns the bytes of the finished .xlsx. */
export async function writePlannedXlsx(x: XlsxWorkbook, plan: WorkbookPlan): Promise<Uint8Array> {
  applyPlanToXlsx(x, plan);
  // Stored, not compressed: the package is opened again below and compressed once, at the end.
  const written = await x.workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  const zip = await JSZip.loadAsync(written);
  const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", withDefinedNames(workbookXml, plannedNamesXml(x, plan)));
  await restoreSheetParts(zip, x, plan);
  await addCharts(zip, plan);
  // The fastest level: a value workbook is tens of kilobytes, and a batch writes thousands.
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } });
}

/**
 * What ExcelJS loses or misorders in a sheet it writes back: the manual page breaks of every
 * sheet the plan gives no page setup (a user's own sheets above all), and the order of the page
 * setup properties of a sheet with outline settings.
 */
async function restoreSheetParts(zip: JSZip, x: XlsxWorkbook, plan: WorkbookPlan): Promise<void> {
  const paged = new Set(plan.sheets.filter((s) => s.page).map((s) => s.name.toLowerCase()));
  for (const sheet of x.workbook.worksheets) {
    const breaks = paged.has(sheet.name.toLowerCase()) ? undefined : x.pageBreaks?.get(sheet.name.toLowerCase());
    const misordered = Boolean(sheet.pageSetup.fitToPage && (sheet.properties as { outlineProperties?: unknown }).outlineProperties);
    if (breaks === undefined && !misordered) continue;
    const path = await sheetPartPath(zip, sheet.name);
    let xml = await zip.file(path)!.async("string");
    if (breaks !== undefined) xml = withPageBreaks(xml, breaks);
    if (misordered) xml = withSheetPropertiesInOrder(xml);
    zip.file(path, xml);
  }
}

import JSZip from "jszip";
import type { WorkbookPlan } from "../../core/plan/types";
import { applyPlanToXlsx, plannedNamesXml } from "./apply";
import { addCharts } from "./charts";
import { withDefinedNames } from "./package-parts";
import type { XlsxWorkbook } from "./read";

/** Applies the plan and returns the bytes of the finished .xlsx. */
export async function writePlannedXlsx(x: XlsxWorkbook, plan: WorkbookPlan): Promise<Uint8Array> {
  applyPlanToXlsx(x, plan);
  // Stored, not compressed: the package is opened again below and compressed once, at the end.
  const written = await x.workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  const zip = await JSZip.loadAsync(written);
  const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", withDefinedNames(workbookXml, plannedNamesXml(x, plan)));
  await addCharts(zip, plan);
  // The fastest level: a value workbook is tens of kilobytes, and a batch writes thousands.
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } });
}

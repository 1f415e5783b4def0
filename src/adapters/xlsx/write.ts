import JSZip from "jszip";
import type { WorkbookPlan } from "../../core/plan/types";
import { applyPlanToXlsx, plannedNamesXml } from "./apply";
import { addCharts } from "./charts";
import { withDefinedNames } from "./package-parts";
import type { XlsxWorkbook } from "./read";

/** Applies the plan and returns the bytes of the finished .xlsx. */
export async function writePlannedXlsx(x: XlsxWorkbook, plan: WorkbookPlan): Promise<Uint8Array> {
  applyPlanToXlsx(x, plan);
  const written = await x.workbook.xlsx.writeBuffer();
  const zip = await JSZip.loadAsync(written);
  const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", withDefinedNames(workbookXml, plannedNamesXml(x, plan)));
  await addCharts(zip, plan);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
